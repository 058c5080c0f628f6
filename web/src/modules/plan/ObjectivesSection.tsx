// What the alliance sets out to achieve, short and long term; milestones hang under them.
import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconDots, IconPencil, IconPlus, IconTarget, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { problemMessage } from '../../api/problem';
import type { Alliance, Member, Visibility } from '../../api/types';
import { VisibilityBadge } from '../../ui/badges';
import { EmptyState, ErrorAlert, focusFirstError, FormActions, PageLoader } from '../../ui/feedback';
import { options } from '../../ui/labels';
import { useSession } from '../auth/session';
import { AccessFields } from './AccessFields';
import { canChangeRecord, canWritePlan, partyName, partyOptions, readerOptions } from './access';
import { accessBody, maxLength, planFieldErrors, readersRule, requiredText } from './forms';
import {
  OBJECTIVE_HORIZON_LABELS,
  OBJECTIVE_HORIZONS,
  OBJECTIVE_STATUS_COLORS,
  OBJECTIVE_STATUS_LABELS,
  OBJECTIVE_STATUSES,
} from './labels';
import { createObjective, deleteObjective, fetchObjective, refreshPlan, updateObjective, useObjectives } from './queries';
import { patchOf, StaleRecordDialog, useStaleEdit, type FieldLabels } from './stale';
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
  const queryClient = useQueryClient();
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
  const save = useMutation({
    mutationFn: (input: { base: ObjectiveValues | null; version: number | null; values: ObjectiveValues }) =>
      objective && input.base && input.version !== null
        ? updateObjective(alliance.id, objective.id, input.version, patchOf(objectiveBody(input.base), objectiveBody(input.values)))
        : createObjective(alliance.id, objectiveBody(input.values)),
    onSuccess: (saved) => {
      refreshPlan(queryClient, alliance.id);
      notifications.show({ color: 'teal', message: `“${saved.title}” is saved.` });
      onClose();
    },
    onError: (error, input) => {
      if (stale.onError(error, input.values)) return;
      form.setErrors(planFieldErrors(error));
      focusFirstError();
    },
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
      onSubmit={(event) => {
        event.stopPropagation();
        form.onSubmit((values) => save.mutate({ base: stale.base?.values ?? null, version: stale.base?.version ?? null, values }), focusFirstError)(event);
      }}
    >
      <Stack gap="md">
        <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label="Horizon" required allowDeselect={false} data={options(OBJECTIVE_HORIZONS, OBJECTIVE_HORIZON_LABELS)} {...form.getInputProps('horizon')} />
          <Select label="Status" required allowDeselect={false} data={options(OBJECTIVE_STATUSES, OBJECTIVE_STATUS_LABELS)} {...form.getInputProps('status')} />
          <Select label="Responsible party" required allowDeselect={false} data={partyOptions(alliance)} {...form.getInputProps('party_id')} />
        </SimpleGrid>
        <Textarea label="Description" autosize minRows={3} maxRows={10} {...form.getInputProps('description')} />
        <AccessFields
          visibility={form.getInputProps('visibility')}
          readers={form.getInputProps('readers')}
          ownerName={objective?.owner_organization_name ?? alliance.my_party.organization_name}
          readerOptions={readerOptions(alliance, members)}
        />
        <FormActions
          error={save.isError && !stale.conflict ? save.error : null}
          errorTitle="The objective was not saved"
          onCancel={onClose}
          submitLabel={objective ? 'Save objective' : 'Add objective'}
          pending={save.isPending && !stale.conflict}
        />
      </Stack>
      {stale.base && (
        <StaleRecordDialog
          noun="objective"
          fields={fields}
          base={stale.base.values}
          conflict={stale.conflict}
          onClose={stale.dismiss}
          reapplying={save.isPending}
          onReload={() => {
            const theirs = stale.reload();
            if (theirs) form.setValues(theirs);
            save.reset();
          }}
          onReapply={() => {
            const next = stale.reapplyMine();
            if (!next) return;
            form.setValues(next.values);
            save.mutate(next);
          }}
        />
      )}
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
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteObjective(alliance.id, objective.id),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: `“${objective.title}” was deleted.` });
      refreshPlan(queryClient, alliance.id);
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not deleted', message: problemMessage(error) }),
  });
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
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon variant="subtle" color="gray" aria-label={`Actions for “${objective.title}”`}>
                <IconDots size={18} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item leftSection={<IconPencil size={16} />} onClick={onEdit}>
                Edit
              </Menu.Item>
              <Menu.Item
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() =>
                  modals.openConfirmModal({
                    title: 'Delete this objective?',
                    children: (
                      <Text size="sm">
                        “{objective.title}” will be removed from the plan.
                        {milestones.length > 0 ? ' Its milestones must be moved or deleted first.' : ''}
                      </Text>
                    ),
                    labels: { confirm: 'Delete', cancel: 'Cancel' },
                    confirmProps: { color: 'red' },
                    onConfirm: () => remove.mutate(),
                  })
                }
              >
                Delete
              </Menu.Item>
            </Menu.Dropdown>
          </Menu>
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
  const canWrite = canWritePlan(alliance);
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
      {objectives.isPending ? (
        <PageLoader />
      ) : objectives.isError ? (
        <ErrorAlert error={objectives.error} onRetry={() => void objectives.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={horizon === 'any' ? 'No objectives yet' : 'No objectives with this horizon'} icon={<IconTarget aria-hidden />}>
          {canWrite
            ? 'Say what the alliance must achieve, short and long term. Milestones then show the way there.'
            : 'Objectives that alliance members add will appear here.'}
        </EmptyState>
      ) : (
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
