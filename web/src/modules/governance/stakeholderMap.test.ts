import { describe, expect, it } from 'vitest';
import { makeStakeholder } from '../../test/governance';
import { mapDescription } from './StakeholdersSection';
import { pointTooltip, QUADRANT_SPLIT, stakeholderMapOption, type MapPoint } from './stakeholderMap';

describe('the stakeholder map', () => {
  const people = [
    makeStakeholder({ name: 'Maria Keller', influence: 5, interest: 2, attitude: 'champion', quadrant: 'keep_satisfied', party_name: 'Meridian Therapeutics' }),
    makeStakeholder({ name: 'Tom Berg', influence: 1, interest: 4, attitude: 'opponent', quadrant: 'keep_informed', party_name: 'Pulsewise Health' }),
    makeStakeholder({ name: 'Ana Ruiz', influence: 2, interest: 1, attitude: 'champion', quadrant: 'monitor' }),
  ];

  it('puts interest on x and influence on y, with the quadrant lines between 2 and 3', () => {
    const option = stakeholderMapOption(people);
    expect(option.xAxis.name).toBe('Interest');
    expect(option.yAxis.name).toBe('Influence');
    expect([option.xAxis.min, option.xAxis.max, option.yAxis.min, option.yAxis.max]).toEqual([0, 6, 0, 6]);
    expect([0, 1, 3, 5, 6].map(option.xAxis.axisLabel.formatter)).toEqual(['', '1', '3', '5', '']);
    const quadrants = option.series[0] as { markLine?: { data: unknown } } | undefined;
    expect(quadrants?.markLine?.data).toEqual([{ xAxis: QUADRANT_SPLIT }, { yAxis: QUADRANT_SPLIT }]);
    expect(QUADRANT_SPLIT).toBe(2.5);
    const points = option.series.slice(1).flatMap((s) => s.data as MapPoint[]);
    expect(points.find((p) => p.name === 'Maria Keller')?.value).toEqual([2, 5]);
    expect(points.find((p) => p.name === 'Tom Berg')?.value).toEqual([4, 1]);
  });

  it('colours points by attitude, one legend entry per attitude present', () => {
    const option = stakeholderMapOption(people);
    expect(option.legend.data).toEqual(['Champion', 'Opponent']);
    const champion = option.series.find((s) => s.name === 'Champion');
    const opponent = option.series.find((s) => s.name === 'Opponent');
    expect((champion?.data as MapPoint[]).map((p) => p.name)).toEqual(['Maria Keller', 'Ana Ruiz']);
    expect((champion as { itemStyle?: { color?: string } })?.itemStyle?.color).toBe('#2f9e44');
    expect((opponent as { itemStyle?: { color?: string } })?.itemStyle?.color).toBe('#e03131');
  });

  it('names the person, their party and title in the tooltip, safely', () => {
    const point = (stakeholderMapOption([makeStakeholder({ name: '<b>Eve</b>', title: 'CFO', party_name: 'Pulsewise Health', influence: 3, interest: 5 })]).series[1]?.data as MapPoint[])[0];
    expect(point && pointTooltip(point)).toBe('<strong>&lt;b&gt;Eve&lt;/b&gt;</strong><br/>CFO · Pulsewise Health<br/>Influence 3, interest 5 · Supporter');
  });

  it('describes the map in words for screen readers', () => {
    expect(mapDescription(people)).toBe('Stakeholder map, influence against interest. Keep satisfied: Maria Keller. Keep informed: Tom Berg. Monitor: Ana Ruiz.');
  });
});
