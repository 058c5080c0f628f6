import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { api, unwrapEmpty } from '../api/client';
import { problemMessage } from '../api/problem';
import { useSession } from '../modules/auth/session';
import { useQueryClient } from '@tanstack/react-query';
import { endSession } from '../modules/auth/session';
import { formatDate } from '../ui/format';
import { ORG_ROLE_LABELS, ORGANIZATION_TYPE_LABELS } from '../ui/labels';
import { PageHeader } from '../ui/PageHeader';

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500}>
        {value}
      </Text>
    </div>
  );
}

export function AccountPage() {
  const { user, organization } = useSession();
  const queryClient = useQueryClient();
  const signOutEverywhere = () =>
    modals.openConfirmModal({
      title: 'Sign out on every device?',
      children: <Text size="sm">Every session of yours ends, including this one. API tokens keep working.</Text>,
      labels: { confirm: 'Sign out everywhere', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await unwrapEmpty(api.POST('/api/v1/auth/sessions/revoke-all'));
          endSession(queryClient, true);
        } catch (error) {
          notifications.show({ color: 'red', message: problemMessage(error) });
        }
      },
    });
  return (
    <>
      <PageHeader title="Your account" description="Who you are in Northstar and the organisation you belong to." />
      <Stack gap="md">
        <Paper withBorder radius="md" p="lg">
          <Title order={2} size="h4" mb="md">
            You
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Field label="Name" value={user.name} />
            <Field label="E-mail" value={user.email} />
            <Field label="Member since" value={formatDate(user.created_at.slice(0, 10))} />
          </SimpleGrid>
        </Paper>
        <Paper withBorder radius="md" p="lg">
          <Title order={2} size="h4" mb="md">
            Your organisation
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Field label="Organisation" value={organization.name} />
            <Field label="Kind" value={ORGANIZATION_TYPE_LABELS[organization.type]} />
            <Field label="Your role" value={ORG_ROLE_LABELS[user.org_role]} />
          </SimpleGrid>
        </Paper>
        <Paper withBorder radius="md" p="lg">
          <Group justify="space-between">
            <div>
              <Title order={2} size="h4">
                Sessions
              </Title>
              <Text size="sm" c="dimmed">
                Lost a laptop or signed in on a shared computer? End every session at once.
              </Text>
            </div>
            <Button variant="light" color="red" onClick={signOutEverywhere}>
              Sign out everywhere
            </Button>
          </Group>
        </Paper>
      </Stack>
    </>
  );
}
