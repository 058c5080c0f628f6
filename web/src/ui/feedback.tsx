// Loading, error and empty states that every list and page shares.
import { Alert, Button, Center, Group, Loader, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertCircle, IconInbox } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { problemMessage } from '../api/problem';

export function ErrorAlert({
  error,
  title = 'Something went wrong',
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertCircle aria-hidden />} role="alert">
      <Group justify="space-between" align="center" wrap="nowrap">
        <Text size="sm">{problemMessage(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Group>
    </Alert>
  );
}

// The end of a form: why saving failed, in a sentence, then Cancel and the action. Without
// `onSubmit` the action submits the surrounding form.
export function FormActions({
  error,
  errorTitle,
  onCancel,
  submitLabel,
  pending,
  onSubmit,
  disabled,
}: {
  error: unknown;
  errorTitle?: string;
  onCancel: () => void;
  submitLabel: ReactNode;
  pending: boolean;
  onSubmit?: () => void;
  disabled?: boolean;
}) {
  return (
    <>
      {error != null && (
        <Alert color="red" variant="light" role="alert" title={errorTitle}>
          {problemMessage(error)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button
          type={onSubmit ? 'button' : 'submit'}
          onClick={onSubmit}
          disabled={disabled}
          loading={pending}
        >
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}

export function PageLoader({ label = 'Loading…' }: { label?: string }) {
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed" size="sm">
          {label}
        </Text>
      </Group>
    </Center>
  );
}

export function EmptyState({
  title,
  children,
  action,
  icon,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  icon?: ReactNode;
}) {
  return (
    <Paper withBorder radius="md" p="xl" bg="var(--mantine-color-gray-0)">
      <Stack align="center" gap="sm" py="md" maw={520} mx="auto" ta="center">
        <ThemeIcon size={48} radius="xl" variant="light" color="indigo">
          {icon ?? <IconInbox aria-hidden />}
        </ThemeIcon>
        <Title order={3} size="h4">
          {title}
        </Title>
        {children && (
          <Text c="dimmed" size="sm">
            {children}
          </Text>
        )}
        {action}
      </Stack>
    </Paper>
  );
}

/** "Load more" under a cursor-paginated list. */
export function LoadMore({
  hasMore,
  loading,
  onLoadMore,
  shown,
  noun = 'item',
  plural = `${noun}s`,
}: {
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  shown: number;
  noun?: string;
  plural?: string;
}) {
  if (!hasMore && shown === 0) return null;
  return (
    <Group justify="center" gap="md" mt="md">
      <Text size="sm" c="dimmed">
        Showing {shown} {shown === 1 ? noun : plural}
        {hasMore ? '' : ' (all)'}
      </Text>
      {hasMore && (
        <Button variant="default" size="xs" onClick={onLoadMore} loading={loading}>
          Load more
        </Button>
      )}
    </Group>
  );
}

/** After a rejected submit: bring the first field with an error into view and focus it. */
export function focusFirstError(): void {
  // Errors render after this frame.
  requestAnimationFrame(() => {
    const field = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (!field) return;
    field.scrollIntoView({ block: 'center', behavior: 'smooth' });
    field.focus({ preventScroll: true });
  });
}

/** What `QueryView` needs of a query (a TanStack Query result has it). */
export interface ViewableQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
}

/**
 * A query's loading, error and empty states, then its data. Empty means an empty list unless
 * `isEmpty` says otherwise; without `empty` there is no empty state.
 */
export function QueryView<T>({
  query,
  loaderLabel,
  empty,
  isEmpty = (data) => Array.isArray(data) && data.length === 0,
  children,
}: {
  query: ViewableQuery<T>;
  loaderLabel?: string;
  empty?: ReactNode;
  isEmpty?: (data: T) => boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <PageLoader label={loaderLabel} />;
  if (query.isError || query.data === undefined) return <ErrorAlert error={query.error} onRetry={() => void query.refetch()} />;
  if (empty !== undefined && isEmpty(query.data)) return <>{empty}</>;
  return <>{children(query.data)}</>;
}
