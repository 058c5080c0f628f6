// What can be recorded for one occurrence of an obligation: "Mark fulfilled" in one click (a small
// dialog asks for the evidence), and from its menu Waive or Dispute (with a reason) and Reopen.
// Each is a PUT of the occurrence against its version ("0" before anything was recorded).
import { Button, Group, Menu, Modal, Stack, Text, Textarea } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconArrowBackUp, IconCheck, IconGavel, IconHandOff } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { FormActions } from '../../ui/feedback';
import { formatDate, today as todayOf } from '../../ui/format';
import { RowMenu } from '../../ui/RowMenu';
import { recordFieldErrors } from '../records/forms';
import { useRecordAction } from '../records/recordForm';
import { isOpen, isRecorded, outcomeBody, type OutcomeKind, type OutcomeValues } from './occurrences';
import { recordOccurrence, refreshAgreements } from './queries';
import type { Occurrence } from './types';

type Target = Pick<Occurrence, 'obligation_id' | 'obligation_title' | 'due_on' | 'status' | 'version'>;

const DIALOG: Record<OutcomeKind, { title: string; submit: string; done: (title: string) => string }> = {
  fulfilled: { title: 'Mark fulfilled', submit: 'Mark fulfilled', done: (t) => `“${t}” is fulfilled.` },
  waived: { title: 'Waive this occurrence', submit: 'Waive', done: (t) => `“${t}” is waived for this date.` },
  in_dispute: { title: 'Dispute this occurrence', submit: 'Record dispute', done: (t) => `“${t}” is recorded as in dispute.` },
};

function OutcomeForm({ allianceId, occurrence, kind, onClose }: { allianceId: string; occurrence: Target; kind: OutcomeKind; onClose: () => void }) {
  const today = todayOf();
  const form = useForm<OutcomeValues>({
    mode: 'controlled',
    initialValues: { evidence: '', reason: '', fulfilled_on: today },
    validate: {
      evidence: (v) => (kind !== 'fulfilled' ? null : !v.trim() ? 'Say what shows it was done' : v.length > 2000 ? 'Use at most 2,000 characters' : null),
      reason: (v) => (kind === 'fulfilled' ? null : !v.trim() ? 'Give the reason' : v.length > 2000 ? 'Use at most 2,000 characters' : null),
      fulfilled_on: (v) => (kind === 'fulfilled' && v && v > today ? 'The day it was fulfilled cannot be in the future' : null),
    },
  });
  const record = useRecordAction({
    allianceId,
    action: (values: OutcomeValues) => recordOccurrence(allianceId, occurrence.obligation_id, occurrence.due_on, occurrence.version, outcomeBody(kind, values, today)),
    done: () => DIALOG[kind].done(occurrence.obligation_title),
    failed: null,
    onSuccess: onClose,
    onError: (error) => form.setErrors(recordFieldErrors(error)),
    refresh: refreshAgreements,
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => record.mutate(values))}>
      <Stack gap="md">
        <Text size="sm">
          “{occurrence.obligation_title}”, due {formatDate(occurrence.due_on)}.
        </Text>
        {kind === 'fulfilled' ? (
          <>
            <Textarea
              label="Evidence"
              description="A link, a document name or a reference that shows it was done."
              required
              autosize
              minRows={2}
              data-autofocus
              {...form.getInputProps('evidence')}
            />
            <DateInput label="Fulfilled on" maxDate={today} {...form.getInputProps('fulfilled_on')} />
          </>
        ) : (
          <Textarea
            label="Reason"
            description={kind === 'waived' ? 'A manager of the party owed waives; you are recorded as the approver.' : 'What the parties disagree about.'}
            required
            autosize
            minRows={2}
            data-autofocus
            {...form.getInputProps('reason')}
          />
        )}
        <FormActions
          error={record.isError ? record.error : null}
          errorTitle="Not recorded"
          onCancel={onClose}
          submitLabel={DIALOG[kind].submit}
          pending={record.isPending}
        />
      </Stack>
    </form>
  );
}

function OutcomeModal({ allianceId, occurrence, kind, onClose }: { allianceId: string; occurrence: Target; kind: OutcomeKind | null; onClose: () => void }) {
  return (
    <Modal opened={kind !== null} onClose={onClose} title={kind ? DIALOG[kind].title : ''} centered>
      {kind && <OutcomeForm allianceId={allianceId} occurrence={occurrence} kind={kind} onClose={onClose} />}
    </Modal>
  );
}

/** The accessible name of an occurrence's button: its title and due day keep rows apart. */
export function occurrenceName(o: Pick<Occurrence, 'obligation_title' | 'due_on'>): string {
  return `“${o.obligation_title}” due ${formatDate(o.due_on)}`;
}

/**
 * "Mark fulfilled" (while the occurrence is open) and a menu with Waive, Dispute and Reopen, plus
 * whatever else the caller adds (`menuItems`). `canRecord` false shows nothing.
 */
export function OccurrenceActions({
  allianceId,
  occurrence,
  canRecord = true,
  menuItems,
}: {
  allianceId: string;
  occurrence: Target;
  canRecord?: boolean;
  menuItems?: ReactNode;
}) {
  const [kind, setKind] = useState<OutcomeKind | null>(null);
  const reopen = useRecordAction({
    allianceId,
    action: () => recordOccurrence(allianceId, occurrence.obligation_id, occurrence.due_on, occurrence.version, { status: 'open' }),
    done: () => `“${occurrence.obligation_title}” is open again.`,
    failed: 'Not reopened',
    refresh: refreshAgreements,
  });
  const open = isOpen(occurrence);
  if (!canRecord && !menuItems) return null;
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      {canRecord && open && (
        <Button
          size="compact-xs"
          variant="light"
          color="green"
          leftSection={<IconCheck size={12} aria-hidden />}
          onClick={() => setKind('fulfilled')}
          aria-label={`Mark ${occurrenceName(occurrence)} fulfilled`}
        >
          Mark fulfilled
        </Button>
      )}
      <RowMenu name={`${occurrence.obligation_title}, due ${formatDate(occurrence.due_on)}`}>
        {canRecord && open && (
          <Menu.Item leftSection={<IconHandOff size={16} />} onClick={() => setKind('waived')}>
            Waive
          </Menu.Item>
        )}
        {canRecord && occurrence.status !== 'in_dispute' && occurrence.status !== 'waived' && (
          <Menu.Item leftSection={<IconGavel size={16} />} onClick={() => setKind('in_dispute')}>
            Dispute
          </Menu.Item>
        )}
        {canRecord && isRecorded(occurrence) && (
          <Menu.Item
            leftSection={<IconArrowBackUp size={16} />}
            onClick={() =>
              modals.openConfirmModal({
                title: 'Reopen this occurrence?',
                children: <Text size="sm">What was recorded for “{occurrence.obligation_title}” due {formatDate(occurrence.due_on)} is cleared; its status follows the due date again.</Text>,
                labels: { confirm: 'Reopen', cancel: 'Cancel' },
                onConfirm: () => reopen.mutate(undefined),
              })
            }
          >
            Reopen
          </Menu.Item>
        )}
        {menuItems}
      </RowMenu>
      <OutcomeModal allianceId={allianceId} occurrence={occurrence} kind={kind} onClose={() => setKind(null)} />
    </Group>
  );
}
