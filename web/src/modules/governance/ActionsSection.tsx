// Action items: who does what by when, from meetings and decisions, from a health result or on
// their own, and the committee that follows each up. Overdue ones stand out in red; the owner (or
// anyone who may change it) marks one done with one click.
import { Button, Group, Modal, Select, SimpleGrid, Stack, Switch, Table, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconCheck, IconChecklist, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Alliance, Member, Visibility } from '../../api/types';
import { VisibilityBadge } from '../../ui/badges';
import { EmptyState, QueryView } from '../../ui/feedback';
import { FilterSelect } from '../../ui/FilterSelect';
import { formatDate } from '../../ui/format';
import { options } from '../../ui/labels';
import { DeleteMenuItem, EditMenuItem, RowActionsHeader, RowMenu } from '../../ui/RowMenu';
import { useSession } from '../auth/session';
import { AccessFields } from '../records/AccessFields';
import { canChangeRecord, canWriteRecords, readerOptions } from '../records/access';
import { accessBody, maxLength, readersRule, requiredText } from '../records/forms';
import { RecordFormFooter, submitRecord, useDeleteRecord, useRecordAction, useRecordSave } from '../records/recordForm';
import { patchOf, useStaleEdit, type FieldLabels } from '../records/stale';
import { ActionStatusBadge, OverdueBadge } from './badges';
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from './labels';
import { createAction, deleteAction, fetchAction, refreshGovernance, updateAction, useActions, useCommittees, type ActionFilters } from './queries';
import type { ActionItem, ActionStatus } from './types';
import { LinkifiedText } from '../../ui/LinkifiedText';
import { useResults } from '../health/resultsQuery';
import { committeeWords, FollowedUpBy, HealthOrigin } from './ActionOrigin';
import { committeeOptions } from './committees';

interface ActionValues {
  title: string;
  description: string;
  owner_user_id: string | null;
  due_on: string | null;
  status: ActionStatus;
  committee_id: string | null;
  visibility: Visibility;
  readers: string[];
}

function actionToValues(a: ActionItem): ActionValues {
  return {
    title: a.title,
    description: a.description,
    owner_user_id: a.owner_user_id,
    due_on: a.due_on,
    status: a.status,
    committee_id: a.committee_id,
    visibility: a.visibility,
    readers: [...a.readers],
  };
}

function actionBody(v: ActionValues) {
  return {
    title: v.title.trim(),
    description: v.description,
    owner_user_id: v.owner_user_id ?? '',
    due_on: v.due_on ?? '',
    status: v.status,
    committee_id: v.committee_id,
    ...accessBody(v),
  };
}

/**
 * For an action plan made from a health result: the dimension it answers, named by its wave's
 * results (a bank of the organisation's own has names the shipped bank's words do not know).
 */
function HealthOriginDetail({ allianceId, health }: { allianceId: string; health: NonNullable<ActionItem['health']> }) {
  const results = useResults(allianceId, health.wave_id, true);
  const name = results.data?.dimensions.find((d) => d.key === health.dimension_key)?.name ?? null;
  return <HealthOrigin allianceId={allianceId} health={health} dimensionName={name} />;
}

/** Every alliance member, named with their party: who may own an action. */
function ownerOptions(alliance: Alliance, members: Member[]) {
  return readerOptions(alliance, members);
}

