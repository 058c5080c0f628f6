// Governance in words and numbers: issue countdowns, escalation paths, the stakeholder quadrant
// and meeting times in the meeting's own time zone. Pure functions.
import dayjs from 'dayjs';
import { formatDateTime } from '../../ui/format';

/** "3 days left", "Due today", "2 days overdue": how long an issue may stay at its level. */
export function countdownText(daysLeft: number): string {
  if (daysLeft === 0) return 'Due today';
  const n = Math.abs(daysLeft);
  const unit = n === 1 ? 'day' : 'days';
  return daysLeft > 0 ? `${n} ${unit} left` : `${n} ${unit} overdue`;
}

/** Overdue red, due within two days orange, else calm. */
export function countdownColor(daysLeft: number): string {
  if (daysLeft < 0) return 'red.8';
  if (daysLeft <= 2) return 'orange.8';
  return 'dimmed';
}

/** One step of an escalation path: "JDC (14 d)". */
export function levelLabel(level: { name: string; days: number }): string {
  return `${level.name} (${level.days} d)`;
}

/** "Team (10 d) → JDC (14 d) → JSC (30 d)": the whole path on one line. */
export function formatEscalationPath(levels: readonly { name: string; days: number }[]): string {
  return levels.map(levelLabel).join(' \u2192 ');
}

export type QuadrantName = 'manage_closely' | 'keep_satisfied' | 'keep_informed' | 'monitor';

/** Where a stakeholder sits on the influence–interest map (the server's rule, for the form's preview). */
export function quadrantOf(influence: number, interest: number): QuadrantName {
  if (influence >= 3 && interest >= 3) return 'manage_closely';
  if (influence >= 3) return 'keep_satisfied';
  if (interest >= 3) return 'keep_informed';
  return 'monitor';
}

/**
 * Chart positions for stakeholders: interest across, influence up. People who share a cell are
 * spread on a small circle around it, so that every name stays readable.
 */
export function spreadPoints<T extends { influence: number; interest: number }>(items: readonly T[], radius = 0.18): { item: T; x: number; y: number }[] {
  const cells = new Map<string, T[]>();
  for (const item of items) {
    const key = `${item.interest}:${item.influence}`;
    cells.set(key, [...(cells.get(key) ?? []), item]);
  }
  const result: { item: T; x: number; y: number }[] = [];
  for (const item of items) {
    const cell = cells.get(`${item.interest}:${item.influence}`) ?? [item];
    if (cell.length === 1) {
      result.push({ item, x: item.interest, y: item.influence });
      continue;
    }
    const angle = (2 * Math.PI * cell.indexOf(item)) / cell.length;
    result.push({
      item,
      x: round(item.interest + radius * Math.cos(angle)),
      y: round(item.influence + radius * Math.sin(angle)),
    });
  }
  return result;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

// ------------------------------------------------------------------ meeting times

function zoneParts(instantMs: number, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instantMs));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** How far `timeZone` is ahead of UTC at an instant, in milliseconds. */
function zoneOffset(instantMs: number, timeZone: string): number {
  return wallTime(instantMs, timeZone) - Math.floor(instantMs / 1000) * 1000;
}

/** True when the browser knows this IANA time zone. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.trim().length > 0;
  } catch {
    return false;
  }
}

/**
 * A wall-clock time in `timeZone` ("2027-03-02 15:00" or "2027-03-02 15:00:00") as the API's UTC
 * instant ("2027-03-02T14:00:00Z"). Null when malformed.
 */
export function zonedToUtc(local: string, timeZone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local.trim());
  if (!match || !isTimeZone(timeZone)) return null;
  const [, y, mo, d, h, mi, s] = match;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  // The zone's offsets a day either side cover any daylight-saving change in between. A time that
  // happens twice (clocks go back) is the earlier one; a time that never happens (clocks go
  // forward) moves on by the gap, as calendar apps do.
  const before = asUtc - zoneOffset(asUtc - DAY_MS, timeZone);
  const after = asUtc - zoneOffset(asUtc + DAY_MS, timeZone);
  const matches = [before, after].filter((t) => wallTime(t, timeZone) === asUtc);
  const instant = matches.length > 0 ? Math.min(...matches) : before;
  return new Date(instant).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const DAY_MS = 24 * 3600 * 1000;

/** The wall-clock time in `timeZone` at an instant, as if it were UTC milliseconds. */
function wallTime(instantMs: number, timeZone: string): number {
  const p = zoneParts(instantMs, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

/** The API's UTC instant as a wall-clock time in `timeZone`: "2027-03-02 15:00:00". */
export function utcToZoned(instant: string, timeZone: string): string {
  const ms = new Date(instant).getTime();
  if (Number.isNaN(ms) || !isTimeZone(timeZone)) return '';
  const p = zoneParts(ms, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
}

/** "Tue 2 Mar 2027, 15:00 Europe/Berlin": a meeting's start where it takes place, its day in the reader's pattern. */
export function formatMeetingStart(instant: string, timeZone: string, localeOverride?: string): string {
  if (Number.isNaN(new Date(instant).getTime())) return instant;
  const zone = isTimeZone(timeZone) ? timeZone : 'UTC';
  const weekday = dayjs(utcToZoned(instant, zone).slice(0, 10)).locale('en').format('ddd');
  return `${weekday} ${formatDateTime(instant, localeOverride, zone)} ${zone}`;
}

/** "90 min", "2 h", "1 h 30 min". */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** The browser's own time zone, the default for a new meeting. */
export function browserTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
