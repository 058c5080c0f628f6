// Creating or editing an obligation: the agreement and clause it comes from, who owes it to whom,
// who sees to it, and when it falls due — once, on a recurrence chosen in words ("every quarter on
// the last day", see RecurrencePicker), or some days after a plan milestone is achieved.
import { Group, Modal, NumberInput, Radio, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import type { Alliance, Member } from '../../api/types';
import { formatDate, today } from '../../ui/format';
import { options } from '../../ui/labels';
import { AccessFields } from '../records/AccessFields';
import { partyOptions, readerOptions } from '../records/access';
import { milestones } from '../records/collections';
import { maxLength, readersRule, requiredText } from '../records/forms';
import { RecordFormFooter, submitRecord, useRecordSave } from '../records/recordForm';
import { patchOf, useStaleEdit, type FieldLabels } from '../records/stale';
import { reminderRule } from './agreementModel';
import {
  OBLIGATION_CATEGORIES,
  OBLIGATION_CATEGORY_LABELS,
  OBLIGATION_DIRECTION_LABELS,
  OBLIGATION_DIRECTIONS,
  OBLIGATION_SCHEDULE_LABELS,
  OBLIGATION_SCHEDULES,
} from './labels';
import { newObligationValues, obligationBody, obligationToValues, type ObligationValues } from './obligationModel';
import { createObligation, fetchObligation, refreshAgreements, updateObligation } from './queries';
import { describeRrule, parseRrule } from './recurrence';
import { RecurrencePicker, type RecurrenceChange } from './RecurrencePicker';
import { describeSchedule } from './schedule';
import type { Agreement, Obligation, ObligationSchedule } from './types';

/** A field's description under its input, so that the inputs of a row line up when only some have one. */
const BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

function ObligationForm({
  alliance,
  members,
  obligation,
  agreements,
  defaultAgreementId,
  onClose,
}: {
  alliance: Alliance;
  members: Member[];
  obligation: Obligation | null;
  agreements: Agreement[];
  defaultAgreementId?: string | null;
  onClose: () => void;
}) {
  const planMilestones = milestones.useList(alliance.id, {});
  const stale = useStaleEdit({ record: obligation, toValues: obligationToValues, fetchLatest: () => fetchObligation(alliance.id, obligation?.id ?? '') });
  const form = useForm<ObligationValues>({
    mode: 'controlled',
    initialValues: stale.base?.values ?? newObligationValues({ agreement_id: defaultAgreementId ?? null }),
    validateInputOnChange: ['title', 'description', 'clause_ref', 'reminder_days'],
    validate: {
      agreement_id: (v) => (v ? null : 'Choose the agreement the obligation comes from'),
      title: requiredText('title', 200),
      clause_ref: maxLength(100),
      description: maxLength(5000),
      owed_by: (v, values) => (values.direction === 'owed' && !v ? 'Choose the party that owes it' : null),
      owed_to: (v, values) =>
        values.direction !== 'owed' ? null : !v ? 'Choose the party it is owed to' : v === values.owed_by ? 'The party owed must differ from the party that owes it' : null,
      due_on: (v, values) => (values.schedule === 'once' && !v ? 'Choose the due date' : null),
      starts_on: (v, values) => (values.schedule === 'recurring' && !v ? 'Choose the day the recurrence starts' : null),
      rrule: (v, values) => {
        if (values.schedule !== 'recurring') return null;
        if (!v.trim()) return 'Choose how often it repeats';
        const parsed = parseRrule(v);
        return parsed.ok ? null : parsed.error;
      },
      milestone_id: (v, values) => (values.schedule === 'milestone' && !v ? 'Choose the milestone' : null),
      reminder_days: reminderRule(0, 365),
      readers: readersRule,
    },
  });
  const values = form.values;
  const agreement = agreements.find((a) => a.id === values.agreement_id);
  // The parties of the agreement owe and are owed; before one is chosen, the alliance's.
  const parties = agreement ? agreement.parties.map((p) => ({ value: p.organization_id, label: p.organization_name })) : partyOptions(alliance);
  const save = useRecordSave({
    allianceId: alliance.id,
    form,
    stale,
    create: (v) => createObligation(alliance.id, obligationBody(v)),
    update: obligation ? (version, base, v) => updateObligation(alliance.id, obligation.id, version, patchOf(obligationBody(base), obligationBody(v))) : null,
    savedMessage: (saved) => (obligation ? `“${saved.title}” is saved.` : `“${saved.title}” is tracked: ${describeSchedule(saved)}.`),
    onClose,
    refresh: refreshAgreements,
  });
  const fields: FieldLabels<ObligationValues> = {
    agreement_id: { label: 'Agreement', show: (v) => agreements.find((a) => a.id === v)?.title ?? '' },
    clause_ref: { label: 'Clause' },
    title: { label: 'Title' },
    description: { label: 'Description' },
    category: { label: 'Category', show: (v) => OBLIGATION_CATEGORY_LABELS[v] },
    direction: { label: 'Direction', show: (v) => OBLIGATION_DIRECTION_LABELS[v] },
    owed_by: { label: 'Owed by', show: (v) => parties.find((p) => p.value === v)?.label ?? '' },
    owed_to: { label: 'Owed to', show: (v) => parties.find((p) => p.value === v)?.label ?? '' },
    responsible_user_id: { label: 'Responsible', show: (v) => members.find((m) => m.user_id === v)?.name ?? '' },
    schedule: { label: 'Schedule', show: (v) => OBLIGATION_SCHEDULE_LABELS[v] },
    due_on: { label: 'Due on', show: formatDate },
    starts_on: { label: 'Starts on', show: formatDate },
    rrule: { label: 'Repeats', show: (v) => describeRrule(v, values.starts_on) ?? v },
    milestone_id: { label: 'Milestone', show: (v) => planMilestones.data?.find((m) => m.id === v)?.title ?? '' },
    offset_days: { label: 'Days after the milestone' },
    reminder_days: { label: 'Reminders' },
    visibility: { label: 'Who can read it' },
  };
  const changeRecurrence = ({ rrule, startsOn }: RecurrenceChange) => {
    form.setFieldValue('rrule', rrule);
    if (startsOn !== undefined) form.setFieldValue('starts_on', startsOn);
  };
  return (
    <form noValidate onSubmit={submitRecord(form, stale, save)}>
      <Stack gap="md">
        <Group align="flex-start" gap="sm" grow preventGrowOverflow={false}>
          <Select label="Agreement" required searchable data={agreements.map((a) => ({ value: a.id, label: a.title }))} miw={220} style={{ flexGrow: 3 }} {...form.getInputProps('agreement_id')} />
          <TextInput label="Clause" placeholder="e.g. §7.2" miw={120} {...form.getInputProps('clause_ref')} />
        </Group>
        <TextInput label="Title" required placeholder="e.g. Quarterly development report" data-autofocus {...form.getInputProps('title')} />
        <Textarea label="Description" autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Category" required allowDeselect={false} data={options(OBLIGATION_CATEGORIES, OBLIGATION_CATEGORY_LABELS)} {...form.getInputProps('category')} />
          <Select label="Responsible" clearable searchable placeholder="Nobody yet" data={readerOptions(alliance, members)} {...form.getInputProps('responsible_user_id')} />
        </SimpleGrid>
        <Radio.Group label="Direction" required {...form.getInputProps('direction')}>
          <Stack gap={6} mt={6}>
            {OBLIGATION_DIRECTIONS.map((d) => (
              <Radio key={d} value={d} label={OBLIGATION_DIRECTION_LABELS[d]} />
            ))}
          </Stack>
        </Radio.Group>
        {values.direction === 'owed' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label="Owed by" required data={parties} {...form.getInputProps('owed_by')} />
            <Select label="Owed to" required data={parties} {...form.getInputProps('owed_to')} />
          </SimpleGrid>
        )}
        <Radio.Group
          label="Schedule"
          required
          value={values.schedule}
          onChange={(v) => form.setFieldValue('schedule', v as ObligationSchedule)}
          error={form.errors.schedule}
        >
          <SimpleGrid cols={{ base: 1, xs: 3 }} mt={6}>
            {OBLIGATION_SCHEDULES.map((s) => (
              <Radio key={s} value={s} label={OBLIGATION_SCHEDULE_LABELS[s]} />
            ))}
          </SimpleGrid>
        </Radio.Group>
        {values.schedule === 'once' && <DateInput label="Due on" required {...form.getInputProps('due_on')} />}
        {values.schedule === 'recurring' && (
          <Stack gap="sm">
            <DateInput
              label="Starts on"
              description="The first due date is on or after this day; months, quarters and years count from it."
              inputWrapperOrder={BELOW}
              required
              maw={320}
              {...form.getInputProps('starts_on')}
            />
            <RecurrencePicker rrule={values.rrule} startsOn={values.starts_on} today={today()} error={form.errors.rrule} onChange={changeRecurrence} />
          </Stack>
        )}
        {values.schedule === 'milestone' && (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Milestone"
              required
              searchable
              placeholder={planMilestones.data?.length === 0 ? 'The plan has no milestones' : 'Choose a plan milestone'}
              data={(planMilestones.data ?? []).map((m) => ({ value: m.id, label: m.actual_date ? `${m.title} (achieved ${formatDate(m.actual_date)})` : m.title }))}
              {...form.getInputProps('milestone_id')}
            />
            <NumberInput
              label="Days after the milestone"
              description="Due this many days after it is achieved."
              inputWrapperOrder={BELOW}
              min={0} max={3650} allowDecimal={false} {...form.getInputProps('offset_days')} />
          </SimpleGrid>
        )}
        <TagsInput
          label="Reminders (days before)"
          description="The responsible person and the owing party’s managers are reminded; up to five."
          placeholder="Type a number and press Enter"
          {...form.getInputProps('reminder_days')}
        />
        {obligation && obligation.amended_by.length > 0 && (
          <Text size="xs" c="dimmed">
            Changed by {obligation.amended_by.map((a) => `“${a.title}” (${a.change})`).join('; ')}.
          </Text>
        )}
        <AccessFields form={form} alliance={alliance} members={members} record={obligation} />
        <RecordFormFooter
          noun="obligation"
          fields={fields}
          form={form}
          stale={stale}
          save={save}
          errorTitle="The obligation was not saved"
          submitLabel={obligation ? 'Save obligation' : 'Add obligation'}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

export function ObligationFormModal({
  opened,
  onClose,
  ...props
}: { opened: boolean; onClose: () => void } & Omit<Parameters<typeof ObligationForm>[0], 'onClose'>) {
  return (
    <Modal opened={opened} onClose={onClose} title={props.obligation ? 'Edit obligation' : 'New obligation'} size="xl" centered>
      {opened && <ObligationForm {...props} onClose={onClose} />}
    </Modal>
  );
}
