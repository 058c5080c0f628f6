// Dates, times and money in the reader's own locale.
//
// A calendar day reads the same wherever the app shows or asks for one: lists, date fields, charts,
// notifications and exported files all write it in the reader's day pattern (`dateFormat`), in
// dayjs tokens. The reader's locale decides the order, the separators and whether the month is a
// number or a word; month words are English, the app's language.
import dayjs from 'dayjs';

function locale(): string | undefined {
  return typeof navigator !== 'undefined' ? navigator.language : undefined;
}

// Making an Intl formatter costs far more than using one (a list of a hundred dates made a hundred
// of them): one per locale and set of options.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** `Intl.DateTimeFormat` in `localeName` (the runtime's own when the name is malformed), Gregorian, Latin digits. */
function dateTimeFormat(localeName: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${localeName ?? ''}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const settled: Intl.DateTimeFormatOptions = { calendar: 'gregory', numberingSystem: 'latn', ...options };
    try {
      formatter = new Intl.DateTimeFormat(localeName, settled);
    } catch {
      formatter = new Intl.DateTimeFormat(undefined, settled);
    }
    formatters.set(key, formatter);
  }
  return formatter;
}

// ------------------------------------------------------------------ the reader's day pattern

/** The pattern when a locale gives no usable one: "5 Nov 2026". */
export const FALLBACK_DATE_FORMAT = 'D MMM YYYY';

// Day and month of one digit, so that "2" or "02" tells D from DD and M from MM.
const SAMPLE_DAY = new Date(Date.UTC(2006, 0, 2));
const TOKEN = /(YYYY|MMM|MM|M|DD|D)/;
// Words of the locale's own language ("de", "gada", "г.") have no place in an English app; CJK
// characters (年, 月, 日) are that locale's separators and stay.
const FOREIGN_WORD = /(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{M}])+\.?/gu;
// What the server accepts for `date_format` on exports.
const MAX_PATTERN_BYTES = 32;

