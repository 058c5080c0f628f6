// API tokens for integrations. The secret is shown once, right after creation.
import { Alert, Badge, Button, Group, Modal, NumberInput, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, unwrap, unwrapEmpty } from '../../api/client';
import { fieldErrorsOf, problemMessage } from '../../api/problem';
import type { Token, TokenCreated } from '../../api/types';
import { CopyField } from '../../ui/CopyField';
import { EmptyState, ErrorAlert, FormActions, PageLoader } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';
import { useSession } from '../auth/session';

const tokensKey = ['tokens'] as const;

function tokenStatus(token: Token): { label: string; color: string } {
  if (token.revoked_at) return { label: 'Revoked', color: 'gray' };
  if (token.expires_at && new Date(token.expires_at) < new Date()) return { label: 'Expired', color: 'orange' };
  return { label: 'Active', color: 'teal' };
}

function CreateTokenForm({ onCreated, onClose }: { onCreated: (created: TokenCreated) => void; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: '', expires_in_days: 90 as number | string },
    validateInputOnChange: true,
    validate: {
      name: (v) => (v.trim() ? (v.length > 200 ? 'Use at most 200 characters' : null) : 'Name the token after the integration that uses it'),
      expires_in_days: (v) => (v === '' || (Number.isInteger(Number(v)) && Number(v) >= 1) ? null : 'Enter a whole number of days, at least 1'),
    },
  });
  const create = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.POST('/api/v1/tokens', {
          body: { name: values.name.trim(), ...(values.expires_in_days === '' ? {} : { expires_in_days: Number(values.expires_in_days) }) },
        }),
      ),
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: tokensKey });
      onCreated(created);
    },
    onError: (error) => form.setErrors(fieldErrorsOf(error)),
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => create.mutate(values))}>
      <Stack gap="md">
        <TextInput label="Name" placeholder="e.g. Finance dashboard sync" required data-autofocus {...form.getInputProps('name')} />
        <NumberInput
          label="Expires after (days)"
          description="Leave empty for a token that does not expire."
          min={1}
          allowDecimal={false}
          {...form.getInputProps('expires_in_days')}
        />
        <FormActions
          error={create.isError ? create.error : null}
          onCancel={onClose}
          submitLabel="Create token"
          pending={create.isPending}
        />
      </Stack>
    </form>
  );
}

export function TokenSettings() {
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<TokenCreated | null>(null);
  const tokens = useQuery({ queryKey: tokensKey, queryFn: () => unwrap(api.GET('/api/v1/tokens')) });
  const revoke = useMutation({
    mutationFn: (id: string) => unwrapEmpty(api.DELETE('/api/v1/tokens/{id}', { params: { path: { id } } })),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'The token was revoked. Integrations using it can no longer sign in.' });
      void queryClient.invalidateQueries({ queryKey: tokensKey });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not revoked', message: problemMessage(error) }),
  });
  const items = tokens.data?.items ?? [];
  const close = () => {
    setCreating(false);
    setCreated(null);
  };
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
      <Group justify="space-between" mb="md">
        <div>
          <Title order={2} size="h4">
            API tokens
          </Title>
          <Text size="sm" c="dimmed">
            Integrations send a token as <code>Authorization: Bearer …</code>. A token acts as the person who created it.
            {user.org_role === 'admin' ? ' As an admin you see every token of your organisation.' : ''}
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
          Create token
        </Button>
      </Group>
      {tokens.isPending ? (
        <PageLoader />
      ) : tokens.isError ? (
        <ErrorAlert error={tokens.error} onRetry={() => void tokens.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No API tokens yet" icon={<IconKey aria-hidden />}>
          Create a token for each integration, so that you can revoke one without breaking the others.
        </EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="sm" aria-label="API tokens">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Name</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Created</Table.Th>
                <Table.Th scope="col">Last used</Table.Th>
                <Table.Th scope="col">Expires</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">Actions</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((token) => {
                const status = tokenStatus(token);
                return (
                  <Table.Tr key={token.id} data-token={token.name}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {token.name}
                      </Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {token.prefix}…
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={status.color} variant="light" radius="sm">
                        {status.label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(token.created_at)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{token.last_used_at ? formatDateTime(token.last_used_at) : 'Never'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{token.expires_at ? formatDateTime(token.expires_at) : 'Never'}</Text>
                    </Table.Td>
                    <Table.Td>
                      {!token.revoked_at && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          aria-label={`Revoke ${token.name}`}
                          onClick={() =>
                            modals.openConfirmModal({
                              title: `Revoke “${token.name}”?`,
                              children: <Text size="sm">Integrations using this token stop working at once. This cannot be undone.</Text>,
                              labels: { confirm: 'Revoke', cancel: 'Cancel' },
                              confirmProps: { color: 'red' },
                              onConfirm: () => revoke.mutate(token.id),
                            })
                          }
                        >
                          Revoke
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={creating} onClose={close} title={created ? 'Copy your token now' : 'Create an API token'} centered size="lg">
        {created ? (
          <Stack gap="md">
            <Alert color="orange" variant="light" title="Shown only once">
              Northstar keeps only a fingerprint of this secret. Copy it into your integration now; if you lose it,
              revoke the token and create a new one.
            </Alert>
            <CopyField label="Token secret" value={created.secret} />
            <Group justify="flex-end">
              <Button onClick={close}>I have copied it</Button>
            </Group>
          </Stack>
        ) : (
          creating && <CreateTokenForm onCreated={setCreated} onClose={close} />
        )}
      </Modal>
    </Paper>
  );
}
