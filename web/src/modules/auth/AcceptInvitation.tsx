// Accepting an invitation from its link: who invited you to what, then a password.
import { Alert, Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle, IconMailOpened } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, unwrap } from '../../api/client';
import { problemMessage } from '../../api/problem';
import type { InvitationLookup, Session } from '../../api/types';
import { ErrorAlert, PageLoader } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';
import { startSession } from './session';

export const MIN_PASSWORD_LENGTH = 12;

export function passwordProblem(value: string): string | null {
  if (value.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters`;
  if (value.length > 200) return 'Use at most 200 characters';
  return null;
}

export function AcceptInvitation({ token, onAccepted }: { token: string; onAccepted: (session: Session) => void }) {
  const lookup = useQuery({
    queryKey: ['invitation-lookup', token],
    queryFn: () => unwrap(api.GET('/api/v1/invitations/lookup', { params: { query: { token } } })),
    enabled: token.length > 0,
    retry: false,
  });
  if (!token) {
    return <Alert color="red" title="This link is incomplete">Open the invitation link exactly as you received it.</Alert>;
  }
  if (lookup.isPending) return <PageLoader label="Checking your invitation…" />;
  if (lookup.isError) {
    if (lookup.error instanceof ApiError && lookup.error.status === 404) {
      return (
        <Alert color="orange" variant="light" title="This invitation can no longer be used" icon={<IconAlertCircle aria-hidden />}>
          It has been used, revoked or it has expired. Ask the person who invited you for a new link,
          or sign in if you already have an account.
        </Alert>
      );
    }
    return <ErrorAlert error={lookup.error} />;
  }
  return <AcceptInvitationForm token={token} invitation={lookup.data} onAccepted={onAccepted} />;
}

function AcceptInvitationForm({
  token,
  invitation,
  onAccepted,
}: {
  token: string;
  invitation: InvitationLookup;
  onAccepted: (session: Session) => void;
}) {
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: invitation.name, password: '', confirm: '' },
    validateInputOnChange: true,
    validate: {
      name: (value) => (value.trim() ? null : 'Enter your name'),
      password: passwordProblem,
      confirm: (value, values) => (value === values.password ? null : 'The passwords do not match'),
    },
  });
  const accept = useMutation({
    mutationFn: (values: { name: string; password: string }) =>
      unwrap(
        api.POST('/api/v1/invitations/accept', {
          body: { token, password: values.password, name: values.name.trim() },
        }),
      ),
    onSuccess: (session) => {
      startSession(queryClient, session);
      onAccepted(session);
    },
  });


  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md" bg="var(--mantine-color-indigo-0)">
        <Stack gap={4}>
          <Text size="sm" c="dimmed" fw={500}>
            <IconMailOpened size={14} style={{ verticalAlign: -2, marginRight: 6 }} aria-hidden />
            Invitation for {invitation.email}
          </Text>
          <Title order={2} size="h4">
            {invitation.alliance_name
              ? `Join the alliance “${invitation.alliance_name}”`
              : `Join ${invitation.organization_name} on Northstar`}
          </Title>
          <Text size="sm">
            You will take part as a member of <b>{invitation.organization_name}</b>. The link is valid until{' '}
            {formatDateTime(invitation.expires_at)}.
          </Text>
        </Stack>
      </Paper>
      <form onSubmit={form.onSubmit((values) => accept.mutate(values))} noValidate>
        <Stack gap="md">
          {accept.isError && (
            <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
              {problemMessage(accept.error)}
            </Alert>
          )}
          <TextInput label="Your name" autoComplete="name" required {...form.getInputProps('name')} />
          <PasswordInput
            label="Choose a password"
            description={`At least ${MIN_PASSWORD_LENGTH} characters. If you already have a Northstar account, enter its password.`}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label="Repeat the password"
            autoComplete="new-password"
            required
            {...form.getInputProps('confirm')}
          />
          <Button type="submit" loading={accept.isPending} fullWidth>
            Accept and sign in
          </Button>
        </Stack>
      </form>
    </Stack>
  );
}
