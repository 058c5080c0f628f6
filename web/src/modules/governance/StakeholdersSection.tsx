// The stakeholder map: the people who matter to the alliance by influence and interest, coloured
// by how they stand towards it, with the same people in a table for those who read rather than
// look, and the form to add or change one.
import { Button, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconUsers } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Alliance, Member, Visibility } from '../../api/types';
import { VisibilityBadge } from '../../ui/badges';
import { EChart } from '../../ui/EChart';
import { EmptyState, QueryView } from '../../ui/feedback';
import { options } from '../../ui/labels';
import { DeleteMenuItem, EditMenuItem, RowActionsHeader, RowMenu } from '../../ui/RowMenu';
import { useSession } from '../auth/session';
import { AccessFields } from '../records/AccessFields';
import { canChangeRecord, canWriteRecords, partyName, partyOptions, readerOptions } from '../records/access';
import { workstreams } from '../records/collections';
import { accessBody, maxLength, readersRule, requiredText } from '../records/forms';
import { RecordFormFooter, submitRecord, useDeleteRecord, useRecordSave } from '../records/recordForm';
import { patchOf, useStaleEdit, type FieldLabels } from '../records/stale';
import { AttitudeBadge, QuadrantBadge } from './badges';
import { committeeOptions } from './committees';
import { quadrantOf } from './format';
import { ATTITUDE_LABELS, ATTITUDES, QUADRANT_LABELS, QUADRANTS } from './labels';
import { createStakeholder, deleteStakeholder, fetchStakeholder, refreshGovernance, updateStakeholder, useStakeholders } from './queries';
import { stakeholderMapOption } from './stakeholderMap';
import type { Attitude, Committee, Stakeholder } from './types';

interface StakeholderValues {
  name: string;
  title: string;
  user_id: string | null;
  party_id: string | null;
  influence: number | string;
  interest: number | string;
  attitude: Attitude;
  committee_id: string | null;
  workstream_id: string | null;
  notes: string;
  visibility: Visibility;
  readers: string[];
}

function stakeholderToValues(s: Stakeholder): StakeholderValues {
  return {
    name: s.name,
    title: s.title,
    user_id: s.user_id,
    party_id: s.party_id,
    influence: s.influence,
    interest: s.interest,
    attitude: s.attitude,
    committee_id: s.committee_id,
    workstream_id: s.workstream_id,
    notes: s.notes,
    visibility: s.visibility,
    readers: [...s.readers],
  };
}

function stakeholderBody(v: StakeholderValues) {
  return {
    name: v.name.trim(),
    title: v.title.trim(),
    user_id: v.user_id,
    party_id: v.party_id ?? undefined,
    influence: Number(v.influence),
    interest: Number(v.interest),
    attitude: v.attitude,
    committee_id: v.committee_id,
    workstream_id: v.workstream_id,
    notes: v.notes,
    ...accessBody(v),
  };
}

const scale = (label: string) => (v: number | string) => {
  const n = Number(v);
  return v === '' || !Number.isInteger(n) || n < 1 || n > 5 ? `Rate the ${label} from 1 to 5` : null;
};

