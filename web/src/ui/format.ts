// Dates, times and money in the reader's own locale.

function locale(): string | undefined {
  return typeof navigator !== 'undefined' ? navigator.language : undefined;
}

/** A calendar day (`YYYY-MM-DD`), shown without shifting it across time zones. */
export function formatDate(day: string | null | undefined, localeOverride?: string): string {
  if (!day) return '—';
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(localeOverride ?? locale(), {
    dateStyle: 'medium',
    timeZone: 'UTC',
  }).format(date);
}

/** An instant (UTC ISO-8601) in the reader's time zone. */
export function formatDateTime(instant: string | null | undefined, localeOverride?: string): string {
  if (!instant) return '—';
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return new Intl.DateTimeFormat(localeOverride ?? locale(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date);
}

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
