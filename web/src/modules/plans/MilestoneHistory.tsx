// How a milestone's date moved: every forecast change and re-baseline, with who and why; and
// the re-baseline itself (managers), which makes the current forecast the new plan.
import { Alert, Badge, Drawer, Group, Modal, Stack, Text, Textarea, Timeline } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowRight, IconFlag, IconRefresh, IconTarget } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { fieldErrorsOf } from '../../api/problem';
import type { Alliance } from '../../api/types';
import { EmptyState, FormActions, QueryView } from '../../ui/feedback';
import { formatDate, formatDateTime } from '../../ui/format';
import { SlipText } from './badges';
import { daysBetween } from './format';
import { rebaselineMilestone, refreshPlan, useMilestoneHistory } from './queries';
import type { Milestone, MilestoneHistoryEntry } from './types';

function EntryTitle({ entry }: { entry: MilestoneHistoryEntry }) {
  switch (entry.kind) {
    case 'created':
      return <>Planned for {formatDate(entry.planned_date)}</>;
    case 'rebaseline':
      return <>Re-baselined to {formatDate(entry.planned_date)}</>;
    case 'forecast':
      return (
        <Group gap={6} component="span" wrap="wrap">
          Forecast {formatDate(entry.previous_forecast_date)}
          <IconArrowRight size={12} aria-label="to" />
          {formatDate(entry.forecast_date)}
          {entry.previous_forecast_date && <SlipText days={daysBetween(entry.previous_forecast_date, entry.forecast_date)} size="xs" />}
        </Group>
      );
  }
}

export function MilestoneHistoryDrawer({
  alliance,
  milestone,
  onClose,
}: {
  alliance: Alliance;
  milestone: Milestone | null;
  onClose: () => void;
}) {
  const history = useMilestoneHistory(alliance.id, milestone?.id ?? null);
  return (
    <Drawer
      opened={milestone !== null}
      onClose={onClose}
      position="right"
      size="md"
      title={milestone ? `History of “${milestone.title}”` : ''}
    >
      {milestone && (
        <Stack gap="md">
          <Group gap="lg">
            <div>
              <Text size="xs" c="dimmed">
                First baseline
              </Text>
              <Text size="sm">{formatDate(milestone.original_date)}</Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                Baseline now
              </Text>
              <Text size="sm">
                {formatDate(milestone.planned_date)}
                {milestone.baseline_count > 1 && (
                  <Badge ml={6} size="xs" variant="light" color="gray">
                    {milestone.baseline_count - 1} re-baseline{milestone.baseline_count > 2 ? 's' : ''}
                  </Badge>
                )}
              </Text>
            </div>
            <div>
              <Text size="xs" c="dimmed">
                Slip against the first baseline
              </Text>
              <SlipText days={milestone.total_slip_days} />
            </div>
          </Group>
          <QueryView
            query={history}
            isEmpty={(data) => data.items.length === 0}
            empty={<EmptyState title="No changes recorded" />}
          >
            {(data) => (
              <Timeline active={data.items.length - 1} bulletSize={22} lineWidth={2} aria-label="Forecast changes, oldest first">
                {data.items.map((entry, i) => (
                  <Timeline.Item
                    key={`${entry.changed_at}-${i}`}
                    bullet={
                      entry.kind === 'rebaseline' ? (
                        <IconRefresh size={12} aria-hidden />
                      ) : entry.kind === 'created' ? (
                        <IconFlag size={12} aria-hidden />
                      ) : (
                        <IconTarget size={12} aria-hidden />
                      )
                    }
                    color={entry.kind === 'rebaseline' ? 'grape' : entry.kind === 'created' ? 'indigo' : 'orange'}
                    title={
                      <Text size="sm" fw={600} component="div">
                        <EntryTitle entry={entry} />
                      </Text>
                    }
                  >
                    {entry.reason && (
                      <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                        {entry.reason}
                      </Text>
                    )}
                    <Text size="xs" c="dimmed" mt={2}>
                      {entry.changed_by_name} · {formatDateTime(entry.changed_at)}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
          </QueryView>
        </Stack>
      )}
    </Drawer>
  );
}

export function RebaselineModal({ alliance, milestone, onClose }: { alliance: Alliance; milestone: Milestone | null; onClose: () => void }) {
  return (
    <Modal opened={milestone !== null} onClose={onClose} title="Re-baseline the milestone" centered>
      {milestone && <RebaselineForm alliance={alliance} milestone={milestone} onClose={onClose} />}
    </Modal>
  );
}

function RebaselineForm({ alliance, milestone, onClose }: { alliance: Alliance; milestone: Milestone; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: { reason: (v: string) => (!v.trim() ? 'Say why the plan changes' : v.length > 500 ? 'Use at most 500 characters' : null) },
  });
  const save = useMutation({
    mutationFn: (reason: string) => rebaselineMilestone(alliance.id, milestone.id, milestone.version, reason),
    onSuccess: (saved) => {
      refreshPlan(queryClient, alliance.id);
      notifications.show({ color: 'teal', message: `“${saved.title}” is now planned for ${formatDate(saved.planned_date)}.` });
      onClose();
    },
    onError: (error) => {
      form.setErrors(fieldErrorsOf(error));
      if (error instanceof ApiError && error.status === 412) refreshPlan(queryClient, alliance.id);
    },
  });
  const stale = save.error instanceof ApiError && save.error.status === 412;
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v.reason.trim()))}>
      <Stack gap="md">
        <Text size="sm">
          “{milestone.title}” becomes planned for its forecast, <strong>{formatDate(milestone.forecast_date)}</strong> (now{' '}
          {formatDate(milestone.planned_date)}). Its slip starts again from zero; the first baseline (
          {formatDate(milestone.original_date)}) and this change stay in its history.
        </Text>
        <Textarea label="Reason" required autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
        {stale ? (
          <Alert color="orange" variant="light" role="alert">
            Someone else changed this milestone since you opened it. Close this window to see their version, then try again.
          </Alert>
        ) : null}
        <FormActions error={save.isError && !stale ? save.error : null} onCancel={onClose} submitLabel="Re-baseline" pending={save.isPending} />
      </Stack>
    </form>
  );
}
