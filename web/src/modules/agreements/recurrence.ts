// The recurrence of an obligation, in the words a person chooses ("every quarter on the 15th") and
// as the RFC 5545 RRULE the API takes. The server accepts a subset (server/modules/agreements/
// model.cpp, ParseRule and Validate): FREQ=DAILY|WEEKLY|MONTHLY|YEARLY, INTERVAL 1..1000,
// BYMONTHDAY (±1..31, MONTHLY only), BYDAY (MO..SU; an ordinal ±1..5 only with MONTHLY; not with
// YEARLY), COUNT 1..1000 or UNTIL, not both. No BYSETPOS, no BYMONTH: "the second Tuesday" is
// BYDAY=2TU, and a yearly rule falls on the day and month of its start date (DTSTART).
//
// parseRrule mirrors the server's checks, so that a rule it refuses is caught here in plain words;
// recurrenceOf turns a rule into picker choices when the picker can express it; formatRecurrence
// writes the picker's choices back; expandRule is the server's Expand, for previewing due dates.
// Pure functions.
import type { DayKey } from '../../ui/calendarDays';
import { dateFormat, formatDate } from '../../ui/format';

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};

export const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Which weekday of the month: the first … fifth, or the last (-1). */
export type WeekdayOrdinal = 1 | 2 | 3 | 4 | 5 | -1;
export const WEEKDAY_ORDINALS: WeekdayOrdinal[] = [1, 2, 3, 4, 5, -1];
const ORDINAL_WORDS: Record<WeekdayOrdinal, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth', [-1]: 'last' };

/** The day of the month a monthly rule falls on: a day 1..31, the last day (-1), or a weekday. */
export type MonthlyOn = { kind: 'day'; day: number } | { kind: 'weekday'; ordinal: WeekdayOrdinal; weekday: Weekday };

export type RecurrenceEnd = { kind: 'never' } | { kind: 'on'; until: DayKey } | { kind: 'after'; count: number };

/**
 * The choices of the recurrence picker. A yearly rule falls on the day and month of the start
 * date, so its date is the obligation's `starts_on`, not part of the rule.
 */
export type Recurrence = { interval: number; end: RecurrenceEnd } & (
  | { unit: 'day' }
  | { unit: 'week'; weekdays: Weekday[] }
  | { unit: 'month'; on: MonthlyOn }
  | { unit: 'year' }
);

export type RecurrenceUnit = Recurrence['unit'];

/** A rule as the server reads it. */
export interface ParsedRrule {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
  interval: number;
  byMonthDay: number[];
  byDay: { ordinal: number; weekday: Weekday }[];
  count: number | null;
  until: DayKey | null;
}

export type RruleParse = { ok: true; rule: ParsedRrule } | { ok: false; error: string };

const PARTS = ['FREQ', 'INTERVAL', 'BYMONTHDAY', 'BYDAY', 'COUNT', 'UNTIL'];

function integer(text: string, signed: boolean): number | null {
  return (signed ? /^[+-]?\d{1,9}$/ : /^\+?\d{1,9}$/).test(text) ? Number(text) : null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dayKey(year: number, month: number, day: number): DayKey {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function untilDay(text: string): DayKey | null {
  const match = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})Z?)?$/.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (match[4] !== undefined && (Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6]) > 60)) return null;
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return dayKey(year, month, day);
}

