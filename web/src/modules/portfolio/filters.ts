// The portfolio's filters live in the URL, so that a filtered view can be bookmarked and shared.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { AllianceType, Stage, Tier } from '../../api/types';
import { ALLIANCE_TYPES, STAGES, TIERS } from '../../ui/labels';

export type PortfolioView = 'table' | 'cards';
export type ArchivedFilter = 'false' | 'true' | 'all';
/** By name, by the last change, or by health score (`health`: lowest first; no score last either way). */
export type PortfolioSort = 'name' | '-name' | 'updated_at' | '-updated_at' | 'health' | '-health';

export interface PortfolioFilters {
  q: string;
  stage: Stage | null;
  type: AllianceType | null;
  tier: Tier | null;
  party: string | null;
  archived: ArchivedFilter;
  sort: PortfolioSort;
  view: PortfolioView;
}

export const DEFAULT_FILTERS: PortfolioFilters = {
  q: '',
  stage: null,
  type: null,
  tier: null,
  party: null,
  archived: 'false',
  sort: 'name',
  view: 'table',
};

const SORTS: PortfolioSort[] = ['name', '-name', 'updated_at', '-updated_at', 'health', '-health'];

/** The health column's header cycles lowest first, highest first, lowest first… */
export function nextHealthSort(current: PortfolioSort): PortfolioSort {
  return current === 'health' ? '-health' : 'health';
}
const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function oneOf<T>(value: string | null, allowed: readonly T[], parse: (s: string) => T): T | null {
  if (value === null) return null;
  const parsed = parse(value);
  return allowed.includes(parsed) ? parsed : null;
}

/** Reads filters from a query string; anything unknown or malformed is ignored. */
export function parseFilters(params: URLSearchParams): PortfolioFilters {
  const party = params.get('party');
  return {
    q: (params.get('q') ?? '').slice(0, 200),
    stage: oneOf(params.get('stage'), STAGES, (s) => s as Stage),
    type: oneOf(params.get('type'), ALLIANCE_TYPES, (s) => s as AllianceType),
    tier: oneOf(params.get('tier'), TIERS, (s) => Number(s) as Tier),
    party: party && ID.test(party) ? party : null,
    archived: oneOf(params.get('archived'), ['false', 'true', 'all'] as ArchivedFilter[], (s) => s as ArchivedFilter) ?? 'false',
    sort: oneOf(params.get('sort'), SORTS, (s) => s as PortfolioSort) ?? 'name',
    view: params.get('view') === 'cards' ? 'cards' : 'table',
  };
}

/** Writes filters to a query string, leaving out defaults so that URLs stay short. */
export function filtersToParams(filters: PortfolioFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q);
  if (filters.stage) params.set('stage', filters.stage);
  if (filters.type) params.set('type', filters.type);
  if (filters.tier) params.set('tier', String(filters.tier));
  if (filters.party) params.set('party', filters.party);
  if (filters.archived !== 'false') params.set('archived', filters.archived);
  if (filters.sort !== 'name') params.set('sort', filters.sort);
  if (filters.view !== 'table') params.set('view', filters.view);
  return params;
}

/** How many filters narrow the list (the view and sort order do not). */
export function activeFilterCount(filters: PortfolioFilters): number {
  return [filters.q.trim(), filters.stage, filters.type, filters.tier, filters.party, filters.archived !== 'false']
    .filter(Boolean).length;
}

export function usePortfolioFilters(): [PortfolioFilters, (change: Partial<PortfolioFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => parseFilters(params), [params]);
  // The filters last asked for: React Router's function form of setSearchParams starts from the
  // URL of the last render, so a second change before the page draws again (Cards clicked just
  // after Clear filters, while the first change's data loads) would undo the first.
  const latest = useRef(params);
  useEffect(() => {
    latest.current = params;
  }, [params]);
  const update = useCallback(
    (change: Partial<PortfolioFilters>) => {
      const next = filtersToParams({ ...parseFilters(latest.current), ...change });
      latest.current = next;
      setParams(next, { replace: true });
    },
    [setParams],
  );
  return [filters, update];
}
