// The audit trail the person may see: every change, by whom, when, before and after.
import { Group, Paper, Stack, Text, Timeline } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, unwrap } from '../../api/client';
import type { Alliance, AuditEvent } from '../../api/types';
import { EmptyState, ErrorAlert, LoadMore, PageLoader } from '../../ui/feedback';
import { formatDateTime, formatRelative } from '../../ui/format';
import { describeAction, describeValue, fieldLabel } from './describe';

const PAGE = 25;

const ACTION_COLORS: Record<string, string> = {
  create: 'teal',
  add: 'teal',
  join: 'teal',
  update: 'blue',
  role: 'blue',
  stage: 'violet',
  delete: 'red',
  remove: 'red',
  archive: 'gray',
  restore: 'teal',
  propose: 'yellow',
  accept: 'teal',
  reject: 'red',
  withdraw: 'gray',
  supersede: 'gray',
  apply: 'teal',
  prioritise: 'grape',
};

/** Fields not worth a line: ids when a name says the same, empty lists on creation, a proposal's id. */
function visibleChanges(event: AuditEvent): [string, { before?: unknown; after?: unknown }][] {
  return Object.entries(event.changes).filter(([field, change]) => {
    if (field === 'user_id' && 'name' in event.changes) return false;
    if (field === 'organization_name' && 'organization_id' in event.changes) return false;
    // The proposal behind an agreed change: the sentence says so, an id says nothing.
    if (field === 'proposal_id') return false;
    const empty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
    if (empty(change.before) && empty(change.after)) return false;
    // A value that did not change says nothing ("15 Nov → 15 Nov").
    return JSON.stringify(change.before) !== JSON.stringify(change.after);
  });
}

function EventItem({ event, names }: { event: AuditEvent; names: Map<string, string> }) {
  const changes = visibleChanges(event);
  const created = event.action === 'create' || event.action === 'add' || event.action === 'join';
  return (
    <div data-audit-action={`${event.record_type}.${event.action}`}>
      <Group justify="space-between" align="baseline" gap="xs" wrap="nowrap">
        <Text size="sm">
          <b>{event.actor_name ?? 'Northstar'}</b> {describeAction(event)}
        </Text>
        <Text size="xs" c="dimmed" title={formatDateTime(event.at)} style={{ whiteSpace: 'nowrap' }}>
          {formatRelative(event.at)}
        </Text>
      </Group>
      {changes.length > 0 && (
        <Stack gap={2} mt={4} component="dl" style={{ margin: 0 }}>
          {changes.map(([field, change]) => (
            <Group key={field} gap={6} wrap="nowrap" align="flex-start">
              <Text component="dt" size="xs" c="dimmed" w={130} style={{ flexShrink: 0 }}>
                {fieldLabel(field, event.record_type)}
              </Text>
              <Text component="dd" size="xs" lineClamp={3} style={{ margin: 0 }}>
                {!created && change.before !== null && change.before !== undefined && (
                  <>
                    <Text span size="xs" c="dimmed" td="line-through">
                      {describeValue(field, change.before, names, event.record_type)}
                    </Text>
                    {' → '}
                  </>
                )}
                {describeValue(field, change.after, names, event.record_type)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </div>
  );
}

export function ActivityPanel({ alliance }: { alliance: Alliance }) {
  const events = useInfiniteQuery({
    queryKey: ['alliance', alliance.id, 'audit'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/alliances/{id}/audit', {
          params: { path: { id: alliance.id }, query: { limit: PAGE, cursor: pageParam ?? undefined } },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
  const items = events.data?.pages.flatMap((p) => p.items) ?? [];
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const party of alliance.parties) map.set(party.organization_id, party.organization_name);
    for (const event of items) {
      if (event.actor_id && event.actor_name) map.set(event.actor_id, event.actor_name);
      const name = event.changes.name?.after;
      if (event.record_type === 'member' && typeof name === 'string') map.set(event.record_id, name);
    }
    return map;
  }, [alliance.parties, items]);

  if (events.isPending) return <PageLoader />;
  if (events.isError) return <ErrorAlert error={events.error} onRetry={() => void events.refetch()} />;
  if (items.length === 0) {
    return (
      <EmptyState title="No activity yet" icon={<IconHistory aria-hidden />}>
        Every change to the alliance, its team and its journal will be listed here.
      </EmptyState>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        The audit trail is append-only and tamper-evident. You see the changes to records you may read.
      </Text>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Timeline bulletSize={12} lineWidth={2} active={items.length - 1} aria-label="Activity, newest first">
          {items.map((event) => (
            <Timeline.Item key={event.id} color={ACTION_COLORS[event.action] ?? 'gray'}>
              <EventItem event={event} names={names} />
            </Timeline.Item>
          ))}
        </Timeline>
      </Paper>
      <LoadMore
        hasMore={!!events.hasNextPage}
        loading={events.isFetchingNextPage}
        onLoadMore={() => void events.fetchNextPage()}
        shown={items.length}
        noun="event"
      />
    </Stack>
  );
}
