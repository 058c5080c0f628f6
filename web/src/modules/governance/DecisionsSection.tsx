// The decision log: every decision with its state and each party's consent, searchable, and
// exportable as CSV with the same filters.
import { Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload, IconGavel, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { Alliance } from '../../api/types';
import { EmptyState, QueryView } from '../../ui/feedback';
import { FilterSelect } from '../../ui/FilterSelect';
import { options } from '../../ui/labels';
import { canWriteRecords } from '../records/access';
import { committeeOptions } from './committees';
import { DecisionCard, DecisionFormModal } from './Decisions';
import { DECISION_STATE_LABELS, DECISION_STATES } from './labels';
import { NeedsCommitteeButton } from './NeedsCommitteeButton';
import { decisionsCsvUrl, useDecisions, type DecisionFilters } from './queries';
import type { Committee, Decision, DecisionState } from './types';

export function DecisionsSection({ alliance, committees }: { alliance: Alliance; committees: Committee[] }) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [state, setState] = useState<DecisionState | undefined>();
  const [committeeId, setCommitteeId] = useState<string | undefined>();
  const [editing, setEditing] = useState<{ decision: Decision | null } | null>(null);
  const filters: DecisionFilters = {
    ...(q ? { q } : {}),
    ...(state ? { state } : {}),
    ...(committeeId ? { committee_id: committeeId } : {}),
  };
  const decisions = useDecisions(alliance.id, filters);
  const canWrite = canWriteRecords(alliance);
  const filtered = Object.keys(filters).length > 0;
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" role="search" aria-label="Search the decision log">
        <TextInput
          label="Search decisions"
          placeholder="Title, description, rationale or type"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        <FilterSelect<DecisionState>
          label="State"
          placeholder="Any state"
          data={options(DECISION_STATES, DECISION_STATE_LABELS)}
          value={state}
          onChange={setState}
        />
        <FilterSelect
          label="Committee"
          placeholder="Any committee"
          searchable
          data={committeeOptions(committees)}
          value={committeeId}
          onChange={setCommitteeId}
        />
      </SimpleGrid>
      <Group justify="space-between" gap="sm">
        <Text size="sm" c="dimmed" role="status">
          {decisions.data ? `${decisions.data.length} ${decisions.data.length === 1 ? 'decision' : 'decisions'}${filtered ? ' match' : ''}` : ''}
          {decisions.isFetching && decisions.data ? ' · updating…' : ''}
        </Text>
        <Group gap="xs">
          <Button component="a" href={decisionsCsvUrl(alliance.id, filters)} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
            Export CSV
          </Button>
          {canWrite && (
            <NeedsCommitteeButton committees={committees} onClick={() => setEditing({ decision: null })}>
              Propose a decision
            </NeedsCommitteeButton>
          )}
        </Group>
      </Group>
      <QueryView
        query={decisions}
        loaderLabel="Loading the decision log…"
        empty={
          <EmptyState title={filtered ? 'No decision matches' : 'No decisions yet'} icon={<IconGavel aria-hidden />}>
            {filtered
              ? 'Try other words, or clear the filters.'
              : 'Decisions proposed in meetings or here are logged with each party’s consent, so that nobody has to remember who agreed to what.'}
          </EmptyState>
        }
      >
        {(list) => (
          <Stack gap="sm">
            {list.map((decision) => (
              <DecisionCard key={decision.id} alliance={alliance} decision={decision} committees={committees} onEdit={() => setEditing({ decision })} />
            ))}
          </Stack>
        )}
      </QueryView>
      <DecisionFormModal opened={editing !== null} onClose={() => setEditing(null)} alliance={alliance} committees={committees} decision={editing?.decision ?? null} />
    </Stack>
  );
}
