// The organisation's own profile: name, kind and website (admins edit it).
import { Alert, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, ifMatch, unwrap } from '../../api/client';
import { fieldErrorsOf, problemMessage } from '../../api/problem';
import type { Me, OrganizationType } from '../../api/types';
import { ORGANIZATION_TYPE_LABELS, ORGANIZATION_TYPES, options } from '../../ui/labels';
import { meKey, useSession } from '../auth/session';

export function OrganizationProfile() {
  const { organization, user } = useSession();
  const queryClient = useQueryClient();
  const isAdmin = user.org_role === 'admin';
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: organization.name, type: organization.type as OrganizationType, website: organization.website ?? '' },
    validateInputOnChange: true,
    validate: {
      name: (v) => (v.trim() ? (v.length > 200 ? 'Use at most 200 characters' : null) : 'Enter the organisation’s name'),
      website: (v) => (!v || /^https?:\/\/\S+$/.test(v.trim()) ? null : 'Enter a full address, starting with https://'),
    },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      unwrap(
        api.PATCH('/api/v1/organizations/{id}', {
          params: { path: { id: organization.id }, header: ifMatch(organization.version) },
          body: { name: values.name.trim(), type: values.type, website: values.website.trim() || null },
        }),
      ),
    onSuccess: (saved) => {
      queryClient.setQueryData<Me>(meKey, (me) => (me ? { ...me, organization: saved } : me));
      form.resetDirty();
      notifications.show({ color: 'teal', message: 'The organisation profile is saved.' });
    },
    onError: (error) => {
      form.setErrors(fieldErrorsOf(error));
      if (error instanceof ApiError && error.status === 412) void queryClient.invalidateQueries({ queryKey: meKey });
    },
  });

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} mb="md">
      <Title order={2} size="h4">
        Organisation profile
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        How {organization.name} appears to partners in the directory and in every alliance.
      </Text>
      <form noValidate onSubmit={form.onSubmit((values) => save.mutate(values))}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput label="Name" required readOnly={!isAdmin} {...form.getInputProps('name')} />
            <Select
              label="Kind of organisation"
              data={options(ORGANIZATION_TYPES, ORGANIZATION_TYPE_LABELS)}
              allowDeselect={false}
              readOnly={!isAdmin}
              {...form.getInputProps('type')}
            />
            <TextInput label="Website" placeholder="https://" readOnly={!isAdmin} {...form.getInputProps('website')} />
          </SimpleGrid>
          {save.isError && (
            <Alert color="red" variant="light" role="alert">
              {problemMessage(save.error)}
            </Alert>
          )}
          {isAdmin && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
                Save profile
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
