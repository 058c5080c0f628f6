// Compliance in numbers and charts: on-time rates as percentages, the ECharts options of the
// on-time trend (one line per owing party, by quarter) and of overdue obligations by category,
// and the same numbers in words for screen readers. Pure functions.
import { OBLIGATION_CATEGORY_LABELS } from './labels';
import type { ComplianceQuarter, ComplianceRow, ObligationCategory } from './types';

/** Distinct colours for the parties' lines (ECharts paints on a canvas, without Mantine's variables). */
export const SERIES_COLORS = ['#4c6ef5', '#12b886', '#f76707', '#ae3ec9', '#1c7ed6', '#f59f00', '#e64980', '#495057'];
const OVERDUE_COLOR = '#e03131';

/** 0.8333 → "83%"; null (nothing was due) → "—". */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  return `${Math.round(rate * 100)}%`;
}

/** A compliance row's name: categories in words, parties as the server names them. */
export function rowName(row: Pick<ComplianceRow, 'key' | 'name'>): string {
  if (row.key === 'joint') return 'Joint';
  return OBLIGATION_CATEGORY_LABELS[row.key as ObligationCategory] ?? row.name;
}

/** "2026-Q3" sorts as text; the quarters present, oldest first. */
export function quartersOf(rows: readonly Pick<ComplianceQuarter, 'quarter'>[]): string[] {
  return [...new Set(rows.map((r) => r.quarter))].sort();
}

export interface PartySeries {
  key: string;
  name: string;
  /** Per quarter of `quarters`: the on-time rate in percent, or null when nothing was due. */
  rates: (number | null)[];
}

/** One series per owing party (joint obligations as one more), each with a value for every quarter. */
export function onTimeSeries(rows: readonly ComplianceQuarter[]): { quarters: string[]; series: PartySeries[] } {
  const quarters = quartersOf(rows);
  const byParty = new Map<string, PartySeries>();
  for (const row of rows) {
    const key = row.organization_id ?? 'joint';
    let series = byParty.get(key);
    if (!series) {
      series = { key, name: row.organization_id ? row.name : 'Joint', rates: quarters.map(() => null) };
      byParty.set(key, series);
    }
    const index = quarters.indexOf(row.quarter);
    series.rates[index] = row.on_time_rate === null ? null : Math.round(row.on_time_rate * 1000) / 10;
  }
  return { quarters, series: [...byParty.values()] };
}

/** The line chart of on-time rates per party over the quarters. */
export function onTimeChartOption(rows: readonly ComplianceQuarter[]) {
  const { quarters, series } = onTimeSeries(rows);
  return {
    animation: false,
    color: SERIES_COLORS,
    grid: { left: 8, right: 16, top: 40, bottom: 4, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => (typeof value === 'number' ? `${value}%` : '—') },
    // The labels a little further down than the default 8 px, clear of the marker of a 0% point.
    xAxis: { type: 'category', data: quarters, boundaryGap: true, axisLabel: { margin: 14 }, axisLine: { lineStyle: { color: '#ced4da' } } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' }, splitLine: { lineStyle: { color: '#f1f3f5' } } },
    series: series.map((s) => ({ type: 'line', name: s.name, data: s.rates, connectNulls: false, symbolSize: 7 })),
  };
}

/** The bar chart of overdue occurrences per category (only categories with any). */
export function overdueChartOption(rows: readonly ComplianceRow[]) {
  const withOverdue = rows.filter((r) => r.overdue > 0);
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 16, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'category',
      data: withOverdue.map(rowName),
      axisLabel: { interval: 0, fontSize: 11, color: '#495057', hideOverlap: true },
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#ced4da' } },
    },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#f1f3f5' } } },
    series: [
      {
        type: 'bar',
        name: 'Overdue',
        data: withOverdue.map((r) => r.overdue),
        itemStyle: { color: OVERDUE_COLOR, borderRadius: [4, 4, 0, 0] },
        barMaxWidth: 36,
      },
    ],
  };
}

/** The trend in words: "On-time rate by quarter. Meridian: 2026-Q3 80%, 2026-Q4 100%. Pulsewise: …". */
export function onTimeSummary(rows: readonly ComplianceQuarter[]): string {
  const { quarters, series } = onTimeSeries(rows);
  if (series.length === 0) return 'On-time rate by quarter: nothing was due in this period.';
  const parts = series.map(
    (s) => `${s.name}: ${quarters.map((q, i) => `${q} ${s.rates[i] === null ? 'nothing due' : `${Math.round(s.rates[i] ?? 0)}%`}`).join(', ')}`,
  );
  return `On-time rate by quarter. ${parts.join('. ')}.`;
}

/** The bars in words: "Overdue by category: Reporting 2, Payment 1." */
export function overdueSummary(rows: readonly ComplianceRow[]): string {
  const withOverdue = rows.filter((r) => r.overdue > 0);
  if (withOverdue.length === 0) return 'Overdue by category: nothing is overdue.';
  return `Overdue by category: ${withOverdue.map((r) => `${rowName(r)} ${r.overdue}`).join(', ')}.`;
}