/** Reads an RRULE as the server does; the error says, in words, what it would refuse. */
export function parseRrule(text: string): RruleParse {
  let body = text.trim();
  if (/^RRULE:/i.test(body)) body = body.slice(6).trim();
  if (!body) return { ok: false, error: 'The rule is empty: it needs at least FREQ (how often).' };
  const rule: ParsedRrule = { freq: 'DAILY', interval: 1, byMonthDay: [], byDay: [], count: null, until: null };
  const seen = new Set<string>();
  for (const raw of body.split(';')) {
    const part = raw.trim();
    if (!part) return { ok: false, error: 'The rule has an empty part (a stray “;”).' };
    const eq = part.indexOf('=');
    if (eq < 0) return { ok: false, error: `“${part}” is not a NAME=VALUE part.` };
    const name = part.slice(0, eq).trim().toUpperCase();
    const value = part.slice(eq + 1).trim();
    if (!PARTS.includes(name)) return { ok: false, error: `${name} is not supported; only FREQ, INTERVAL, BYMONTHDAY, BYDAY, COUNT and UNTIL are.` };
    if (seen.has(name)) return { ok: false, error: `${name} is given more than once.` };
    seen.add(name);
    if (name === 'FREQ') {
      const freq = value.toUpperCase();
      if (freq !== 'DAILY' && freq !== 'WEEKLY' && freq !== 'MONTHLY' && freq !== 'YEARLY') return { ok: false, error: `FREQ=${value} is not DAILY, WEEKLY, MONTHLY or YEARLY.` };
      rule.freq = freq;
    } else if (name === 'INTERVAL' || name === 'COUNT') {
      const n = integer(value, false);
      if (n === null || n < 1 || n > 1000) return { ok: false, error: `${name}=${value} is not a whole number from 1 to 1000.` };
      if (name === 'INTERVAL') rule.interval = n;
      else rule.count = n;
    } else if (name === 'UNTIL') {
      const day = untilDay(value.toUpperCase());
      if (!day) return { ok: false, error: `UNTIL=${value} is not a date written YYYYMMDD.` };
      rule.until = day;
    } else if (name === 'BYMONTHDAY') {
      for (const item of value.split(',').map((s) => s.trim())) {
        const n = integer(item, true);
        if (n === null || n === 0 || n < -31 || n > 31) return { ok: false, error: `BYMONTHDAY=${item} is not a day 1 to 31 (or -1 to -31 from the month’s end).` };
        rule.byMonthDay.push(n);
      }
    } else {
      for (const item of value.split(',').map((s) => s.trim().toUpperCase())) {
        const match = /^([+-]?\d{1,4})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
        const ordinal = match?.[1] ? Number(match[1]) : 0;
        if (!match || (match[1] && ordinal === 0)) return { ok: false, error: `BYDAY=${item} is not a weekday (MO, TU, WE, TH, FR, SA, SU; monthly, an ordinal such as 2TU or -1FR).` };
        rule.byDay.push({ ordinal, weekday: match[2] as Weekday });
      }
    }
  }
  if (!seen.has('FREQ')) return { ok: false, error: 'The rule needs FREQ (how often).' };
  if (rule.byMonthDay.length > 0 && rule.freq !== 'MONTHLY') return { ok: false, error: 'BYMONTHDAY (a day of the month) only goes with FREQ=MONTHLY.' };
  if (rule.byDay.length > 0 && rule.freq === 'YEARLY') return { ok: false, error: 'BYDAY (a weekday) does not go with FREQ=YEARLY.' };
  for (const d of rule.byDay) {
    if (d.ordinal !== 0 && rule.freq !== 'MONTHLY') return { ok: false, error: `BYDAY=${d.ordinal}${d.weekday}: an ordinal weekday only goes with FREQ=MONTHLY.` };
    if (d.ordinal < -5 || d.ordinal > 5) return { ok: false, error: `BYDAY=${d.ordinal}${d.weekday}: the ordinal is not 1 to 5 (or -1 to -5).` };
  }
  if (rule.count !== null && rule.until !== null) return { ok: false, error: 'COUNT and UNTIL cannot both be given: the rule ends one way.' };
  return { ok: true, rule };
}

/** The picker's choices, or why the picker cannot show the rule; `invalid` when the server would refuse it too. */
export type RecurrenceParse = { ok: true; recurrence: Recurrence } | { ok: false; reason: string; invalid: boolean };

function endOf(rule: ParsedRrule): RecurrenceEnd {
  if (rule.count !== null) return { kind: 'after', count: rule.count };
  if (rule.until !== null) return { kind: 'on', until: rule.until };
  return { kind: 'never' };
}

/** The weekday of a day. */
export function weekdayOf(day: DayKey): Weekday {
  return WEEKDAYS[weekdayIndex(day)]!;
}

/** Monday = 0 … Sunday = 6. */
function weekdayIndex(day: DayKey): number {
  const date = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))));
  return (date.getUTCDay() + 6) % 7;
}

function ordered(days: Weekday[]): Weekday[] {
  return WEEKDAYS.filter((d) => days.includes(d));
}

const NEEDS_START = 'This rule falls on the same day as its start date: choose the start date to see it in words.';
const NOT_IN_PICKER = 'The picker cannot show this rule';

