// Invites a person (a partner's, or a colleague) and shows the link to send them: there is no
// e-mail delivery yet, so the inviter passes the link on.
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrorsOf } from '../../api/problem';
import type { AllianceRole, InvitationCreated } from '../../api/types';
import { CopyField } from '../../ui/CopyField';
import { FormActions } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';
import { ALLIANCE_ROLE_LABELS, ALLIANCE_ROLES, options } from '../../ui/labels';
import { invitationsKey, invite } from './queries';

export interface InviteTarget {
  /** Alliance to join; without it the person joins the organisation only. */
  allianceId?: string;
  /** Organisations the person may belong to (the alliance's parties, or the caller's own). */
  organizations: { id: string; name: string }[];
  defaultOrganizationId?: string;
}

export function InviteModal({ opened, onClose, target, title }: { opened: boolean; onClose: () => void; target: InviteTarget; title: string }) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg" centered>
      {opened && <InviteForm target={target} onClose={onClose} />}
    </Modal>
  );
}

function InviteForm({ target, onClose }: { target: InviteTarget; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<InvitationCreated | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      organization_id: target.defaultOrganizationId ?? target.organizations[0]?.id ?? '',
      name: '',
      email: '',
      role: 'member' as AllianceRole,
    },
    validateInputOnChange: true,
    validate: {
      organization_id: (v) => (v ? null : 'Choose the person’s organisation'),
      name: (v) => (v.trim() ? (v.length > 200 ? 'Use at most 200 characters' : null) : 'Enter the person’s name'),
      email: (v) => (/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.trim()) ? null : 'Enter a valid e-mail address'),
    },
  });
  const mutation = useMutation({
    mutationFn: (values: typeof form.values) =>
      invite({
        email: values.email.trim(),
        name: values.name.trim(),
        organization_id: values.organization_id,
        ...(target.allianceId ? { alliance_id: target.allianceId, alliance_role: values.role } : {}),
      }),
    onSuccess: (result) => {
      setCreated(result);
      void queryClient.invalidateQueries({ queryKey: invitationsKey });
    },
    onError: (error) => {
      const errors = fieldErrorsOf(error);
      if (errors.alliance_role) errors.role = errors.alliance_role;
      form.setErrors(errors);
    },
  });

  if (created) {
    const org = target.organizations.find((o) => o.id === created.invitation.organization_id);
    return (
      <Stack gap="md">
        <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} title="Invitation created">
          Send this link to {created.invitation.name} ({created.invitation.email}). Northstar does not send e-mail yet.
          The link works once and expires on {formatDateTime(created.invitation.expires_at)}.
        </Alert>
        <CopyField label="Invitation link" value={created.accept_url} />
        {org && (
          <Text size="sm" c="dimmed">
            {created.invitation.name} will join as a member of {org.name}
            {created.invitation.alliance_role ? `, ${ALLIANCE_ROLE_LABELS[created.invitation.alliance_role].toLowerCase()}` : ''}.
          </Text>
        )}
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={() => {
              setCreated(null);
              form.reset();
            }}
          >
            Invite someone else
          </Button>
          <Button onClick={onClose}>Done</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.stopPropagation();
        form.onSubmit((values) => mutation.mutate(values))(event);
      }}
    >
      <Stack gap="md">
        {target.organizations.length > 1 ? (
          <Select
            label="Organisation"
            description="The party the person belongs to."
            required
            allowDeselect={false}
            data={target.organizations.map((o) => ({ value: o.id, label: o.name }))}
            {...form.getInputProps('organization_id')}
          />
        ) : (
          <TextInput label="Organisation" value={target.organizations[0]?.name ?? ''} readOnly variant="filled" />
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Name" required autoComplete="off" data-autofocus {...form.getInputProps('name')} />
          <TextInput label="E-mail" type="email" required autoComplete="off" {...form.getInputProps('email')} />
        </SimpleGrid>
        {target.allianceId && (
          <Select
            label="Role in the alliance"
            required
            allowDeselect={false}
            data={options(ALLIANCE_ROLES, ALLIANCE_ROLE_LABELS)}
            {...form.getInputProps('role')}
          />
        )}
        <FormActions
          error={mutation.isError ? mutation.error : null}
          onCancel={onClose}
          submitLabel="Create invitation"
          pending={mutation.isPending}
        />
      </Stack>
    </form>
  );
}
