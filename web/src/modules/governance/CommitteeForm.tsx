// Creating or editing a committee: its charter (purpose and decision scope), kind, parent,
// cadence, default meeting length, quorum rule and chair rotation, and who can read it.
import { Modal, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import type { Alliance, Member, Visibility } from '../../api/types';
import { options } from '../../ui/labels';
import { formatDate, today } from '../../ui/format';
import { AccessFields } from '../records/AccessFields';
import { partyName, partyOptions } from '../records/access';
import { accessBody, maxLength, readersRule, requiredText } from '../records/forms';
import { RecordFormFooter, submitRecord, useRecordSave } from '../records/recordForm';
import { patchOf, useStaleEdit, type FieldLabels } from '../records/stale';
import { descendantIds } from './committees';
import {
  CHAIR_ROTATION_LABELS,
  CHAIR_ROTATIONS,
  COMMITTEE_CADENCE_LABELS,
  COMMITTEE_CADENCES,
  COMMITTEE_KIND_LABELS,
  COMMITTEE_KINDS,
  QUORUM_RULE_HELP,
  QUORUM_RULE_LABELS,
  QUORUM_RULES,
} from './labels';
import { createCommittee, fetchCommittee, refreshGovernance, updateCommittee } from './queries';
import type { ChairRotation, Committee, CommitteeCadence, CommitteeKind, QuorumRule } from './types';

export interface CommitteeValues {
  name: string;
  kind: CommitteeKind;
  purpose: string;
  decision_scope: string;
  parent_id: string | null;
  cadence: CommitteeCadence;
  meeting_minutes: number | string;
  quorum_rule: QuorumRule;
  chair_rotation: ChairRotation;
  rotation_start: string | null;
  party_id: string | null;
  visibility: Visibility;
  readers: string[];
}

function committeeToValues(c: Committee): CommitteeValues {
  return {
    name: c.name,
    kind: c.kind,
    purpose: c.purpose,
    decision_scope: c.decision_scope,
    parent_id: c.parent_id,
    cadence: c.cadence,
    meeting_minutes: c.meeting_minutes,
    quorum_rule: c.quorum_rule,
    chair_rotation: c.chair_rotation,
    rotation_start: c.rotation_start,
    party_id: c.party_id,
    visibility: c.visibility,
    readers: [...c.readers],
  };
}

function committeeBody(v: CommitteeValues) {
  return {
    name: v.name.trim(),
    kind: v.kind,
    purpose: v.purpose,
    decision_scope: v.decision_scope,
    parent_id: v.parent_id,
    cadence: v.cadence,
    meeting_minutes: Number(v.meeting_minutes),
    quorum_rule: v.quorum_rule,
    chair_rotation: v.chair_rotation,
    ...(v.rotation_start ? { rotation_start: v.rotation_start } : {}),
    party_id: v.party_id ?? undefined,
    ...accessBody(v),
  };
}

function CommitteeForm({
  alliance,
  members,
  committee,
  committees,
  onClose,
}: {
  alliance: Alliance;
  members: Member[];
  committee: Committee | null;
  committees: Committee[];
  onClose: () => void;
}) {
  const stale = useStaleEdit({
    record: committee,
    toValues: committeeToValues,
    fetchLatest: () => fetchCommittee(alliance.id, committee?.id ?? ''),
  });
  const form = useForm<CommitteeValues>({
    mode: 'controlled',
    initialValues: stale.base?.values ?? {
      name: '',
      kind: 'joint_steering',
      purpose: '',
      decision_scope: '',
      parent_id: null,
      cadence: 'quarterly',
      meeting_minutes: 90,
      quorum_rule: 'every_party_voting',
      chair_rotation: 'none',
      rotation_start: today(),
      party_id: alliance.my_party.organization_id,
      visibility: 'alliance',
      readers: [],
    },
    validateInputOnChange: ['name', 'purpose', 'decision_scope', 'meeting_minutes'],
    validate: {
      name: requiredText('name', 200),
      purpose: maxLength(5000),
      decision_scope: maxLength(5000),
      meeting_minutes: (v) => {
        const n = Number(v);
        return v === '' || !Number.isInteger(n) || n < 15 || n > 600 ? 'Enter a length from 15 to 600 minutes' : null;
      },
      readers: readersRule,
    },
  });
  const save = useRecordSave({
    allianceId: alliance.id,
    form,
    stale,
    create: (values) => createCommittee(alliance.id, committeeBody(values)),
    update: committee
      ? (version, base, values) => updateCommittee(alliance.id, committee.id, version, patchOf(committeeBody(base), committeeBody(values)))
      : null,
    savedMessage: (saved) => `“${saved.name}” is saved.`,
    onClose,
    refresh: refreshGovernance,
  });
  const excluded = committee ? descendantIds(committees, committee.id) : new Set<string>();
  const parentOptions = committees.filter((c) => !excluded.has(c.id)).map((c) => ({ value: c.id, label: c.name }));
  const name = (id: string | null) => committees.find((c) => c.id === id)?.name ?? '';
  const fields: FieldLabels<CommitteeValues> = {
    name: { label: 'Name' },
    kind: { label: 'Kind', show: (v) => COMMITTEE_KIND_LABELS[v] },
    purpose: { label: 'Purpose' },
    decision_scope: { label: 'Decision scope' },
    parent_id: { label: 'Reports to', show: (v) => name(v) },
    cadence: { label: 'Cadence', show: (v) => COMMITTEE_CADENCE_LABELS[v] },
    meeting_minutes: { label: 'Meeting length', show: (v) => `${v} min` },
    quorum_rule: { label: 'Quorum', show: (v) => QUORUM_RULE_LABELS[v] },
    chair_rotation: { label: 'Chair rotation', show: (v) => CHAIR_ROTATION_LABELS[v] },
    rotation_start: { label: 'Rotation starts', show: (v) => formatDate(v) },
    party_id: { label: 'Owner party', show: (v) => partyName(alliance, v) },
    visibility: { label: 'Who can read it' },
  };
  const values = form.values;
  return (
    <form noValidate onSubmit={submitRecord(form, stale, save)}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" required placeholder="e.g. Joint Steering Committee" data-autofocus {...form.getInputProps('name')} />
          <Select label="Kind" required allowDeselect={false} data={options(COMMITTEE_KINDS, COMMITTEE_KIND_LABELS)} {...form.getInputProps('kind')} />
          <Select
            label="Reports to"
            description="The parent committee; empty for a top-level committee."
            placeholder="Nobody: a top-level committee"
            clearable
            searchable
            data={parentOptions}
            {...form.getInputProps('parent_id')}
          />
          <Select label="Owner party" required allowDeselect={false} data={partyOptions(alliance)} {...form.getInputProps('party_id')} />
        </SimpleGrid>
        <Textarea label="Purpose" description="Why the committee exists: the charter." autosize minRows={2} maxRows={8} {...form.getInputProps('purpose')} />
        <Textarea
          label="Decision scope"
          description="What the committee decides, and what it must escalate."
          autosize
          minRows={2}
          maxRows={8}
          {...form.getInputProps('decision_scope')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Cadence" required allowDeselect={false} data={options(COMMITTEE_CADENCES, COMMITTEE_CADENCE_LABELS)} {...form.getInputProps('cadence')} />
          <NumberInput label="Meeting length (minutes)" required min={15} max={600} step={15} allowDecimal={false} {...form.getInputProps('meeting_minutes')} />
          <Select
            label="Quorum"
            required
            allowDeselect={false}
            description={QUORUM_RULE_HELP[values.quorum_rule]}
            data={options(QUORUM_RULES, QUORUM_RULE_LABELS)}
            {...form.getInputProps('quorum_rule')}
          />
          <Select
            label="Chair rotation"
            required
            allowDeselect={false}
            description={values.chair_rotation === 'none' ? 'The chair is whoever holds the chair role.' : 'The parties take turns to chair.'}
            data={options(CHAIR_ROTATIONS, CHAIR_ROTATION_LABELS)}
            {...form.getInputProps('chair_rotation')}
          />
          {values.chair_rotation !== 'none' && (
            <DateInput label="Rotation starts" {...form.getInputProps('rotation_start')} />
          )}
        </SimpleGrid>
        <AccessFields form={form} alliance={alliance} members={members} record={committee} />
        <RecordFormFooter
          noun="committee"
          fields={fields}
          form={form}
          stale={stale}
          save={save}
          errorTitle="The committee was not saved"
          submitLabel={committee ? 'Save committee' : 'Add committee'}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

export function CommitteeFormModal({
  opened,
  onClose,
  ...props
}: { opened: boolean; onClose: () => void } & Omit<Parameters<typeof CommitteeForm>[0], 'onClose'>) {
  return (
    <Modal opened={opened} onClose={onClose} title={props.committee ? 'Edit committee' : 'New committee'} size="xl" centered>
      {opened && <CommitteeForm {...props} onClose={onClose} />}
    </Modal>
  );
}
