// The page an invitation link opens: who invited you, to which alliance and with which role; then
// a password. Once accepted, the newcomer lands on that alliance (the portfolio when the
// invitation was to the organisation only).
import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import type { InvitationLookup } from '../api/types';
import { AcceptInvitation } from '../modules/auth/AcceptInvitation';
import { AuthFrame } from '../app/AuthFrame';
import { ALLIANCE_ROLE_LABELS } from '../ui/labels';

/** Where the newcomer goes after accepting. */
export function landingAfterAccept(invitation: Pick<InvitationLookup, 'alliance_id'> | null | undefined): string {
  return invitation?.alliance_id ? `/alliances/${invitation.alliance_id}` : '/alliances';
}

function InvitedBy({ invitation }: { invitation: InvitationLookup }) {
  const inviter = (
    <>
      <b>{invitation.invited_by_name}</b>
      {invitation.invited_by_organization_name && <> of {invitation.invited_by_organization_name}</>}
    </>
  );
  return (
    <Text size="sm" mb="md" data-testid="invited-by" style={{ overflowWrap: 'anywhere' }}>
      {invitation.alliance_name ? (
        <>
          {inviter} invited you to the alliance <b>{invitation.alliance_name}</b>
          {invitation.alliance_role && (
            <>
              {' '}
              as <b>{ALLIANCE_ROLE_LABELS[invitation.alliance_role]}</b>
            </>
          )}
          .
        </>
      ) : (
        <>
          {inviter} invited you to join <b>{invitation.organization_name}</b> on Northstar.
        </>
      )}
    </Text>
  );
}

export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token') ?? '';
  // The same query as the form below: one request; kept here because accepting clears the cache.
  const lookup = useQuery({
    queryKey: ['invitation-lookup', token],
    queryFn: () => unwrap(api.GET('/api/v1/invitations/lookup', { params: { query: { token } } })),
    enabled: token.length > 0,
    retry: false,
  });
  const invitation = useRef<InvitationLookup | null>(null);
  if (lookup.data) invitation.current = lookup.data;
  return (
    <AuthFrame title="Accept your invitation" subtitle="Set a password to join your partners in Northstar.">
      {invitation.current && <InvitedBy invitation={invitation.current} />}
      <AcceptInvitation token={token} onAccepted={() => navigate(landingAfterAccept(invitation.current), { replace: true })} />
    </AuthFrame>
  );
}
