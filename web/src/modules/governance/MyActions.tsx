// My actions: every action item the signed-in person owns, across their alliances, by due date;
// overdue ones in red, each done with one click.
import { Anchor, Group, Paper, Select, SimpleGrid, Stack, Switch, Table, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { EmptyState, ErrorAlert, PageLoader } from '../../ui/feedback';
import { options } from '../../ui/labels';
import { DueCell, MarkDoneButton } from './ActionsSection';
import { ActionStatusBadge } from './badges';
import { ACTION_STATUS_LABELS, ACTION_STATUSES } from './labels';
import { useMyActions } from './queries';
import type { ActionStatus } from './types';

export function MyActions() {
  const [status, setStatus] = useState<ActionStatus | null>(null);
  const [overdue, setOverdue] = useState(false);
  const filters = { ...(status ? { status } : {}), ...(overdue ? { overdue: true } : {}) };
  const actions = useMyActions(filters);
  const filtered = status !== null || overdue;
  const late = actions.data?.filter((a) => a.overdue).length ?? 0;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" role="group" aria-label="Filter my actions">
          <Select
            label="Status"
            placeholder="Any status"
            clearable
            data={options(ACTION_STATUSES, ACTION_STATUS_LABELS)}
            value={status}
            onChange={(v) => setStatus(v as ActionStatus | null)}
          />
          <Switch label="Overdue only" checked={overdue} onChange={(event) => setOverdue(event.currentTarget.checked)} style={{ alignSelf: 'end' }} mb={8} />
        </SimpleGrid>
        {actions.data && actions.data.length > 0 && (
          <Text size="sm" c={late ? 'red.8' : 'dimmed'} role="status">
            {actions.data.length} {actions.data.length === 1 ? 'action' : 'actions'}
            {late ? ` · ${late} overdue` : ''}
          </Text>
        )}
      </Group>
      {actions.isPending ? (
        <PageLoader label="Loading your actions…" />
      ) : actions.isError ? (
        <ErrorAlert error={actions.error} onRetry={() => void actions.refetch()} />
      ) : actions.data.length === 0 ? (
        <EmptyState title={filtered ? 'No action matches' : 'Nothing on your list'} icon={<IconChecklist aria-hidden />}>
          {filtered ? 'Try other filters.' : 'Actions assigned to you in any alliance appear here, soonest due first.'}
        </EmptyState>
      ) : (
        <Paper withBorder radius="md">
          <Table.ScrollContainer minWidth={680}>
            <Table verticalSpacing="sm" aria-label="My actions">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Action</Table.Th>
                  <Table.Th scope="col">Alliance</Table.Th>
                  <Table.Th scope="col">Due</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col" w={100}>
                    <span className="visually-hidden">Actions</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {actions.data.map((a) => (
                  <Table.Tr key={a.id} data-action={a.title} data-overdue={a.overdue || undefined} bg={a.overdue ? 'var(--mantine-color-red-0)' : undefined}>
                    <Table.Td miw={200}>
                      <Text size="sm" fw={600}>
                        {a.title}
                      </Text>
                      {a.description && (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {a.description}
                        </Text>
                      )}
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
    </Stack>
  );
}
