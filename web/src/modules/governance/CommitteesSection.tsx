// The committee structure: committees under their parents, each with its charter, rules and
// current members by party. People who may change a committee add members, change their roles
// and remove them; every seat stays in the committee's history.
import { ActionIcon, Badge, Box, Button, Drawer, Group, Menu, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconCalendarPlus, IconDots, IconHierarchy2, IconHistory, IconPlus, IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { modals } from '@mantine/modals';
import { useState, type ReactNode } from 'react';
import type { Alliance, Member } from '../../api/types';
import { VisibilityBadge } from '../../ui/badges';
import { EmptyState, FormActions } from '../../ui/feedback';
import { formatDate, today } from '../../ui/format';
import { options } from '../../ui/labels';
import { DeleteMenuItem, EditMenuItem, RowMenu } from '../../ui/RowMenu';
import { useSession } from '../auth/session';
import { canChangeRecord, canWriteRecords } from '../records/access';
import { recordFieldErrors } from '../records/forms';
import { useDeleteRecord, useRecordAction } from '../records/recordForm';
import { CommitteeRoleBadge } from './badges';
import { CadenceProposalModal } from './CadenceProposals';
import { CommitteeFormModal } from './CommitteeForm';
import { buildCommitteeTree, membersByParty, type CommitteeNode } from './committees';
import { formatMinutes } from './format';
import { CHAIR_ROTATION_LABELS, COMMITTEE_CADENCE_LABELS, COMMITTEE_KIND_LABELS, COMMITTEE_ROLE_LABELS, COMMITTEE_ROLES, QUORUM_RULE_HELP, QUORUM_RULE_LABELS } from './labels';
import { addCommitteeMember, changeCommitteeMemberRole, deleteCommittee, refreshGovernance, removeCommitteeMember } from './queries';
import type { Committee, CommitteeMember, CommitteeRole } from './types';
import { LinkifiedText } from '../../ui/LinkifiedText';

function MemberLine({ alliance, committee, member, canChange }: { alliance: Alliance; committee: Committee; member: CommitteeMember; canChange: boolean }) {
  const change = useRecordAction({
    allianceId: alliance.id,
    action: (role: CommitteeRole) => changeCommitteeMemberRole(alliance.id, committee.id, member.id, committee.version, role),
    done: (_saved, role) => `${member.name} is now ${COMMITTEE_ROLE_LABELS[role].toLowerCase()} on ${committee.name}.`,
    failed: 'Role not changed',
    refresh: refreshGovernance,
  });
  const remove = useRecordAction({
    allianceId: alliance.id,
    action: () => removeCommitteeMember(alliance.id, committee.id, member.id, committee.version),
    done: () => `${member.name} left ${committee.name} today.`,
    failed: 'Not removed',
    refresh: refreshGovernance,
  });
  return (
    <Group gap={6} wrap="nowrap" justify="space-between" data-seat={`${member.name}:${member.role}`} role="listitem">
      <Group gap={6} wrap="wrap" style={{ minWidth: 0 }}>
        <Text size="sm">{member.name}</Text>
        <CommitteeRoleBadge role={member.role} size="sm" />
      </Group>
      {canChange && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" size="sm" aria-label={`Change the role of ${member.name} on ${committee.name}, or remove them`} loading={change.isPending || remove.isPending}>
              <IconDots size={16} />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Label>Change role</Menu.Label>
            {COMMITTEE_ROLES.filter((role) => role !== member.role).map((role) => (
              <Menu.Item key={role} onClick={() => change.mutate(role)}>
                {COMMITTEE_ROLE_LABELS[role]}
              </Menu.Item>
            ))}
            <Menu.Divider />
            <Menu.Item
              color="red"
              leftSection={<IconUserMinus size={16} />}
              onClick={() =>
                modals.openConfirmModal({
                  title: `Remove ${member.name} from ${committee.name}?`,
                  children: <Text size="sm">The seat ends today; it stays in the committee’s history.</Text>,
                  labels: { confirm: 'Remove', cancel: 'Cancel' },
                  confirmProps: { color: 'red' },
                  onConfirm: () => remove.mutate(undefined),
                })
              }
            >
              Remove from the committee
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
    </Group>
  );
}

/** The current members by party, each with their role. */
export function CommitteeMembers({ alliance, committee, canChange }: { alliance: Alliance; committee: Committee; canChange: boolean }) {
  const groups = membersByParty(committee.members, alliance.parties);
  if (groups.length === 0) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        No members yet.
      </Text>
    );
  }
  return (
    <SimpleGrid cols={{ base: 1, sm: Math.min(groups.length, 3) }} spacing="sm">
      {groups.map((group) => {
        const chairs = committee.chair_party_id === group.organization_id;
        return (
          <Box key={group.organization_id} component="section" aria-label={`${group.organization_name} on ${committee.name}`} data-party={group.organization_name}>
            <Group gap={6} mb={4}>
              <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                {group.organization_name}
              </Text>
              {chairs && (
                <Badge size="xs" color="indigo" variant="dot">
                  Chairs now
                </Badge>
              )}
            </Group>
            <Stack gap={4} role="list">
              {group.members.map((member) => (
                <MemberLine key={member.id} alliance={alliance} committee={committee} member={member} canChange={canChange} />
              ))}
            </Stack>
          </Box>
        );
      })}
    </SimpleGrid>
  );
}

