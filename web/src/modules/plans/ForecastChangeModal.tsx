// Moving one milestone's forecast, with the reason every forecast change needs: opened by
// "Move forecast 3 weeks later" on an at-risk milestone, by dropping a milestone on the timeline,
// or by the timeline table's "Move forecast" button. It saves like the milestone form does: a
// PATCH of the forecast date and the reason against the version shown (If-Match), a 412 to the
// stale-edit dialog and a 422 onto the fields.
import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import type { Alliance } from '../../api/types';
import { focusFirstError } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { RecordFormFooter, useRecordSave } from '../records/recordForm';
import { useStaleEdit, type FieldLabels } from '../records/stale';
import { daysBetween } from './format';
import { forecastReasonProblem, milestoneToValues, milestoneUpdateBody, type MilestoneValues } from './milestoneModel';
import { fetchMilestone, refreshPlan, updateMilestone } from './queries';
import { lateSentence, riskSentence, formatDuration, type ForecastMove } from './slip';
import type { Milestone } from './types';

const FIELDS: FieldLabels<MilestoneValues> = {
  forecast_date: { label: 'Forecast date', show: (v) => (v ? formatDate(v) : '') },
  actual_date: { label: 'Actual date', show: (v) => (v ? formatDate(v) : '') },
  title: { label: 'Title' },
};

/** "3 weeks later than now", "5 days earlier than now", "the current forecast". */
export function moveInWords(from: string, to: string | null): string {
  if (!to || to === from) return 'Same as the current forecast.';
  const days = daysBetween(from, to);
  return `${formatDuration(days)} ${days > 0 ? 'later' : 'earlier'} than the current forecast (${formatDate(from)}).`;
}

function ForecastChangeForm({
  alliance,
  milestone,
  proposal,
  onClose,
}: {
  alliance: Alliance;
  milestone: Milestone;
  proposal: ForecastMove;
  onClose: () => void;
}) {
  const currency = milestone.payment?.currency ?? 'EUR';
  const stale = useStaleEdit({
    record: milestone,
    toValues: (m: Milestone) => milestoneToValues(m, currency),
    fetchLatest: () => fetchMilestone(alliance.id, milestone.id),
  });
  const form = useForm<MilestoneValues>({
    mode: 'controlled',
    initialValues: { ...milestoneToValues(milestone, currency), forecast_date: proposal.forecast_date, reason: proposal.reason },
    validateInputOnChange: ['forecast_date', 'reason'],
    validate: {
      forecast_date: (v) =>
        !v ? 'Choose the new forecast date' : v === stale.base?.values.forecast_date ? 'Choose a day other than the current forecast' : null,
      reason: (_v, values) => forecastReasonProblem(stale.base?.values ?? null, values),
    },
  });
  const save = useRecordSave({
    allianceId: alliance.id,
    form,
    stale,
    create: () => Promise.reject(new Error('A forecast is moved on an existing milestone only')),
    update: (version, base, values) => updateMilestone(alliance.id, milestone.id, version, milestoneUpdateBody(base, values)),
    savedMessage: (saved) => `The forecast of “${saved.title}” is now ${formatDate(saved.forecast_date)}.`,
    onClose,
    refresh: refreshPlan,
  });
  const risk = riskSentence(milestone);
  const late = lateSentence(milestone);

  const submit = (values: MilestoneValues) => {
    // Only the forecast moves here: the other fields stay as the version this dialog started from.
    const base = stale.base?.values ?? null;
    const moved = base ? { ...base, forecast_date: values.forecast_date, reason: values.reason } : values;
    save.mutate({ base, version: stale.base?.version ?? null, values: moved });
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
        {(risk || late) && (
          <Text size="sm" c={late ? 'red.8' : 'orange.8'}>
            {[late, risk].filter(Boolean).join('. ')}.
          </Text>
        )}
        <DateInput
          label="New forecast date"
          required
          description={moveInWords(milestone.forecast_date, form.values.forecast_date)}
          data-autofocus
          {...form.getInputProps('forecast_date')}
        />
        <Textarea
          label="Why the forecast moved"
          required
          autosize
          minRows={2}
          placeholder="e.g. Site activation in Germany took six weeks longer"
          {...form.getInputProps('reason')}
        />
        <RecordFormFooter
          noun="milestone"
          fields={FIELDS}
          form={form}
          stale={stale}
          save={save}
          errorTitle="The forecast was not moved"
          submitLabel="Move forecast"
          onCancel={onClose}
          onReloaded={(theirs) => {
            form.setFieldValue('forecast_date', proposal.forecast_date);
            form.setFieldValue('reason', proposal.reason);
            form.resetDirty(theirs);
          }}
        />
      </Stack>
    </form>
  );
}

/** The dialog; closed while `milestone` or `proposal` is null. Cancelling changes nothing. */
export function ForecastChangeModal({
  alliance,
  milestone,
  proposal,
  onClose,
}: {
  alliance: Alliance;
  milestone: Milestone | null;
  proposal: ForecastMove | null;
  onClose: () => void;
}) {
  const opened = milestone !== null && proposal !== null;
  return (
    <Modal opened={opened} onClose={onClose} title={milestone ? `Move the forecast of “${milestone.title}”` : ''} centered>
      {opened && <ForecastChangeForm key={`${milestone.id}:${milestone.version}`} alliance={alliance} milestone={milestone} proposal={proposal} onClose={onClose} />}
    </Modal>
  );
}
