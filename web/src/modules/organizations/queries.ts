import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client';
import type { Organization, OrganizationType } from '../../api/types';

/** The directory's organisations matching `q`; asked for only once `enabled` (the list is open). */
export function useOrganizationSearch(q: string, enabled = true) {
  return useQuery({
    queryKey: ['organizations', 'search', q],
    enabled,
    queryFn: () =>
      unwrap(api.GET('/api/v1/organizations', { params: { query: { q: q || undefined, limit: 20 } } })),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function useOrganization(id: string | null | undefined) {
  return useQuery({
    queryKey: ['organization', id],
    queryFn: () => unwrap(api.GET('/api/v1/organizations/{id}', { params: { path: { id: id as string } } })),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });
}

export function createOrganization(body: { name: string; type: OrganizationType; website?: string | null }): Promise<Organization> {
  return unwrap(api.POST('/api/v1/organizations', { body }));
}
