// Proposed changes to an alliance's shared fields: the lists (open ones, closed ones), one proposal,
// and proposing, deciding and withdrawing. Decisions and withdrawals carry the proposal's version.
import { infiniteQueryOptions, useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import { api, ifMatch, unwrap } from '../../api/client';
import type { Proposal, ProposalCreate } from '../../api/types';
import { allianceKey } from './queries';

export type ProposalListStatus = 'open' | 'closed';

// Under the alliance's key: whatever refreshes the alliance refreshes its proposals too.
export const proposalsKey = (allianceId: string) => [...allianceKey(allianceId), 'proposals'] as const;

const PAGE = 20;

export function proposalsQuery(allianceId: string, status: ProposalListStatus) {
  return infiniteQueryOptions({
    queryKey: [...proposalsKey(allianceId), status],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/alliances/{id}/proposals', {
          params: { path: { id: allianceId }, query: { status, limit: PAGE, cursor: pageParam ?? undefined } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function useProposals(allianceId: string, status: ProposalListStatus, enabled = true) {
  return useInfiniteQuery({ ...proposalsQuery(allianceId, status), enabled });
}

export function fetchProposal(allianceId: string, proposalId: string): Promise<Proposal> {
  return unwrap(
    api.GET('/api/v1/alliances/{id}/proposals/{proposal_id}', { params: { path: { id: allianceId, proposal_id: proposalId } } }),
  );
}

/** One proposal, e.g. a closed one that a notification links to. */
export function useProposal(allianceId: string, proposalId: string | null) {
  return useQuery({
    queryKey: [...proposalsKey(allianceId), 'one', proposalId],
    enabled: !!proposalId,
    queryFn: () => fetchProposal(allianceId, proposalId ?? ''),
  });
}

export function proposeChange(allianceId: string, body: ProposalCreate): Promise<Proposal> {
  return unwrap(api.POST('/api/v1/alliances/{id}/proposals', { params: { path: { id: allianceId } }, body }));
}

export function decideProposal(
  allianceId: string,
  proposal: Pick<Proposal, 'id' | 'version'>,
  decision: 'accept' | 'reject',
  reason?: string,
): Promise<Proposal> {
  return unwrap(
    api.POST('/api/v1/alliances/{id}/proposals/{proposal_id}/decision', {
      params: { path: { id: allianceId, proposal_id: proposal.id }, header: ifMatch(proposal.version) },
      body: reason ? { decision, reason } : { decision },
    }),
  );
}

export function withdrawProposal(allianceId: string, proposal: Pick<Proposal, 'id' | 'version'>): Promise<Proposal> {
  return unwrap(
    api.POST('/api/v1/alliances/{id}/proposals/{proposal_id}/withdraw', {
      params: { path: { id: allianceId, proposal_id: proposal.id }, header: ifMatch(proposal.version) },
    }),
  );
}

/** After a decision: the alliance (its fields and open count), its proposals and the portfolio. */
export function refreshAfterProposal(queryClient: QueryClient, allianceId: string): void {
  void queryClient.invalidateQueries({ queryKey: allianceKey(allianceId) });
  void queryClient.invalidateQueries({ queryKey: ['alliances'] });
}
