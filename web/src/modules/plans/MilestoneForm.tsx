// Creating or editing a milestone: dates, status, dependencies, payment and who can read it.
// The planned date is set once; after that only a re-baseline moves it.
import {
  Checkbox,
  Fieldset,
  Modal,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import type { Alliance, Member } from '../../api/types';
import { focusFirstError } from '../../ui/feedback';
import { formatDate, formatMoney, today } from '../../ui/format';
import { options } from '../../ui/labels';
import { AccessFields } from '../records/AccessFields';
import { memberOptions, partyName, partyOptions } from '../records/access';
import { maxLength, readersRule, requiredText } from '../records/forms';
import { RecordFormFooter, useRecordSave } from '../records/recordForm';
import { useStaleEdit, type FieldLabels } from '../records/stale';
import { currencyDigits, toMinorUnits } from './format';
import { MILESTONE_KIND_LABELS, MILESTONE_KINDS, MILESTONE_STATUS_LABELS, MILESTONE_STATUSES } from './labels';
import {
  forecastChanged,
  forecastReasonProblem,
  milestoneCreateBody,
  milestoneToValues,
  milestoneUpdateBody,
  newMilestoneValues,
  type MilestoneValues,
} from './milestoneModel';
import { createMilestone, fetchMilestone, refreshPlan, updateMilestone } from './queries';
import type { Milestone, Objective } from './types';

const COMMON_CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'CNY', 'CAD', 'AUD', 'SEK', 'DKK', 'NOK', 'INR', 'KRW', 'SGD', 'BRL'];

const SERVER_FIELDS: Record<string, string> = {
  'payment.amount_minor': 'amount',
  'payment.currency': 'currency',
  'payment.payer_party_id': 'payer_party_id',
  'payment.payee_party_id': 'payee_party_id',
  payment: 'amount',
};

