import { Button, Paper, Text } from '@mantine/core';
import { IconPlus, IconSearch, IconSparkles } from '@tabler/icons-react';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { useSession } from '../modules/auth/session';
import { AllianceCards, AllianceTable } from '../modules/portfolio/AllianceTable';
import { activeFilterCount, usePortfolioFilters } from '../modules/portfolio/filters';
import { PortfolioToolbar } from '../modules/portfolio/PortfolioToolbar';
import { useAllianceList } from '../modules/portfolio/queries';
import { StageChart } from '../modules/portfolio/StageChart';
import { EmptyState, ErrorAlert, LoadMore, PageLoader } from '../ui/feedback';
import { PageHeader } from '../ui/PageHeader';

export function PortfolioPage() {
  const { organization } = useSession();
  const [filters, setFilters] = usePortfolioFilters();
  const list = useAllianceList(filters);
  const items = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const filtered = activeFilterCount(filters) > 0;

  return (
    <>
      <PageHeader
        title="Portfolio"
        description={`Every alliance you take part in, seen from ${organization.name}.`}
        actions={
          <Button component={Link} to="/alliances/new" leftSection={<IconPlus size={16} aria-hidden />}>
            New alliance
          </Button>
        }
      />
      <PortfolioToolbar
        filters={filters}
        onChange={setFilters}
        summary={
          list.data
            ? `${items.length}${list.hasNextPage ? '+' : ''} ${items.length === 1 ? 'alliance' : 'alliances'}${filtered ? (items.length === 1 ? ' matches' : ' match') : ''}`
            : undefined
        }
      />
      {list.isPending ? (
        <PageLoader label="Loading your alliances…" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        filtered ? (
          <EmptyState title="No alliance matches these filters" icon={<IconSearch aria-hidden />}>
            Try fewer filters, or clear them to see your whole portfolio.
          </EmptyState>
        ) : (
          <EmptyState
            title="Start your first alliance"
            icon={<IconSparkles aria-hidden />}
            action={
              <Button component={Link} to="/alliances/new" leftSection={<IconPlus size={16} aria-hidden />}>
                Create an alliance
              </Button>
            }
          >
            Create an alliance with your partner organisation, write down its North Star — what it is meant to
            achieve, for whom, and what each party brings — then invite the partner’s people from the Team tab.
            Alliances you are invited to appear here too.
          </EmptyState>
        )
      ) : (
        <>
          {items.length > 1 && (
            <StageChart alliances={items} complete={!list.hasNextPage} onStageClick={(stage) => setFilters({ stage })} />
          )}
          {filters.view === 'cards' ? (
            <AllianceCards alliances={items} />
          ) : (
            <Paper withBorder radius="md">
              <AllianceTable alliances={items} sort={filters.sort} onSortChange={(sort) => setFilters({ sort })} />
            </Paper>
          )}
          <LoadMore
            hasMore={!!list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
            shown={items.length}
            noun="alliance"
          />
          {list.isFetching && !list.isFetchingNextPage && (
            <Text size="xs" c="dimmed" ta="center" mt="xs" role="status">
              Updating…
            </Text>
          )}
        </>
      )}
    </>
  );
}
