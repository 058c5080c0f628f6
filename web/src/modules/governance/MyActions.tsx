// My actions: every action item the signed-in person owns, across their alliances, by due date;
// overdue ones in red, each done with one click.
import { Anchor, Group, Paper, SimpleGrid, Stack, Switch, Table, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, QueryView } from '../../ui/feedback';
import { FilterSelect } from '../../ui/FilterSelect';
import { options } from '../../ui/labels';
import { RowActionsHeader } from '../../ui/RowMenu';
import { HealthOrigin } from './ActionOrigin';
import { ActionCount, DueCell, MarkDoneButton } from './ActionsSection';
import { ActionStatusBadge } from './badges';
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from './labels';
import { useMyActions } from './queries';
import type { ActionStatus } from './types';
import { LinkifiedText } from '../../ui/LinkifiedText';

export function MyActions() {
  const [status, setStatus] = useState<ActionStatus | undefined>();
  const [overdue, setOverdue] = useState(false);
  const filters = { ...(status ? { status } : {}), ...(overdue ? { overdue: true } : {}) };
  const actions = useMyActions(filters);
  const filtered = status !== undefined || overdue;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" role="group" aria-label="Filter my actions">
          <FilterSelect<ActionStatus>
            label="Status"
            placeholder="Any status"
            data={options(ACTION_STATUSES, ACTION_STATUS_LABELS)}
            value={status}
            onChange={setStatus}
          />
          <Switch label="Overdue only" checked={overdue} onChange={(event) => setOverdue(event.currentTarget.checked)} style={{ alignSelf: 'end' }} mb={8} />
        </SimpleGrid>
        <ActionCount actions={actions.data} />
      </Group>
      <QueryView
        query={actions}
        loaderLabel="Loading your actions…"
        empty={
          <EmptyState title={filtered ? 'No action matches' : 'Nothing on your list'} icon={<IconChecklist aria-hidden />}>
            {filtered ? 'Try other filters.' : 'Actions assigned to you in any alliance appear here, soonest due first.'}
          </EmptyState>
        }
      >
        {(list) => (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={680}>
              <Table verticalSpacing="sm" aria-label="My actions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Action</Table.Th>
                    <Table.Th scope="col">Alliance</Table.Th>
                    <Table.Th scope="col">Due</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <RowActionsHeader width={100} />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((a) => (
                    <Table.Tr key={a.id} data-action={a.title} data-overdue={a.overdue || undefined} bg={a.overdue ? 'var(--mantine-color-red-0)' : undefined}>
                      <Table.Td miw={200}>
                        <Text size="sm" fw={600}>
                          {a.title}
                        </Text>
                        {a.description && (
                          <LinkifiedText size="xs" c="dimmed" lineClamp={2} text={a.description} />
                        )}
                        {a.health && <HealthOrigin allianceId={a.alliance_id} health={a.health} />}
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/alliances/${a.alliance_id}/governance?section=actions`} size="sm">
                          {a.alliance_name}
                        </Anchor>
                      </Table.Td>
                      <DueCell action={a} />
                      <Table.Td>
                        <ActionStatusBadge status={a.status} />
                      </Table.Td>
                      <Table.Td>
                        <MarkDoneButton allianceId={a.alliance_id} action={a} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </QueryView>
    </Stack>
  );
}
