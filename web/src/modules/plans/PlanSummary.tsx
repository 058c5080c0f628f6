// "Status against plan" on the Overview: milestones achieved, due and late, KPIs by RAG, and
// the next milestones. Counts only what every party sees, so partners read the same numbers.
import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconTimeline } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Alliance } from '../../api/types';
import { ErrorAlert, PageLoader } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { MilestoneStatusBadge, SlipText } from './badges';
import { KPI_STATUS_COLORS, KPI_STATUS_LABELS, KPI_STATUSES } from './labels';
import { usePlanSummary } from './queries';
import type { PlanSummary as Summary } from './types';

function Stat({ label, value, color, testId }: { label: string; value: ReactNode; color?: string; testId: string }) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" lh={1.2} c={color}>
        {value}
      </Text>
    </div>
  );
}

export function PlanSummaryContent({ alliance, summary }: { alliance: Alliance; summary: Summary }) {
  const { milestones: m, kpis: k } = summary;
  if (m.total === 0 && k.total === 0) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        No shared plan yet.{' '}
        <Anchor component={Link} to={`/alliances/${alliance.id}/plan`} size="sm">
          Open the plan
        </Anchor>{' '}
        to set objectives, milestones and KPIs with your partners.
      </Text>
    );
  }
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Paper withBorder radius="md" p="md">
          <Text size="xs" tt="uppercase" fw={700} c="dimmed" lts={0.4} mb={6}>
            Milestones
          </Text>
          <Group gap="xl" wrap="wrap">
            <Stat testId="summary-achieved" label="Achieved" value={`${m.achieved} of ${m.total}`} color="green.8" />
            <Stat testId="summary-due" label="Due in 30 days" value={m.due_30_days} />
            <Stat testId="summary-late" label="Late" value={m.late} color={m.late > 0 ? 'red.8' : undefined} />
            <Stat testId="summary-at-risk" label="At risk" value={m.at_risk} color={m.at_risk > 0 ? 'orange.8' : undefined} />
          </Group>
        </Paper>
        <Paper withBorder radius="md" p="md">
          <Text size="xs" tt="uppercase" fw={700} c="dimmed" lts={0.4} mb={6}>
            KPIs
          </Text>
          <Group gap="lg" wrap="wrap" aria-label="KPIs by status" role="list">
            {KPI_STATUSES.map((status) => (
              <Group key={status} gap={6} role="listitem" data-testid={`summary-kpi-${status}`}>
                <ThemeIcon size={12} radius="xl" color={KPI_STATUS_COLORS[status]} variant={status === 'no_data' ? 'outline' : 'filled'} aria-hidden>
                  <span />
                </ThemeIcon>
                <Text size="sm">
                  <Text span fw={700}>
                    {k[status]}
                  </Text>{' '}
                  {KPI_STATUS_LABELS[status].toLowerCase()}
                </Text>
              </Group>
            ))}
          </Group>
        </Paper>
      </SimpleGrid>
      <div>
        <Text size="xs" tt="uppercase" fw={700} c="dimmed" lts={0.4} mb={4}>
          Next milestones
        </Text>
        {summary.next_milestones.length === 0 ? (
          <Text size="sm" c="dimmed">
            No open milestone.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing={6} aria-label="Next milestones">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Milestone</Table.Th>
                  <Table.Th scope="col">Forecast</Table.Th>
                  <Table.Th scope="col">Slip</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {summary.next_milestones.map((milestone) => (
                  <Table.Tr key={milestone.id} data-next-milestone={milestone.title}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {milestone.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {milestone.party_name}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(milestone.forecast_date)}</Table.Td>
                    <Table.Td>
                      <SlipText days={milestone.slip_days} />
                    </Table.Td>
                    <Table.Td>
                      <MilestoneStatusBadge status={milestone.status} derived={milestone.status_derived} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </div>
    </Stack>
  );
}

export function PlanSummary({ alliance }: { alliance: Alliance }) {
  const summary = usePlanSummary(alliance.id);
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-label="Status against plan">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <IconTimeline size={18} color="var(--mantine-color-indigo-6)" aria-hidden />
          <Title order={2} size="h4">
            Status against plan
          </Title>
        </Group>
        {summary.data && (
          <Group gap="md">
            <Text size="xs" c="dimmed">
              Shared records only · {formatDate(summary.data.today)}
            </Text>
            <Anchor component={Link} to={`/alliances/${alliance.id}/plan`} size="sm">
              Open the plan
            </Anchor>
          </Group>
        )}
      </Group>
      {summary.isPending ? (
        <PageLoader label="Loading the plan…" />
      ) : summary.isError ? (
        <ErrorAlert error={summary.error} title="The plan summary could not be loaded" onRetry={() => void summary.refetch()} />
      ) : (
        <PlanSummaryContent alliance={alliance} summary={summary.data} />
      )}
    </Paper>
  );
}
