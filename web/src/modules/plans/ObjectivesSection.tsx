// What the alliance sets out to achieve, short and long term; milestones hang under them.
import { Badge, Button, Group, Modal, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTarget } from '@tabler/icons-react';
import { useState } from 'react';
import type { Alliance, Member, Visibility } from '../../api/types';
import { VisibilityBadge } from '../../ui/badges';
import { EmptyState, QueryView } from '../../ui/feedback';
import { options } from '../../ui/labels';
import { RowMenu, EditMenuItem, DeleteMenuItem } from '../../ui/RowMenu';
import { useSession } from '../auth/session';
import { AccessFields } from '../records/AccessFields';
import { canChangeRecord, canWriteRecords, partyName, partyOptions } from '../records/access';
import { accessBody, maxLength, readersRule, requiredText } from '../records/forms';
import { RecordFormFooter, submitRecord, useDeleteRecord, useRecordSave } from '../records/recordForm';
import { patchOf, useStaleEdit, type FieldLabels } from '../records/stale';
import { OBJECTIVE_HORIZON_LABELS, OBJECTIVE_HORIZONS, OBJECTIVE_STATUS_COLORS, OBJECTIVE_STATUS_LABELS, OBJECTIVE_STATUSES } from './labels';
import { createObjective, deleteObjective, fetchObjective, refreshPlan, updateObjective, useObjectives } from './queries';
import type { Milestone, Objective, ObjectiveHorizon, ObjectiveStatus } from './types';

interface ObjectiveValues {
  title: string;
  description: string;
  horizon: ObjectiveHorizon;
  status: ObjectiveStatus;
  party_id: string | null;
  visibility: Visibility;
  readers: string[];
}

function objectiveToValues(o: Objective): ObjectiveValues {
  return {
    title: o.title,
    description: o.description,
    horizon: o.horizon,
    status: o.status,
    party_id: o.party_id,
    visibility: o.visibility,
    readers: [...o.readers],
  };
}

function objectiveBody(v: ObjectiveValues) {
  return {
    title: v.title.trim(),
    description: v.description,
    horizon: v.horizon,
    status: v.status,
    party_id: v.party_id ?? undefined,
    ...accessBody(v),
  };
}

