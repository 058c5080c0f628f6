// Scheduling a health-assessment wave, or editing one: its title, question bank, days, the people
// asked (members of every party, each in the role they answer in), the anonymity thresholds, the
// gap that is flagged, and whether it is alliance-wide or private to my party. Once the first
// answer has arrived the bank, the people, the thresholds and the visibility are fixed.
import { Alert, Checkbox, Fieldset, Group, Input, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Alliance, Member, Visibility } from '../../api/types';
import { addDays } from '../../ui/calendarDays';
import { formatDate, today } from '../../ui/format';
import { options } from '../../ui/labels';
import { AccessFields } from '../records/AccessFields';
import { accessBody, requiredText } from '../records/forms';
import { RecordFormFooter, submitRecord, useRecordSave } from '../records/recordForm';
import { patchOf, useStaleEdit, type FieldLabels } from '../records/stale';
import { defaultRespondentRole, RESPONDENT_ROLE_LABELS, RESPONDENT_ROLES, WAVE_FIELD_LABELS } from './labels';
import { createWave, fetchWave, refreshHealth, updateWave, useQuestionBanks } from './queries';
import type { HealthRespondentInput, HealthRespondentRole, HealthWave, HealthWaveCreate, QuestionBank } from './types';

export interface WaveValues {
  title: string;
  bank_id: string | null;
  opens_on: string | null;
  closes_on: string | null;
  respondents: HealthRespondentInput[];
  score_threshold: number | string;
  comment_threshold: number | string;
  /** Empty for the default. */
  gap_threshold: number | string;
  visibility: Visibility;
  readers: string[];
}

function toValues(w: HealthWave): WaveValues {
  return {
    title: w.title,
    bank_id: w.bank_id,
    opens_on: w.opens_on,
    closes_on: w.closes_on,
    respondents: w.respondents.map((r) => ({ user_id: r.user_id, role: r.role })),
    score_threshold: w.score_threshold,
    comment_threshold: w.comment_threshold,
    gap_threshold: w.gap_threshold ?? '',
    visibility: w.visibility,
    readers: [...w.readers],
  };
}

/** The body the API takes; the people in one order, so that an unchanged list is no change. */
export function waveBody(v: WaveValues): HealthWaveCreate {
  return {
    title: v.title.trim(),
    bank_id: v.bank_id ?? '',
    opens_on: v.opens_on ?? '',
    closes_on: v.closes_on ?? '',
    respondents: [...v.respondents].sort((a, b) => a.user_id.localeCompare(b.user_id)),
    score_threshold: Number(v.score_threshold),
    comment_threshold: Number(v.comment_threshold),
    gap_threshold: v.gap_threshold === '' ? null : Number(v.gap_threshold),
    ...accessBody(v),
  };
}

const THRESHOLD_RULE = (value: number | string) => {
  const n = Number(value);
  return value === '' || !Number.isInteger(n) || n < 3 || n > 100 ? 'Use a whole number from 3 to 100' : null;
};

/** Every member, in the role they most likely answer in: a new wave asks the whole alliance. */
function everyone(members: readonly Member[]): HealthRespondentInput[] {
  return members.map((m) => ({ user_id: m.user_id, role: defaultRespondentRole(m.role) }));
}

function bankLabel(b: QuestionBank): string {
  return b.shipped ? `${b.name} (shipped with Northstar)` : `${b.name} (version ${b.bank_version})`;
}

function bankSummary(b: QuestionBank): string {
  const items = b.dimensions.reduce((n, d) => n + d.items.length, 0);
  return `${b.dimensions.length} dimensions, ${items} questions.`;
}

/**
 * The people asked, party by party: each member with a box to ask them and the role they answer
 * in. A private wave asks only my party; the others' boxes are off.
 */
