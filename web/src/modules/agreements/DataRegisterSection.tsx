// The data register: datasets one party shares with another, for what purposes and on what privacy
// basis, how long they may be kept and when they must be destroyed; the recipient confirms the
// destruction with evidence.
import { Button, Group, Menu, Modal, Paper, Select, SimpleGrid, Stack, Table, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconDatabase, IconPlus, IconShredder } from '@tabler/icons-react';
import { useState } from 'react';
import type { Alliance, Member, Visibility } from '../../api/types';
import { VisibilityBadge } from '../../ui/badges';
import { EmptyState, FormActions, QueryView } from '../../ui/feedback';
import { formatDate, today as todayOf } from '../../ui/format';
import { options } from '../../ui/labels';
import { DeleteMenuItem, EditMenuItem, RowActionsHeader, RowMenu } from '../../ui/RowMenu';
import { useSession } from '../auth/session';
import { AccessFields } from '../records/AccessFields';
import { canChangeRecord, canWriteRecords, partyName, partyOptions } from '../records/access';
import { accessBody, maxLength, readersRule, recordFieldErrors, requiredText } from '../records/forms';
import { RecordFormFooter, submitRecord, useDeleteRecord, useRecordAction, useRecordSave } from '../records/recordForm';
import { patchOf, useStaleEdit, type FieldLabels } from '../records/stale';
import { DestructionStatusBadge } from './badges';
import { PRIVACY_BASES, PRIVACY_BASIS_LABELS } from './labels';
import { confirmDestruction, createDataset, deleteDataset, fetchDataset, refreshAgreements, updateDataset, useDatasets } from './queries';
import type { Agreement, Dataset, DatasetCreate, PrivacyBasis } from './types';

interface DatasetValues {
  name: string;
  description: string;
  agreement_id: string | null;
  provider_id: string | null;
  recipient_id: string | null;
  purposes: string[];
  privacy_basis: PrivacyBasis;
  security_requirements: string;
  shared_on: string | null;
  retention_until: string | null;
  destruction_due_on: string | null;
  visibility: Visibility;
  readers: string[];
}

function toValues(d: Dataset): DatasetValues {
  return {
    name: d.name,
    description: d.description,
    agreement_id: d.agreement_id,
    provider_id: d.provider_id,
    recipient_id: d.recipient_id,
    purposes: [...d.purposes],
    privacy_basis: d.privacy_basis,
    security_requirements: d.security_requirements,
    shared_on: d.shared_on,
    retention_until: d.retention_until,
    destruction_due_on: d.destruction_due_on,
    visibility: d.visibility,
    readers: [...d.readers],
  };
}

function datasetBody(v: DatasetValues): DatasetCreate {
  return {
    name: v.name.trim(),
    description: v.description,
    agreement_id: v.agreement_id,
    provider_id: v.provider_id ?? '',
    recipient_id: v.recipient_id ?? '',
    purposes: v.purposes,
    privacy_basis: v.privacy_basis,
    security_requirements: v.security_requirements,
    shared_on: v.shared_on,
    retention_until: v.retention_until,
    destruction_due_on: v.destruction_due_on,
    ...accessBody(v),
  };
}

const notBeforeShared = (v: string | null, values: DatasetValues) => (v && values.shared_on && v < values.shared_on ? 'This is before the data was shared' : null);