function ActionForm({
  alliance,
  members,
  action,
  link,
  onClose,
}: {
  alliance: Alliance;
  members: Member[];
  action: ActionItem | null;
  /** A new action taken in a meeting, or following a decision. */
  link?: { meeting_id?: string | null; decision_id?: string | null };
  onClose: () => void;
}) {
  const { user } = useSession();
  const stale = useStaleEdit({ record: action, toValues: actionToValues, fetchLatest: () => fetchAction(alliance.id, action?.id ?? '') });
  const form = useForm<ActionValues>({
    mode: 'controlled',
    initialValues: stale.base?.values ?? {
      title: '',
      description: '',
      owner_user_id: members.some((m) => m.user_id === user.id) ? user.id : null,
      due_on: null,
      status: 'open',
      committee_id: null,
      visibility: 'alliance',
      readers: [],
    },
    validateInputOnChange: ['title', 'description'],
    validate: {
      title: requiredText('action', 200),
      description: maxLength(5000),
      owner_user_id: (v) => (v ? null : 'Choose who does it'),
      due_on: (v) => (v ? null : 'Choose the due date'),
      readers: readersRule,
    },
  });
  const save = useRecordSave({
    allianceId: alliance.id,
    form,
    stale,
    create: (v) =>
      createAction(alliance.id, { ...actionBody(v), meeting_id: link?.meeting_id ?? null, decision_id: link?.decision_id ?? null }),
    update: action ? (version, base, values) => updateAction(alliance.id, action.id, version, patchOf(actionBody(base), actionBody(values))) : null,
    savedMessage: (saved) => (action ? `“${saved.title}” is saved.` : `“${saved.title}” is assigned to ${saved.owner_name}, due ${formatDate(saved.due_on)}.`),
    onClose,
    refresh: refreshGovernance,
  });
  const committees = useCommittees(alliance.id);
  const committeeList = committees.data ?? [];
  const name = (id: string | null) => members.find((m) => m.user_id === id)?.name ?? '';
  const fields: FieldLabels<ActionValues> = {
    title: { label: 'Action' },
    description: { label: 'Description' },
    owner_user_id: { label: 'Owner', show: name },
    due_on: { label: 'Due', show: (v) => formatDate(v) },
    status: { label: 'Status', show: (v) => ACTION_STATUS_LABELS[v] },
    committee_id: { label: 'Committee', show: (v) => committeeWords(v, committeeList) ?? '' },
    visibility: { label: 'Who can read it' },
  };
  return (
    <form noValidate onSubmit={submitRecord(form, stale, save)}>
      <Stack gap="md">
        {action?.health && <HealthOriginDetail allianceId={alliance.id} health={action.health} />}
        <TextInput label="Action" required placeholder="e.g. Send the revised budget to the JSC" data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label="Owner" required searchable data={ownerOptions(alliance, members)} {...form.getInputProps('owner_user_id')} />
          <DateInput label="Due" required {...form.getInputProps('due_on')} />
          <Select label="Status" required allowDeselect={false} data={options(ACTION_STATUSES, ACTION_STATUS_LABELS)} {...form.getInputProps('status')} />
        </SimpleGrid>
        <Select
          label="Committee"
          description="The committee that follows the action up."
          clearable
          placeholder={committees.isPending ? 'Loading the committees…' : 'No committee'}
          data={committeeOptions(committeeList)}
          {...form.getInputProps('committee_id')}
        />
        <Textarea label="Description" autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
        <AccessFields form={form} alliance={alliance} members={members} record={action} />
        <RecordFormFooter
          noun="action"
          fields={fields}
          form={form}
          stale={stale}
          save={save}
          errorTitle="The action was not saved"
          submitLabel={action ? 'Save action' : 'Add action'}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

export function ActionFormModal({
  opened,
  onClose,
  ...props
}: { opened: boolean; onClose: () => void } & Omit<Parameters<typeof ActionForm>[0], 'onClose'>) {
  return (
    <Modal opened={opened} onClose={onClose} title={props.action ? 'Edit action' : 'New action'} size="lg" centered>
      {opened && <ActionForm {...props} onClose={onClose} />}
    </Modal>
  );
}

/** One click: the action is done (today). */
export function MarkDoneButton({ allianceId, action }: { allianceId: string; action: Pick<ActionItem, 'id' | 'title' | 'version' | 'status'> }) {
  const done = useRecordAction({
    allianceId,
    action: () => updateAction(allianceId, action.id, action.version, { status: 'done' }),
    done: () => `“${action.title}” is done.`,
    failed: 'Not marked done',
    refresh: refreshGovernance,
  });
  if (action.status === 'done' || action.status === 'cancelled') return null;
  return (
    <Button
      size="compact-xs"
      variant="light"
      color="green"
      leftSection={<IconCheck size={12} aria-hidden />}
      loading={done.isPending}
      onClick={() => done.mutate(undefined)}
      aria-label={`Mark “${action.title}” done`}
    >
      Done
    </Button>
  );
}

/** How many actions are listed, and how many of them are overdue; nothing for none. */
export function ActionCount({ actions }: { actions: readonly Pick<ActionItem, 'overdue'>[] | undefined }) {
  if (!actions || actions.length === 0) return null;
  const overdue = actions.filter((a) => a.overdue).length;
  return (
    <Text size="sm" c={overdue ? 'red.8' : 'dimmed'} role="status">
      {actions.length} {actions.length === 1 ? 'action' : 'actions'}
      {overdue ? ` · ${overdue} overdue` : ''}
    </Text>
  );
}

/** The due date, in red with an "Overdue" badge when it has passed. */
export function DueCell({ action }: { action: Pick<ActionItem, 'due_on' | 'overdue' | 'done_on' | 'status'> }) {
  return (
    <Table.Td style={{ whiteSpace: 'nowrap' }}>
      <Group gap={6} wrap="nowrap">
        <Text size="sm" c={action.overdue ? 'red.8' : undefined} fw={action.overdue ? 650 : 400}>
          {formatDate(action.due_on)}
        </Text>
        {action.overdue && <OverdueBadge size="xs" />}
      </Group>
      {action.status === 'done' && action.done_on && (
        <Text size="xs" c="dimmed">
          Done {formatDate(action.done_on)}
        </Text>
      )}
    </Table.Td>
  );
}

function ActionRow({
  alliance,
  action,
  committee,
  canChange,
  onEdit,
}: {
  alliance: Alliance;
  action: ActionItem;
  /** The committee that follows it up, in words. */
  committee: string | null;
  canChange: boolean;
  onEdit: () => void;
}) {
  const remove = useDeleteRecord(alliance.id, action.title, () => deleteAction(alliance.id, action.id), refreshGovernance);
  return (
    <Table.Tr data-action={action.title} data-overdue={action.overdue || undefined} bg={action.overdue ? 'var(--mantine-color-red-0)' : undefined}>
      <Table.Td miw={200}>
        <Group gap={6}>
          <Text size="sm" fw={600} td={action.status === 'cancelled' ? 'line-through' : undefined}>
            {action.title}
          </Text>
          {action.visibility !== 'alliance' && <VisibilityBadge size="xs" visibility={action.visibility} ownerOrganizationName={action.owner_organization_name} />}
        </Group>
        {action.description && (
          <LinkifiedText size="xs" c="dimmed" lineClamp={2} text={action.description} />
        )}
        <FollowedUpBy name={committee} />
        {action.health && <HealthOrigin allianceId={alliance.id} health={action.health} />}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{action.owner_name}</Text>
        <Text size="xs" c="dimmed">
          {action.party_name}
        </Text>
      </Table.Td>
      <DueCell action={action} />
      <Table.Td>
        <ActionStatusBadge status={action.status} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          {canChange && <MarkDoneButton allianceId={alliance.id} action={action} />}
          {canChange && (
            <RowMenu name={action.title}>
              <EditMenuItem onClick={onEdit} />
              <DeleteMenuItem title="Delete this action?" message={<>“{action.title}” will be removed.</>} onConfirm={() => remove.mutate()} />
            </RowMenu>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

/** May the signed-in person change this action: its owner, or as for any record. */
export function canChangeAction(alliance: Alliance, userId: string, action: ActionItem): boolean {
  return canWriteRecords(alliance) && (action.owner_user_id === userId || canChangeRecord(alliance, userId, action));
}

export function ActionsTable({
  alliance,
  items,
  onEdit,
  label = 'Action items',
  minWidth = 680,
}: {
  alliance: Alliance;
  items: ActionItem[];
  onEdit: (a: ActionItem) => void;
  label?: string;
  /** Below this width the table scrolls sideways; a half-width column (the meeting page) needs less. */
  minWidth?: number;
}) {
  const { user } = useSession();
  // The committees' names (the list Governance shows; no request when it is already loaded).
  const committees = useCommittees(alliance.id);
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
            <Table.Th scope="col">Due</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <RowActionsHeader width={120} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((action) => (
            <ActionRow
              key={action.id}
              alliance={alliance}
              action={action}
              committee={committeeWords(action.committee_id, committees.data)}
              canChange={canChangeAction(alliance, user.id, action)}
              onEdit={() => onEdit(action)}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function ActionsSection({ alliance, members }: { alliance: Alliance; members: Member[] }) {
  const [filters, setFilters] = useState<ActionFilters>({});
  const actions = useActions(alliance.id, filters);
  const [editing, setEditing] = useState<{ action: ActionItem | null } | null>(null);
  const canWrite = canWriteRecords(alliance);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" role="group" aria-label="Filter actions">
          <FilterSelect<ActionStatus>
            label="Status"
            placeholder="Any status"
            data={options(ACTION_STATUSES, ACTION_STATUS_LABELS)}
            value={filters.status}
            onChange={(status) => setFilters({ ...filters, status })}
          />
          <FilterSelect
            label="Owner"
            placeholder="Anyone"
            searchable
            data={ownerOptions(alliance, members)}
            value={filters.owner_user_id}
            onChange={(owner_user_id) => setFilters({ ...filters, owner_user_id })}
          />
          <Switch
            label="Overdue only"
            checked={filters.overdue === true}
            onChange={(event) => setFilters({ ...filters, overdue: event.currentTarget.checked ? true : undefined })}
            style={{ alignSelf: 'end' }}
            mb={8}
          />
        </SimpleGrid>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ action: null })}>
            New action
          </Button>
        )}
      </Group>
      <ActionCount actions={actions.data} />
      <QueryView
        query={actions}
        empty={
          <EmptyState title={filtered ? 'No action matches' : 'No actions yet'} icon={<IconChecklist aria-hidden />}>
            {filtered ? 'Try other filters.' : 'Actions agreed in meetings, or added here, are tracked until they are done.'}
          </EmptyState>
        }
      >
        {(list) => <ActionsTable alliance={alliance} items={list} onEdit={(action) => setEditing({ action })} />}
      </QueryView>
      <ActionFormModal opened={editing !== null} onClose={() => setEditing(null)} alliance={alliance} members={members} action={editing?.action ?? null} />
    </Stack>
  );
}
