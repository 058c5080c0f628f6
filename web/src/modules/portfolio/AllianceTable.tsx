import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Tooltip, UnstyledButton, useMantineTheme } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { Link } from 'react-router';
import type { Alliance } from '../../api/types';
import { StageBadge, TierBadge } from '../../ui/badges';
import { formatDateTime } from '../../ui/format';
import { ALLIANCE_ROLE_LABELS, ALLIANCE_TYPE_LABELS, PARTY_ROLE_LABELS, TIER_FIELD_LABEL, TIER_PRIVACY_HINT } from '../../ui/labels';
import { nextHealthSort, type PortfolioSort } from './filters';
import { readHealth } from './health';

function Parties({ alliance }: { alliance: Alliance }) {
  return (
    <Stack gap={2}>
      {alliance.parties.map((party) => (
        <Text key={party.organization_id} size="sm" lh={1.35}>
          {party.organization_name}{' '}
          <Text span size="xs" c="dimmed">
            {PARTY_ROLE_LABELS[party.role]}
          </Text>
        </Text>
      ))}
    </Stack>
  );
}

/**
 * The health score and, beside it, an arrow for how it moved since the wave before. The arrow and
 * the figures are for the eye; the words ("72, up 8 since the previous wave") are for everyone.
 * Arrows are characters, not icons: the portfolio's first load takes no icon it did not need.
 */
export function HealthScore({ health }: { health: Alliance['health'] }) {
  const reading = readHealth(health);
  const change = reading.change;
  return (
    <Group gap={4} wrap="nowrap" data-health={reading.words} title={health ? `From ${health.wave_title}` : undefined}>
      <Text span size="sm" fw={health?.score != null ? 600 : 400} c={health?.score != null ? undefined : 'dimmed'} aria-hidden>
        {reading.score}
      </Text>
      {change !== null && (
        <Text span size="xs" fw={600} c={change > 0 ? 'teal.9' : change < 0 ? 'red.9' : 'dimmed'} aria-hidden style={{ whiteSpace: 'nowrap' }}>
          {change > 0 ? `↑${change}` : change < 0 ? `↓${-change}` : '→'}
        </Text>
      )}
      <span className="visually-hidden">{reading.words}</span>
    </Group>
  );
}

/** The health column's header: a button that sorts by health, lowest first, then highest first. */
function HealthHeader({ sort, onSortChange }: { sort: PortfolioSort; onSortChange?: (sort: PortfolioSort) => void }) {
  const direction = sort === 'health' ? 'ascending' : sort === '-health' ? 'descending' : undefined;
  const mark = direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕';
  const next = nextHealthSort(sort);
  return (
    <Table.Th scope="col" aria-sort={direction}>
      {onSortChange ? (
        <UnstyledButton onClick={() => onSortChange(next)} fz="sm" fw={700} style={{ display: 'inline-flex', alignItems: 'center', gap: 2, whiteSpace: 'nowrap' }}>
          Health{' '}
          <span className="visually-hidden">{next === 'health' ? 'score, sort lowest first' : 'score, sort highest first'}</span>
          <span aria-hidden style={{ fontSize: 10, marginLeft: 2 }}>
            {mark}
          </span>
        </UnstyledButton>
      ) : (
        'Health'
      )}
    </Table.Th>
  );
}

export function AllianceTable({
  alliances,
  sort = 'name',
  onSortChange,
}: {
  alliances: Alliance[];
  /** The list's order, for the sortable headers. */
  sort?: PortfolioSort;
  onSortChange?: (sort: PortfolioSort) => void;
}) {
  // When the alliances were last updated shows on wide screens only. Narrower, the column is not
  // drawn at all rather than drawn and hidden: writing the first date and time in the reader's
  // locale loads the browser's locale data, one of the longest tasks of a phone's first load.
  const theme = useMantineTheme();
  const wide = useMediaQuery(`(min-width: ${theme.breakpoints.lg})`, false, { getInitialValueInEffect: false });
  return (
    <Table.ScrollContainer minWidth={780}>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover striped="even" aria-label="Alliances">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Alliance</Table.Th>
            <Table.Th scope="col">Stage</Table.Th>
            <HealthHeader sort={sort} onSortChange={onSortChange} />
            <Table.Th scope="col">Type</Table.Th>
            <Table.Th scope="col">
              <Tooltip label={`Each party sets its own tier. ${TIER_PRIVACY_HINT}.`} withArrow multiline maw={240}>
                <span style={{ textDecoration: 'underline dotted', textUnderlineOffset: 3 }}>{TIER_FIELD_LABEL}</span>
              </Tooltip>
            </Table.Th>
            <Table.Th scope="col">Parties</Table.Th>
            {wide && <Table.Th scope="col">Updated</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {alliances.map((alliance) => (
            <Table.Tr key={alliance.id} data-alliance-id={alliance.id}>
              <Table.Td maw={340}>
                <Anchor component={Link} to={`/alliances/${alliance.id}`} fw={600} size="sm">
                  {alliance.name}
                </Anchor>
                <Group gap={6} mt={2}>
                  <Text size="xs" c="dimmed">
                    {ALLIANCE_ROLE_LABELS[alliance.my_role]}
                  </Text>
                  {alliance.archived && (
                    <Badge size="xs" color="gray" variant="filled">
                      Archived
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td miw={130}>
                <StageBadge stage={alliance.stage} />
              </Table.Td>
              <Table.Td miw={80}>
                <HealthScore health={alliance.health} />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{ALLIANCE_TYPE_LABELS[alliance.type]}</Text>
              </Table.Td>
              <Table.Td miw={120}>
                <TierBadge tier={alliance.tier} />
              </Table.Td>
              <Table.Td>
                <Parties alliance={alliance} />
              </Table.Td>
              {wide && (
                <Table.Td>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(alliance.updated_at)}
                  </Text>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function AllianceCards({ alliances }: { alliances: Alliance[] }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
      {alliances.map((alliance) => (
        <Card key={alliance.id} withBorder radius="md" padding="lg" data-alliance-id={alliance.id}>
          <Stack gap="sm" h="100%">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Anchor component={Link} to={`/alliances/${alliance.id}`} fw={650} size="md" lh={1.3}>
                {alliance.name}
              </Anchor>
              <TierBadge tier={alliance.tier} />
            </Group>
            <Group gap="xs">
              <StageBadge stage={alliance.stage} />
              <Text size="xs" c="dimmed">
                {ALLIANCE_TYPE_LABELS[alliance.type]}
              </Text>
              <Group gap={4} wrap="nowrap">
                <Text size="xs" c="dimmed">
                  Health
                </Text>
                <HealthScore health={alliance.health} />
              </Group>
              {alliance.archived && (
                <Badge size="xs" color="gray" variant="filled">
                  Archived
                </Badge>
              )}
            </Group>
            {alliance.north_star.statement && (
              <Text size="sm" lineClamp={3} c="gray.8">
                {alliance.north_star.statement}
              </Text>
            )}
            <div style={{ marginTop: 'auto' }}>
              <Parties alliance={alliance} />
            </div>
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