export function MilestoneForm({
  alliance,
  members,
  milestone,
  objectives,
  milestones,
  planCurrency,
  defaultObjectiveId,
  onClose,
}: {
  alliance: Alliance;
  members: Member[];
  milestone: Milestone | null;
  objectives: Objective[];
  /** Every milestone the caller sees: the candidates for "depends on". */
  milestones: Milestone[];
  /** The currency the plan's other payments use, if any. */
  planCurrency: string | null;
  defaultObjectiveId?: string | null;
  onClose: () => void;
}) {
  const fallbackCurrency = planCurrency ?? 'EUR';
  const stale = useStaleEdit({
    record: milestone,
    toValues: (m: Milestone) => milestoneToValues(m, fallbackCurrency),
    fetchLatest: () => fetchMilestone(alliance.id, milestone?.id ?? ''),
  });
  const form = useForm<MilestoneValues>({
    mode: 'controlled',
    initialValues:
      stale.base?.values ??
      newMilestoneValues({ objective_id: defaultObjectiveId ?? null, party_id: alliance.my_party.organization_id, currency: fallbackCurrency }),
    validateInputOnChange: ['title', 'description', 'amount', 'currency', 'reason', 'payee_party_id', 'forecast_date'],
    validate: {
      objective_id: (v) => (v ? null : 'Choose the objective this milestone serves'),
      title: requiredText('title', 200),
      description: maxLength(5000),
      kind: (v) => (v ? null : 'Choose the kind of milestone'),
      planned_date: (v) => (milestone || v ? null : 'Choose the planned date'),
      forecast_date: (v) => (milestone && !v ? 'Choose the forecast date' : null),
      actual_date: (v) => (v && v > today() ? 'The actual date cannot be in the future' : null),
      amount: (v, values) =>
        !values.has_payment
          ? null
          : toMinorUnits(v, values.currency) === null
            ? `Enter a positive amount with at most ${currencyDigits(values.currency)} decimals`
            : null,
      currency: (v, values) => (!values.has_payment || /^[A-Z]{3}$/.test(v) ? null : 'Use a three-letter currency code, such as EUR'),
      payer_party_id: (v, values) => (!values.has_payment || v ? null : 'Choose who pays'),
      payee_party_id: (v, values) =>
        !values.has_payment ? null : !v ? 'Choose who is paid' : v === values.payer_party_id ? 'The payee must differ from the payer' : null,
      readers: readersRule,
      reason: (_v, values) => forecastReasonProblem(stale.base?.values ?? null, values),
    },
  });

  const save = useRecordSave({
    allianceId: alliance.id,
    form,
    stale,
    create: (values) => createMilestone(alliance.id, milestoneCreateBody(values)),
    update: milestone ? (version, base, values) => updateMilestone(alliance.id, milestone.id, version, milestoneUpdateBody(base, values)) : null,
    savedMessage: (saved) => milestone ? `“${saved.title}” is saved.` : `“${saved.title}” is in the plan.`,
    onClose,
    refresh: refreshPlan,
    fieldAliases: SERVER_FIELDS,
  });

  const values = form.values;
  const people = memberOptions(members, values.party_id);
  const dependencyOptions = milestones
    .filter((m) => m.id !== milestone?.id)
    .map((m) => ({ value: m.id, label: `${m.title} (${formatDate(m.actual_date ?? m.forecast_date)})` }));
  const parties = partyOptions(alliance);
  const digits = currencyDigits(values.currency);
  const paymentPreview =
    values.has_payment && toMinorUnits(values.amount, values.currency) !== null
      ? formatMoney(toMinorUnits(values.amount, values.currency) ?? 0, values.currency)
      : null;
  const derivedHint = milestone?.status_derived ? `Now ${MILESTONE_STATUS_LABELS[milestone.status].toLowerCase()} from the dates.` : undefined;

  const submit = (v: MilestoneValues) => {
    if (milestone && stale.base && Object.keys(milestoneUpdateBody(stale.base.values, v)).length === 0) {
      notifications.show({ color: 'gray', title: 'Nothing to save', message: 'You have not changed anything.' });
      onClose();
      return;
    }
    save.mutate({ base: stale.base?.values ?? null, version: stale.base?.version ?? null, values: v });
  };

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.stopPropagation();
        form.onSubmit(submit, focusFirstError)(event);
      }}
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
          <Select
            label="Objective"
            required
            searchable
            data={objectives.map((o) => ({ value: o.id, label: o.title }))}
            nothingFoundMessage="No objective matches"
            {...form.getInputProps('objective_id')}
          />
          <Select label="Kind" required data={options(MILESTONE_KINDS, MILESTONE_KIND_LABELS)} {...form.getInputProps('kind')} />
          <Select
            label="Responsible party"
            required
            allowDeselect={false}
            data={parties}
            {...form.getInputProps('party_id')}
            onChange={(party) => {
              form.setFieldValue('party_id', party);
              if (!memberOptions(members, party).some((p) => p.value === values.responsible_user_id)) {
                form.setFieldValue('responsible_user_id', null);
              }
            }}
          />
          <Select
            label="Responsible person"
            placeholder={people.length ? 'Nobody named' : `No member of ${partyName(alliance, values.party_id) || 'this party'} yet`}
            clearable
            searchable
            data={people}
            {...form.getInputProps('responsible_user_id')}
          />
          <Select
            label="Status"
            description={derivedHint}
            allowDeselect={false}
            data={[
              { value: 'auto', label: 'From the dates' },
              ...MILESTONE_STATUSES.map((s) => ({ value: s, label: `${MILESTONE_STATUS_LABELS[s]} (set by hand)` })),
            ]}
            {...form.getInputProps('status')}
          />
        </SimpleGrid>
        <Textarea label="Description" autosize minRows={2} maxRows={8} {...form.getInputProps('description')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {milestone ? (
            <div>
              <Text size="sm" fw={500}>
                Planned date (baseline)
              </Text>
              <Text size="sm" mt={6}>
                {formatDate(milestone.planned_date)}
              </Text>
              <Text size="xs" c="dimmed">
                Changed only by re-baselining.
              </Text>
            </div>
          ) : (
            <DateInput label="Planned date" required {...form.getInputProps('planned_date')} />
          )}
          <DateInput
            label="Forecast date"
            required={!!milestone}
            description={milestone ? undefined : 'Leave empty to use the planned date.'}
            clearable={!milestone}
            {...form.getInputProps('forecast_date')}
          />
          <DateInput label="Actual date" clearable maxDate={today()} {...form.getInputProps('actual_date')} />
        </SimpleGrid>
        {forecastChanged(stale.base?.values ?? null, values) && (
          <Textarea
            label="Why the forecast moved"
            required
            autosize
            minRows={2}
            placeholder="e.g. Site activation in Germany took six weeks longer"
            {...form.getInputProps('reason')}
          />
        )}
        <MultiSelect
          label="Depends on"
          description="Milestones that must land before this one."
          placeholder={dependencyOptions.length ? 'Choose milestones' : 'No other milestone yet'}
          searchable
          data={dependencyOptions}
          {...form.getInputProps('depends_on')}
        />
        <Checkbox
          label="Early win"
          description="A quick, visible result that builds trust between the parties."
          {...form.getInputProps('early_win', { type: 'checkbox' })}
        />
        <Switch label="A payment falls due with this milestone" {...form.getInputProps('has_payment', { type: 'checkbox' })} />
        {values.has_payment && (
          <Fieldset legend="Payment" variant="filled">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NumberInput
                label="Amount"
                required
                min={0}
                decimalScale={digits}
                thousandSeparator=","
                hideControls
                description={paymentPreview ?? `In ${values.currency || 'the currency'}, up to ${digits} decimals.`}
                {...form.getInputProps('amount')}
              />
              <Select
                label="Currency"
                required
                searchable
                allowDeselect={false}
                description={planCurrency ? `Every payment of this plan is in ${planCurrency}.` : undefined}
                data={Array.from(new Set([values.currency, ...(planCurrency ? [planCurrency] : []), ...COMMON_CURRENCIES])).filter(Boolean)}
                {...form.getInputProps('currency')}
              />
              <Select label="Payer" required data={parties} {...form.getInputProps('payer_party_id')} />
              <Select label="Payee" required data={parties} {...form.getInputProps('payee_party_id')} />
            </SimpleGrid>
          </Fieldset>
        )}
        <AccessFields form={form} alliance={alliance} members={members} record={milestone} />
        <RecordFormFooter
          noun="milestone"
          fields={milestoneFields(alliance, milestones, objectives)}
          form={form}
          stale={stale}
          save={save}
          errorTitle="The milestone was not saved"
          submitLabel={milestone ? 'Save milestone' : 'Add milestone'}
          onCancel={onClose}
          onReloaded={(theirs) => form.resetDirty(theirs)}
        />
      </Stack>
    </form>
  );
}