function RespondentPicker({
  alliance,
  members,
  value,
  onChange,
  error,
  privateWave,
  disabled,
}: {
  alliance: Alliance;
  members: readonly Member[];
  value: readonly HealthRespondentInput[];
  onChange: (next: HealthRespondentInput[]) => void;
  error: ReactNode;
  privateWave: boolean;
  disabled: boolean;
}) {
  const own = alliance.my_party.organization_id;
  const asked = new Map(value.map((r) => [r.user_id, r.role]));
  const set = (userId: string, role: HealthRespondentRole | null) => {
    const rest = value.filter((r) => r.user_id !== userId);
    onChange(role ? [...rest, { user_id: userId, role }] : rest);
  };
  const byParty = alliance.parties.map((p) => ({ party: p, people: members.filter((m) => m.organization_id === p.organization_id) }));
  let firstBox = true;
  return (
    <Input.Wrapper
      label={WAVE_FIELD_LABELS.respondents}
      required
      error={error}
      description={`${value.length} ${value.length === 1 ? 'person' : 'people'} asked. Results are shown by party and by the role people answer in.`}
    >
      <Stack gap="sm" mt={6}>
        {byParty.map(({ party, people }) => {
          const off = disabled || (privateWave && party.organization_id !== own);
          const chosen = people.filter((m) => asked.has(m.user_id)).length;
          return (
            <Fieldset key={party.organization_id} legend={party.organization_name} disabled={off} variant="filled" p="sm" data-party={party.organization_name}>
              {privateWave && party.organization_id !== own && (
                <Text size="xs" c="dimmed" mb={6}>
                  A private wave asks only people of {alliance.my_party.organization_name}.
                </Text>
              )}
              {people.length === 0 ? (
                <Text size="sm" c="dimmed">
                  Nobody of {party.organization_name} is a member of this alliance yet.
                </Text>
              ) : (
                <Stack gap={6}>
                  <Checkbox
                    label={`Everyone at ${party.organization_name}`}
                    checked={chosen === people.length}
                    indeterminate={chosen > 0 && chosen < people.length}
                    onChange={(event) => {
                      const rest = value.filter((r) => !people.some((m) => m.user_id === r.user_id));
                      onChange(event.currentTarget.checked ? [...rest, ...everyone(people)] : rest);
                    }}
                    fw={600}
                  />
                  {people.map((m) => {
                    const role = asked.get(m.user_id) ?? null;
                    const invalid = Boolean(error) && firstBox && !off;
                    if (!off) firstBox = false;
                    return (
                      <Group key={m.user_id} justify="space-between" gap="xs" wrap="nowrap" pl="md" data-person={m.name}>
                        <Checkbox
                          label={m.name}
                          checked={role !== null}
                          aria-invalid={invalid || undefined}
                          onChange={(event) => set(m.user_id, event.currentTarget.checked ? defaultRespondentRole(m.role) : null)}
                        />
                        <Select
                          aria-label={`Role of ${m.name}`}
                          size="xs"
                          w={190}
                          allowDeselect={false}
                          disabled={off || role === null}
                          data={options(RESPONDENT_ROLES, RESPONDENT_ROLE_LABELS)}
                          value={role ?? defaultRespondentRole(m.role)}
                          onChange={(next) => next && set(m.user_id, next as HealthRespondentRole)}
                        />
                      </Group>
                    );
                  })}
                </Stack>
              )}
            </Fieldset>
          );
        })}
      </Stack>
    </Input.Wrapper>
  );
}

/** The first of a list field's errors (`respondents`, `respondents.2.user_id`…), for the picker. */
function listError(errors: Record<string, ReactNode>, name: string): ReactNode {
  const key = Object.keys(errors).find((k) => k === name || k.startsWith(`${name}.`));
  return key ? errors[key] : null;
}

