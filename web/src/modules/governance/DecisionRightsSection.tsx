// The decision-rights matrix: for each type of decision, the body that decides it and the path
// an unresolved issue escalates along, each level with its time limit.
import { ActionIcon, Button, Fieldset, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconPlus, IconScale, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Alliance, Member, Visibility } from '../../api/types';
import { VisibilityBadge } from '../../ui/badges';
import { EmptyState, QueryView } from '../../ui/feedback';
import { DeleteMenuItem, EditMenuItem, RowActionsHeader, RowMenu } from '../../ui/RowMenu';
import { useSession } from '../auth/session';
import { AccessFields } from '../records/AccessFields';
import { canChangeRecord, canWriteRecords, partyName, partyOptions } from '../records/access';
import { accessBody, maxLength, readersRule, requiredText } from '../records/forms';
import { RecordFormFooter, submitRecord, useDeleteRecord, useRecordSave } from '../records/recordForm';
import { patchOf, useStaleEdit, type FieldLabels } from '../records/stale';
import { EscalationPath } from './badges';
import { committeeOptions } from './committees';
import { formatEscalationPath } from './format';
import { NeedsCommitteeButton } from './NeedsCommitteeButton';
import { createDecisionRight, deleteDecisionRight, fetchDecisionRight, refreshGovernance, updateDecisionRight, useDecisionRights } from './queries';
import type { Committee, DecisionRight } from './types';
import { LinkifiedText } from '../../ui/LinkifiedText';

interface LevelValues {
  key: string;
  name: string;
  committee_id: string | null;
  days: number | string;
}

interface DecisionRightValues {
  decision_type: string;
  description: string;
  committee_id: string | null;
  levels: LevelValues[];
  party_id: string | null;
  visibility: Visibility;
  readers: string[];
}

export const MAX_LEVELS = 8;
let newKeys = 0;
const levelKey = () => `level-${(newKeys += 1)}`;

function rightToValues(r: DecisionRight): DecisionRightValues {
  return {
    decision_type: r.decision_type,
    description: r.description,
    committee_id: r.committee_id,
    levels: r.levels.map((l, i) => ({ key: `saved-${i}`, name: l.name, committee_id: l.committee_id, days: l.days })),
    party_id: r.party_id,
    visibility: r.visibility,
    readers: [...r.readers],
  };
}

/** The levels as the API takes them (the form's row keys are only for React). */
export function levelsBody(levels: LevelValues[]) {
  return levels.map((l) => ({ name: l.name.trim(), committee_id: l.committee_id, days: Number(l.days) }));
}

function rightBody(v: DecisionRightValues) {
  return {
    decision_type: v.decision_type.trim(),
    description: v.description,
    committee_id: v.committee_id ?? '',
    levels: levelsBody(v.levels),
    party_id: v.party_id ?? undefined,
    ...accessBody(v),
  };
}

