// The lifecycle: where the alliance is, how it got there (with reasons) and where it may go next.
import { Alert, Button, Grid, Group, Paper, Radio, Stack, Text, Textarea, Timeline, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconArrowRight, IconFlag } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fieldErrorsOf, problemMessage } from '../../api/problem';
import type { Alliance, Stage } from '../../api/types';
import { StageBadge } from '../../ui/badges';
import { ErrorAlert, PageLoader } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';
import { STAGE_COLORS, STAGE_LABELS, STAGES } from '../../ui/labels';
import { moveStage, refreshAlliance, useStageInfo } from './queries';

function Lifecycle({ current }: { current: Stage }) {
  const path = STAGES.filter((s) => s !== 'terminated' || current === 'terminated');
  const index = path.indexOf(current);
  return (
    <Group gap={4} wrap="wrap" aria-label={`Lifecycle: now in ${STAGE_LABELS[current]}`}>
      {path.map((stage, i) => (
        <Group key={stage} gap={4} wrap="nowrap">
          <Text
            size="xs"
            fw={stage === current ? 700 : 500}
            px={8}
            py={3}
            style={{
              borderRadius: 999,
              // Dark text on the stage's tint: white on the lighter stage colours fails WCAG AA.
              background: stage === current ? `var(--mantine-color-${STAGE_COLORS[stage]}-light)` : i < index ? 'var(--mantine-color-gray-2)' : 'transparent',
              color: stage === current ? 'var(--mantine-color-gray-9)' : i < index ? 'var(--mantine-color-gray-8)' : 'var(--mantine-color-gray-7)',
              border: stage === current ? `2px solid var(--mantine-color-${STAGE_COLORS[stage]}-7)` : '1px solid var(--mantine-color-gray-3)',
            }}
            aria-current={stage === current ? 'step' : undefined}
          >
            {STAGE_LABELS[stage]}
          </Text>
          {i < path.length - 1 && <IconArrowRight size={12} color="var(--mantine-color-gray-5)" aria-hidden />}
        </Group>
      ))}
    </Group>
  );
}

function MoveStageForm({ alliance, allowed }: { alliance: Alliance; allowed: Stage[] }) {
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { to: '' as Stage | '', reason: '' },
    validateInputOnChange: ['reason'],
    validate: {
      to: (v) => (v ? null : 'Choose the next stage'),
      reason: (v) => (!v.trim() ? 'Say why, so that everyone can follow the decision' : v.length > 5000 ? 'Use at most 5,000 characters' : null),
    },
  });
  const move = useMutation({
    mutationFn: (values: { to: Stage; reason: string }) => moveStage(alliance.id, alliance.version, values.to, values.reason.trim()),
    onSuccess: (saved) => {
      refreshAlliance(queryClient, saved);
      form.reset();
      notifications.show({ color: 'teal', title: 'Stage moved', message: `${saved.name} is now in ${STAGE_LABELS[saved.stage]}.` });
    },
    onError: (error) => {
      form.setErrors(fieldErrorsOf(error));
      void queryClient.invalidateQueries({ queryKey: ['alliance', alliance.id] });
    },
  });
  return (
    <form noValidate onSubmit={form.onSubmit((v) => move.mutate({ to: v.to as Stage, reason: v.reason }))}>
      <Stack gap="sm">
        <Radio.Group label="Next stage" required {...form.getInputProps('to')}>
          <Stack gap={6} mt={6}>
            {allowed.map((stage) => (
              <Radio key={stage} value={stage} label={STAGE_LABELS[stage]} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label="Reason"
          required
          autosize
          minRows={2}
          placeholder="e.g. Term sheet signed by both parties"
          {...form.getInputProps('reason')}
        />
        {move.isError && (
          <Alert color="red" variant="light" role="alert">
            {problemMessage(move.error)}
          </Alert>
        )}
        <Button type="submit" loading={move.isPending} leftSection={<IconFlag size={16} aria-hidden />}>
          Move stage
        </Button>
      </Stack>
    </form>
  );
}

export function StagePanel({ alliance }: { alliance: Alliance }) {
  const info = useStageInfo(alliance.id);
  if (info.isPending) return <PageLoader />;
  if (info.isError) return <ErrorAlert error={info.error} onRetry={() => void info.refetch()} />;
  const history = [...info.data.history].reverse();
  const canMove = alliance.my_role === 'manager' && info.data.allowed_next.length > 0 && !alliance.archived;
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Lifecycle current={info.data.stage} />
      </Paper>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: canMove ? 7 : 12 }}>
          <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} h="100%">
            <Title order={2} size="h4" mb="md">
              History
            </Title>
            <Timeline active={0} bulletSize={22} lineWidth={2} aria-label="Stage history, newest first">
              {history.map((t, i) => (
                <Timeline.Item
                  key={`${t.at}-${i}`}
                  color={STAGE_COLORS[t.to]}
                  bullet={<IconFlag size={12} aria-hidden />}
                  title={
                    <Group gap="xs">
                      {t.from ? (
                        <>
                          <StageBadge stage={t.from} size="sm" />
                          <IconArrowRight size={14} aria-label="to" />
                        </>
                      ) : null}
                      <StageBadge stage={t.to} size="sm" />
                    </Group>
                  }
                >
                  <Text size="sm" mt={4}>
                    {t.reason || <Text span c="dimmed">No reason given</Text>}
                  </Text>
                  <Text size="xs" c="dimmed" mt={2}>
                    {t.actor} · {formatDateTime(t.at)}
                  </Text>
                </Timeline.Item>
              ))}
            </Timeline>
          </Paper>
        </Grid.Col>
        {canMove && (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
              <Title order={2} size="h4" mb={4}>
                Move to the next stage
              </Title>
              <Text size="sm" c="dimmed" mb="md">
                From {STAGE_LABELS[info.data.stage]} the alliance may move to the stages below. Every party sees the move and its reason.
              </Text>
              <MoveStageForm key={alliance.version} alliance={alliance} allowed={info.data.allowed_next} />
            </Paper>
          </Grid.Col>
        )}
      </Grid>
      {alliance.my_role === 'manager' && info.data.allowed_next.length === 0 && (
        <Text size="sm" c="dimmed">
          {STAGE_LABELS[info.data.stage]} is a final stage: the alliance cannot move any further.
        </Text>
      )}
    </Stack>
  );
}