/**
 * The picker's choices for a rule, or why the picker cannot show it (the rule is then kept as
 * written). `start` is the obligation's start date, which a rule without BYDAY or BYMONTHDAY
 * takes its day from.
 */
export function recurrenceOf(rrule: string, start: DayKey | null): RecurrenceParse {
  const parsed = parseRrule(rrule);
  if (!parsed.ok) return { ok: false, reason: parsed.error, invalid: true };
  const rule = parsed.rule;
  const base = { interval: rule.interval, end: endOf(rule) };
  const plainDays = rule.byDay.every((d) => d.ordinal === 0);
  switch (rule.freq) {
    case 'DAILY':
      if (rule.byDay.length === 0) return { ok: true, recurrence: { ...base, unit: 'day' } };
      // Every day that is a Monday or a Thursday is every week on Monday and Thursday.
      if (rule.interval === 1) return { ok: true, recurrence: { ...base, unit: 'week', weekdays: ordered(rule.byDay.map((d) => d.weekday)) } };
      return { ok: false, reason: `${NOT_IN_PICKER}: every few days, only on some weekdays.`, invalid: false };
    case 'WEEKLY':
      if (rule.byDay.length > 0 && plainDays) return { ok: true, recurrence: { ...base, unit: 'week', weekdays: ordered(rule.byDay.map((d) => d.weekday)) } };
      if (!start) return { ok: false, reason: NEEDS_START, invalid: false };
      return { ok: true, recurrence: { ...base, unit: 'week', weekdays: [weekdayOf(start)] } };
    case 'MONTHLY': {
      const { byMonthDay, byDay } = rule;
      if (byMonthDay.length === 0 && byDay.length === 0) {
        if (!start) return { ok: false, reason: NEEDS_START, invalid: false };
        return { ok: true, recurrence: { ...base, unit: 'month', on: { kind: 'day', day: Number(start.slice(8, 10)) } } };
      }
      if (byDay.length === 0 && byMonthDay.length === 1 && (byMonthDay[0]! > 0 || byMonthDay[0] === -1)) {
        return { ok: true, recurrence: { ...base, unit: 'month', on: { kind: 'day', day: byMonthDay[0]! } } };
      }
      const only = byDay[0];
      if (byMonthDay.length === 0 && byDay.length === 1 && only && only.ordinal !== 0 && (only.ordinal > 0 || only.ordinal === -1)) {
        return { ok: true, recurrence: { ...base, unit: 'month', on: { kind: 'weekday', ordinal: only.ordinal as WeekdayOrdinal, weekday: only.weekday } } };
      }
      if (byMonthDay.length > 1) return { ok: false, reason: `${NOT_IN_PICKER}: it falls on several days of the month.`, invalid: false };
      if (byMonthDay.length === 1 && byDay.length === 0) return { ok: false, reason: `${NOT_IN_PICKER}: it counts days back from the month’s end.`, invalid: false };
      if (byMonthDay.length > 0) return { ok: false, reason: `${NOT_IN_PICKER}: it combines days of the month with weekdays.`, invalid: false };
      if (byDay.length > 1) return { ok: false, reason: `${NOT_IN_PICKER}: it falls on several weekdays of the month.`, invalid: false };
      return { ok: false, reason: `${NOT_IN_PICKER}: it counts weekdays back from the month’s end.`, invalid: false };
    }
    case 'YEARLY':
      return { ok: true, recurrence: { ...base, unit: 'year' } };
  }
}

/** The RRULE for the picker's choices; always one the server accepts. */
export function formatRecurrence(r: Recurrence): string {
  const parts: string[] = [];
  switch (r.unit) {
    case 'day':
      parts.push('FREQ=DAILY');
      break;
    case 'week':
      parts.push('FREQ=WEEKLY');
      break;
    case 'month':
      parts.push('FREQ=MONTHLY');
      break;
    case 'year':
      parts.push('FREQ=YEARLY');
      break;
  }
  const interval = Math.min(1000, Math.max(1, Math.round(r.interval) || 1));
  if (interval !== 1) parts.push(`INTERVAL=${interval}`);
  if (r.unit === 'week' && r.weekdays.length > 0) parts.push(`BYDAY=${ordered(r.weekdays).join(',')}`);
  if (r.unit === 'month') {
    parts.push(r.on.kind === 'day' ? `BYMONTHDAY=${r.on.day}` : `BYDAY=${r.on.ordinal}${r.on.weekday}`);
  }
  if (r.end.kind === 'after') parts.push(`COUNT=${Math.min(1000, Math.max(1, Math.round(r.end.count) || 1))}`);
  if (r.end.kind === 'on') parts.push(`UNTIL=${r.end.until.replace(/-/g, '')}`);
  return parts.join(';');
}

