import { useQuery } from '@tanstack/react-query';
import { api, ifMatch, unwrap, unwrapEmpty } from '../../api/client';
import type { AllianceRole } from '../../api/types';

export const membersKey = (allianceId: string) => ['alliance', allianceId, 'members'] as const;
export const invitationsKey = ['invitations'] as const;

export function useMembers(allianceId: string) {
  return useQuery({
    queryKey: membersKey(allianceId),
    queryFn: () => unwrap(api.GET('/api/v1/alliances/{id}/members', { params: { path: { id: allianceId } } })),
  });
}

/** Invitations sent by the caller's organisation (newest first), first page. */
export function useSentInvitations(enabled = true) {
  return useQuery({
    queryKey: invitationsKey,
    queryFn: () => unwrap(api.GET('/api/v1/invitations', { params: { query: { limit: 200 } } })),
    enabled,
  });
}

export function changeMemberRole(allianceId: string, userId: string, version: number, role: AllianceRole) {
  return unwrap(
    api.PATCH('/api/v1/alliances/{id}/members/{user_id}', {
      params: { path: { id: allianceId, user_id: userId }, header: ifMatch(version) },
      body: { role },
    }),
  );
}

export function removeMember(allianceId: string, userId: string) {
  return unwrapEmpty(
    api.DELETE('/api/v1/alliances/{id}/members/{user_id}', { params: { path: { id: allianceId, user_id: userId } } }),
  );
}

export function addMember(allianceId: string, userId: string, role: AllianceRole) {
  return unwrap(api.POST('/api/v1/alliances/{id}/members', { params: { path: { id: allianceId } }, body: { user_id: userId, role } }));
}

export function invite(body: {
  email: string;
  name: string;
  organization_id: string;
  alliance_id?: string;
  alliance_role?: AllianceRole;
}) {
  return unwrap(api.POST('/api/v1/invitations', { body }));
}

export function revokeInvitation(id: string) {
  return unwrapEmpty(api.DELETE('/api/v1/invitations/{id}', { params: { path: { id } } }));
}
