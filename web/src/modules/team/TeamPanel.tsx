// The people of the alliance, by party and role. Managers change roles in their own party,
// invite people of any party, and add colleagues.
import { ActionIcon, Alert, Badge, Button, Group, Modal, Paper, Select, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconMailPlus, IconUserMinus, IconUserPlus, IconX } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { problemMessage } from '../../api/problem';
import type { Alliance, AllianceRole, Member } from '../../api/types';
import { ErrorAlert, FormActions, PageLoader } from '../../ui/feedback';
import { PersonCell } from '../../ui/PersonCell';
import { formatDate, formatDateTime } from '../../ui/format';
import { ALLIANCE_ROLE_LABELS, ALLIANCE_ROLES, ORGANIZATION_TYPE_LABELS, PARTY_ROLE_LABELS, options } from '../../ui/labels';
import { RowActionsHeader } from '../../ui/RowMenu';
import { useSession } from '../auth/session';
import { InviteModal } from './InviteModal';
import { addMember, changeMemberRole, membersKey, removeMember, revokeInvitation, useMembers, useSentInvitations, invitationsKey } from './queries';

const ROLE_COLORS: Record<AllianceRole, string> = { manager: 'indigo', member: 'blue', viewer: 'gray', executive: 'grape' };

function MemberRow({ alliance, member, canManage, isMe }: { alliance: Alliance; member: Member; canManage: boolean; isMe: boolean }) {
  const queryClient = useQueryClient();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: membersKey(alliance.id) });
    void queryClient.invalidateQueries({ queryKey: ['alliance', alliance.id] });
  };
  const change = useMutation({
    mutationFn: (role: AllianceRole) => changeMemberRole(alliance.id, member.user_id, member.version, role),
    onSuccess: (saved) => {
      notifications.show({ color: 'teal', message: `${saved.name} is now ${ALLIANCE_ROLE_LABELS[saved.role].toLowerCase()}.` });
      refresh();
    },
    onError: (error) => {
      notifications.show({ color: 'red', title: 'Role not changed', message: problemMessage(error) });
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => removeMember(alliance.id, member.user_id),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: `${member.name} was removed from the alliance.` });
      refresh();
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not removed', message: problemMessage(error) }),
  });
  return (
    <Table.Tr data-member={member.email}>
      <PersonCell name={member.name} email={member.email} isMe={isMe} />
      <Table.Td w={220}>
        {canManage ? (
          <Select
            aria-label={`Role of ${member.name}`}
            size="xs"
            data={options(ALLIANCE_ROLES, ALLIANCE_ROLE_LABELS)}
            value={member.role}
            allowDeselect={false}
            disabled={change.isPending}
            onChange={(role) => role && role !== member.role && change.mutate(role as AllianceRole)}
          />
        ) : (
          <Badge variant="light" color={ROLE_COLORS[member.role]} radius="sm">
            {ALLIANCE_ROLE_LABELS[member.role]}
          </Badge>
        )}
      </Table.Td>
      <Table.Td visibleFrom="sm">
        <Text size="sm" c="dimmed">
          {formatDateTime(member.added_at)}
        </Text>
      </Table.Td>
      <Table.Td w={48}>
        {canManage && !isMe && (
          <Tooltip label={`Remove ${member.name}`} withArrow>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`Remove ${member.name} from the alliance`}
              loading={remove.isPending}
              onClick={() =>
                modals.openConfirmModal({
                  title: `Remove ${member.name}?`,
                  children: <Text size="sm">They lose access to this alliance. Their notes stay in the journal.</Text>,
                  labels: { confirm: 'Remove', cancel: 'Cancel' },
                  confirmProps: { color: 'red' },
                  onConfirm: () => remove.mutate(),
                })
              }
            >
              <IconUserMinus size={16} />
            </ActionIcon>
          </Tooltip>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function AddColleagueModal({ alliance, members, opened, onClose }: { alliance: Alliance; members: Member[]; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [userId, setUserId] = useState<string | null>(null);
  const [role, setRole] = useState<AllianceRole>('member');
  const users = useQuery({
    queryKey: ['users', 'all'],
    queryFn: () => unwrap(api.GET('/api/v1/users', { params: { query: { limit: 200 } } })),
    enabled: opened,
  });
  const candidates = (users.data?.items ?? []).filter((u) => u.active && !members.some((m) => m.user_id === u.id));
  const add = useMutation({
    mutationFn: () => addMember(alliance.id, userId as string, role),
    onSuccess: (member) => {
      notifications.show({ color: 'teal', message: `${member.name} joined the alliance.` });
      void queryClient.invalidateQueries({ queryKey: membersKey(alliance.id) });
      setUserId(null);
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={`Add a colleague from ${alliance.my_party.organization_name}`} centered>
      <Stack gap="md">
        {users.isError && <ErrorAlert error={users.error} />}
        <Select
          label="Colleague"
          placeholder={users.isPending ? 'Loading…' : candidates.length ? 'Choose a person' : 'Every colleague is already a member'}
          searchable
          data={candidates.map((u) => ({ value: u.id, label: `${u.name} (${u.email})` }))}
          value={userId}
          onChange={setUserId}
          data-autofocus
        />
        <Select
          label="Role in the alliance"
          data={options(ALLIANCE_ROLES, ALLIANCE_ROLE_LABELS)}
          value={role}
          allowDeselect={false}
          onChange={(v) => v && setRole(v as AllianceRole)}
        />
        <FormActions
          error={add.isError ? add.error : null}
          onCancel={onClose}
          submitLabel="Add to alliance"
          pending={add.isPending}
          onSubmit={() => add.mutate()}
          disabled={!userId}
        />
      </Stack>
    </Modal>
  );
}

function PendingInvitations({ alliance }: { alliance: Alliance }) {
  const queryClient = useQueryClient();
  const sent = useSentInvitations();
  const revoke = useMutation({
    mutationFn: revokeInvitation,
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'The invitation was revoked; its link no longer works.' });
      void queryClient.invalidateQueries({ queryKey: invitationsKey });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not revoked', message: problemMessage(error) }),
  });
  const pending = (sent.data?.items ?? []).filter((i) => i.alliance_id === alliance.id && i.status === 'pending');
  if (pending.length === 0) return null;
  const orgName = (id: string) => alliance.parties.find((p) => p.organization_id === id)?.organization_name ?? '';
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Title order={2} size="h5" mb="sm">
        Pending invitations
      </Title>
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs" aria-label="Pending invitations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Person</Table.Th>
              <Table.Th scope="col">Organisation</Table.Th>
              <Table.Th scope="col">Role</Table.Th>
              <Table.Th scope="col">Expires</Table.Th>
              <RowActionsHeader />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pending.map((invitation) => (
              <Table.Tr key={invitation.id}>
                <Table.Td>
                  <Text size="sm">{invitation.name}</Text>
                  <Text size="xs" c="dimmed">
                    {invitation.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{orgName(invitation.organization_id)}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{invitation.alliance_role ? ALLIANCE_ROLE_LABELS[invitation.alliance_role] : '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{formatDate(invitation.expires_at.slice(0, 10))}</Text>
                </Table.Td>
                <Table.Td>
                  <Tooltip label="Revoke invitation" withArrow>
                    <ActionIcon variant="subtle" color="red" aria-label={`Revoke the invitation for ${invitation.name}`} onClick={() => revoke.mutate(invitation.id)}>
                      <IconX size={16} />
                    </ActionIcon>
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

export function TeamPanel({ alliance }: { alliance: Alliance }) {
  const { user } = useSession();
  const members = useMembers(alliance.id);
  const [inviting, setInviting] = useState(false);
  const [adding, setAdding] = useState(false);
  const isManager = alliance.my_role === 'manager';
  if (members.isPending) return <PageLoader />;
  if (members.isError) return <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />;
  const items = members.data.items;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {items.length} {items.length === 1 ? 'person' : 'people'} across {alliance.parties.length} parties.
          {isManager ? ' You can change roles in your own party and invite people of any party.' : ''}
        </Text>
        {isManager && (
          <Group gap="sm">
            <Button variant="default" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              Add a colleague
            </Button>
            <Button leftSection={<IconMailPlus size={16} aria-hidden />} onClick={() => setInviting(true)}>
              Invite a person
            </Button>
          </Group>
        )}
      </Group>
      {alliance.parties.map((party) => {
        const people = items.filter((m) => m.organization_id === party.organization_id);
        const canManage = isManager && party.organization_id === alliance.my_party.organization_id;
        return (
          <Paper key={party.organization_id} withBorder radius="md" p={{ base: 'md', sm: 'lg' }} data-team-party={party.organization_name}>
            <Group justify="space-between" mb="xs">
              <div>
                <Title order={2} size="h5">
                  {party.organization_name}
                </Title>
                <Text size="xs" c="dimmed">
                  {PARTY_ROLE_LABELS[party.role]} · {ORGANIZATION_TYPE_LABELS[party.organization_type]}
                </Text>
              </div>
              <Text size="sm" c="dimmed">
                {people.length} {people.length === 1 ? 'member' : 'members'}
              </Text>
            </Group>
            {people.length === 0 ? (
              <Alert variant="light" color="gray">
                Nobody from {party.organization_name} has joined yet.
                {isManager ? ' Use “Invite a person” to send them a link.' : ''}
              </Alert>
            ) : (
              <Table verticalSpacing="xs" aria-label={`Members from ${party.organization_name}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Person</Table.Th>
                    <Table.Th scope="col">Role</Table.Th>
                    <Table.Th scope="col" visibleFrom="sm">
                      Joined
                    </Table.Th>
                    <Table.Th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {people.map((member) => (
                    <MemberRow key={member.user_id} alliance={alliance} member={member} canManage={canManage} isMe={member.user_id === user.id} />
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
        );
      })}
      {isManager && <PendingInvitations alliance={alliance} />}
      <InviteModal
        opened={inviting}
        onClose={() => setInviting(false)}
        title="Invite a person to this alliance"
        target={{
          allianceId: alliance.id,
          organizations: alliance.parties.map((p) => ({ id: p.organization_id, name: p.organization_name })),
          defaultOrganizationId: alliance.parties.find((p) => p.organization_id !== alliance.my_party.organization_id)?.organization_id,
        }}
      />
      {isManager && <AddColleagueModal alliance={alliance} members={items} opened={adding} onClose={() => setAdding(false)} />}
    </Stack>
  );
}
