// Meetings proposed from a cadence template (classic or lean): the server proposes, the user
// ticks the ones to keep, and only "Create selected" creates them, one by one with progress.
import { Alert, Badge, Button, Checkbox, Group, Modal, NumberInput, Progress, Radio, ScrollArea, SimpleGrid, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCalendarOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { problemMessage } from '../../api/problem';
import type { Alliance } from '../../api/types';
import { EmptyState, ErrorAlert, PageLoader } from '../../ui/feedback';
import { today } from '../../ui/format';
import { formatMeetingStart, formatMinutes } from './format';
import { CADENCE_TEMPLATE_LABELS, CADENCE_TEMPLATES } from './labels';
import { createMeeting, refreshGovernance, useCadenceProposal, type CadenceRequest } from './queries';
import type { CadenceTemplate, ProposedMeeting } from './types';

/** A proposal's identity within one answer: a committee meets at most once at an instant. */
export function proposalKey(meeting: ProposedMeeting): string {
  return `${meeting.committee_id}@${meeting.starts_at}`;
}

function RequestForm({ initial, onSubmit, pending }: { initial: CadenceRequest; onSubmit: (request: CadenceRequest) => void; pending: boolean }) {
  const form = useForm({
    mode: 'controlled',
    initialValues: { template: initial.template as string, from: initial.from as string | null, months: initial.months as number | string },
    validate: {
      from: (v) => (v ? null : 'Choose the first day'),
      months: (v) => {
        const n = Number(v);
        return v === '' || !Number.isInteger(n) || n < 1 || n > 24 ? 'Enter 1 to 24 months' : null;
      },
    },
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((v) => onSubmit({ template: v.template as CadenceTemplate, from: v.from ?? today(), months: Number(v.months) }))}
    >
      <Stack gap="md">
        <Radio.Group label="Template" required {...form.getInputProps('template')}>
          <Stack gap={6} mt={6}>
            {CADENCE_TEMPLATES.map((t) => (
              <Radio key={t} value={t} label={CADENCE_TEMPLATE_LABELS[t]} />
            ))}
          </Stack>
        </Radio.Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateInput label="From" required {...form.getInputProps('from')} />
          <NumberInput label="Months" required min={1} max={24} allowDecimal={false} {...form.getInputProps('months')} />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={pending}>
            Show proposals
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

interface CreationProgress {
  done: number;
  total: number;
  failures: { key: string; title: string; message: string }[];
}

function Proposals({ alliance, request, onClose }: { alliance: Alliance; request: CadenceRequest; onClose: () => void }) {
  const queryClient = useQueryClient();
  const proposal = useCadenceProposal(alliance.id, request);
  const meetings = proposal.data?.meetings ?? [];
  const [selected, setSelected] = useState<Set<string> | null>(null);
  const [created, setCreated] = useState<Set<string>>(new Set());
  const [progress, setProgress] = useState<CreationProgress | null>(null);
  // Every proposal starts ticked; the user unticks what they do not want.
  const chosen = selected ?? new Set(meetings.map(proposalKey));
  const open = meetings.filter((m) => !created.has(proposalKey(m)));
  const toCreate = open.filter((m) => chosen.has(proposalKey(m)));

  const run = useMutation({
    mutationFn: async (items: ProposedMeeting[]) => {
      const state: CreationProgress = { done: 0, total: items.length, failures: [] };
      setProgress({ ...state });
      for (const m of items) {
        try {
          await createMeeting(alliance.id, {
            committee_id: m.committee_id,
            title: m.title,
            starts_at: m.starts_at,
            duration_minutes: m.duration_minutes,
            time_zone: m.time_zone,
          });
          setCreated((previous) => new Set(previous).add(proposalKey(m)));
        } catch (error) {
          state.failures.push({ key: proposalKey(m), title: m.title, message: problemMessage(error) });
        }
        state.done += 1;
        setProgress({ ...state, failures: [...state.failures] });
      }
      return state;
    },
    onSettled: () => refreshGovernance(queryClient, alliance.id),
    onSuccess: (state) => {
      const made = state.total - state.failures.length;
      notifications.show({
        color: state.failures.length ? 'orange' : 'teal',
        message: `${made} of ${state.total} ${state.total === 1 ? 'meeting' : 'meetings'} created.`,
      });
      if (state.failures.length === 0) onClose();
    },
  });

  if (proposal.isPending) return <PageLoader label="Proposing meetings…" />;
  if (proposal.isError) return <ErrorAlert error={proposal.error} onRetry={() => void proposal.refetch()} />;
  if (meetings.length === 0) {
    return (
      <EmptyState title="Nothing to propose" icon={<IconCalendarOff aria-hidden />}>
        The template proposes meetings for committees that meet regularly. Add committees, or choose a longer period.
      </EmptyState>
    );
  }
  const toggle = (key: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    setSelected(next);
  };
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm">
          {meetings.length} meetings proposed · {toCreate.length} selected. Nothing is created until you press “Create selected”.
        </Text>
        <Group gap="xs">
          <Button size="compact-sm" variant="subtle" onClick={() => setSelected(new Set(meetings.map(proposalKey)))} disabled={run.isPending}>
            Select all
          </Button>
          <Button size="compact-sm" variant="subtle" onClick={() => setSelected(new Set())} disabled={run.isPending}>
            Select none
          </Button>
        </Group>
      </Group>
      <ScrollArea.Autosize mah={380} type="auto">
        <Stack gap={6} role="group" aria-label="Proposed meetings">
          {meetings.map((m) => {
            const key = proposalKey(m);
            const done = created.has(key);
            const failure = progress?.failures.find((f) => f.key === key);
            return (
              <Group key={key} gap="xs" wrap="nowrap" justify="space-between" data-proposal={m.title}>
                <Checkbox
                  checked={done || chosen.has(key)}
                  disabled={done || run.isPending}
                  onChange={(event) => toggle(key, event.currentTarget.checked)}
                  label={`${m.title} — ${formatMeetingStart(m.starts_at, m.time_zone)}, ${formatMinutes(m.duration_minutes)}`}
                  description={failure ? failure.message : m.committee_name}
                  error={failure ? true : undefined}
                />
                {done && (
                  <Badge color="teal" variant="light" radius="sm">
                    Created
                  </Badge>
                )}
              </Group>
            );
          })}
        </Stack>
      </ScrollArea.Autosize>
      {progress && (
        <Stack gap={4}>
          <Progress value={progress.total ? (100 * progress.done) / progress.total : 0} aria-label="Creating meetings" animated={run.isPending} />
          <Text size="xs" c="dimmed" role="status" aria-live="polite">
            {progress.done} of {progress.total} done{progress.failures.length ? ` · ${progress.failures.length} not created` : ''}
          </Text>
        </Stack>
      )}
      {progress && !run.isPending && progress.failures.length > 0 && (
        <Alert color="orange" variant="light" role="alert" title="Some meetings were not created">
          The ones marked above are still selected: fix the cause and create them again.
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onClose} disabled={run.isPending}>
          {created.size > 0 ? 'Close' : 'Cancel'}
        </Button>
        <Button onClick={() => run.mutate(toCreate)} loading={run.isPending} disabled={toCreate.length === 0}>
          Create selected ({toCreate.length})
        </Button>
      </Group>
    </Stack>
  );
}

export function CadenceProposalModal({ alliance, opened, onClose }: { alliance: Alliance; opened: boolean; onClose: () => void }) {
  const [request, setRequest] = useState<CadenceRequest | null>(null);
  const close = () => {
    setRequest(null);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Propose meetings from a template" size="xl" centered>
      {opened && (
        <Stack gap="lg">
          <RequestForm initial={request ?? { template: 'classic', from: today(), months: 6 }} onSubmit={setRequest} pending={false} />
          {request && <Proposals key={JSON.stringify(request)} alliance={alliance} request={request} onClose={close} />}
        </Stack>
      )}
    </Modal>
  );
}