function DatasetForm({ alliance, members, dataset, agreements, onClose }: { alliance: Alliance; members: Member[]; dataset: Dataset | null; agreements: Agreement[]; onClose: () => void }) {
  const stale = useStaleEdit({ record: dataset, toValues, fetchLatest: () => fetchDataset(alliance.id, dataset?.id ?? '') });
  const other = alliance.parties.find((p) => p.organization_id !== alliance.my_party.organization_id);
  const form = useForm<DatasetValues>({
    mode: 'controlled',
    initialValues: stale.base?.values ?? {
      name: '',
      description: '',
      agreement_id: null,
      provider_id: alliance.my_party.organization_id,
      recipient_id: other?.organization_id ?? null,
      purposes: [],
      privacy_basis: 'de_identified',
      security_requirements: '',
      shared_on: null,
      retention_until: null,
      destruction_due_on: null,
      visibility: 'alliance',
      readers: [],
    },
    validateInputOnChange: ['name', 'description', 'security_requirements'],
    validate: {
      name: requiredText('name', 200),
      description: maxLength(5000),
      security_requirements: maxLength(5000),
      provider_id: (v) => (v ? null : 'Choose the party that shares the data'),
      recipient_id: (v, values) => (!v ? 'Choose the party that receives it' : v === values.provider_id ? 'The recipient must differ from the provider' : null),
      purposes: (v) => (v.length === 0 ? 'Name at least one purpose' : v.length > 20 ? 'Name at most 20 purposes' : null),
      retention_until: notBeforeShared,
      destruction_due_on: notBeforeShared,
      readers: readersRule,
    },
  });
  const save = useRecordSave({
    allianceId: alliance.id,
    form,
    stale,
    create: (v) => createDataset(alliance.id, datasetBody(v)),
    update: dataset ? (version, base, v) => updateDataset(alliance.id, dataset.id, version, patchOf(datasetBody(base), datasetBody(v))) : null,
    savedMessage: (saved) => `“${saved.name}” is ${dataset ? 'saved' : 'in the data register'}.`,
    onClose,
    refresh: refreshAgreements,
  });
  const fields: FieldLabels<DatasetValues> = {
    name: { label: 'Name' },
    description: { label: 'Description' },
    agreement_id: { label: 'Agreement', show: (v) => agreements.find((a) => a.id === v)?.title ?? '' },
    provider_id: { label: 'Provider', show: (v) => partyName(alliance, v) },
    recipient_id: { label: 'Recipient', show: (v) => partyName(alliance, v) },
    purposes: { label: 'Purposes' },
    privacy_basis: { label: 'Privacy basis', show: (v) => PRIVACY_BASIS_LABELS[v] },
    security_requirements: { label: 'Security requirements' },
    shared_on: { label: 'Shared on', show: formatDate },
    retention_until: { label: 'Kept until', show: formatDate },
    destruction_due_on: { label: 'Destroy by', show: formatDate },
    visibility: { label: 'Who can read it' },
  };
  return (
    <form noValidate onSubmit={submitRecord(form, stale, save)}>
      <Stack gap="md">
        <TextInput label="Name" required placeholder="e.g. Adherence data, cohort A" data-autofocus {...form.getInputProps('name')} />
        <Textarea label="Description" autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label="Provider" required data={partyOptions(alliance)} {...form.getInputProps('provider_id')} />
          <Select label="Recipient" required data={partyOptions(alliance)} {...form.getInputProps('recipient_id')} />
          <Select label="Agreement" clearable searchable placeholder="None" data={agreements.map((a) => ({ value: a.id, label: a.title }))} {...form.getInputProps('agreement_id')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TagsInput label="Purposes" required placeholder="Press Enter after each" {...form.getInputProps('purposes')} />
          <Select label="Privacy basis" required allowDeselect={false} data={options(PRIVACY_BASES, PRIVACY_BASIS_LABELS)} {...form.getInputProps('privacy_basis')} />
        </SimpleGrid>
        <Textarea label="Security requirements" autosize minRows={2} maxRows={6} {...form.getInputProps('security_requirements')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateInput label="Shared on" clearable {...form.getInputProps('shared_on')} />
          <DateInput label="Kept until" clearable {...form.getInputProps('retention_until')} />
          <DateInput label="Destroy by" clearable {...form.getInputProps('destruction_due_on')} />
        </SimpleGrid>
        <AccessFields form={form} alliance={alliance} members={members} record={dataset} />
        <RecordFormFooter noun="dataset" fields={fields} form={form} stale={stale} save={save} errorTitle="The dataset was not saved" submitLabel={dataset ? 'Save dataset' : 'Add dataset'} onCancel={onClose} />
      </Stack>
    </form>
  );
}

/** The recipient confirms that the data is destroyed: when, and how that is known. */
function DestructionForm({ alliance, dataset, onClose }: { alliance: Alliance; dataset: Dataset; onClose: () => void }) {
  const today = todayOf();
  const form = useForm({
    mode: 'controlled',
    initialValues: { destroyed_on: today as string | null, evidence: '' },
    validate: {
      destroyed_on: (v: string | null) => (!v ? 'Choose the day it was destroyed' : v > today ? 'The day cannot be in the future' : null),
      evidence: (v: string) => (!v.trim() ? 'Say how the destruction is known, e.g. a certificate' : v.length > 2000 ? 'Use at most 2,000 characters' : null),
    },
  });
  const confirm = useRecordAction({
    allianceId: alliance.id,
    action: (v: { destroyed_on: string; evidence: string }) => confirmDestruction(alliance.id, dataset.id, dataset.version, v),
    done: (saved) => `The destruction of “${saved.name}” is confirmed.`,
    failed: null,
    onSuccess: onClose,
    onError: (error) => form.setErrors(recordFieldErrors(error)),
    refresh: refreshAgreements,
  });
  return (
    <form noValidate onSubmit={form.onSubmit((v) => confirm.mutate({ destroyed_on: v.destroyed_on ?? today, evidence: v.evidence.trim() }))}>
      <Stack gap="md">
        <Text size="sm">
          “{dataset.name}”, received by {dataset.recipient_name}
          {dataset.destruction_due_on ? `, to be destroyed by ${formatDate(dataset.destruction_due_on)}` : ''}.
        </Text>
        <DateInput label="Destroyed on" required maxDate={today} {...form.getInputProps('destroyed_on')} />
        <Textarea label="Evidence" description="A certificate of destruction, a ticket, or who did it and how." required autosize minRows={2} data-autofocus {...form.getInputProps('evidence')} />
        <FormActions error={confirm.isError ? confirm.error : null} errorTitle="Not confirmed" onCancel={onClose} submitLabel="Confirm destruction" pending={confirm.isPending} />
      </Stack>
    </form>
  );
}

function DatasetRow({ alliance, dataset: d, canChange, canConfirm, onEdit, onConfirm }: { alliance: Alliance; dataset: Dataset; canChange: boolean; canConfirm: boolean; onEdit: () => void; onConfirm: () => void }) {
  const remove = useDeleteRecord(alliance.id, d.name, () => deleteDataset(alliance.id, d.id), refreshAgreements);
  return (
    <Table.Tr data-dataset={d.name} data-overdue={d.destruction_status === 'overdue' || undefined}>
      <Table.Td miw={200}>
        <Group gap={6}>
          <Text size="sm" fw={600}>
            {d.name}
          </Text>
          {d.visibility !== 'alliance' && <VisibilityBadge size="xs" visibility={d.visibility} ownerOrganizationName={d.owner_organization_name} />}
        </Group>
        <Text size="xs" c="dimmed">
          {PRIVACY_BASIS_LABELS[d.privacy_basis]} · {d.purposes.join(', ')}
        </Text>
      </Table.Td>
      <Table.Td fz="sm">
        {d.provider_name} → {d.recipient_name}
      </Table.Td>
      <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDate(d.shared_on)}
      </Table.Td>
      <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDate(d.retention_until)}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Stack gap={2}>
          <DestructionStatusBadge status={d.destruction_status} />
          <Text size="xs" c="dimmed">
            {d.destroyed_on
              ? `Destroyed ${formatDate(d.destroyed_on)}${d.destruction_confirmed_by_name ? ` · ${d.destruction_confirmed_by_name}` : ''}`
              : d.destruction_due_on
                ? `By ${formatDate(d.destruction_due_on)}`
                : ''}
          </Text>
        </Stack>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          {canConfirm && d.destruction_status !== 'confirmed' && (
            <Button size="compact-xs" variant="light" leftSection={<IconShredder size={12} aria-hidden />} onClick={onConfirm} aria-label={`Confirm destruction of “${d.name}”`}>
              Confirm destruction
            </Button>
          )}
          {canChange && (
            <RowMenu name={d.name}>
              <EditMenuItem onClick={onEdit} />
              {canConfirm && d.destruction_status !== 'confirmed' && (
                <Menu.Item leftSection={<IconShredder size={16} />} onClick={onConfirm}>
                  Confirm destruction
                </Menu.Item>
              )}
              <DeleteMenuItem title="Delete this dataset?" message={<>“{d.name}” will be removed from the register.</>} onConfirm={() => remove.mutate()} />
            </RowMenu>
          )}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

export function DataRegisterSection({ alliance, members, agreements }: { alliance: Alliance; members: Member[]; agreements: Agreement[] }) {
  const { user } = useSession();
  const datasets = useDatasets(alliance.id);
  const [editing, setEditing] = useState<{ dataset: Dataset | null } | null>(null);
  const [destroying, setDestroying] = useState<Dataset | null>(null);
  const canWrite = canWriteRecords(alliance);
  return (
    <Stack gap="md">
      {canWrite && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ dataset: null })}>
            New dataset
          </Button>
        </Group>
      )}
      <QueryView
        query={datasets}
        loaderLabel="Loading the data register…"
        empty={
          <EmptyState title="No datasets recorded yet" icon={<IconDatabase aria-hidden />}>
            Record the data the parties share, its purposes and privacy basis, and when it must be destroyed; Northstar reminds the recipient.
          </EmptyState>
        }
      >
        {(list) => (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={860}>
              <Table verticalSpacing="sm" aria-label="Data register">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Dataset</Table.Th>
                    <Table.Th scope="col">Shared by → with</Table.Th>
                    <Table.Th scope="col">Shared</Table.Th>
                    <Table.Th scope="col">Kept until</Table.Th>
                    <Table.Th scope="col">Destruction</Table.Th>
                    <RowActionsHeader width={200} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((d) => (
                    <DatasetRow
                      key={d.id}
                      alliance={alliance}
                      dataset={d}
                      canChange={canChangeRecord(alliance, user.id, d)}
                      // A writer of the recipient party confirms; the server has the last word.
                      canConfirm={canWrite && d.recipient_id === alliance.my_party.organization_id}
                      onEdit={() => setEditing({ dataset: d })}
                      onConfirm={() => setDestroying(d)}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </QueryView>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.dataset ? 'Edit dataset' : 'New dataset'} size="xl" centered>
        {editing && <DatasetForm alliance={alliance} members={members} dataset={editing.dataset} agreements={agreements} onClose={() => setEditing(null)} />}
      </Modal>
      <Modal opened={destroying !== null} onClose={() => setDestroying(null)} title="Confirm destruction" centered>
        {destroying && <DestructionForm alliance={alliance} dataset={destroying} onClose={() => setDestroying(null)} />}
      </Modal>
    </Stack>
  );
}
