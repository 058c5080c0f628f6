// The stakeholder map as an ECharts option: interest across, influence up (1..5), the four
// quadrants split between 2 and 3 (3 and above is "high"), a point per person coloured by
// attitude and labelled with their name. Pure, so that the placement can be tested.
import { spreadPoints } from './format';
import { ATTITUDE_HEX, ATTITUDE_LABELS, ATTITUDES, QUADRANT_LABELS } from './labels';
import type { Attitude, Stakeholder } from './types';

/** Where the quadrant lines run: between 2 ("low") and 3 ("high"), so that no point sits on a line. */
export const QUADRANT_SPLIT = 2.5;

type MapPerson = Pick<Stakeholder, 'id' | 'name' | 'title' | 'party_name' | 'influence' | 'interest' | 'attitude'>;

export interface MapPoint {
  name: string;
  value: [number, number];
  id: string;
  title: string;
  party: string;
  influence: number;
  interest: number;
  attitude: Attitude;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** The tooltip of a point: who, where from, and where they sit. */
export function pointTooltip(point: MapPoint): string {
  const who = [point.title, point.party].filter(Boolean).map(escapeHtml).join(' · ');
  return `<strong>${escapeHtml(point.name)}</strong>${who ? `<br/>${who}` : ''}<br/>Influence ${point.influence}, interest ${point.interest} · ${ATTITUDE_LABELS[point.attitude]}`;
}

/** Only the scale's own values, 1 to 5, are labelled; the margin around them is not. */
function scaleLabel(value: number): string {
  return value >= 1 && value <= 5 ? String(value) : '';
}

export function stakeholderMapOption(people: readonly MapPerson[]) {
  const placed = spreadPoints(people);
  const series = ATTITUDES.filter((attitude) => people.some((p) => p.attitude === attitude)).map((attitude) => ({
    name: ATTITUDE_LABELS[attitude],
    type: 'scatter' as const,
    symbolSize: 14,
    itemStyle: { color: ATTITUDE_HEX[attitude], borderColor: '#fff', borderWidth: 1 },
    label: { show: true, position: 'right' as const, formatter: '{b}', fontSize: 11, color: '#343a40' },
    labelLayout: { hideOverlap: false, moveOverlap: 'shiftY' as const },
    data: placed
      .filter(({ item }) => item.attitude === attitude)
      .map(
        ({ item, x, y }): MapPoint => ({
          name: item.name,
          value: [x, y],
          id: item.id,
          title: item.title,
          party: item.party_name,
          influence: item.influence,
          interest: item.interest,
          attitude: item.attitude,
        }),
      ),
  }));
  const corner = (x: number, y: number, text: string, align: 'left' | 'right') => ({
    value: [x, y],
    label: { show: true, formatter: text, position: align === 'left' ? ('right' as const) : ('left' as const), color: '#868e96', fontSize: 12, fontWeight: 600 as const },
  });
  return {
    animation: false,
    grid: { left: 56, right: 24, top: 40, bottom: 48 },
    legend: { top: 0, data: series.map((s) => s.name) },
    tooltip: {
      trigger: 'item' as const,
      formatter: (params: { data?: unknown; seriesName?: string }) => (params.data && (params.data as MapPoint).id ? pointTooltip(params.data as MapPoint) : ''),
    },
    xAxis: { type: 'value' as const, name: 'Interest', nameLocation: 'middle' as const, nameGap: 28, min: 0, max: 6, interval: 1, splitLine: { show: false }, axisLabel: { formatter: scaleLabel } },
    yAxis: { type: 'value' as const, name: 'Influence', nameLocation: 'middle' as const, nameGap: 32, min: 0, max: 6, interval: 1, splitLine: { show: false }, axisLabel: { formatter: scaleLabel } },
    series: [
      {
        name: 'Quadrants',
        type: 'scatter' as const,
        silent: true,
        symbolSize: 0,
        tooltip: { show: false },
        data: [
          corner(QUADRANT_SPLIT + 0.1, 5.7, QUADRANT_LABELS.manage_closely, 'left'),
          corner(QUADRANT_SPLIT - 0.1, 5.7, QUADRANT_LABELS.keep_satisfied, 'right'),
          corner(QUADRANT_SPLIT + 0.1, 0.3, QUADRANT_LABELS.keep_informed, 'left'),
          corner(QUADRANT_SPLIT - 0.1, 0.3, QUADRANT_LABELS.monitor, 'right'),
        ],
        markLine: {
          silent: true,
          symbol: 'none',
          label: { show: false },
          lineStyle: { type: 'dashed' as const, color: '#adb5bd', width: 1 },
          data: [{ xAxis: QUADRANT_SPLIT }, { yAxis: QUADRANT_SPLIT }],
        },
      },
      ...series,
    ],
  };
}
