// Who does what, per workstream: a RACI grid with the activities down the side and the parties
// across. People who may change a workstream edit the grid in place and save it whole.
import { ActionIcon, Alert, Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconSitemap, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { problemMessage } from '../../api/problem';
import type { Alliance, Member, Visibility } from '../../api/types';
import { VisibilityBadge } from '../../ui/badges';
import { EmptyState, focusFirstError, QueryView } from '../../ui/feedback';
import { RowMenu, EditMenuItem, DeleteMenuItem } from '../../ui/RowMenu';
import { useSession } from '../auth/session';
import { AccessFields } from '../records/AccessFields';
import { canChangeRecord, canWriteRecords, partyName, partyOptions } from '../records/access';
import { accessBody, maxLength, readersRule, requiredText } from '../records/forms';
import { RecordFormFooter, submitRecord, useDeleteRecord, useRecordSave } from '../records/recordForm';
import { patchOf, StaleRecordDialog, useStaleEdit, type FieldLabels } from '../records/stale';
import { RACI_ROLE_LABELS, RACI_ROLES } from './labels';
import { createWorkstream, deleteWorkstream, fetchWorkstream, refreshPlan, updateWorkstream, useWorkstreams } from './queries';
import { activitiesBody, CELL_LABELS, CELL_VALUES, nameProblems, namedPeople, partyCell, rowErrors, setPartyCell, toDraft, type DraftActivity } from './raci';
import type { Workstream } from './types';

const CELL_OPTIONS = CELL_VALUES.map((value) => ({ value, label: CELL_LABELS[value] ?? value }));

interface GridValues {
  activities: DraftActivity[];
}

let newKeys = 0;

/** The grid of one workstream; editable when `editable`. */
export function RaciGrid({ alliance, workstream, editable }: { alliance: Alliance; workstream: Workstream; editable: boolean }) {
  const queryClient = useQueryClient();
  const stale = useStaleEdit<Workstream, GridValues>({
    record: workstream,
    toValues: (w) => ({ activities: toDraft(w) }),
    fetchLatest: () => fetchWorkstream(alliance.id, workstream.id),
  });
  const base = stale.base ?? { values: { activities: toDraft(workstream) }, version: workstream.version };
  const [draft, setDraft] = useState<DraftActivity[]>(base.values.activities);
  const [showNameProblems, setShowNameProblems] = useState(false);
  const dirty = JSON.stringify(activitiesBody(draft)) !== JSON.stringify(activitiesBody(base.values.activities));

  // Someone else's saved version arrives with a refetch: take it while nothing here is edited.
  useEffect(() => {
    if (!dirty && workstream.version !== base.version) {
      stale.rebase(workstream);
      setDraft(toDraft(workstream));
    }
  }, [workstream]);

  const save = useMutation({
    mutationFn: (input: { activities: DraftActivity[]; version: number }) =>
      updateWorkstream(alliance.id, workstream.id, input.version, { activities: activitiesBody(input.activities) }),
    onSuccess: (saved) => {
      stale.rebase(saved);
      setDraft(toDraft(saved));
      setShowNameProblems(false);
      refreshPlan(queryClient, alliance.id);
      notifications.show({ color: 'teal', message: `The RACI of “${saved.name}” is saved.` });
    },
    onError: (error, input) => {
      stale.onError(error, { activities: input.activities });
    },
  });

  const errorsByRow = save.isError ? rowErrors(save.error) : new Map<number, string>();
  const names = nameProblems(draft);
  const otherError = save.isError && errorsByRow.size === 0 && !(save.error instanceof ApiError && save.error.status === 412 && stale.conflict);

  const update = (index: number, next: DraftActivity) => setDraft((rows) => rows.map((row, i) => (i === index ? next : row)));
  const submit = () => {
    setShowNameProblems(true);
    if (names.size > 0) {
      focusFirstError();
      return;
    }
    save.mutate({ activities: draft, version: base.version });
  };
  const fields: FieldLabels<GridValues> = {
    activities: {
      label: 'Activities and RACI',
      show: (rows) =>
        rows
          .map((row) => `${row.name}: ${alliance.parties.map((p) => `${p.organization_name} ${partyCell(row, p.organization_id)}`).join(', ')}`)
          .join('; '),
    },
  };

  if (draft.length === 0 && !editable) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        No activities yet.
      </Text>
    );
  }

  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={260 + alliance.parties.length * 170}>
        <Table verticalSpacing="xs" withColumnBorders withTableBorder aria-label={`RACI of ${workstream.name}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" miw={220}>
                Activity
              </Table.Th>
              {alliance.parties.map((party) => (
                <Table.Th key={party.organization_id} scope="col" miw={150}>
                  {party.organization_name}
                </Table.Th>
              ))}
              {editable && (
                <Table.Th scope="col" w={48}>
                  <span className="visually-hidden">Remove</span>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {draft.map((activity, index) => {
              const serverError = errorsByRow.get(index);
              const nameError = showNameProblems ? names.get(index) : undefined;
              const label = activity.name.trim() || `activity ${index + 1}`;
              const errorId = `raci-${workstream.id}-${activity.key}-error`;
              return (
                <Table.Tr key={activity.key} data-activity={activity.name} bg={serverError ? 'var(--mantine-color-red-0)' : undefined}>
                  <Table.Th scope="row" fw={500}>
                    {editable ? (
                      <TextInput
                        size="xs"
                        aria-label={`Name of ${label}`}
                        value={activity.name}
                        error={nameError}
                        onChange={(event) => update(index, { ...activity, name: event.currentTarget.value })}
                        aria-describedby={serverError ? errorId : undefined}
                      />
                    ) : (
                      <Text size="sm">{activity.name}</Text>
                    )}
                    {serverError && (
                      <Text size="xs" c="red.8" mt={4} id={errorId} role="alert" data-testid="raci-row-error">
                        {serverError}
                      </Text>
                    )}
                  </Table.Th>
                  {alliance.parties.map((party) => {
                    const value = partyCell(activity, party.organization_id);
                    const people = namedPeople(activity, party.organization_id);
                    const data = CELL_OPTIONS.some((o) => o.value === value) ? CELL_OPTIONS : [...CELL_OPTIONS, { value, label: value }];
                    return (
                      <Table.Td key={party.organization_id}>
                        {editable ? (
                          <Select
                            size="xs"
                            aria-label={`${party.organization_name} on ${label}`}
                            data={data}
                            value={value}
                            allowDeselect={false}
                            onChange={(next) => next && update(index, setPartyCell(activity, party.organization_id, next))}
                          />
                        ) : value === 'none' ? (
                          <Text size="sm" c="dimmed" aria-label="No role">
                            —
                          </Text>
                        ) : (
                          <Badge variant={value.includes('A') ? 'filled' : 'light'} radius="sm" color={value.includes('A') ? 'indigo' : 'blue'}>
                            {value}
                          </Badge>
                        )}
                        {people.length > 0 && (
                          <Text size="xs" c="dimmed" mt={2}>
                            {people.join(', ')}
                          </Text>
                        )}
                      </Table.Td>
                    );
                  })}
                  {editable && (
                    <Table.Td>
                      <Tooltip label="Remove this activity" withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          aria-label={`Remove ${label}`}
                          onClick={() => {
                            // Server errors name rows by position; removing one would misplace them.
                            save.reset();
                            setDraft((rows) => rows.filter((_, i) => i !== index));
                          }}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {otherError && (
        <Alert color="red" variant="light" role="alert" title="The RACI was not saved">
          {problemMessage(save.error)}
        </Alert>
      )}
      {editable && (
        <Group justify="space-between" gap="sm">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} aria-hidden />}
            onClick={() => {
              newKeys += 1;
              setDraft((rows) => [...rows, { key: `new-${newKeys}`, id: null, name: '', assignments: [] }]);
            }}
          >
            Add activity
          </Button>
          {dirty && (
            <Group gap="sm">
              <Text size="xs" c="dimmed">
                Unsaved changes
              </Text>
              <Button
                variant="default"
                size="xs"
                onClick={() => {
                  setDraft(base.values.activities);
                  setShowNameProblems(false);
                  save.reset();
                }}
              >
                Discard
              </Button>
              <Button size="xs" onClick={submit} loading={save.isPending && !stale.conflict}>
                Save RACI
              </Button>
            </Group>
          )}
        </Group>
      )}
      {stale.base && (
        <StaleRecordDialog
          noun="workstream"
          fields={fields}
          base={stale.base.values}
          conflict={stale.conflict}
          onClose={stale.dismiss}
          reapplying={save.isPending}
          onReload={() => {
            const theirs = stale.reload();
            if (theirs) setDraft(theirs.activities);
            save.reset();
          }}
          onReapply={() => {
            const next = stale.reapplyMine();
            if (!next) return;
            setDraft(next.values.activities);
            save.mutate({ activities: next.values.activities, version: next.version });
          }}
        />
      )}
    </Stack>
  );
}

interface WorkstreamValues {
  name: string;
  description: string;
  party_id: string | null;
  visibility: Visibility;
  readers: string[];
}

function workstreamToValues(w: Workstream): WorkstreamValues {
  return { name: w.name, description: w.description, party_id: w.party_id, visibility: w.visibility, readers: [...w.readers] };
}

function workstreamBody(v: WorkstreamValues) {
  return { name: v.name.trim(), description: v.description, party_id: v.party_id ?? undefined, ...accessBody(v) };
}

function WorkstreamForm({
  alliance,
  members,
  workstream,
  onClose,
}: {
  alliance: Alliance;
  members: Member[];
  workstream: Workstream | null;
  onClose: () => void;
}) {
  const stale = useStaleEdit({
    record: workstream,
    toValues: workstreamToValues,
    fetchLatest: () => fetchWorkstream(alliance.id, workstream?.id ?? ''),
  });
  const form = useForm<WorkstreamValues>({
    mode: 'controlled',
    initialValues: stale.base?.values ?? {
      name: '',
      description: '',
      party_id: alliance.my_party.organization_id,
      visibility: 'alliance',
      readers: [],
    },
    validateInputOnChange: ['name', 'description'],
    validate: { name: requiredText('name', 200), description: maxLength(5000), readers: readersRule },
  });
  const save = useRecordSave({
    allianceId: alliance.id,
    form,
    stale,
    create: (values) => createWorkstream(alliance.id, { ...workstreamBody(values), activities: [] }),
    update: workstream ? (version, base, values) => updateWorkstream(alliance.id, workstream.id, version, patchOf(workstreamBody(base), workstreamBody(values))) : null,
    savedMessage: (saved) => `“${saved.name}” is saved.`,
    onClose,
    refresh: refreshPlan,
  });
  const fields: FieldLabels<WorkstreamValues> = {
    name: { label: 'Name' },
    description: { label: 'Description' },
    party_id: { label: 'Lead party', show: (v) => partyName(alliance, v) },
    visibility: { label: 'Who can read it' },
  };
  return (
    <form
      noValidate
      onSubmit={submitRecord(form, stale, save)}
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" required data-autofocus placeholder="e.g. Clinical" {...form.getInputProps('name')} />
          <Select label="Lead party" required allowDeselect={false} data={partyOptions(alliance)} {...form.getInputProps('party_id')} />
        </SimpleGrid>
        <Textarea label="Description" autosize minRows={2} maxRows={8} {...form.getInputProps('description')} />
        <AccessFields form={form} alliance={alliance} members={members} record={workstream} />
        {!workstream && (
          <Text size="xs" c="dimmed">
            Add the activities and who is responsible, accountable, consulted and informed in the grid after creating it.
          </Text>
        )}
        <RecordFormFooter
          noun="workstream"
          fields={fields}
          form={form}
          stale={stale}
          save={save}
          errorTitle="The workstream was not saved"
          submitLabel={workstream ? 'Save workstream' : 'Create workstream'}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

function WorkstreamCard({
  alliance,
  workstream,
  canChange,
  onEdit,
}: {
  alliance: Alliance;
  workstream: Workstream;
  canChange: boolean;
  onEdit: () => void;
}) {
  const remove = useDeleteRecord(alliance.id, workstream.name, () => deleteWorkstream(alliance.id, workstream.id), refreshPlan);
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-label={`Workstream ${workstream.name}`} data-workstream={workstream.name}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb="sm">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Title order={3} size="h5">
              {workstream.name}
            </Title>
            {workstream.visibility !== 'alliance' && (
              <VisibilityBadge visibility={workstream.visibility} ownerOrganizationName={workstream.owner_organization_name} />
            )}
          </Group>
          <Text size="xs" c="dimmed">
            Led by {workstream.party_name}
            {workstream.description ? ` · ${workstream.description}` : ''}
          </Text>
        </Stack>
        {canChange && (
          <RowMenu name={workstream.name}>
            <EditMenuItem onClick={onEdit} label="Edit details" />
            <DeleteMenuItem
              title="Delete this workstream?"
              message={<>“{workstream.name}” and its RACI will be removed. The activity log keeps a record.</>}
              onConfirm={() => remove.mutate()}
            />
          </RowMenu>
        )}
      </Group>
      <RaciGrid alliance={alliance} workstream={workstream} editable={canChange} />
    </Paper>
  );
}

export function RaciSection({ alliance, members }: { alliance: Alliance; members: Member[] }) {
  const { user } = useSession();
  const workstreams = useWorkstreams(alliance.id);
  const [editing, setEditing] = useState<{ workstream: Workstream | null } | null>(null);
  const canWrite = canWriteRecords(alliance);
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          {RACI_ROLES.map((r) => `${r}: ${RACI_ROLE_LABELS[r]}`).join(' · ')}. Every activity needs exactly one Accountable party.
        </Text>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ workstream: null })}>
            New workstream
          </Button>
        )}
      </Group>
      <QueryView
        query={workstreams}
        empty={
          <EmptyState title="No workstreams yet" icon={<IconSitemap aria-hidden />}>
            {canWrite
              ? 'Split the work into workstreams (clinical, regulatory, commercial…) and agree per activity which party is responsible, accountable, consulted and informed.'
              : 'Workstreams that alliance members add will appear here.'}
          </EmptyState>
        }
      >
        {(items) =>
          items.map((workstream) => (
            <WorkstreamCard
              key={workstream.id}
              alliance={alliance}
              workstream={workstream}
              canChange={canChangeRecord(alliance, user.id, workstream)}
              onEdit={() => setEditing({ workstream })}
            />
          ))
        }
      </QueryView>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.workstream ? 'Edit workstream' : 'New workstream'}
        size="lg"
        centered
      >
        {editing && <WorkstreamForm alliance={alliance} members={members} workstream={editing.workstream} onClose={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
