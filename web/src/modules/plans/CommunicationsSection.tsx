// The communication plan: the alliance's standing channels, and external communications that
// every party must approve before they go out.
import { Button, Group, Modal, Paper, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconPlus, IconSpeakerphone, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { problemMessage } from '../../api/problem';
import type { Alliance, Member, Visibility } from '../../api/types';
import { VisibilityBadge } from '../../ui/badges';
import { EmptyState, FormActions, QueryView } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { options } from '../../ui/labels';
import { RowMenu, EditMenuItem, DeleteMenuItem, RowActionsHeader } from '../../ui/RowMenu';
import { useSession } from '../auth/session';
import { AccessFields } from '../records/AccessFields';
import { canChangeRecord, canWriteRecords, memberOptions, partyName, partyOptions } from '../records/access';
import { accessBody, maxLength, readersRule, recordFieldErrors, requiredText } from '../records/forms';
import { RecordFormFooter, submitRecord, useDeleteRecord, useRecordSave } from '../records/recordForm';
import { patchOf, useStaleEdit, type FieldLabels } from '../records/stale';
import { ApprovalBadges, ApprovalStateBadge } from './badges';
import { CHANNEL_KINDS, COMMUNICATION_CADENCE_LABELS, COMMUNICATION_CADENCES, COMMUNICATION_CATEGORY_LABELS, COMMUNICATION_KIND_LABELS, EXTERNAL_KINDS } from './labels';
import { createCommunication, decideCommunication, deleteCommunication, fetchCommunication, refreshPlan, updateCommunication, useCommunications } from './queries';
import type { Communication, CommunicationCadence, CommunicationCategory, CommunicationKind } from './types';

interface CommunicationValues {
  category: CommunicationCategory;
  kind: CommunicationKind | null;
  title: string;
  description: string;
  audience: string;
  cadence: CommunicationCadence | null;
  party_id: string | null;
  responsible_user_id: string | null;
  planned_date: string | null;
  visibility: Visibility;
  readers: string[];
}

function communicationToValues(c: Communication): CommunicationValues {
  return {
    category: c.category,
    kind: c.kind,
    title: c.title,
    description: c.description,
    audience: c.audience,
    cadence: c.cadence,
    party_id: c.party_id,
    responsible_user_id: c.responsible_user_id,
    planned_date: c.planned_date,
    visibility: c.visibility,
    readers: [...c.readers],
  };
}

function communicationBody(v: CommunicationValues) {
  return {
    category: v.category,
    kind: v.kind ?? (v.category === 'channel' ? 'meeting' : 'press_release'),
    title: v.title.trim(),
    description: v.description,
    audience: v.audience.trim(),
    cadence: v.cadence,
    party_id: v.party_id ?? undefined,
    responsible_user_id: v.responsible_user_id,
    planned_date: v.planned_date,
    ...(v.category === 'external' ? { visibility: 'alliance' as const } : accessBody(v)),
  };
}

function CommunicationForm({
  alliance,
  members,
  communication,
  category,
  onClose,
}: {
  alliance: Alliance;
  members: Member[];
  communication: Communication | null;
  category: CommunicationCategory;
  onClose: () => void;
}) {
  const stale = useStaleEdit({
    record: communication,
    toValues: communicationToValues,
    fetchLatest: () => fetchCommunication(alliance.id, communication?.id ?? ''),
  });
  const form = useForm<CommunicationValues>({
    mode: 'controlled',
    initialValues: stale.base?.values ?? {
      category,
      kind: null,
      title: '',
      description: '',
      audience: '',
      cadence: category === 'channel' ? 'monthly' : null,
      party_id: alliance.my_party.organization_id,
      responsible_user_id: null,
      planned_date: null,
      visibility: 'alliance',
      readers: [],
    },
    validateInputOnChange: ['title', 'description', 'audience'],
    validate: {
      kind: (v) => (v ? null : 'Choose the kind'),
      title: requiredText('title', 200),
      description: maxLength(5000),
      audience: maxLength(500),
      readers: readersRule,
    },
  });
  const save = useRecordSave({
    allianceId: alliance.id,
    form,
    stale,
    create: (values) => createCommunication(alliance.id, communicationBody(values)),
    update: communication ? (version, base, values) => updateCommunication(alliance.id, communication.id, version, patchOf(communicationBody(base), communicationBody(values))) : null,
    savedMessage: (saved) => `“${saved.title}” is saved.`,
    onClose,
    refresh: refreshPlan,
  });
  const values = form.values;
  const external = values.category === 'external';
  const fields: FieldLabels<CommunicationValues> = {
    title: { label: 'Title' },
    kind: { label: 'Kind', show: (v) => (v ? COMMUNICATION_KIND_LABELS[v] : '') },
    description: { label: 'Description' },
    audience: { label: 'Audience' },
    cadence: { label: 'Cadence', show: (v) => (v ? COMMUNICATION_CADENCE_LABELS[v] : '') },
    party_id: { label: 'Owner party', show: (v) => partyName(alliance, v) },
    planned_date: { label: 'Planned date', show: (v) => (v ? formatDate(v) : '') },
    visibility: { label: 'Who can read it' },
  };
  const resetsApprovals =
    communication?.category === 'external' &&
    stale.base !== null &&
    (['title', 'description', 'kind', 'planned_date'] as const).some((key) => stale.base?.values[key] !== values[key]);
  return (
    <form
      noValidate
      onSubmit={submitRecord(form, stale, save)}
    >
      <Stack gap="md">
        {!communication && (
          <SegmentedControl
            aria-label="Category"
            value={values.category}
            onChange={(v) => {
              const next = v as CommunicationCategory;
              form.setFieldValue('category', next);
              form.setFieldValue('kind', null);
              form.setFieldValue('cadence', next === 'channel' ? 'monthly' : null);
              if (next === 'external') form.setFieldValue('visibility', 'alliance');
            }}
            data={(['channel', 'external'] as const).map((c) => ({ value: c, label: COMMUNICATION_CATEGORY_LABELS[c] }))}
          />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
          <Select
            label="Kind"
            required
            data={options(external ? EXTERNAL_KINDS : CHANNEL_KINDS, COMMUNICATION_KIND_LABELS)}
            {...form.getInputProps('kind')}
          />
          <TextInput label="Audience" placeholder={external ? 'e.g. Investors, ESC congress' : 'e.g. JSC members'} {...form.getInputProps('audience')} />
          {external ? (
            <DateInput label="Planned date" clearable {...form.getInputProps('planned_date')} />
          ) : (
            <Select
              label="Cadence"
              clearable
              placeholder="No fixed cadence"
              data={options(COMMUNICATION_CADENCES, COMMUNICATION_CADENCE_LABELS)}
              {...form.getInputProps('cadence')}
            />
          )}
          <Select
            label="Owner party"
            required
            allowDeselect={false}
            data={partyOptions(alliance)}
            {...form.getInputProps('party_id')}
            onChange={(party) => {
              form.setFieldValue('party_id', party);
              form.setFieldValue('responsible_user_id', null);
            }}
          />
          <Select
            label="Responsible person"
            placeholder="Nobody named"
            clearable
            searchable
            data={memberOptions(members, values.party_id)}
            {...form.getInputProps('responsible_user_id')}
          />
        </SimpleGrid>
        <Textarea label="Description" autosize minRows={2} maxRows={8} {...form.getInputProps('description')} />
        <AccessFields form={form} alliance={alliance} members={members} record={communication} allianceOnly={external} />
        {resetsApprovals && (
          <Text size="sm" c="orange.9" role="status">
            Changing the title, description, kind or planned date sends it back to every party for approval.
          </Text>
        )}
        <RecordFormFooter
          noun="communication"
          fields={fields}
          form={form}
          stale={stale}
          save={save}
          errorTitle="Not saved"
          submitLabel={communication ? 'Save' : external ? 'Add and ask for approval' : 'Add channel'}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

function RejectForm({ alliance, communication, onClose }: { alliance: Alliance; communication: Communication; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: { reason: (v: string) => (!v.trim() ? 'Say why, so that the author can fix it' : v.length > 1000 ? 'Use at most 1,000 characters' : null) },
  });
  const reject = useMutation({
    mutationFn: (reason: string) => decideCommunication(alliance.id, communication.id, communication.version, 'reject', reason),
    onSuccess: () => {
      refreshPlan(queryClient, alliance.id);
      notifications.show({ color: 'teal', message: `You rejected “${communication.title}” for ${alliance.my_party.organization_name}.` });
      onClose();
    },
    onError: (error) => {
      form.setErrors(recordFieldErrors(error));
      if (error instanceof ApiError && error.status === 412) refreshPlan(queryClient, alliance.id);
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit((v) => reject.mutate(v.reason.trim()))}>
      <Stack gap="md">
        <Text size="sm">
          “{communication.title}” will not go out until {alliance.my_party.organization_name} approves it.
        </Text>
        <Textarea label="Reason" required autosize minRows={3} data-autofocus {...form.getInputProps('reason')} />
        <FormActions error={reject.isError ? reject.error : null} onCancel={onClose} submitLabel="Reject" pending={reject.isPending} />
      </Stack>
    </form>
  );
}

function DecisionButtons({ alliance, communication, onReject }: { alliance: Alliance; communication: Communication; onReject: () => void }) {
  const queryClient = useQueryClient();
  const mine = communication.approvals.find((a) => a.organization_id === alliance.my_party.organization_id);
  const approve = useMutation({
    mutationFn: () => decideCommunication(alliance.id, communication.id, communication.version, 'approve'),
    onSuccess: () => {
      refreshPlan(queryClient, alliance.id);
      notifications.show({ color: 'teal', message: `You approved “${communication.title}” for ${alliance.my_party.organization_name}.` });
    },
    onError: (error) => {
      notifications.show({ color: 'red', title: 'Not approved', message: problemMessage(error) });
      refreshPlan(queryClient, alliance.id);
    },
  });
  if (!mine) return null;
  return (
    <Group gap={6}>
      <Button
        size="compact-xs"
        color="green"
        variant={mine.decision === 'approved' ? 'filled' : 'light'}
        leftSection={<IconCheck size={12} aria-hidden />}
        disabled={mine.decision === 'approved'}
        loading={approve.isPending}
        onClick={() => approve.mutate()}
        aria-label={`Approve “${communication.title}” for ${alliance.my_party.organization_name}`}
      >
        Approve
      </Button>
      <Button
        size="compact-xs"
        color="red"
        variant={mine.decision === 'rejected' ? 'filled' : 'light'}
        leftSection={<IconX size={12} aria-hidden />}
        disabled={mine.decision === 'rejected'}
        onClick={onReject}
        aria-label={`Reject “${communication.title}” for ${alliance.my_party.organization_name}`}
      >
        Reject
      </Button>
    </Group>
  );
}

function RowActions({
  alliance,
  communication,
  onEdit,
}: {
  alliance: Alliance;
  communication: Communication;
  onEdit: () => void;
}) {
  const remove = useDeleteRecord(alliance.id, communication.title, () => deleteCommunication(alliance.id, communication.id), refreshPlan);
  return (
    <RowMenu name={communication.title}>
      <EditMenuItem onClick={onEdit} />
      <DeleteMenuItem
        title="Delete this communication?"
        message={<>“{communication.title}” will be removed from the communication plan.</>}
        onConfirm={() => remove.mutate()}
      />
    </RowMenu>
  );
}

function TitleCell({ communication, compact = false }: { communication: Communication; compact?: boolean }) {
  return (
    <Table.Td miw={180}>
      <Group gap={6}>
        <Text size="sm" fw={600}>
          {communication.title}
        </Text>
        {communication.visibility !== 'alliance' && (
          <VisibilityBadge size="xs" visibility={communication.visibility} ownerOrganizationName={communication.owner_organization_name} />
        )}
      </Group>
      {compact && (
        <Text size="xs" c="dimmed" hiddenFrom="lg">
          {COMMUNICATION_KIND_LABELS[communication.kind]} · {communication.party_name}
        </Text>
      )}
      {communication.description && (
        <Text size="xs" c="dimmed" lineClamp={2}>
          {communication.description}
        </Text>
      )}
    </Table.Td>
  );
}

function OwnerCell({ communication, visibleFrom }: { communication: Communication; visibleFrom?: 'lg' }) {
  return (
    <Table.Td visibleFrom={visibleFrom}>
      <Text size="sm">{communication.party_name}</Text>
      {communication.responsible_user_name && (
        <Text size="xs" c="dimmed">
          {communication.responsible_user_name}
        </Text>
      )}
    </Table.Td>
  );
}

function ChannelsTable({ alliance, items, onEdit }: { alliance: Alliance; items: Communication[]; onEdit: (c: Communication) => void }) {
  const { user } = useSession();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="sm" aria-label="Channels">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Channel</Table.Th>
            <Table.Th scope="col">Kind</Table.Th>
            <Table.Th scope="col">Audience</Table.Th>
            <Table.Th scope="col">Cadence</Table.Th>
            <Table.Th scope="col">Owner</Table.Th>
            <RowActionsHeader />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id} data-communication={c.title}>
              <TitleCell communication={c} />
              <Table.Td>
                <Text size="sm">{COMMUNICATION_KIND_LABELS[c.kind]}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{c.audience || '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{c.cadence ? COMMUNICATION_CADENCE_LABELS[c.cadence] : '—'}</Text>
              </Table.Td>
              <OwnerCell communication={c} />
              <Table.Td>{canChangeRecord(alliance, user.id, c) && <RowActions alliance={alliance} communication={c} onEdit={() => onEdit(c)} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function ExternalsTable({
  alliance,
  items,
  onEdit,
  onReject,
}: {
  alliance: Alliance;
  items: Communication[];
  onEdit: (c: Communication) => void;
  onReject: (c: Communication) => void;
}) {
  const { user } = useSession();
  const isManager = alliance.my_role === 'manager';
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="sm" aria-label="External communications">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Communication</Table.Th>
            <Table.Th scope="col" visibleFrom="lg">
              Kind
            </Table.Th>
            <Table.Th scope="col">Planned</Table.Th>
            <Table.Th scope="col" visibleFrom="lg">
              Owner
            </Table.Th>
            <Table.Th scope="col">Approval</Table.Th>
            {isManager && <Table.Th scope="col">Your party’s decision</Table.Th>}
            <RowActionsHeader />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id} data-communication={c.title}>
              <TitleCell communication={c} compact />
              <Table.Td visibleFrom="lg">
                <Text size="sm">{COMMUNICATION_KIND_LABELS[c.kind]}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm">{formatDate(c.planned_date)}</Text>
              </Table.Td>
              <OwnerCell communication={c} visibleFrom="lg" />
              <Table.Td>
                <Stack gap={4} align="flex-start">
                  {c.approval_state && <ApprovalStateBadge state={c.approval_state} />}
                  <ApprovalBadges communication={c} />
                </Stack>
              </Table.Td>
              {isManager && (
                <Table.Td>
                  <DecisionButtons alliance={alliance} communication={c} onReject={() => onReject(c)} />
                </Table.Td>
              )}
              <Table.Td>{canChangeRecord(alliance, user.id, c) && <RowActions alliance={alliance} communication={c} onEdit={() => onEdit(c)} />}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CategoryPanel({
  alliance,
  category,
  onNew,
  onEdit,
  onReject,
}: {
  alliance: Alliance;
  category: CommunicationCategory;
  onNew: () => void;
  onEdit: (c: Communication) => void;
  onReject: (c: Communication) => void;
}) {
  const list = useCommunications(alliance.id, category);
  const canWrite = canWriteRecords(alliance);
  const channel = category === 'channel';
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`communications-${category}`}>
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={3} size="h5" id={`communications-${category}`}>
            {channel ? 'Channels' : 'External communications'}
          </Title>
          <Text size="xs" c="dimmed">
            {channel
              ? 'How the parties keep each other informed: meetings, reports, lists and shared workspaces.'
              : 'Press releases, publications, abstracts and investor statements. Each goes out only when every party has approved it.'}
          </Text>
        </div>
        {canWrite && (
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={onNew}>
            {channel ? 'New channel' : 'New external communication'}
          </Button>
        )}
      </Group>
      <QueryView query={list} empty={<EmptyState title={channel ? 'No channels yet' : 'No external communications yet'} icon={<IconSpeakerphone aria-hidden />} />}>
        {(items) =>
          channel ? (
            <ChannelsTable alliance={alliance} items={items} onEdit={onEdit} />
          ) : (
            <ExternalsTable alliance={alliance} items={items} onEdit={onEdit} onReject={onReject} />
          )
        }
      </QueryView>
    </Paper>
  );
}

export function CommunicationsSection({ alliance, members }: { alliance: Alliance; members: Member[] }) {
  const [editing, setEditing] = useState<{ communication: Communication | null; category: CommunicationCategory } | null>(null);
  const [rejecting, setRejecting] = useState<Communication | null>(null);
  return (
    <Stack gap="md">
      {(['channel', 'external'] as const).map((category) => (
        <CategoryPanel
          key={category}
          alliance={alliance}
          category={category}
          onNew={() => setEditing({ communication: null, category })}
          onEdit={(communication) => setEditing({ communication, category: communication.category })}
          onReject={setRejecting}
        />
      ))}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.communication ? 'Edit communication' : editing?.category === 'external' ? 'New external communication' : 'New channel'}
        size="lg"
        centered
      >
        {editing && (
          <CommunicationForm
            alliance={alliance}
            members={members}
            communication={editing.communication}
            category={editing.category}
            onClose={() => setEditing(null)}
          />
        )}
      </Modal>
      <Modal opened={rejecting !== null} onClose={() => setRejecting(null)} title="Reject the communication" centered>
        {rejecting && <RejectForm alliance={alliance} communication={rejecting} onClose={() => setRejecting(null)} />}
      </Modal>
    </Stack>
  );
}
