// My obligations: every due date of the obligations the signed-in person is responsible for,
// across their alliances, soonest first; overdue ones in red, each marked fulfilled with one click.
import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { EmptyState, QueryView } from '../../ui/feedback';
import { FilterSelect } from '../../ui/FilterSelect';
import { options } from '../../ui/labels';
import { OCCURRENCE_STATUS_LABELS, OCCURRENCE_STATUSES } from './labels';
import { OccurrenceTable } from './OccurrenceTable';
import { useMyObligations } from './queries';
import type { MyOccurrence, OccurrenceStatus } from './types';

/** "5 due dates · 2 overdue"; nothing for none. */
function Count({ items }: { items: MyOccurrence[] | undefined }) {
  if (!items || items.length === 0) return null;
  const overdue = items.filter((o) => o.status === 'overdue').length;
  return (
    <Text size="sm" c={overdue ? 'red.8' : 'dimmed'} role="status">
      {items.length} {items.length === 1 ? 'due date' : 'due dates'}
      {overdue ? ` · ${overdue} overdue` : ''}
    </Text>
  );
}

export function MyObligations() {
  const [status, setStatus] = useState<OccurrenceStatus | undefined>();
  const obligations = useMyObligations(status ? { status } : {});
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" role="group" aria-label="Filter my obligations">
          <FilterSelect<OccurrenceStatus> label="Status" placeholder="Any status" data={options(OCCURRENCE_STATUSES, OCCURRENCE_STATUS_LABELS)} value={status} onChange={setStatus} />
        </SimpleGrid>
        <Count items={obligations.data} />
      </Group>
      <QueryView
        query={obligations}
        loaderLabel="Loading your obligations…"
        empty={
          <EmptyState title={status ? 'No obligation matches' : 'Nothing on your list'} icon={<IconListCheck aria-hidden />}>
            {status ? 'Try another status.' : 'Obligations you are responsible for in any alliance appear here, from 90 days back to 90 days ahead.'}
          </EmptyState>
        }
      >
        {(list) => (
          <Paper withBorder radius="md">
            <OccurrenceTable allianceId="" occurrences={list} canRecord alliances label="My obligations" />
          </Paper>
        )}
      </QueryView>
    </Stack>
  );
}