/** "1st", "2nd", "23rd", "last day". */
export function dayOfMonthWords(day: number): string {
  if (day === -1) return 'last day';
  const tens = day % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : day % 10 === 1 ? 'st' : day % 10 === 2 ? 'nd' : day % 10 === 3 ? 'rd' : 'th';
  return `${day}${suffix}`;
}

/** "the second Tuesday", "the last Friday". */
export function weekdayOfMonthWords(ordinal: WeekdayOrdinal, weekday: Weekday): string {
  return `the ${ORDINAL_WORDS[ordinal]} ${WEEKDAY_NAMES[weekday]}`;
}

/**
 * A day in a rule's sentence: with its year as the reader writes days ("Dec 31, 2035"); without,
 * the day of a yearly rule in words, in the reader's order ("June 30", "30 June").
 */
export function dayWords(day: DayKey, withYear = true): string {
  if (withYear) return formatDate(day);
  const month = MONTH_NAMES[Number(day.slice(5, 7)) - 1] ?? '';
  const date = Number(day.slice(8, 10));
  const pattern = dateFormat();
  return pattern.indexOf('M') < pattern.indexOf('D') ? `${month} ${date}` : `${date} ${month}`;
}

function list(words: string[]): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function every(interval: number, one: string, many: string): string {
  return interval === 1 ? `Every ${one}` : `Every ${interval} ${many}`;
}

/**
 * The picker's choices in words: "Every quarter on the 15th", "Every 2 weeks on Monday",
 * "Every year on 30 June, 5 times". A yearly rule takes its day from `start`.
 */
export function describeRecurrence(r: Recurrence, start: DayKey | null): string {
  let text: string;
  switch (r.unit) {
    case 'day':
      text = every(r.interval, 'day', 'days');
      break;
    case 'week':
      text = `${every(r.interval, 'week', 'weeks')} on ${list(ordered(r.weekdays).map((d) => WEEKDAY_NAMES[d]))}`;
      break;
    case 'month': {
      const period = r.interval === 3 ? 'Every quarter' : every(r.interval, 'month', 'months');
      text = `${period} on ${r.on.kind === 'day' ? `the ${dayOfMonthWords(r.on.day)}` : weekdayOfMonthWords(r.on.ordinal, r.on.weekday)}`;
      break;
    }
    case 'year':
      text = `${every(r.interval, 'year', 'years')} on ${start ? dayWords(start, false) : 'the start date'}`;
      break;
  }
  if (r.end.kind === 'after') text += r.end.count === 1 ? ', once' : `, ${r.end.count} times`;
  if (r.end.kind === 'on') text += `, until ${dayWords(r.end.until)}`;
  return text;
}

/** A rule in words when the picker can express it; otherwise null. */
export function describeRrule(rrule: string | null | undefined, start: DayKey | null): string | null {
  if (!rrule) return null;
  const parsed = recurrenceOf(rrule, start);
  return parsed.ok ? describeRecurrence(parsed.recurrence, start) : null;
}

/** The first day on or after `from` with this month and day (29 February: the next leap year's). */
export function nextDayOfYear(from: DayKey, month: number, day: number): DayKey {
  let year = Number(from.slice(0, 4));
  for (let i = 0; i < 9; i++, year++) {
    if (day > daysInMonth(year, month)) continue;
    const candidate = dayKey(year, month, day);
    if (candidate >= from) return candidate;
  }
  return dayKey(year, month, Math.min(day, daysInMonth(year, month)));
}

// ---- due dates, as the server's Expand counts them ---------------------------------------------

function toNumber(day: DayKey): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000;
}

