// Turning a closed wave's result into an action plan: what will change, who owns it, by when and
// the committee that follows it up, for a dimension or one of its questions. It is an action item
// of the alliance's governance, listed with the committee's actions and beside the dimension here.
import { Alert, Anchor, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { Link } from 'react-router';
import type { Alliance, Member, Visibility } from '../../api/types';
import { formatDate } from '../../ui/format';
import { useSession } from '../auth/session';
import { committeeOptions } from '../governance/committees';
import { useCommittees } from '../governance/queries';
import { AccessFields } from '../records/AccessFields';
import { readerOptions } from '../records/access';
import { accessBody, maxLength, readersRule, requiredText } from '../records/forms';
import { RecordFormFooter, submitRecord, useRecordSave, type StaleEdit } from '../records/recordForm';
import type { FieldLabels } from '../records/stale';
import { createActionPlan, refreshActionPlans } from './actionPlans';
import type { HealthActionPlanCreate, HealthDimensionResult, HealthWave } from './types';

export interface PlanValues {
  title: string;
  description: string;
  owner_user_id: string | null;
  due_on: string | null;
  committee_id: string | null;
  item_key: string | null;
  visibility: Visibility;
  readers: string[];
}

/** What the form sends: a private wave's plan is its party's, so only an alliance-wide wave's says who reads it. */
export function planBody(dimensionKey: string, v: PlanValues, privateWave: boolean): HealthActionPlanCreate {
  return {
    dimension_key: dimensionKey,
    item_key: v.item_key,
    title: v.title.trim(),
    description: v.description,
    owner_user_id: v.owner_user_id ?? '',
    due_on: v.due_on ?? '',
    committee_id: v.committee_id ?? '',
    ...(privateWave ? {} : accessBody(v)),
  };
}

/** The dimension's questions, numbered as on the results page ("2.1 We assume good intentions…"). */
function itemOptions(dimension: HealthDimensionResult, number: number) {
  return dimension.items.map((item, i) => ({ value: item.key, label: `${number}.${i + 1} ${item.text}` }));
}

/** A new record has no saved version that someone else could change meanwhile. */
const NOTHING_STALE: StaleEdit<PlanValues> & { onError: (error: unknown, mine: PlanValues) => boolean } = {
  base: null,
  conflict: null,
  dismiss: () => {},
  reload: () => null,
  reapplyMine: () => null,
  onError: () => false,
};

const GOVERNANCE_COMMITTEES = (allianceId: string) => `/alliances/${allianceId}/governance?section=committees`;

function ActionPlanForm({
  alliance,
  members,
  wave,
  dimension,
  number,
  itemKey,
  onClose,
}: {
  alliance: Alliance;
  members: Member[];
  wave: HealthWave;
  dimension: HealthDimensionResult;
  /** The dimension's number on the results page. */
  number: number;
  /** The question the plan answers, when it was started from one. */
  itemKey: string | null;
  onClose: () => void;
}) {
  const { user } = useSession();
  const committees = useCommittees(alliance.id);
  const privateWave = wave.visibility === 'party';
  const stale = NOTHING_STALE;
  const form = useForm<PlanValues>({
    mode: 'controlled',
    initialValues: {
      title: '',
      description: '',
      owner_user_id: members.some((m) => m.user_id === user.id) ? user.id : null,
      due_on: null,
      committee_id: null,
      item_key: itemKey,
      visibility: 'alliance',
      readers: [],
    },
    validateInputOnChange: ['title', 'description'],
    validate: {
      title: requiredText('change', 200),
      description: maxLength(5000),
      owner_user_id: (v) => (v ? null : 'Choose who owns it'),
      due_on: (v) => (v ? null : 'Choose the due date'),
      committee_id: (v) => (v ? null : 'Choose the committee that follows it up'),
      readers: readersRule,
    },
  });
  const committeeList = committees.data ?? [];
  const committeeName = (id: string | null) => committeeList.find((c) => c.id === id)?.name ?? '';
  const save = useRecordSave({
    allianceId: alliance.id,
    form,
    stale,
    create: (v) => createActionPlan(alliance.id, wave.id, planBody(dimension.key, v, privateWave)),
    update: null,
    savedMessage: (saved) => {
      const committee = committeeName(saved.committee_id);
      return `“${saved.title}” is assigned to ${saved.owner_name}, due ${formatDate(saved.due_on)}${committee ? `, followed up by ${committee}` : ''}.`;
    },
    onClose,
    refresh: refreshActionPlans,
  });
  const items = itemOptions(dimension, number);
  const fields: FieldLabels<PlanValues> = {};
  const noCommittee = committees.isSuccess && committeeList.length === 0;
  return (
    <form noValidate onSubmit={submitRecord(form, stale, save)}>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          It becomes an action item of the alliance, listed under Governance, Actions, and beside {dimension.name} in the results of this wave and
          the waves after it.
        </Text>
        <TextInput label="What will change" required placeholder="e.g. Answer every data request within a week" data-autofocus {...form.getInputProps('title')} />
        <Textarea label="Description" autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Owner" required searchable data={readerOptions(alliance, members)} {...form.getInputProps('owner_user_id')} />
          <DateInput label="Due" required {...form.getInputProps('due_on')} />
        </SimpleGrid>
        <Select
          label="Committee that follows it up"
          required
          searchable
          data={committeeOptions(committeeList)}
          placeholder={committees.isPending ? 'Loading the committees…' : 'Choose a committee'}
          disabled={noCommittee}
          {...form.getInputProps('committee_id')}
        />
        {noCommittee && (
          <Alert color="yellow" variant="light" role="note">
            <Text size="sm">
              The alliance has no committee yet to follow an action plan up.{' '}
              <Anchor component={Link} to={GOVERNANCE_COMMITTEES(alliance.id)} size="sm">
                Add one under Governance, Committees
              </Anchor>
              , then come back.
            </Text>
          </Alert>
        )}
        {committees.isError && (
          <Alert color="red" variant="light" role="alert">
            The committees could not be loaded. Close the form and try again.
          </Alert>
        )}
        {items.length > 0 && (
          <Select
            label="Question it answers"
            description={`Optional: one of the questions of ${dimension.name}.`}
            clearable
            placeholder="The whole dimension"
            data={items}
            {...form.getInputProps('item_key')}
          />
        )}
        {privateWave ? (
          <Text size="sm" c="dimmed">
            Only {wave.owner_organization_name} can read it, as only they see this wave.
          </Text>
        ) : (
          <AccessFields form={form} alliance={alliance} members={members} record={null} />
        )}
        <RecordFormFooter
          noun="action plan"
          fields={fields}
          form={form}
          stale={stale}
          save={save}
          errorTitle="The action plan was not created"
          submitLabel="Create action plan"
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

export interface PlanTarget {
  dimension: HealthDimensionResult;
  number: number;
  itemKey: string | null;
}

/** The form in a modal; closing a half-filled form asks first (RecordFormFooter's guard). */
export function ActionPlanModal({
  alliance,
  members,
  wave,
  target,
  onClose,
}: {
  alliance: Alliance;
  members: Member[];
  wave: HealthWave;
  target: PlanTarget | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target ? `Create an action plan for ${target.dimension.name}` : ''}
      size="lg"
      centered
     
    >
      {target && <ActionPlanForm alliance={alliance} members={members} wave={wave} dimension={target.dimension} number={target.number} itemKey={target.itemKey} onClose={onClose} />}
    </Modal>
  );
}