function StakeholderForm({
  alliance,
  members,
  committees,
  stakeholder,
  onClose,
}: {
  alliance: Alliance;
  members: Member[];
  committees: Committee[];
  stakeholder: Stakeholder | null;
  onClose: () => void;
}) {
  const planWorkstreams = workstreams.useList(alliance.id);
  const stale = useStaleEdit({ record: stakeholder, toValues: stakeholderToValues, fetchLatest: () => fetchStakeholder(alliance.id, stakeholder?.id ?? '') });
  const form = useForm<StakeholderValues>({
    mode: 'controlled',
    initialValues: stale.base?.values ?? {
      name: '',
      title: '',
      user_id: null,
      party_id: alliance.my_party.organization_id,
      influence: 3,
      interest: 3,
      attitude: 'neutral',
      committee_id: null,
      workstream_id: null,
      notes: '',
      visibility: 'alliance',
      readers: [],
    },
    validateInputOnChange: ['name', 'title', 'notes', 'influence', 'interest'],
    validate: {
      name: requiredText('name', 200),
      title: maxLength(200),
      notes: maxLength(5000),
      influence: scale('influence'),
      interest: scale('interest'),
      readers: readersRule,
    },
  });
  const save = useRecordSave({
    allianceId: alliance.id,
    form,
    stale,
    create: (v) => createStakeholder(alliance.id, stakeholderBody(v)),
    update: stakeholder ? (version, base, values) => updateStakeholder(alliance.id, stakeholder.id, version, patchOf(stakeholderBody(base), stakeholderBody(values))) : null,
    savedMessage: (saved) => `${saved.name} is on the map: ${QUADRANT_LABELS[saved.quadrant].toLowerCase()}.`,
    onClose,
    refresh: refreshGovernance,
  });
  const v = form.values;
  const rated = [v.influence, v.interest].every((n) => Number.isInteger(Number(n)) && Number(n) >= 1 && Number(n) <= 5 && n !== '');
  const fields: FieldLabels<StakeholderValues> = {
    name: { label: 'Name' },
    title: { label: 'Job title' },
    party_id: { label: 'Party', show: (id) => partyName(alliance, id) },
    influence: { label: 'Influence' },
    interest: { label: 'Interest' },
    attitude: { label: 'Attitude', show: (a) => ATTITUDE_LABELS[a] },
    committee_id: { label: 'Committee', show: (id) => committees.find((c) => c.id === id)?.name ?? '' },
    notes: { label: 'Notes' },
    visibility: { label: 'Who can read it' },
  };
  return (
    <form noValidate onSubmit={submitRecord(form, stale, save)}>
      <Stack gap="md">
        <Select
          label="Alliance member"
          description="If the person uses Northstar: fills in the name and party."
          placeholder="Not a user"
          clearable
          searchable
          data={readerOptions(alliance, members)}
          {...form.getInputProps('user_id')}
          onChange={(id) => {
            form.setFieldValue('user_id', id);
            const member = members.find((m) => m.user_id === id);
            if (member) {
              form.setFieldValue('name', member.name);
              if (alliance.parties.some((p) => p.organization_id === member.organization_id)) form.setFieldValue('party_id', member.organization_id);
            }
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
          <TextInput label="Job title" {...form.getInputProps('title')} />
          <Select label="Party" required allowDeselect={false} data={partyOptions(alliance)} {...form.getInputProps('party_id')} />
          <NumberInput label="Influence (1–5)" required min={1} max={5} allowDecimal={false} {...form.getInputProps('influence')} />
          <NumberInput label="Interest (1–5)" required min={1} max={5} allowDecimal={false} {...form.getInputProps('interest')} />
          <Select label="Attitude" required allowDeselect={false} data={options(ATTITUDES, ATTITUDE_LABELS)} {...form.getInputProps('attitude')} />
        </SimpleGrid>
        {rated && (
          <Group gap="xs" role="status">
            <Text size="sm">On the map:</Text>
            <QuadrantBadge quadrant={quadrantOf(Number(v.influence), Number(v.interest))} />
          </Group>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Committee" placeholder="None" clearable data={committeeOptions(committees)} {...form.getInputProps('committee_id')} />
          <Select
            label="Workstream"
            placeholder="None"
            clearable
            data={(planWorkstreams.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
            {...form.getInputProps('workstream_id')}
          />
        </SimpleGrid>
        <Textarea label="Notes" autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
        <AccessFields form={form} alliance={alliance} members={members} record={stakeholder} />
        <RecordFormFooter
          noun="stakeholder"
          fields={fields}
          form={form}
          stale={stale}
          save={save}
          errorTitle="The stakeholder was not saved"
          submitLabel={stakeholder ? 'Save stakeholder' : 'Add stakeholder'}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

function StakeholderRow({
  alliance,
  stakeholder,
  committees,
  canChange,
  onEdit,
}: {
  alliance: Alliance;
  stakeholder: Stakeholder;
  committees: Committee[];
  canChange: boolean;
  onEdit: () => void;
}) {
  const remove = useDeleteRecord(alliance.id, stakeholder.name, () => deleteStakeholder(alliance.id, stakeholder.id), refreshGovernance);
  const s = stakeholder;
  return (
    <Table.Tr data-stakeholder={s.name}>
      <Table.Td>
        <Group gap={6}>
          <Text size="sm" fw={600}>
            {s.name}
          </Text>
          {s.visibility !== 'alliance' && <VisibilityBadge size="xs" visibility={s.visibility} ownerOrganizationName={s.owner_organization_name} />}
        </Group>
        <Text size="xs" c="dimmed">
          {[s.title, committees.find((c) => c.id === s.committee_id)?.name].filter(Boolean).join(' · ')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{s.party_name}</Text>
      </Table.Td>
      <Table.Td ta="center">
        <Text size="sm">{s.influence}</Text>
      </Table.Td>
      <Table.Td ta="center">
        <Text size="sm">{s.interest}</Text>
      </Table.Td>
      <Table.Td>
        <AttitudeBadge attitude={s.attitude} />
      </Table.Td>
      <Table.Td>
        <QuadrantBadge quadrant={s.quadrant} />
      </Table.Td>
      <Table.Td>
        {canChange && (
          <RowMenu name={s.name}>
            <EditMenuItem onClick={onEdit} />
            <DeleteMenuItem title="Remove this stakeholder?" message={<>{s.name} will be removed from the map.</>} onConfirm={() => remove.mutate()} />
          </RowMenu>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The map's label for screen readers: how many people in each quadrant, and who. */
export function mapDescription(people: readonly Pick<Stakeholder, 'name' | 'quadrant'>[]): string {
  const parts = QUADRANTS.map((q) => {
    const names = people.filter((p) => p.quadrant === q).map((p) => p.name);
    return names.length ? `${QUADRANT_LABELS[q]}: ${names.join(', ')}` : null;
  }).filter(Boolean);
  return `Stakeholder map, influence against interest. ${parts.join('. ')}.`;
}

export function StakeholdersSection({ alliance, committees, members }: { alliance: Alliance; committees: Committee[]; members: Member[] }) {
  const { user } = useSession();
  const stakeholders = useStakeholders(alliance.id);
  const [editing, setEditing] = useState<{ stakeholder: Stakeholder | null } | null>(null);
  const canWrite = canWriteRecords(alliance);
  const option = useMemo(() => stakeholderMapOption(stakeholders.data ?? []), [stakeholders.data]);
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          Manage closely those with high influence and interest; keep the powerful satisfied and the interested informed.
        </Text>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ stakeholder: null })}>
            New stakeholder
          </Button>
        )}
      </Group>
      <QueryView
        query={stakeholders}
        empty={
          <EmptyState title="No stakeholders yet" icon={<IconUsers aria-hidden />}>
            {canWrite
              ? 'Add the people whose support the alliance needs — sponsors, budget holders, sceptics — and rate their influence and interest.'
              : 'The stakeholder map will appear here.'}
          </EmptyState>
        }
      >
        {(list) => (
          <>
            <Paper withBorder radius="md" p="md" component="section" aria-labelledby="stakeholder-map-title">
              <Title order={3} size="h5" id="stakeholder-map-title" mb="xs">
                Stakeholder map
              </Title>
              <EChart option={option} height={420} label={mapDescription(list)} />
            </Paper>
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="sm" aria-label="Stakeholders">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Person</Table.Th>
                    <Table.Th scope="col">Party</Table.Th>
                    <Table.Th scope="col" ta="center">
                      Influence
                    </Table.Th>
                    <Table.Th scope="col" ta="center">
                      Interest
                    </Table.Th>
                    <Table.Th scope="col">Attitude</Table.Th>
                    <Table.Th scope="col">Quadrant</Table.Th>
                    <RowActionsHeader />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((s) => (
                    <StakeholderRow
                      key={s.id}
                      alliance={alliance}
                      stakeholder={s}
                      committees={committees}
                      canChange={canChangeRecord(alliance, user.id, s)}
                      onEdit={() => setEditing({ stakeholder: s })}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </QueryView>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.stakeholder ? 'Edit stakeholder' : 'New stakeholder'} size="xl" centered>
        {editing && <StakeholderForm alliance={alliance} members={members} committees={committees} stakeholder={editing.stakeholder} onClose={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