function fromNumber(n: number): DayKey {
  const date = new Date(n * 86_400_000);
  return dayKey(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The days of one month a MONTHLY rule picks, ascending. */
function monthlyDays(rule: ParsedRrule, year: number, month: number, startDay: number): number[] {
  const dim = daysInMonth(year, month);
  const byMonthDay = new Set<number>();
  for (const v of rule.byMonthDay) {
    const d = v > 0 ? v : dim + v + 1;
    if (d >= 1 && d <= dim) byMonthDay.add(d);
  }
  const byDay = new Set<number>();
  const firstWeekday = weekdayIndex(dayKey(year, month, 1));
  for (const b of rule.byDay) {
    const first = 1 + ((WEEKDAYS.indexOf(b.weekday) - firstWeekday + 7) % 7);
    if (b.ordinal === 0) {
      for (let d = first; d <= dim; d += 7) byDay.add(d);
    } else if (b.ordinal > 0) {
      const d = first + 7 * (b.ordinal - 1);
      if (d <= dim) byDay.add(d);
    } else {
      const d = first + 7 * Math.floor((dim - first) / 7) + 7 * (b.ordinal + 1);
      if (d >= 1) byDay.add(d);
    }
  }
  let days: number[];
  if (rule.byMonthDay.length > 0 && rule.byDay.length > 0) days = [...byMonthDay].filter((d) => byDay.has(d));
  else if (rule.byMonthDay.length > 0) days = [...byMonthDay];
  else if (rule.byDay.length > 0) days = [...byDay];
  else days = startDay <= dim ? [startDay] : [];
  return days.sort((a, b) => a - b);
}

/**
 * The due dates of a rule from `start` (DTSTART), on or after `from`, at most `limit` of them:
 * what the server's Expand returns (days that do not exist are skipped; COUNT counts from the
 * start; nothing more than 100 years after it).
 */
export function expandRule(rule: ParsedRrule, start: DayKey, from: DayKey, limit: number): DayKey[] {
  const out: DayKey[] = [];
  const s = toNumber(start);
  const f = toNumber(from);
  const startYear = Number(start.slice(0, 4));
  const startMonth = Number(start.slice(5, 7));
  const startDay = Number(start.slice(8, 10));
  let last = toNumber(dayKey(startYear + 100, startMonth, Math.min(startDay, daysInMonth(startYear + 100, startMonth))));
  if (rule.until) last = Math.min(last, toNumber(rule.until));
  if (limit <= 0 || last < s || last < f) return out;
  let remaining = rule.count ?? Infinity;
  let done = false;
  const take = (day: number) => {
    if (day < s) return;
    if (day > last) {
      done = true;
      return;
    }
    remaining -= 1;
    if (remaining <= 0) done = true;
    if (day >= f) {
      out.push(fromNumber(day));
      if (out.length >= limit) done = true;
    }
  };
  const weekdays = new Set(rule.byDay.map((b) => WEEKDAYS.indexOf(b.weekday)));
  const interval = rule.interval;
  if (rule.freq === 'DAILY') {
    for (let day = s; !done && day <= last; day += interval) {
      if (weekdays.size === 0 || weekdays.has(weekdayIndex(fromNumber(day)))) take(day);
    }
  } else if (rule.freq === 'WEEKLY') {
    if (weekdays.size === 0) weekdays.add(weekdayIndex(start));
    for (let monday = s - weekdayIndex(start); !done && monday <= last; monday += 7 * interval) {
      for (let wd = 0; wd < 7 && !done; wd++) if (weekdays.has(wd)) take(monday + wd);
    }
  } else if (rule.freq === 'MONTHLY') {
    for (let m = startYear * 12 + (startMonth - 1); !done; m += interval) {
      const year = Math.floor(m / 12);
      const month = (m % 12) + 1;
      const first = toNumber(dayKey(year, month, 1));
      if (first > last) break;
      for (const d of monthlyDays(rule, year, month, startDay)) {
        if (done) break;
        take(first + d - 1);
      }
    }
  } else {
    for (let year = startYear; !done; year += interval) {
      if (toNumber(dayKey(year, 1, 1)) > last) break;
      if (startDay <= daysInMonth(year, startMonth)) take(toNumber(dayKey(year, startMonth, startDay)));
    }
  }
  return out;
}

/** The next `limit` due dates of a rule on or after `from`; none when the rule or start is not valid. */
export function nextDueDates(rrule: string, start: DayKey | null, from: DayKey, limit = 5): DayKey[] {
  const parsed = parseRrule(rrule);
  if (!parsed.ok || !start) return [];
  return expandRule(parsed.rule, start, from < start ? start : from, limit);
}
