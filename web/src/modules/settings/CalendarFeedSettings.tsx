// The personal calendar feed: one secret address that a calendar app subscribes to, with every
// meeting of every alliance the person may see. The address is shown once; resetting it makes
// the old one stop working, and turning the feed off stops it altogether.
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconCalendarShare, IconRefresh } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, unwrapEmpty, type Schemas } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { CopyField } from '../../ui/CopyField';
import { ErrorAlert, PageLoader } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';

const feedKey = ['me', 'calendar-feed'] as const;

type FeedCreated = Schemas['CalendarFeedCreated'];

export function CalendarFeedSettings() {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<FeedCreated | null>(null);
  const feed = useQuery({ queryKey: feedKey, queryFn: () => unwrap(api.GET('/api/v1/me/calendar-feed')) });
  const create = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/me/calendar-feed')),
    onSuccess: (result) => {
      setCreated(result);
      void queryClient.invalidateQueries({ queryKey: feedKey });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'No feed address created', message: problemMessage(error) }),
  });
  const revoke = useMutation({
    mutationFn: () => unwrapEmpty(api.DELETE('/api/v1/me/calendar-feed')),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'The calendar feed is off. Calendars subscribed to it no longer update.' });
      void queryClient.invalidateQueries({ queryKey: feedKey });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not turned off', message: problemMessage(error) }),
  });
  const active = feed.data?.active ?? false;
  const reset = () =>
    modals.openConfirmModal({
      title: 'Reset the feed address?',
      children: <Text size="sm">The current address stops working at once. Subscribe your calendar to the new one.</Text>,
      labels: { confirm: 'Reset', cancel: 'Cancel' },
      confirmProps: { color: 'orange' },
      onConfirm: () => create.mutate(),
    });
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="calendar-feed-title">
      <Group justify="space-between" mb="md" align="flex-start">
        <div>
          <Group gap="xs">
            <Title order={2} size="h4" id="calendar-feed-title">
              Calendar feed
            </Title>
            {feed.data && (
              <Badge color={active ? 'teal' : 'gray'} variant="light" radius="sm">
                {active ? 'Active' : 'Off'}
              </Badge>
            )}
          </Group>
          <Text size="sm" c="dimmed" maw={620}>
            Subscribe to your meetings from Outlook, Google Calendar or Apple Calendar: every meeting of every alliance you belong to that you may see, from 90 days ago. The
            address is personal and secret — anyone who has it sees your meetings.
          </Text>
        </div>
      </Group>
      {feed.isPending ? (
        <PageLoader />
      ) : feed.isError ? (
        <ErrorAlert error={feed.error} onRetry={() => void feed.refetch()} />
      ) : (
        <Stack gap="sm">
          {active && feed.data.created_at && (
            <Text size="sm">Created {formatDateTime(feed.data.created_at)}. For safety the address is shown only when it is created; reset it if you lost it.</Text>
          )}
          <Group gap="sm">
            {active ? (
              <>
                <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={reset} loading={create.isPending}>
                  Reset the address
                </Button>
                <Button
                  variant="subtle"
                  color="red"
                  loading={revoke.isPending}
                  onClick={() =>
                    modals.openConfirmModal({
                      title: 'Turn the calendar feed off?',
                      children: <Text size="sm">Calendars subscribed to it stop receiving your meetings.</Text>,
                      labels: { confirm: 'Turn off', cancel: 'Cancel' },
                      confirmProps: { color: 'red' },
                      onConfirm: () => revoke.mutate(),
                    })
                  }
                >
                  Turn off
                </Button>
              </>
            ) : (
              <Button leftSection={<IconCalendarShare size={16} aria-hidden />} onClick={() => create.mutate()} loading={create.isPending}>
                Create a feed address
              </Button>
            )}
          </Group>
        </Stack>
      )}
      <Modal opened={created !== null} onClose={() => setCreated(null)} title="Copy your calendar feed address now" centered size="lg">
        {created && (
          <Stack gap="md">
            <Alert color="orange" variant="light" title="Shown only once">
              Northstar keeps only a fingerprint of this address. Paste it into your calendar app’s “subscribe to calendar” (or “from URL”) now; if you lose it, reset it.
            </Alert>
            <CopyField label="Feed address" value={created.url} />
            <Group justify="flex-end">
              <Button onClick={() => setCreated(null)}>I have copied it</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Paper>
  );
}