export function WaveForm({ alliance, members, wave, onClose }: { alliance: Alliance; members: readonly Member[]; wave: HealthWave | null; onClose: () => void }) {
  const banks = useQuestionBanks();
  const stale = useStaleEdit({ record: wave, toValues, fetchLatest: () => fetchWave(alliance.id, wave?.id ?? '') });
  const start = today();
  const form = useForm<WaveValues>({
    mode: 'controlled',
    initialValues: stale.base?.values ?? {
      title: '',
      bank_id: null,
      opens_on: start,
      closes_on: addDays(start, 14),
      respondents: everyone(members),
      score_threshold: 3,
      comment_threshold: 5,
      gap_threshold: '',
      visibility: 'alliance',
      readers: [],
    },
    validateInputOnChange: ['title'],
    validate: {
      title: requiredText('title', 200),
      bank_id: (v) => (v ? null : 'Choose the question bank'),
      opens_on: (v) => (v ? null : 'Choose the opening day'),
      closes_on: (v, values) => (!v ? 'Choose the closing day' : values.opens_on && v < values.opens_on ? 'The closing day is before the opening day' : null),
      respondents: (list, values) => {
        if (list.length === 0) return 'Choose at least one person to ask';
        const own = alliance.my_party.organization_id;
        const partyOf = (userId: string) => members.find((m) => m.user_id === userId)?.organization_id;
        if (values.visibility === 'alliance' && !list.some((r) => partyOf(r.user_id) !== own)) {
          const others = alliance.parties.filter((p) => p.organization_id !== own).map((p) => p.organization_name);
          return `An alliance-wide wave asks people of another party too: choose someone of ${others.join(' or ')}, or make the wave private.`;
        }
        return null;
      },
      score_threshold: THRESHOLD_RULE,
      comment_threshold: THRESHOLD_RULE,
      gap_threshold: (v) => {
        if (v === '') return null;
        const n = Number(v);
        return Number.isFinite(n) && n > 0 && n <= 100 ? null : 'Use a number above 0 and at most 100, or leave it empty for 25';
      },
    },
  });
  // Making the wave private drops the other parties' people: a private wave asks only my party.
  form.watch('visibility', ({ value }) => {
    if (value !== 'party') return;
    const own = alliance.my_party.organization_id;
    const mine = form.getValues().respondents.filter((r) => members.find((m) => m.user_id === r.user_id)?.organization_id === own);
    form.setFieldValue('respondents', mine);
  });

  const save = useRecordSave({
    allianceId: alliance.id,
    form,
    stale,
    create: (v) => createWave(alliance.id, waveBody(v)),
    update: wave ? (version, base, v) => updateWave(alliance.id, wave.id, version, patchOf(waveBody(base), waveBody(v))) : null,
    savedMessage: (saved) => (wave ? `“${saved.title}” is saved.` : `“${saved.title}” is scheduled: it opens on ${formatDate(saved.opens_on)}.`),
    onClose,
    refresh: refreshHealth,
  });

  const bankList = banks.data ?? [];
  // The bank a wave uses is a frozen version, which the list (latest versions only) may not hold.
  const bankOptions = [
    ...bankList.map((b) => ({ value: b.id, label: bankLabel(b) })),
    ...(wave && !bankList.some((b) => b.id === wave.bank_id) ? [{ value: wave.bank_id, label: wave.bank_name }] : []),
  ];
  const chosenBank = bankList.find((b) => b.id === form.values.bank_id);
  const locked = wave?.locked ?? false;
  const nameOf = (userId: string) => members.find((m) => m.user_id === userId)?.name ?? 'someone no longer a member';
  const fields: FieldLabels<WaveValues> = {
    title: { label: WAVE_FIELD_LABELS.title },
    bank_id: { label: WAVE_FIELD_LABELS.bank_id, show: (v) => bankOptions.find((o) => o.value === v)?.label ?? '' },
    opens_on: { label: WAVE_FIELD_LABELS.opens_on, show: (v) => formatDate(v) },
    closes_on: { label: WAVE_FIELD_LABELS.closes_on, show: (v) => formatDate(v) },
    respondents: {
      label: WAVE_FIELD_LABELS.respondents,
      show: (list) => list.map((r) => `${nameOf(r.user_id)} (${RESPONDENT_ROLE_LABELS[r.role]})`).join(', '),
    },
    score_threshold: { label: WAVE_FIELD_LABELS.score_threshold, show: String },
    comment_threshold: { label: WAVE_FIELD_LABELS.comment_threshold, show: String },
    gap_threshold: { label: WAVE_FIELD_LABELS.gap_threshold, show: (v) => (v === '' ? 'Default (25)' : String(v)) },
    visibility: { label: WAVE_FIELD_LABELS.visibility },
  };
  const own = alliance.my_party.organization_name;

  return (
    <form noValidate onSubmit={submitRecord(form, stale, save)}>
      <Stack gap="md">
        {locked && (
          <Alert color="blue" variant="light" icon={<IconLock aria-hidden />} role="note">
            People have started answering, so the question bank, the people asked, the anonymity thresholds and who can see the wave are fixed:
            changing them would mix answers to different questions or weaken the anonymity people were promised. The title, the days and the
            perception-gap threshold can still change.
          </Alert>
        )}
        <TextInput label={WAVE_FIELD_LABELS.title} required placeholder="e.g. Health check, spring 2027" data-autofocus {...form.getInputProps('title')} />
        <Select
          label={WAVE_FIELD_LABELS.bank_id}
          required
          allowDeselect={false}
          disabled={locked}
          placeholder={banks.isPending ? 'Loading the question banks…' : 'Choose a question bank'}
          data={bankOptions}
          description={chosenBank ? bankSummary(chosenBank) : banks.isError ? 'The question banks could not be loaded. Close the form and try again.' : undefined}
          {...form.getInputProps('bank_id')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateInput label={WAVE_FIELD_LABELS.opens_on} required description="The first day answers are taken." {...form.getInputProps('opens_on')} />
          <DateInput
            label={WAVE_FIELD_LABELS.closes_on}
            required
            description="The last day answers are taken; results open the day after."
            minDate={form.values.opens_on ?? undefined}
            {...form.getInputProps('closes_on')}
          />
        </SimpleGrid>
        <AccessFields
          form={form}
          alliance={alliance}
          members={[...members]}
          record={wave}
          withRestricted={false}
          disabled={locked}
          descriptions={{
            alliance: 'An alliance-wide wave: every party sees it, and people of each party answer it.',
            party: `A private wave: it asks only people of ${own}, and the other parties never see it.`,
          }}
        />
        <RespondentPicker
          alliance={alliance}
          members={members}
          value={form.values.respondents}
          onChange={(next) => form.setFieldValue('respondents', next)}
          error={listError(form.errors, 'respondents')}
          privateWave={form.values.visibility === 'party'}
          disabled={locked}
        />
        <Fieldset legend="Anonymity and flags" variant="unstyled">
          <Text size="sm" c="dimmed" mb="xs">
            The thresholds protect the people answering: no score is shown for a group smaller than the first, and no comments for a dimension with
            fewer than the second, so that nobody’s answers can be picked out.
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput label={WAVE_FIELD_LABELS.score_threshold} required min={3} max={100} allowDecimal={false} disabled={locked} description="People, at least 3." {...form.getInputProps('score_threshold')} />
            <NumberInput label={WAVE_FIELD_LABELS.comment_threshold} required min={3} max={100} allowDecimal={false} disabled={locked} description="Comments, at least 3." {...form.getInputProps('comment_threshold')} />
            <NumberInput
              label={WAVE_FIELD_LABELS.gap_threshold}
              min={0}
              max={100}
              placeholder="25"
              description="On the 0–100 scale; empty for 25, one step of agreement."
              {...form.getInputProps('gap_threshold')}
            />
          </SimpleGrid>
        </Fieldset>
        <RecordFormFooter
          noun="wave"
          fields={fields}
          form={form}
          stale={stale}
          save={save}
          errorTitle="The wave was not saved"
          submitLabel={wave ? 'Save wave' : 'Schedule wave'}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}
