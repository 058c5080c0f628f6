// The action plans made from a dimension's results, in this wave or an earlier one: what will
// change, who owns it, by when, where it stands, the committee that follows it up, and which wave
// and question it came from. Each is an action item of Governance → Actions.
import { Anchor, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDate } from '../../ui/format';
import { ActionStatusBadge, OverdueBadge } from '../governance/badges';
import type { HealthActionPlan, HealthDimensionResult } from './types';

export function governanceActionsPath(allianceId: string): string {
  return `/alliances/${allianceId}/governance?section=actions`;
}

/** The committee in words: its name, or why there is none to show. */
function committeeText(plan: HealthActionPlan): string {
  if (plan.committee_name) return plan.committee_name;
  return plan.committee_id ? 'A committee you cannot see' : 'No committee';
}

export function ActionPlanTable({
  allianceId,
  waveId,
  dimension,
  number,
}: {
  allianceId: string;
  /** The wave whose results are shown: a plan from another wave says which. */
  waveId: string;
  dimension: HealthDimensionResult;
  /** The dimension's number on the results page, to number its questions. */
  number: number;
}) {
  const plans = dimension.action_plans;
  if (plans.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No action plan yet.
      </Text>
    );
  }
  const question = (key: string | null) => {
    const index = dimension.items.findIndex((item) => item.key === key);
    return index < 0 ? null : `Question ${number}.${index + 1}: ${dimension.items[index]?.text ?? ''}`;
  };
  return (
    <>
      <Table.ScrollContainer minWidth={600}>
        <Table verticalSpacing={6} aria-label={`Action plans for ${dimension.name}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">What will change</Table.Th>
              <Table.Th scope="col">Owner</Table.Th>
              <Table.Th scope="col">Due</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Followed up by</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {plans.map((plan) => {
              const about = question(plan.item_key);
              return (
                <Table.Tr key={plan.id} data-plan={plan.title} data-overdue={plan.overdue || undefined}>
                  <Table.Td miw={200}>
                    <Text size="sm" fw={600} td={plan.status === 'cancelled' ? 'line-through' : undefined}>
                      {plan.title}
                    </Text>
                    {plan.wave_id !== waveId && (
                      <Text size="xs" c="dimmed">
                        From {plan.wave_title}
                      </Text>
                    )}
                    {about && (
                      <Text size="xs" c="dimmed">
                        {about}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td fz="sm">{plan.owner_name}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm" c={plan.overdue ? 'red.9' : undefined} fw={plan.overdue ? 650 : 400}>
                        {formatDate(plan.due_on)}
                      </Text>
                      {plan.overdue && <OverdueBadge size="xs" />}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <ActionStatusBadge status={plan.status} />
                  </Table.Td>
                  <Table.Td fz="sm">{committeeText(plan)}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" mt={4}>
        Each is an action item of the alliance:{' '}
        <Anchor component={Link} to={governanceActionsPath(allianceId)} size="xs">
          follow them up under Governance, Actions
        </Anchor>
        .
      </Text>
    </>
  );
}