/** A literal of the locale's medium date style as a separator: no words, no bidi marks, plain spaces. */
function separator(literal: string): string {
  return literal
    .replace(/\p{Cf}/gu, '')
    .replace(/\s/gu, ' ')
    .replace(FOREIGN_WORD, '')
    .replace(/\(\s*\)/g, '')
    .replace(/[[\]"\\\p{N}\p{Cc}]/gu, '');
}

/** One day, one month and one year token, a separator between each two, and nothing dayjs would read as a token. */
function isDayPattern(pattern: string): boolean {
  const pieces = pattern.split(TOKEN); // literal, token, literal, token, literal, token, literal
  const tokens = pieces.filter((_, i) => i % 2 === 1);
  const literals = pieces.filter((_, i) => i % 2 === 0);
  return (
    tokens.length === 3 &&
    tokens.map((t) => t[0]).sort().join('') === 'DMY' &&
    literals.slice(1, -1).every((l) => l !== '') &&
    literals.every((l) => !/[A-Za-z0-9"\\[\]]/.test(l)) &&
    new TextEncoder().encode(pattern).length <= MAX_PATTERN_BYTES
  );
}

function derivePattern(localeName: string | undefined): string {
  const parts = dateTimeFormat(localeName, { dateStyle: 'medium', timeZone: 'UTC' }).formatToParts(SAMPLE_DAY);
  let pattern = '';
  for (const part of parts) {
    if (part.type === 'day') pattern += part.value.length > 1 ? 'DD' : 'D';
    // A month word ("Nov", "nov.", "thg 1") becomes the English abbreviation, its dot included.
    else if (part.type === 'month') pattern += /^\d+$/.test(part.value) ? (part.value.length > 1 ? 'MM' : 'M') : 'MMM';
    else if (part.type === 'year') pattern += 'YYYY';
    else if (part.type === 'literal') pattern += separator(part.value);
    // Anything else (an era, a weekday) is not part of a day's pattern.
  }
  pattern = pattern.replace(/ {2,}/g, ' ').trim();
  return isDayPattern(pattern) ? pattern : FALLBACK_DATE_FORMAT;
}

const patterns = new Map<string, string>();

/**
 * How the reader writes a calendar day, in dayjs tokens: D or DD, M, MM or MMM (English
 * abbreviation), YYYY, and the locale's separators. "MMM D, YYYY" for en-US, "D MMM YYYY" for
 * en-GB, "DD.MM.YYYY" for de-DE, "YYYY/MM/DD" for ja-JP. Date fields, lists and exports use it.
 */
export function dateFormat(localeOverride?: string): string {
  const localeName = localeOverride ?? locale();
  const key = localeName ?? '';
  let pattern = patterns.get(key);
  if (pattern === undefined) {
    pattern = derivePattern(localeName);
    patterns.set(key, pattern);
  }
  return pattern;
}

/** A calendar day (`YYYY-MM-DD`), shown without shifting it across time zones. */
export function formatDate(day: string | null | undefined, localeOverride?: string): string {
  if (!day) return '—';
  const match = /^\d{4}-\d{2}-\d{2}/.exec(day);
  if (!match) return day;
  // dayjs reads "YYYY-MM-DD" as local midnight and writes local fields: no shift. The date fields
  // render with dayjs in 'en' too, so a list and a field show the same text.
  return dayjs(match[0]).locale('en').format(dateFormat(localeOverride));
}

/** The calendar day (`YYYY-MM-DD`) an instant falls on in `timeZone`, or in the reader's. Requires: a known zone. */
function dayOf(instant: Date, timeZone?: string): string {
  const parts = dateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

const DAY_PARTS: ReadonlySet<string> = new Set(['year', 'month', 'day', 'era', 'weekday']);
const TIME_PARTS: ReadonlySet<string> = new Set(['hour', 'minute', 'second', 'dayPeriod', 'fractionalSecond']);

/**
 * An instant (UTC ISO-8601): its day in the reader's pattern and its time as the locale writes a
 * short time, in the locale's order ("Nov 21, 2026, 7:33 PM"; "21.11.2026, 19:33"). In the
 * reader's time zone unless `timeZone` is given. Requires: a known zone.
 */
export function formatDateTime(instant: string | null | undefined, localeOverride?: string, timeZone?: string): string {
  if (!instant) return '—';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  const localeName = localeOverride ?? locale();
  const day = formatDate(dayOf(date, timeZone), localeName);
  // The locale's medium date and short time, with its date swapped for the reader's day.
  const parts = dateTimeFormat(localeName, { dateStyle: 'medium', timeStyle: 'short', timeZone }).formatToParts(date);
  const text = (from: number, to?: number) => parts.slice(from, to).map((p) => p.value).join('');
  const d0 = parts.findIndex((p) => DAY_PARTS.has(p.type));
  const d1 = parts.findLastIndex((p) => DAY_PARTS.has(p.type));
  const t0 = parts.findIndex((p) => TIME_PARTS.has(p.type));
  const t1 = parts.findLastIndex((p) => TIME_PARTS.has(p.type));
  if (d0 < 0 || t0 < 0) return day;
  const time = text(t0, t1 + 1);
  const dayFirst = d0 < t0;
  const [a1, b0, b1] = dayFirst ? [d1, t0, t1] : [t1, d0, d1];
  let between = separator(text(a1 + 1, b0));
  // The day's own last separator ("日", ".") is already written.
  const tail = dateFormat(localeName).split(TOKEN).at(-1) ?? '';
  if (dayFirst && tail && between.startsWith(tail)) between = between.slice(tail.length);
  between = between.replace(/ +(?=[,،])/g, '') || ' ';
  const sentence = `${separator(text(0, Math.min(d0, t0)))}${dayFirst ? day : time}${between}${dayFirst ? time : day}${separator(text(b1 + 1))}`;
  return sentence.replace(/ {2,}/g, ' ').trim();
}

// ------------------------------------------------------------------ reading and rewriting days

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** `YYYY-MM-DD` when the numbers make a real day. */
function dayKey(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** "nov", "Nov.", "November", "sept" → 11; null for anything else. */
function monthOfWord(word: string): number | null {
  const text = word.toLowerCase().replace(/\.$/, '');
  if (text.length < 3) return null;
  const index = MONTH_NAMES.findIndex((name) => name.startsWith(text));
  return index < 0 ? null : index + 1;
}

/**
 * A day typed into a date field, as `YYYY-MM-DD`: in the reader's pattern, leniently ("5.11.2026"
 * and "05.11.2026" for "DD.MM.YYYY"; "nov 5 2026" for "MMM D, YYYY"), with or without a leading
 * weekday, or as `YYYY-MM-DD`. Null while the text is not yet a whole, real day: a date field then
 * keeps its value rather than guessing (the browser's own parser reads "5.11.2026" as 11 May).
 */
export function parseDay(text: string, pattern: string = dateFormat()): string | null {
  const typed = text.trim().replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*/i, '');
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (iso) return dayKey(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const pieces = pattern.split(TOKEN);
  const tokens: string[] = [];
  const source = pieces
    .map((piece, i) => {
      if (i % 2 === 0) return `(?:[^\\p{L}\\p{N}]|${piece ? `[${escapeRegExp(piece)}]` : '(?!)'})*`;
      tokens.push(piece);
      return piece === 'YYYY' ? '(\\d{4})' : piece === 'MMM' ? '(\\p{L}{3,}\\.?)' : '(\\d{1,2})';
    })
    .join('');
  const match = new RegExp(`^${source}$`, 'iu').exec(typed);
  if (!match) return null;
  let year = 0;
  let month: number | null = 0;
  let day = 0;
  for (const [i, token] of tokens.entries()) {
    const value = match[i + 1] ?? '';
    if (token === 'YYYY') year = Number(value);
    else if (token === 'MMM') month = monthOfWord(value);
    else if (token[0] === 'M') month = Number(value);
    else day = Number(value);
  }
  return month === null ? null : dayKey(year, month, day);
}

// A web address, left as it is: a day in it is part of the address.
const ADDRESS = /\b(?:[a-z][a-z0-9+.-]*:\/\/|www\.)\S+/gi;
// A whole ISO day: not part of a longer run of digits, a word, a path, a query or a timestamp.
const ISO_DAY = /(?<![\p{L}\p{N}_\-/.:=?&#%+])(\d{4})-(\d{2})-(\d{2})(?![\p{L}\p{N}_\-/]|[.:]\p{N})/gu;

function localiseSpan(text: string, localeOverride: string | undefined): string {
  return text.replace(ISO_DAY, (whole, y: string, m: string, d: string) =>
    dayKey(Number(y), Number(m), Number(d)) ? formatDate(whole, localeOverride) : whole,
  );
}

/**
 * Text from the server with its calendar days written `YYYY-MM-DD` (a notification's title and
 * body), with each such day in the reader's pattern: "Due on 2026-11-05" → "Due on Nov 5, 2026".
 * Days inside web addresses, longer digit runs, timestamps and impossible days stay as they are.
 */
export function localiseDays(text: string, localeOverride?: string): string {
  let out = '';
  let from = 0;
  for (const address of text.matchAll(ADDRESS)) {
    out += localiseSpan(text.slice(from, address.index), localeOverride) + address[0];
    from = address.index + address[0].length;
  }
  return out + localiseSpan(text.slice(from), localeOverride);
}

// ------------------------------------------------------------------ other measures

/** "3 minutes ago", "in 2 days". */
export function formatRelative(instant: string, now: Date = new Date(), localeOverride?: string): string {
  const seconds = (new Date(instant).getTime() - now.getTime()) / 1000;
  const rtf = new Intl.RelativeTimeFormat(localeOverride ?? locale(), { numeric: 'auto' });
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 365 * 24 * 3600],
    ['month', 30 * 24 * 3600],
    ['day', 24 * 3600],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit);
  }
  return rtf.format(Math.round(seconds), 'second');
}

/** Money as the API carries it: an integer count of minor units and an ISO 4217 code. */
export function formatMoney(minorUnits: number, currency: string, localeOverride?: string): string {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
    .maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(localeOverride ?? locale(), { style: 'currency', currency }).format(
    minorUnits / 10 ** digits,
  );
}

/** Today as `YYYY-MM-DD` in the reader's time zone. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