function milestoneFields(alliance: Alliance, milestones: Milestone[], objectives: Objective[]): FieldLabels<MilestoneValues> {
  const title = (id: string) => milestones.find((m) => m.id === id)?.title ?? 'Another milestone';
  return {
    title: { label: 'Title' },
    objective_id: { label: 'Objective', show: (v) => objectives.find((o) => o.id === v)?.title ?? '' },
    kind: { label: 'Kind', show: (v) => (v ? MILESTONE_KIND_LABELS[v] : '') },
    party_id: { label: 'Responsible party', show: (v) => partyName(alliance, v) },
    description: { label: 'Description' },
    forecast_date: { label: 'Forecast date', show: (v) => (v ? formatDate(v) : '') },
    actual_date: { label: 'Actual date', show: (v) => (v ? formatDate(v) : '') },
    status: { label: 'Status', show: (v) => (v === 'auto' ? 'From the dates' : MILESTONE_STATUS_LABELS[v]) },
    depends_on: { label: 'Depends on', show: (v) => v.map(title).join(', ') },
    early_win: { label: 'Early win', show: (v) => (v ? 'Yes' : 'No') },
    amount: { label: 'Payment amount' },
    currency: { label: 'Currency' },
    visibility: { label: 'Who can read it' },
  };
}

export function MilestoneFormModal({
  opened,
  onClose,
  ...props
}: { opened: boolean } & Parameters<typeof MilestoneForm>[0]) {
  return (
    <Modal opened={opened} onClose={onClose} title={props.milestone ? 'Edit milestone' : 'New milestone'} size="xl" centered>
      {opened && <MilestoneForm {...props} onClose={onClose} />}
    </Modal>
  );
}