function chairText(committee: Committee): string {
  const rotation = committee.chair_rotation === 'none' ? '' : ` (${CHAIR_ROTATION_LABELS[committee.chair_rotation].toLowerCase()} since ${formatDate(committee.rotation_start)})`;
  return committee.chair_party_name ? `Chair: ${committee.chair_party_name}${rotation}` : `No chair yet${rotation}`;
}

function CommitteeCard({
  alliance,
  committee,
  canChange,
  onEdit,
  onAddMember,
  onHistory,
}: {
  alliance: Alliance;
  committee: Committee;
  canChange: boolean;
  onEdit: () => void;
  onAddMember: () => void;
  onHistory: () => void;
}) {
  const remove = useDeleteRecord(alliance.id, committee.name, () => deleteCommittee(alliance.id, committee.id), refreshGovernance);
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={committee.name} data-committee={committee.name}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Title order={3} size="h5">
              {committee.name}
            </Title>
            <Badge variant="light" color="gray" radius="sm">
              {COMMITTEE_KIND_LABELS[committee.kind]}
            </Badge>
            {committee.visibility !== 'alliance' && (
              <VisibilityBadge visibility={committee.visibility} ownerOrganizationName={committee.owner_organization_name} />
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {COMMITTEE_CADENCE_LABELS[committee.cadence]} · {formatMinutes(committee.meeting_minutes)} ·{' '}
            <Tooltip label={QUORUM_RULE_HELP[committee.quorum_rule]} withArrow multiline maw={280}>
              <span tabIndex={0}>Quorum: {QUORUM_RULE_LABELS[committee.quorum_rule].toLowerCase()}</span>
            </Tooltip>{' '}
            · {chairText(committee)}
          </Text>
        </Stack>
        <Group gap={4} wrap="nowrap">
          {canChange && (
            <Button size="compact-sm" variant="light" leftSection={<IconUserPlus size={14} aria-hidden />} onClick={onAddMember} aria-label={`Add member to ${committee.name}`}>
              Add member
            </Button>
          )}
          <RowMenu name={committee.name}>
            <Menu.Item leftSection={<IconHistory size={16} />} onClick={onHistory}>
              Seat history
            </Menu.Item>
            {canChange && <EditMenuItem onClick={onEdit} />}
            {canChange && (
              <DeleteMenuItem
                title="Delete this committee?"
                message={<>“{committee.name}” will be deleted. A committee with meetings, decisions or sub-committees cannot be deleted.</>}
                onConfirm={() => remove.mutate()}
              />
            )}
          </RowMenu>
        </Group>
      </Group>
      {(committee.purpose || committee.decision_scope) && (
        <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="sm">
          {committee.purpose && (
            <div>
              <Text size="xs" fw={600}>
                Purpose
              </Text>
              <LinkifiedText size="sm" lineClamp={4} text={committee.purpose} />
            </div>
          )}
          {committee.decision_scope && (
            <div>
              <Text size="xs" fw={600}>
                Decides
              </Text>
              <LinkifiedText size="sm" lineClamp={4} text={committee.decision_scope} />
            </div>
          )}
        </SimpleGrid>
      )}
      <Box mt="sm">
        <CommitteeMembers alliance={alliance} committee={committee} canChange={canChange} />
      </Box>
    </Paper>
  );
}

function TreeLevel({
  nodes,
  render,
}: {
  nodes: CommitteeNode<Committee>[];
  render: (committee: Committee) => ReactNode;
}) {
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {nodes.map((node) => (
        <li key={node.committee.id}>
          {render(node.committee)}
          {node.children.length > 0 && (
            <Box
              mt="sm"
              pl="md"
              ml="md"
              style={{ borderLeft: '2px solid var(--mantine-color-indigo-2)' }}
              aria-label={`Sub-committees of ${node.committee.name}`}
              role="group"
            >
              <TreeLevel nodes={node.children} render={render} />
            </Box>
          )}
        </li>
      ))}
    </Stack>
  );
}

