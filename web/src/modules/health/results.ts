// A closed wave's results as charts and their words: the perception gap per dimension (largest
// first, the flagged ones set apart) and the dimensions by party on a radar. The tables beside the
// charts show the same numbers; the summaries are the charts' accessible names.
import { formatGap, formatScore } from './format';
import type { HealthDimensionResult, HealthResults, HealthSlice } from './types';

export interface GapRow {
  key: string;
  name: string;
  gap: number | null;
  flagged: boolean;
}

/** The dimensions by gap, largest first; those without a gap (fewer than two parties shown) last. */
export function gapRows(dimensions: readonly HealthDimensionResult[]): GapRow[] {
  const rows = dimensions.map((d) => ({ key: d.key, name: d.name, gap: d.gap, flagged: d.gap_flagged }));
  return rows.sort((a, b) => (b.gap ?? -1) - (a.gap ?? -1));
}

/** The party's slice of a dimension (or the overall one with `all`). */
export function sliceOf(dimension: HealthDimensionResult, key: string): HealthSlice | undefined {
  return key === 'all' ? dimension.overall : dimension.parties.find((p) => p.key === key);
}

/** The parties, in the results' order, by key and name. */
export function partiesOf(results: HealthResults): { key: string; name: string }[] {
  return results.parties.map((p) => ({ key: p.key, name: p.name }));
}

const FLAGGED = '#c92a2a';
const CALM = '#748ffc';
const GRID = '#f1f3f5';

export function gapChartOption(rows: readonly GapRow[], threshold: number) {
  const shown = rows.filter((r) => r.gap !== null);
  return {
    animation: false,
    grid: { left: 8, right: 72, top: 24, bottom: 4, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', min: 0, max: 100, splitLine: { lineStyle: { color: GRID } } },
    yAxis: {
      type: 'category',
      // The largest gap on top.
      inverse: true,
      data: shown.map((r) => r.name),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#ced4da' } },
      axisLabel: { width: 170, overflow: 'truncate', color: '#343a40' },
    },
    series: [
      {
        type: 'bar',
        name: 'Gap',
        barMaxWidth: 18,
        data: shown.map((r) => ({
          value: Math.round(r.gap ?? 0),
          itemStyle: { color: r.flagged ? FLAGGED : CALM, borderRadius: [0, 4, 4, 0] },
          label: { fontWeight: r.flagged ? 'bold' : 'normal', color: r.flagged ? FLAGGED : '#495057' },
        })),
        label: {
          show: true,
          position: 'right',
          formatter: (p: { dataIndex: number; value: number }) => `${p.value}${shown[p.dataIndex]?.flagged ? ' · flagged' : ''}`,
        },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: '#868e96' },
          // At the top: the axis is inverted (largest gap first), so the line's end is at the bottom,
          // where its label would sit on the axis numbers.
          label: { formatter: `Flagged from ${threshold}`, position: 'start', color: '#495057' },
          data: [{ xAxis: threshold }],
        },
      },
    ],
  };
}

/** "Perception gap by dimension, largest first: Trust 38 (flagged), Execution 12; no gap for …". */
export function gapSummary(rows: readonly GapRow[]): string {
  const shown = rows.filter((r) => r.gap !== null);
  const none = rows.filter((r) => r.gap === null);
  const parts: string[] = [];
  if (shown.length) parts.push(`Perception gap by dimension, largest first: ${shown.map((r) => `${r.name} ${formatGap(r.gap)}${r.flagged ? ' (flagged)' : ''}`).join(', ')}`);
  if (none.length) parts.push(`no gap for ${none.map((r) => r.name).join(', ')} (fewer than two parties shown)`);
  return parts.length ? `${parts.join('; ')}.` : 'No perception gap: fewer than two parties are shown in every dimension.';
}

/** A name broken into lines of about `width` characters, at spaces: a radar's labels sit around a small circle. */
export function wrapWords(text: string, width = 16): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

const SERIES_COLORS = ['#4263eb', '#e8590c', '#0ca678', '#ae3ec9', '#1098ad'];

/** The parties hidden in every dimension: the radar has nothing to draw for them. */
export function partiesHiddenEverywhere(results: HealthResults): string[] {
  return results.parties.filter((p) => results.dimensions.every((d) => sliceOf(d, p.key)?.hidden ?? true)).map((p) => p.name);
}

/** The dimensions by party (0–100): a line for each party shown somewhere, and all parties together dashed. */
export function radarOption(results: HealthResults) {
  const dims = results.dimensions;
  const valuesOf = (key: string) =>
    dims.map((d) => {
      const s = sliceOf(d, key);
      return s && !s.hidden && s.score !== null ? Math.round(s.score) : '-';
    });
  const nowhere = new Set(partiesHiddenEverywhere(results));
  return {
    animation: false,
    color: SERIES_COLORS,
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'item' },
    radar: {
      center: ['50%', '56%'],
      radius: '58%',
      indicator: dims.map((d) => ({ name: wrapWords(d.name), min: 0, max: 100 })),
      axisName: { color: '#343a40', fontSize: 11, lineHeight: 13 },
      splitLine: { lineStyle: { color: '#dee2e6' } },
      splitArea: { show: false },
    },
    series: [
      {
        type: 'radar',
        symbolSize: 5,
        data: [
          ...results.parties.filter((p) => !nowhere.has(p.name)).map((p) => ({ name: p.name, value: valuesOf(p.key) })),
          { name: results.overall.name, value: valuesOf('all'), lineStyle: { type: 'dashed' }, itemStyle: { color: '#868e96' } },
        ],
      },
    ],
  };
}

/** "Scores by dimension, 0 to 100. Meridian Therapeutics: Trust 62, …. Pulsewise Health: Trust hidden, …". */
export function radarSummary(results: HealthResults): string {
  const line = (key: string, name: string) =>
    `${name}: ${results.dimensions
      .map((d) => {
        const s = sliceOf(d, key);
        return `${d.name} ${!s || s.hidden ? 'hidden' : formatScore(s.score)}`;
      })
      .join(', ')}`;
  const lines = [...results.parties.map((p) => line(p.key, p.name)), line('all', results.overall.name)];
  return `Scores by dimension and party, 0 to 100. ${lines.join('. ')}.`;
}
