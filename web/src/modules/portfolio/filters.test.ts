import { describe, expect, it } from 'vitest';
import { activeFilterCount, DEFAULT_FILTERS, filtersToParams, nextHealthSort, parseFilters } from './filters';

describe('portfolio filters in the URL', () => {
  it('round-trips every filter', () => {
    const filters = {
      ...DEFAULT_FILTERS,
      q: 'fibrosis',
      stage: 'execution' as const,
      type: 'co_development' as const,
      tier: 1 as const,
      party: '01a1ffd0-bceb-7965-bd16-5256244f6038',
      archived: 'all' as const,
      sort: '-updated_at' as const,
      view: 'cards' as const,
    };
    const params = filtersToParams(filters);
    expect(params.toString()).toBe(
      'q=fibrosis&stage=execution&type=co_development&tier=1&party=01a1ffd0-bceb-7965-bd16-5256244f6038&archived=all&sort=-updated_at&view=cards',
    );
    expect(parseFilters(params)).toEqual(filters);
  });

  it('keeps a sort by health score, either way, and cycles it from the column header', () => {
    expect(parseFilters(new URLSearchParams('sort=health')).sort).toBe('health');
    expect(parseFilters(new URLSearchParams('sort=-health')).sort).toBe('-health');
    expect(filtersToParams({ ...DEFAULT_FILTERS, sort: '-health' }).toString()).toBe('sort=-health');
    expect(nextHealthSort('name')).toBe('health');
    expect(nextHealthSort('health')).toBe('-health');
    expect(nextHealthSort('-health')).toBe('health');
  });

  it('leaves defaults out of the URL', () => {
    expect(filtersToParams(DEFAULT_FILTERS).toString()).toBe('');
  });

  it('ignores values a person might have mistyped', () => {
    const parsed = parseFilters(new URLSearchParams('stage=launch&tier=7&party=acme&archived=maybe&view=grid&sort=size'));
    expect(parsed).toEqual(DEFAULT_FILTERS);
  });

  it('counts the filters that narrow the list, not the view', () => {
    expect(activeFilterCount({ ...DEFAULT_FILTERS, stage: 'execution', q: ' ', view: 'cards' })).toBe(1);
  });
});
