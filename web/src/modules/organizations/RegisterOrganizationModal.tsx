// Registers a partner organisation that is not in the directory yet.
import { Alert, Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fieldErrorsOf, problemMessage } from '../../api/problem';
import type { Organization, OrganizationType } from '../../api/types';
import { ORGANIZATION_TYPE_LABELS, ORGANIZATION_TYPES, options } from '../../ui/labels';
import { createOrganization } from './queries';

export function RegisterOrganizationModal({
  opened,
  onClose,
  onRegistered,
  initialName = '',
}: {
  opened: boolean;
  onClose: () => void;
  onRegistered: (organization: Organization) => void;
  initialName?: string;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title="Register a partner organisation" centered>
      {opened && <RegisterOrganizationForm onClose={onClose} onRegistered={onRegistered} initialName={initialName} />}
    </Modal>
  );
}

function RegisterOrganizationForm({
  onClose,
  onRegistered,
  initialName,
}: {
  onClose: () => void;
  onRegistered: (organization: Organization) => void;
  initialName: string;
}) {
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { name: initialName, type: '' as OrganizationType | '', website: '' },
    validateInputOnChange: true,
    validate: {
      name: (v) => (v.trim() ? (v.length > 200 ? 'Use at most 200 characters' : null) : 'Enter the organisation’s name'),
      type: (v) => (v ? null : 'Choose what kind of organisation it is'),
      website: (v) => (!v || /^https?:\/\/\S+$/.test(v.trim()) ? null : 'Enter a full address, starting with https://'),
    },
  });
  const mutation = useMutation({
    mutationFn: (values: typeof form.values) =>
      createOrganization({
        name: values.name.trim(),
        type: values.type as OrganizationType,
        website: values.website.trim() || null,
      }),
    onSuccess: (organization) => {
      void queryClient.invalidateQueries({ queryKey: ['organizations'] });
      queryClient.setQueryData(['organization', organization.id], organization);
      onRegistered(organization);
    },
    onError: (error) => form.setErrors(fieldErrorsOf(error)),
  });
  return (
    <form
      onSubmit={(event) => {
        event.stopPropagation();
        form.onSubmit((values) => mutation.mutate(values))(event);
      }}
      noValidate
    >
      <Stack gap="md">
        {mutation.isError && (
          <Alert color="red" variant="light" role="alert">
            {problemMessage(mutation.error)}
          </Alert>
        )}
        <TextInput label="Name" required data-autofocus {...form.getInputProps('name')} />
        <Select
          label="Kind of organisation"
          required
          data={options(ORGANIZATION_TYPES, ORGANIZATION_TYPE_LABELS)}
          {...form.getInputProps('type')}
        />
        <TextInput label="Website" placeholder="https://" {...form.getInputProps('website')} />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" loading={mutation.isPending}>
            Register organisation
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
