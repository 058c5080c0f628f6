// The alliance's health across its closed waves, as a line chart and its words: the overall score
// and each dimension's overall score, wave after wave (oldest first). A dimension is followed by its
// key across waves; a hidden score, or a dimension a wave did not ask about, is a gap in its line,
// never a zero. The table beside the chart shows the same numbers.
import { formatDate } from '../../ui/format';
import { formatScore } from './format';
import type { HealthSlice, HealthTrendWave } from './types';

/** One line of the chart and one row of its table: the overall score or a dimension. */
export interface TrendLine {
  key: string;
  name: string;
  /** Per wave, oldest first: the slice, or null when the wave did not ask about the dimension. */
  points: (HealthSlice | null)[];
}

export const OVERALL_LINE = 'Overall score';

/** The overall line first, then each dimension in the order the waves first ask about it, named as the latest wave names it. */
export function trendLines(waves: readonly HealthTrendWave[]): TrendLine[] {
  const names = new Map<string, string>();
  for (const wave of waves) for (const d of wave.dimensions) names.set(d.key, d.name);
  const dimensions = [...names.entries()].map(([key, name]) => ({
    key,
    name,
    points: waves.map((w) => w.dimensions.find((d) => d.key === key)?.overall ?? null),
  }));
  return [{ key: 'all', name: OVERALL_LINE, points: waves.map((w) => w.overall) }, ...dimensions];
}

/** A point's score as the chart draws it: a whole number, or a gap. */
function value(slice: HealthSlice | null): number | '-' {
  return slice && !slice.hidden && slice.score !== null ? Math.round(slice.score) : '-';
}

/** A point in words: its score, "hidden" or "not asked". */
export function pointText(slice: HealthSlice | null): string {
  if (!slice) return 'not asked';
  return slice.hidden || slice.score === null ? 'hidden' : formatScore(slice.score);
}

/** A wave on the chart's axis: its title, and the day it closed beneath. */
export function waveLabel(wave: Pick<HealthTrendWave, 'title' | 'closed_on'>): string {
  return `${wave.title}\n${formatDate(wave.closed_on)}`;
}

const COLORS = ['#343a40', '#4263eb', '#e8590c', '#0ca678', '#ae3ec9', '#1098ad', '#f59f00', '#d6336c', '#5c940d', '#7048e8', '#c92a2a', '#0b7285'];

export function trendOption(waves: readonly HealthTrendWave[], lines: readonly TrendLine[]) {
  return {
    animation: false,
    color: COLORS,
    legend: { type: 'scroll', bottom: 0 },
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 16, bottom: 56, containLabel: true },
    xAxis: {
      type: 'category',
      // With one wave the single point sits in the middle, not against the axis.
      boundaryGap: waves.length < 2,
      data: waves.map(waveLabel),
      // With many waves on a narrow screen ECharts leaves out labels that would overlap.
      axisLabel: { width: 130, overflow: 'truncate', color: '#343a40', lineHeight: 14 },
      axisLine: { lineStyle: { color: '#ced4da' } },
    },
    yAxis: { type: 'value', min: 0, max: 100, splitLine: { lineStyle: { color: '#f1f3f5' } } },
    series: lines.map((line) => ({
      type: 'line',
      name: line.name,
      data: line.points.map(value),
      // A hidden score is a gap, not a line drawn across it.
      connectNulls: false,
      symbolSize: line.key === 'all' ? 8 : 5,
      lineStyle: { width: line.key === 'all' ? 3 : 1.5 },
      z: line.key === 'all' ? 3 : 2,
    })),
  };
}

/** "Scores across closed waves, 0 to 100, oldest first. Overall score: Spring 61, Autumn 65. Trust: …". */
export function trendSummary(waves: readonly HealthTrendWave[], lines: readonly TrendLine[]): string {
  const parts = lines.map((line) => `${line.name}: ${line.points.map((p, i) => `${waves[i]?.title ?? ''} ${pointText(p)}`).join(', ')}`);
  return `Scores across closed waves, 0 to 100, oldest first. ${parts.join('. ')}.`;
}