function ObjectiveForm({
  alliance,
  members,
  objective,
  onClose,
}: {
  alliance: Alliance;
  members: Member[];
  objective: Objective | null;
  onClose: () => void;
}) {
  const stale = useStaleEdit({
    record: objective,
    toValues: objectiveToValues,
    fetchLatest: () => fetchObjective(alliance.id, objective?.id ?? ''),
  });
  const form = useForm<ObjectiveValues>({
    mode: 'controlled',
    initialValues: stale.base?.values ?? {
      title: '',
      description: '',
      horizon: 'short_term',
      status: 'active',
      party_id: alliance.my_party.organization_id,
      visibility: 'alliance',
      readers: [],
    },
    validateInputOnChange: ['title', 'description'],
    validate: { title: requiredText('title', 200), description: maxLength(5000), readers: readersRule },
  });
  const save = useRecordSave({
    allianceId: alliance.id,
    form,
    stale,
    create: (values) => createObjective(alliance.id, objectiveBody(values)),
    update: objective ? (version, base, values) => updateObjective(alliance.id, objective.id, version, patchOf(objectiveBody(base), objectiveBody(values))) : null,
    savedMessage: (saved) => `“${saved.title}” is saved.`,
    onClose,
    refresh: refreshPlan,
  });
  const fields: FieldLabels<ObjectiveValues> = {
    title: { label: 'Title' },
    description: { label: 'Description' },
    horizon: { label: 'Horizon', show: (v) => OBJECTIVE_HORIZON_LABELS[v] },
    status: { label: 'Status', show: (v) => OBJECTIVE_STATUS_LABELS[v] },
    party_id: { label: 'Responsible party', show: (v) => partyName(alliance, v) },
    visibility: { label: 'Who can read it' },
  };
  return (
    <form
      noValidate
      onSubmit={submitRecord(form, stale, save)}
    >
      <Stack gap="md">
        <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label="Horizon" required allowDeselect={false} data={options(OBJECTIVE_HORIZONS, OBJECTIVE_HORIZON_LABELS)} {...form.getInputProps('horizon')} />
          <Select label="Status" required allowDeselect={false} data={options(OBJECTIVE_STATUSES, OBJECTIVE_STATUS_LABELS)} {...form.getInputProps('status')} />
          <Select label="Responsible party" required allowDeselect={false} data={partyOptions(alliance)} {...form.getInputProps('party_id')} />
        </SimpleGrid>
        <Textarea label="Description" autosize minRows={3} maxRows={10} {...form.getInputProps('description')} />
        <AccessFields form={form} alliance={alliance} members={members} record={objective} />
        <RecordFormFooter
          noun="objective"
          fields={fields}
          form={form}
          stale={stale}
          save={save}
          errorTitle="The objective was not saved"
          submitLabel={objective ? 'Save objective' : 'Add objective'}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

function ObjectiveCard({
  alliance,
  objective,
  milestones,
  canChange,
  onEdit,
}: {
  alliance: Alliance;
  objective: Objective;
  milestones: Milestone[];
  canChange: boolean;
  onEdit: () => void;
}) {
  const remove = useDeleteRecord(alliance.id, objective.title, () => deleteObjective(alliance.id, objective.id), refreshPlan);
  const achieved = milestones.filter((m) => m.status === 'achieved').length;
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={objective.title} data-objective={objective.title}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Title order={3} size="h5">
              {objective.title}
            </Title>
            <Badge variant="light" radius="sm" color={OBJECTIVE_STATUS_COLORS[objective.status]}>
              {OBJECTIVE_STATUS_LABELS[objective.status]}
            </Badge>
            <Badge variant="outline" radius="sm" color="gray">
              {OBJECTIVE_HORIZON_LABELS[objective.horizon]}
            </Badge>
            {objective.visibility !== 'alliance' && (
              <VisibilityBadge visibility={objective.visibility} ownerOrganizationName={objective.owner_organization_name} />
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {objective.party_name} · {milestones.length === 0 ? 'no milestones yet' : `${achieved} of ${milestones.length} milestones achieved`}
          </Text>
        </Stack>
        {canChange && (
          <RowMenu name={objective.title}>
            <EditMenuItem onClick={onEdit} />
            <DeleteMenuItem
              title="Delete this objective?"
              message={<>“{objective.title}” will be removed from the plan.{milestones.length > 0 ? ' Its milestones must be moved or deleted first.' : ''}</>}
              onConfirm={() => remove.mutate()}
            />
          </RowMenu>
        )}
      </Group>
      {objective.description && (
        <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {objective.description}
        </Text>
      )}
    </Paper>
  );
}

export function ObjectivesSection({ alliance, milestones, members }: { alliance: Alliance; milestones: Milestone[]; members: Member[] }) {
  const { user } = useSession();
  const objectives = useObjectives(alliance.id);
  const [horizon, setHorizon] = useState<ObjectiveHorizon | 'any'>('any');
  const [editing, setEditing] = useState<{ objective: Objective | null } | null>(null);
  const canWrite = canWriteRecords(alliance);
  const items = (objectives.data ?? []).filter((o) => horizon === 'any' || o.horizon === horizon);
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <SegmentedControl
          aria-label="Show objectives by horizon"
          value={horizon}
          onChange={(v) => setHorizon(v as ObjectiveHorizon | 'any')}
          data={[{ value: 'any', label: 'All horizons' }, ...options(OBJECTIVE_HORIZONS, OBJECTIVE_HORIZON_LABELS)]}
        />
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ objective: null })}>
            New objective
          </Button>
        )}
      </Group>
      <QueryView
        query={objectives}
        isEmpty={() => items.length === 0}
        empty={
          <EmptyState title={horizon === 'any' ? 'No objectives yet' : 'No objectives with this horizon'} icon={<IconTarget aria-hidden />}>
            {canWrite
              ? 'Say what the alliance must achieve, short and long term. Milestones then show the way there.'
              : 'Objectives that alliance members add will appear here.'}
          </EmptyState>
        }
      >
        {() => (
          <Stack gap="sm">
            {items.map((objective) => (
              <ObjectiveCard
                key={objective.id}
                alliance={alliance}
                objective={objective}
                milestones={milestones.filter((m) => m.objective_id === objective.id)}
                canChange={canChangeRecord(alliance, user.id, objective)}
                onEdit={() => setEditing({ objective })}
              />
            ))}
          </Stack>
        )}
      </QueryView>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.objective ? 'Edit objective' : 'New objective'}
        size="lg"
        centered
      >
        {editing && <ObjectiveForm alliance={alliance} members={members} objective={editing.objective} onClose={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
