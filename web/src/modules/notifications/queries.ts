// The signed-in person's notifications (escalated issues, obligations due or overdue, agreement
// notice and expiry reminders, dataset destructions, conflict-check hits, proposed changes to an
// alliance and their decisions): the newest page and the unread count, polled every minute, and
// marking them read. Each carries its own link (a proposal's opens the alliance at that proposal).
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapEmpty } from '../../api/client';
import type { Schemas } from '../../api/client';

export type Notification = Schemas['Notification'];
export type NotificationList = Schemas['NotificationList'];

export const notificationsKey = ['me', 'notifications'] as const;

/** How often the bell asks for news. */
export const POLL_MS = 60_000;

export const notificationsQuery = queryOptions({
  queryKey: notificationsKey,
  queryFn: () => unwrap(api.GET('/api/v1/me/notifications', { params: { query: { limit: 20 } } })),
});

export function useNotifications() {
  return useQuery({ ...notificationsQuery, refetchInterval: POLL_MS, refetchIntervalInBackground: false });
}

/** Marks one notification read; the list shows it at once and is then refetched. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrapEmpty(api.POST('/api/v1/me/notifications/{notification_id}/read', { params: { path: { notification_id: id } } })),
    onMutate: (id) => {
      queryClient.setQueryData<NotificationList>(notificationsKey, (list) =>
        list
          ? {
              ...list,
              unread_count: Math.max(0, list.unread_count - (list.items.some((n) => n.id === id && !n.read_at) ? 1 : 0)),
              items: list.items.map((n) => (n.id === id && !n.read_at ? { ...n, read_at: new Date().toISOString() } : n)),
            }
          : list,
      );
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unwrapEmpty(api.POST('/api/v1/me/notifications/read-all')),
    onSuccess: () => {
      const now = new Date().toISOString();
      queryClient.setQueryData<NotificationList>(notificationsKey, (list) =>
        list ? { ...list, unread_count: 0, items: list.items.map((n) => (n.read_at ? n : { ...n, read_at: now })) } : list,
      );
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

/**
 * Where a notification's link goes inside the app: a path as it is, or an absolute address on
 * this site as its path. Null for another site.
 */
export function inAppPath(link: string, origin: string = typeof window !== 'undefined' ? window.location.origin : 'http://localhost'): string | null {
  if (!link) return null;
  if (link.startsWith('/') && !link.startsWith('//')) return link;
  try {
    const url = new URL(link);
    return url.origin === origin ? `${url.pathname}${url.search}${url.hash}` : null;
  } catch {
    return null;
  }
}
