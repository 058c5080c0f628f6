// The people of the signed-in person's organisation. Admins change roles, deactivate and invite.
import { Badge, Button, Group, Paper, Select, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMailPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ifMatch, unwrap } from '../../api/client';
import { problemMessage } from '../../api/problem';
import type { OrgRole, User } from '../../api/types';
import { ErrorAlert, LoadMore, PageLoader } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { ORG_ROLE_LABELS } from '../../ui/labels';
import { useSession } from '../auth/session';
import { InviteModal } from '../team/InviteModal';
import { PersonCell } from '../../ui/PersonCell';

const usersKey = ['users', 'list'] as const;

function PersonRow({ person, isAdmin, isMe }: { person: User; isAdmin: boolean; isMe: boolean }) {
  const queryClient = useQueryClient();
  const update = useMutation({
    mutationFn: (change: { org_role?: OrgRole; active?: boolean }) =>
      unwrap(
        api.PATCH('/api/v1/users/{id}', { params: { path: { id: person.id }, header: ifMatch(person.version ?? 1) }, body: change }),
      ),
    onSuccess: (saved) => {
      notifications.show({ color: 'teal', message: `${saved.name} was updated.` });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => {
      notifications.show({ color: 'red', title: `${person.name} was not changed`, message: problemMessage(error) });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  return (
    <Table.Tr data-person={person.email} style={person.active ? undefined : { opacity: 0.6 }}>
      <PersonCell name={person.name} email={person.email} isMe={isMe} />
      <Table.Td w={220}>
        {isAdmin ? (
          <Select
            size="xs"
            aria-label={`Organisation role of ${person.name}`}
            data={[
              { value: 'admin', label: ORG_ROLE_LABELS.admin },
              { value: 'member', label: ORG_ROLE_LABELS.member },
            ]}
            value={person.org_role}
            allowDeselect={false}
            disabled={update.isPending}
            onChange={(role) => role && role !== person.org_role && update.mutate({ org_role: role as OrgRole })}
          />
        ) : (
          <Badge variant="light" color={person.org_role === 'admin' ? 'indigo' : 'gray'} radius="sm">
            {ORG_ROLE_LABELS[person.org_role]}
          </Badge>
        )}
      </Table.Td>
      <Table.Td w={150}>
        {isAdmin && !isMe ? (
          <Switch
            label={person.active ? 'Active' : 'Deactivated'}
            checked={person.active}
            disabled={update.isPending}
            aria-label={`${person.name} can sign in`}
            onChange={(event) => update.mutate({ active: event.currentTarget.checked })}
          />
        ) : (
          <Text size="sm">{person.active ? 'Active' : 'Deactivated'}</Text>
        )}
      </Table.Td>
      <Table.Td visibleFrom="sm">
        <Text size="sm" c="dimmed">
          {formatDate(person.created_at.slice(0, 10))}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

export function PeopleSettings() {
  const { user, organization } = useSession();
  const isAdmin = user.org_role === 'admin';
  const [inviting, setInviting] = useState(false);
  const people = useInfiniteQuery({
    queryKey: usersKey,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/users', { params: { query: { limit: 50, cursor: pageParam ?? undefined } } })),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
  const items = people.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Group justify="space-between" mb="md">
        <div>
          <Title order={2} size="h4">
            People at {organization.name}
          </Title>
          <Text size="sm" c="dimmed">
            {isAdmin
              ? 'Change who administers the organisation, deactivate people who left (their sessions and tokens stop working), and invite colleagues.'
              : 'Your colleagues on Northstar. Organisation admins manage this list.'}
          </Text>
        </div>
        {isAdmin && (
          <Button leftSection={<IconMailPlus size={16} aria-hidden />} onClick={() => setInviting(true)}>
            Invite a colleague
          </Button>
        )}
      </Group>
      {people.isPending ? (
        <PageLoader />
      ) : people.isError ? (
        <ErrorAlert error={people.error} onRetry={() => void people.refetch()} />
      ) : (
        <>
          <Table.ScrollContainer minWidth={600}>
            <Table verticalSpacing="sm" aria-label="People">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Person</Table.Th>
                  <Table.Th scope="col">Organisation role</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col" visibleFrom="sm">
                    Since
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((person) => (
                  <PersonRow key={person.id} person={person} isAdmin={isAdmin} isMe={person.id === user.id} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <LoadMore
            hasMore={!!people.hasNextPage}
            loading={people.isFetchingNextPage}
            onLoadMore={() => void people.fetchNextPage()}
            shown={items.length}
            noun="person"
            plural="people"
          />
        </>
      )}
      <InviteModal
        opened={inviting}
        onClose={() => setInviting(false)}
        title={`Invite a colleague to ${organization.name}`}
        target={{ organizations: [{ id: organization.id, name: organization.name }] }}
      />
    </Paper>
  );
}