function DecisionRightForm({
  alliance,
  members,
  committees,
  right,
  onClose,
}: {
  alliance: Alliance;
  members: Member[];
  committees: Committee[];
  right: DecisionRight | null;
  onClose: () => void;
}) {
  const stale = useStaleEdit({
    record: right,
    toValues: rightToValues,
    fetchLatest: () => fetchDecisionRight(alliance.id, right?.id ?? ''),
  });
  const form = useForm<DecisionRightValues>({
    mode: 'controlled',
    initialValues: stale.base?.values ?? {
      decision_type: '',
      description: '',
      committee_id: null,
      levels: [{ key: levelKey(), name: '', committee_id: null, days: 14 }],
      party_id: alliance.my_party.organization_id,
      visibility: 'alliance',
      readers: [],
    },
    validateInputOnChange: ['decision_type', 'description'],
    validate: {
      decision_type: requiredText('decision type', 200),
      description: maxLength(5000),
      committee_id: (v) => (v ? null : 'Choose the body that decides'),
      levels: {
        name: requiredText('level name', 200),
        days: (v) => {
          const n = Number(v);
          return v === '' || !Number.isInteger(n) || n < 1 || n > 365 ? 'Enter 1 to 365 days' : null;
        },
      },
      readers: readersRule,
    },
  });
  const save = useRecordSave({
    allianceId: alliance.id,
    form,
    stale,
    create: (values) => createDecisionRight(alliance.id, rightBody(values)),
    update: right ? (version, base, values) => updateDecisionRight(alliance.id, right.id, version, patchOf(rightBody(base), rightBody(values))) : null,
    savedMessage: (saved) => `“${saved.decision_type}” is saved.`,
    onClose,
    refresh: refreshGovernance,
  });
  const committeeChoices = committeeOptions(committees);
  const committeeName = (id: string | null) => committees.find((c) => c.id === id)?.name ?? '';
  const fields: FieldLabels<DecisionRightValues> = {
    decision_type: { label: 'Decision type' },
    description: { label: 'Description' },
    committee_id: { label: 'Decided by', show: committeeName },
    levels: { label: 'Escalation path', show: (v) => formatEscalationPath(levelsBody(v)) },
    party_id: { label: 'Owner party', show: (v) => partyName(alliance, v) },
    visibility: { label: 'Who can read it' },
  };
  const levels = form.values.levels;
  const levelsError = form.errors.levels;
  return (
    <form noValidate onSubmit={submitRecord(form, stale, save)}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Decision type" required placeholder="e.g. Budget change above €1m" data-autofocus {...form.getInputProps('decision_type')} />
          <Select label="Decided by" required searchable data={committeeChoices} placeholder="Choose a committee" {...form.getInputProps('committee_id')} />
        </SimpleGrid>
        <Textarea label="Description" autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
        <Fieldset legend="Escalation path" variant="filled">
          <Text size="xs" c="dimmed" mb="xs">
            Where an unresolved issue goes next, in order, and how many days each level has before it escalates on its own.
          </Text>
          <Stack gap="xs" role="list" aria-label="Escalation levels">
            {levels.map((level, index) => {
              const label = level.name.trim() || `level ${index + 1}`;
              return (
                <Group key={level.key} gap="xs" align="flex-start" wrap="nowrap" role="listitem" data-level={index}>
                  <Text size="sm" fw={600} w={20} mt={8} aria-hidden>
                    {index + 1}.
                  </Text>
                  <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" style={{ flex: 1 }}>
                    <TextInput size="sm" aria-label={`Name of escalation level ${index + 1}`} placeholder="e.g. Joint development committee" {...form.getInputProps(`levels.${index}.name`)} />
                    <Select
                      size="sm"
                      aria-label={`Committee of ${label}`}
                      placeholder="No committee (e.g. executives)"
                      clearable
                      data={committeeChoices}
                      {...form.getInputProps(`levels.${index}.committee_id`)}
                      onChange={(id) => {
                        form.setFieldValue(`levels.${index}.committee_id`, id);
                        if (id && !level.name.trim()) form.setFieldValue(`levels.${index}.name`, committeeName(id));
                      }}
                    />
                    <NumberInput size="sm" aria-label={`Days at ${label}`} min={1} max={365} allowDecimal={false} suffix=" days" {...form.getInputProps(`levels.${index}.days`)} />
                  </SimpleGrid>
                  <Group gap={2} wrap="nowrap" mt={4}>
                    <ActionIcon variant="subtle" color="gray" aria-label={`Move ${label} up`} disabled={index === 0} onClick={() => form.reorderListItem('levels', { from: index, to: index - 1 })}>
                      <IconArrowUp size={16} />
                    </ActionIcon>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={`Move ${label} down`}
                      disabled={index === levels.length - 1}
                      onClick={() => form.reorderListItem('levels', { from: index, to: index + 1 })}
                    >
                      <IconArrowDown size={16} />
                    </ActionIcon>
                    <ActionIcon variant="subtle" color="red" aria-label={`Remove ${label}`} disabled={levels.length === 1} onClick={() => form.removeListItem('levels', index)}>
                      <IconTrash size={16} />
                    </ActionIcon>
                  </Group>
                </Group>
              );
            })}
          </Stack>
          {levelsError ? (
            <Text size="xs" c="red.8" mt="xs" role="alert">
              {levelsError}
            </Text>
          ) : null}
          <Group justify="space-between" mt="sm">
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              disabled={levels.length >= MAX_LEVELS}
              onClick={() => form.insertListItem('levels', { key: levelKey(), name: '', committee_id: null, days: 30 })}
            >
              Add level
            </Button>
            {levels.length >= MAX_LEVELS && (
              <Text size="xs" c="dimmed">
                At most {MAX_LEVELS} levels.
              </Text>
            )}
          </Group>
        </Fieldset>
        <Select label="Owner party" required allowDeselect={false} data={partyOptions(alliance)} {...form.getInputProps('party_id')} />
        <AccessFields form={form} alliance={alliance} members={members} record={right} />
        <RecordFormFooter
          noun="decision right"
          fields={fields}
          form={form}
          stale={stale}
          save={save}
          errorTitle="The decision right was not saved"
          submitLabel={right ? 'Save decision right' : 'Add decision right'}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

function RightRow({ alliance, right, canChange, onEdit }: { alliance: Alliance; right: DecisionRight; canChange: boolean; onEdit: () => void }) {
  const remove = useDeleteRecord(alliance.id, right.decision_type, () => deleteDecisionRight(alliance.id, right.id), refreshGovernance);
  return (
    <Table.Tr data-decision-right={right.decision_type}>
      <Table.Td miw={200}>
        <Group gap={6}>
          <Text size="sm" fw={600}>
            {right.decision_type}
          </Text>
          {right.visibility !== 'alliance' && <VisibilityBadge size="xs" visibility={right.visibility} ownerOrganizationName={right.owner_organization_name} />}
        </Group>
        {right.description && (
          <LinkifiedText size="xs" c="dimmed" lineClamp={2} text={right.description} />
        )}
      </Table.Td>
      <Table.Td>
        <Text size="sm">{right.committee_name}</Text>
      </Table.Td>
      <Table.Td>
        <EscalationPath levels={right.levels} />
      </Table.Td>
      <Table.Td>
        {canChange && (
          <RowMenu name={right.decision_type}>
            <EditMenuItem onClick={onEdit} />
            <DeleteMenuItem
              title="Delete this decision right?"
              message={<>“{right.decision_type}” will be removed from the matrix. Issues already raised keep the path they were given.</>}
              onConfirm={() => remove.mutate()}
            />
          </RowMenu>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function DecisionRightsSection({ alliance, committees, members }: { alliance: Alliance; committees: Committee[]; members: Member[] }) {
  const { user } = useSession();
  const rights = useDecisionRights(alliance.id);
  const [editing, setEditing] = useState<{ right: DecisionRight | null } | null>(null);
  const canWrite = canWriteRecords(alliance);
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed">
          Who decides what, and where a disagreement goes when it is not settled in time.
        </Text>
        {canWrite && (
          <NeedsCommitteeButton committees={committees} onClick={() => setEditing({ right: null })}>
            New decision right
          </NeedsCommitteeButton>
        )}
      </Group>
      <QueryView
        query={rights}
        empty={
          <EmptyState title="No decision rights yet" icon={<IconScale aria-hidden />}>
            {canWrite
              ? 'List the decisions that matter (budget changes, go/no-go, publications) with the body that takes each and its escalation path.'
              : 'The decision-rights matrix will appear here.'}
          </EmptyState>
        }
      >
        {(list) => (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" aria-label="Decision rights">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Decision type</Table.Th>
                  <Table.Th scope="col">Decided by</Table.Th>
                  <Table.Th scope="col">Escalation path</Table.Th>
                  <RowActionsHeader />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((right) => (
                  <RightRow key={right.id} alliance={alliance} right={right} canChange={canChangeRecord(alliance, user.id, right)} onEdit={() => setEditing({ right })} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.right ? 'Edit decision right' : 'New decision right'} size="xl" centered>
        {editing && <DecisionRightForm alliance={alliance} members={members} committees={committees} right={editing.right} onClose={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