function AddMemberForm({ alliance, committee, members, onClose }: { alliance: Alliance; committee: Committee; members: Member[]; onClose: () => void }) {
  const sitting = new Set(committee.members.filter((m) => m.current).map((m) => m.user_id));
  const candidates = members
    .filter((m) => !sitting.has(m.user_id))
    .map((m) => {
      const party = alliance.parties.find((p) => p.organization_id === m.organization_id)?.organization_name;
      return { value: m.user_id, label: party ? `${m.name} (${party})` : m.name };
    });
  const form = useForm({
    mode: 'controlled',
    initialValues: { user_id: null as string | null, role: 'voting_member' as CommitteeRole, joined_on: today() as string | null },
    validate: {
      user_id: (v) => (v ? null : 'Choose the person'),
    },
  });
  const add = useRecordAction({
    allianceId: alliance.id,
    action: (v: typeof form.values) =>
      addCommitteeMember(alliance.id, committee.id, { user_id: v.user_id ?? '', role: v.role, ...(v.joined_on ? { joined_on: v.joined_on } : {}) }),
    done: (_saved, v) => `${members.find((m) => m.user_id === v.user_id)?.name ?? 'The member'} joined ${committee.name}.`,
    failed: null,
    onSuccess: onClose,
    onError: (error) => form.setErrors(recordFieldErrors(error)),
    refresh: refreshGovernance,
  });
  return (
    <form noValidate onSubmit={form.onSubmit((v) => add.mutate(v))}>
      <Stack gap="md">
        <Select
          label="Person"
          description="A member of the alliance; their organisation is their party on the committee."
          placeholder={candidates.length ? 'Choose an alliance member' : 'Every alliance member already sits on it'}
          required
          searchable
          data={candidates}
          data-autofocus
          {...form.getInputProps('user_id')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Role" required allowDeselect={false} data={options(COMMITTEE_ROLES, COMMITTEE_ROLE_LABELS)} {...form.getInputProps('role')} />
          <DateInput label="Joined on" {...form.getInputProps('joined_on')} />
        </SimpleGrid>
        <FormActions error={add.isError ? add.error : null} errorTitle="Not added" onCancel={onClose} submitLabel="Add member" pending={add.isPending} />
      </Stack>
    </form>
  );
}

/** Every seat the committee has had, current ones first: who sat, in which role, from when to when. */
export function SeatHistoryDrawer({ committee, onClose }: { committee: Committee | null; onClose: () => void }) {
  return (
    <Drawer opened={committee !== null} onClose={onClose} position="right" size="lg" title={committee ? `Seat history of ${committee.name}` : ''}>
      {committee &&
        (committee.members.length === 0 ? (
          <EmptyState title="Nobody has sat on this committee yet" />
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="xs" aria-label={`Seats on ${committee.name}`}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Member</Table.Th>
                  <Table.Th scope="col">Role</Table.Th>
                  <Table.Th scope="col">Joined</Table.Th>
                  <Table.Th scope="col">Left</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {committee.members.map((seat) => (
                  <Table.Tr key={seat.id} data-seat={`${seat.name}:${seat.role}:${seat.current ? 'current' : 'past'}`}>
                    <Table.Td>
                      <Text size="sm">{seat.name}</Text>
                      <Text size="xs" c="dimmed">
                        {seat.organization_name}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <CommitteeRoleBadge role={seat.role} size="sm" />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(seat.joined_on)}</Text>
                    </Table.Td>
                    <Table.Td>
                      {seat.current ? (
                        <Badge size="sm" variant="light" color="teal">
                          Sitting
                        </Badge>
                      ) : (
                        <Text size="sm">{formatDate(seat.left_on)}</Text>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ))}
    </Drawer>
  );
}

export function CommitteesSection({ alliance, committees, members }: { alliance: Alliance; committees: Committee[]; members: Member[] }) {
  const { user } = useSession();
  const [editing, setEditing] = useState<{ committee: Committee | null } | null>(null);
  const [addingTo, setAddingTo] = useState<Committee | null>(null);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const [proposing, setProposing] = useState(false);
  const canWrite = canWriteRecords(alliance);
  const tree = buildCommitteeTree(committees);
  const history = committees.find((c) => c.id === historyOf) ?? null;
  const adding = addingTo ? (committees.find((c) => c.id === addingTo.id) ?? addingTo) : null;
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          {committees.length === 0
            ? 'Who decides what, and how often they meet.'
            : `${committees.length} ${committees.length === 1 ? 'committee' : 'committees'} · sub-committees under the committee they report to`}
        </Text>
        {canWrite && (
          <Group gap="xs">
            {committees.length > 0 && (
              <Button variant="default" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => setProposing(true)}>
                Propose meetings from a template
              </Button>
            )}
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ committee: null })}>
              New committee
            </Button>
          </Group>
        )}
      </Group>
      {committees.length === 0 ? (
        <EmptyState title="No committees yet" icon={<IconHierarchy2 aria-hidden />}>
          {canWrite
            ? 'Start with the joint steering committee, then add the committees and teams that report to it. Each gets a charter, a cadence and a quorum rule.'
            : 'Committees that alliance members set up will appear here.'}
        </EmptyState>
      ) : (
        <Box component="section" aria-label="Committee structure">
          <TreeLevel
            nodes={tree}
            render={(committee) => (
              <CommitteeCard
                alliance={alliance}
                committee={committee}
                canChange={canChangeRecord(alliance, user.id, committee)}
                onEdit={() => setEditing({ committee })}
                onAddMember={() => setAddingTo(committee)}
                onHistory={() => setHistoryOf(committee.id)}
              />
            )}
          />
        </Box>
      )}
      <CommitteeFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        alliance={alliance}
        members={members}
        committee={editing?.committee ?? null}
        committees={committees}
      />
      <Modal opened={adding !== null} onClose={() => setAddingTo(null)} title={adding ? `Add a member to ${adding.name}` : ''} centered>
        {adding && <AddMemberForm alliance={alliance} committee={adding} members={members} onClose={() => setAddingTo(null)} />}
      </Modal>
      <SeatHistoryDrawer committee={history} onClose={() => setHistoryOf(null)} />
      <CadenceProposalModal alliance={alliance} opened={proposing} onClose={() => setProposing(false)} />
    </Stack>
  );
}
