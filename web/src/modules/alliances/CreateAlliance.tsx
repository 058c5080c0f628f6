// Creating an alliance. Leaving with input not yet saved (Cancel, a link, Back, closing the tab)
// asks first; a field's error from the server goes once the field changes.
import { Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { fieldErrorsOf } from '../../api/problem';
import type { Alliance } from '../../api/types';
import { FormActions, focusFirstError } from '../../ui/feedback';
import { useUnsavedGuard } from '../../ui/useUnsavedGuard';
import { useSession } from '../auth/session';
import { saveErrorStillShown, useClearServerErrorsOnChange } from '../records/forms';
import { AllianceFormFields, useAllianceForm } from './AllianceFormFields';
import { formErrorsFromServer, newAllianceValues, partiesProblem, toCreateRequest } from './formModel';
import { createAlliance, refreshAlliance } from './queries';

export function CreateAlliance({ onCreated, onCancel }: { onCreated: (alliance: Alliance) => void; onCancel: () => void }) {
  const { organization } = useSession();
  const queryClient = useQueryClient();
  const form = useAllianceForm(newAllianceValues(organization));
  const [submitted, setSubmitted] = useState(false);
  const mutation = useMutation({
    mutationFn: createAlliance,
    onSuccess: (alliance) => {
      refreshAlliance(queryClient, alliance);
      notifications.show({ color: 'teal', title: 'Alliance created', message: `${alliance.name} is ready. Invite your partner from the Team tab.` });
      onCreated(alliance);
    },
    onError: (error) => {
      form.setErrors(formErrorsFromServer(fieldErrorsOf(error)));
      focusFirstError();
    },
  });

  const guard = useUnsavedGuard({ dirty: form.isDirty() && !mutation.isPending && !mutation.isSuccess });
  useClearServerErrorsOnChange(form, mutation.isError ? mutation.error : null);

  return (
    <form
      noValidate
      onSubmit={form.onSubmit(
        (values) => {
          setSubmitted(true);
          if (partiesProblem(values, organization.id)) return;
          mutation.mutate(toCreateRequest(values));
        },
        () => {
          setSubmitted(true);
          focusFirstError();
        },
      )}
    >
      <Stack gap="lg">
        <AllianceFormFields form={form} myOrganizationId={organization.id} myOrganizationName={organization.name} mode="create" showPartiesProblem={submitted} />
        <FormActions
          error={mutation.isError && saveErrorStillShown(mutation.error, form.errors) ? mutation.error : null}
          errorTitle="The alliance was not created"
          onCancel={() => guard.confirmDiscard(onCancel)}
          submitLabel="Create alliance"
          pending={mutation.isPending}
        />
      </Stack>
    </form>
  );
}
