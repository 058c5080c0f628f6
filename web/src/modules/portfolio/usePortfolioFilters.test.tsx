import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, useLocation } from 'react-router';
import { usePortfolioFilters } from './filters';

function wrapper({ children }: { children: ReactNode }) {
  return <MemoryRouter initialEntries={['/alliances?q=NASH&tier=1']}>{children}</MemoryRouter>;
}

describe('usePortfolioFilters', () => {
  it('keeps a change made just before another, before the page draws again', () => {
    const { result } = renderHook(() => ({ filters: usePortfolioFilters(), location: useLocation() }), { wrapper });
    act(() => {
      const [, setFilters] = result.current.filters;
      // "Clear filters", then "Cards" at once.
      setFilters({ q: '', tier: null });
      setFilters({ view: 'cards' });
    });
    const params = new URLSearchParams(result.current.location.search);
    expect(params.get('view')).toBe('cards');
    expect(params.get('q')).toBeNull();
    expect(params.get('tier')).toBeNull();
  });
});
