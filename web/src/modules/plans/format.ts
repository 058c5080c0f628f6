// Calendar-day arithmetic, slippage and money input for the plan. Pure functions.
import dayjs from 'dayjs';
import { formatDate } from '../../ui/format';

const DAY_MS = 24 * 3600 * 1000;

/** A `YYYY-MM-DD` day as UTC midnight in milliseconds (NaN when malformed). */
export function dayToTime(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return Number.NaN;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** `to` minus `from` in whole days. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayToTime(to) - dayToTime(from)) / DAY_MS);
}

/** The day `days` after `day`. */
export function addDays(day: string, days: number): string {
  return new Date(dayToTime(day) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * A tick of the timeline's time axis (ECharts places ticks at local midnight): the year on 1
 * January, the month's name on the 1st, else the day in the reader's pattern.
 */
export function timeAxisLabel(value: number): string {
  const tick = dayjs(value);
  if (tick.date() === 1) return tick.month() === 0 ? String(tick.year()) : tick.locale('en').format('MMM');
  return formatDate(tick.format('YYYY-MM-DD'));
}

/** "+45 days", "−3 days", "on plan": slippage in words a planner reads at a glance. */
export function formatSlip(days: number): string {
  if (days === 0) return 'On plan';
  const n = Math.abs(days);
  const unit = n === 1 ? 'day' : 'days';
  return days > 0 ? `+${n} ${unit}` : `\u2212${n} ${unit}`;
}

/** The colour of a slip: late red, early teal, none dimmed. */
export function slipColor(days: number): string {
  if (days > 0) return days > 30 ? 'red.8' : 'orange.8';
  if (days < 0) return 'teal.8';
  return 'dimmed';
}

/** The day a milestone lands: its actual date when achieved, else its forecast. */
export function landingDate(milestone: { actual_date: string | null; forecast_date: string }): string {
  return milestone.actual_date ?? milestone.forecast_date;
}

/** How many decimals a currency's minor unit has (EUR 2, JPY 0, KWD 3); 2 for an unknown code. */
export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/**
 * An amount typed in major units ("12345.67", 12345.67) as integer minor units of `currency`
 * (1234567 for EUR). Null when it is not a number, has more decimals than the currency allows,
 * or is not positive. Works on the digits, not on floating point, so 0.29 EUR is 29 cents.
 */
export function toMinorUnits(amount: string | number, currency: string): number | null {
  const text = typeof amount === 'number' ? amountText(amount) : amount.trim().replace(/[\s,_]/g, '');
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match) return null;
  const digits = currencyDigits(currency);
  const whole = match[1] ?? '0';
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return null;
  const minor = Number(whole + fraction.padEnd(digits, '0'));
  return Number.isSafeInteger(minor) && minor > 0 ? minor : null;
}

/** Integer minor units as a plain major-unit amount for an input ("12345.67"). */
export function fromMinorUnits(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  const major = `${text.slice(0, -digits)}.${text.slice(-digits)}`;
  return minor < 0 ? `-${major}` : major;
}

function amountText(value: number): string {
  // The shortest text that reads back as the same number: 0.29 stays "0.29". Exponents fail the
  // pattern above on purpose.
  return Number.isFinite(value) ? String(value) : '';
}

/** A KPI value with its unit, in the reader's locale ("34 patients", "12.5 %"). */
export function formatMeasure(value: number, unit: string): string {
  const number = new Intl.NumberFormat(typeof navigator !== 'undefined' ? navigator.language : undefined, {
    maximumFractionDigits: 2,
  }).format(value);
  if (!unit) return number;
  return unit === '%' ? `${number} %` : `${number} ${unit}`;
}
