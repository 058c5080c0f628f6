// Editing an alliance. Saves carry the version the person started from; when someone else saved
// in between (412) the StaleEditDialog shows both sides and lets the person reload or re-apply.
import { Alert, Button, Group, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, unwrap } from '../../api/client';
import { fieldErrorsOf, problemMessage } from '../../api/problem';
import type { Alliance } from '../../api/types';
import { focusFirstError } from '../../ui/feedback';
import { useSession } from '../auth/session';
import { AllianceFormFields, useAllianceForm } from './AllianceFormFields';
import {
  allianceToValues,
  formErrorsFromServer,
  partiesProblem,
  reapply,
  toUpdateRequest,
  type AllianceFormValues,
} from './formModel';
import { fetchAlliance, refreshAlliance, updateAlliance } from './queries';
import { StaleEditDialog } from './StaleEditDialog';

interface Conflict {
  mine: AllianceFormValues;
  theirs: Alliance | null;
  updatedBy?: string;
}

async function lastEditor(allianceId: string): Promise<string | undefined> {
  try {
    const page = await unwrap(
      api.GET('/api/v1/alliances/{id}/audit', { params: { path: { id: allianceId }, query: { limit: 1 } } }),
    );
    return page.items[0]?.actor_name ?? undefined;
  } catch {
    return undefined;
  }
}

export function EditAlliance({ alliance, onDone }: { alliance: Alliance; onDone: (alliance: Alliance) => void }) {
  const { organization } = useSession();
  const queryClient = useQueryClient();
  // The version this edit started from: what "my changes" are measured against.
  const [base, setBase] = useState(() => ({ values: allianceToValues(alliance), version: alliance.version }));
  const form = useAllianceForm(base.values);
  const [submitted, setSubmitted] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);

  const save = useMutation({
    mutationFn: (input: { base: AllianceFormValues; version: number; values: AllianceFormValues }) =>
      updateAlliance(alliance.id, input.version, toUpdateRequest(input.base, input.values)),
    onSuccess: (saved) => {
      refreshAlliance(queryClient, saved);
      setConflict(null);
      notifications.show({ color: 'teal', title: 'Saved', message: `${saved.name} is up to date.` });
      onDone(saved);
    },
    onError: async (error, input) => {
      if (error instanceof ApiError && error.status === 412) {
        setConflict({ mine: input.values, theirs: null });
        const [theirs, updatedBy] = await Promise.all([fetchAlliance(alliance.id), lastEditor(alliance.id)]);
        queryClient.setQueryData(['alliance', alliance.id], theirs);
        setConflict({ mine: input.values, theirs, updatedBy });
        return;
      }
      form.setErrors(formErrorsFromServer(fieldErrorsOf(error)));
      focusFirstError();
    },
  });

  const submit = (values: AllianceFormValues) => {
    setSubmitted(true);
    if (partiesProblem(values, organization.id)) return;
    if (Object.keys(toUpdateRequest(base.values, values)).length === 0) {
      notifications.show({ color: 'gray', title: 'Nothing to save', message: 'You have not changed anything.' });
      onDone(alliance);
      return;
    }
    save.mutate({ base: base.values, version: base.version, values });
  };

  const reload = () => {
    if (!conflict?.theirs) return;
    const theirs = allianceToValues(conflict.theirs);
    setBase({ values: theirs, version: conflict.theirs.version });
    form.setValues(theirs);
    form.resetDirty(theirs);
    form.clearErrors();
    setConflict(null);
    save.reset();
  };

  const reapplyMine = () => {
    if (!conflict?.theirs) return;
    const theirs = allianceToValues(conflict.theirs);
    const merged = reapply(base.values, conflict.mine, theirs);
    setBase({ values: theirs, version: conflict.theirs.version });
    form.setValues(merged);
    save.mutate({ base: theirs, version: conflict.theirs.version, values: merged });
  };

  const staleError = save.error instanceof ApiError && save.error.status === 412;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(submit, () => {
        setSubmitted(true);
        focusFirstError();
      })}
    >
      <Stack gap="lg">
        <AllianceFormFields form={form} myOrganizationId={organization.id} mode="edit" showPartiesProblem={submitted} />
        {save.isError && !staleError && (
          <Alert color="red" variant="light" role="alert" title="Your changes were not saved">
            {problemMessage(save.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onDone(alliance)}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending && !conflict}>
            Save changes
          </Button>
        </Group>
      </Stack>
      {conflict && (
        <StaleEditDialog
          opened
          base={base.values}
          mine={conflict.mine}
          theirs={conflict.theirs ? allianceToValues(conflict.theirs) : null}
          updatedBy={conflict.updatedBy}
          onReload={reload}
          onReapply={reapplyMine}
          onClose={() => setConflict(null)}
          reapplying={save.isPending}
        />
      )}
    </form>
  );
}
