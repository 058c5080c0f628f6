// The bell in the header: how many notifications are unread, and a menu of the latest ones.
// Choosing one marks it read and opens what it is about.
import { ActionIcon, Button, Group, Indicator, Menu, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconBell, IconChecks } from '@tabler/icons-react';
import { useNavigate } from 'react-router';
import { formatRelative, localiseDays } from '../../ui/format';
import { inAppPath, useMarkAllRead, useMarkRead, useNotifications, type Notification } from './queries';

/** "3 unread notifications": the bell's accessible name. */
export function bellLabel(unread: number): string {
  if (unread === 0) return 'Notifications, none unread';
  return `Notifications, ${unread} unread`;
}

function NotificationItem({ notification, onOpen }: { notification: Notification; onOpen: (n: Notification) => void }) {
  const unread = !notification.read_at;
  return (
    <Menu.Item onClick={() => onOpen(notification)} data-notification={notification.title} data-unread={unread || undefined} bg={unread ? 'var(--mantine-color-indigo-0)' : undefined}>
      <Stack gap={2}>
        <Group gap={6} wrap="nowrap" justify="space-between">
          <Text size="sm" fw={unread ? 650 : 400} lineClamp={2}>
            {unread && <span className="visually-hidden">Unread: </span>}
            {localiseDays(notification.title)}
          </Text>
        </Group>
        {notification.body && (
          <Text size="xs" c="dimmed" lineClamp={2}>
            {localiseDays(notification.body)}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {notification.alliance_name ? `${notification.alliance_name} · ` : ''}
          {formatRelative(notification.created_at)}
        </Text>
      </Stack>
    </Menu.Item>
  );
}

export function NotificationsBell() {
  const navigate = useNavigate();
  const list = useNotifications();
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const unread = list.data?.unread_count ?? 0;
  const items = list.data?.items ?? [];
  const open = (n: Notification) => {
    if (!n.read_at) markRead.mutate(n.id);
    const path = inAppPath(n.link);
    if (path) navigate(path);
    else if (n.link) window.open(n.link, '_blank', 'noopener');
  };
  return (
    <Menu position="bottom-end" width={360} withinPortal closeOnItemClick>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="lg" radius="xl" aria-label={bellLabel(unread)}>
          <Indicator label={unread > 99 ? '99+' : unread} size={16} color="red" disabled={unread === 0} offset={2} inline data-testid="unread-count" aria-hidden>
            <IconBell size={20} />
          </Indicator>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Group justify="space-between" px="sm" py={6}>
          <Text size="sm" fw={650}>
            Notifications
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconChecks size={14} aria-hidden />}
            disabled={unread === 0}
            loading={markAll.isPending}
            onClick={() => markAll.mutate()}
          >
            Mark all read
          </Button>
        </Group>
        <Menu.Divider />
        {list.isError ? (
          <Text size="sm" c="dimmed" px="sm" py="md" role="alert">
            Notifications could not be loaded.{' '}
            <UnstyledButton onClick={() => void list.refetch()} style={{ textDecoration: 'underline', fontSize: 'inherit' }}>
              Try again
            </UnstyledButton>
          </Text>
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed" px="sm" py="md">
            {list.isPending ? 'Loading…' : 'No notifications yet. You will hear here when a change to an alliance you manage is proposed or decided, an issue you are involved in escalates, an obligation falls due, an agreement nears its notice deadline or expiry, or data is due for destruction.'}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={420} type="auto">
            {items.map((n) => (
              <NotificationItem key={n.id} notification={n} onOpen={open} />
            ))}
          </ScrollArea.Autosize>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
