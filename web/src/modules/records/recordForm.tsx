// What the record forms (the plan's objectives, milestones, KPIs, workstreams and communications,
// and the governance and agreements records) share: saving against the version the edit started
// from, the footer with the stale-edit dialog, asking before unsaved input is thrown away, a
// server's field error gone once the field changes, and deleting from a row's menu. Only what is
// refreshed afterwards differs: each feature passes its own `refresh`.
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import type { FormEvent, ReactNode } from 'react';
import { ApiError } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { focusFirstError, FormActions } from '../../ui/feedback';
import { useUnsavedGuard } from '../../ui/useUnsavedGuard';
import { recordFieldErrors, saveErrorStillShown, useClearServerErrorsOnChange } from './forms';
import { StaleRecordDialog, type FieldLabels } from './stale';

/** Refetches what a feature's change may have moved (`refreshPlan`, `refreshGovernance`…). */
export type Refresh = (queryClient: QueryClient, allianceId: string) => void;

/** What a record form's save mutation takes: the version it started from, and the values. */
export interface RecordSaveInput<V> {
  base: V | null;
  version: number | null;
  values: V;
}

/** The part of `useStaleEdit` a form's submit and footer use. */
export interface StaleEdit<V> {
  base: { values: V; version: number } | null;
  conflict: { mine: V; theirs: V | null } | null;
  dismiss: () => void;
  reload: () => V | null;
  reapplyMine: () => { base: V; values: V; version: number } | null;
}

/**
 * The save mutation of a record form: update from the version the edit started from (when
 * `update` is given), or create. A 412 goes to the stale-edit dialog, a 422 onto the fields.
 */
export function useRecordSave<V extends object, S>({
  allianceId,
  form,
  stale,
  create,
  update,
  savedMessage,
  onClose,
  fieldAliases,
  refresh,
}: {
  allianceId: string;
  form: { setErrors: (errors: Record<string, string>) => void };
  stale: { onError: (error: unknown, mine: V) => boolean };
  create: (values: V) => Promise<S>;
  /** Null when adding a record. */
  update: ((version: number, base: V, values: V) => Promise<S>) | null;
  savedMessage: (saved: S) => string;
  onClose: () => void;
  /** Server field paths that have another name in the form. */
  fieldAliases?: Record<string, string>;
  /** What to refetch after a save: the feature's queries. */
  refresh: Refresh;
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RecordSaveInput<V>) =>
      update && input.base && input.version !== null ? update(input.version, input.base, input.values) : create(input.values),
    onSuccess: (saved) => {
      refresh(queryClient, allianceId);
      notifications.show({ color: 'teal', message: savedMessage(saved) });
      onClose();
    },
    onError: (error, input) => {
      if (stale.onError(error, input.values)) return;
      form.setErrors(recordFieldErrors(error, fieldAliases));
      focusFirstError();
    },
  });
}

/** Deleting a record from its row's menu. */
export function useDeleteRecord(allianceId: string, title: string, remove: () => Promise<unknown>, refresh: Refresh) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: remove,
    onSuccess: () => {
      notifications.show({ color: 'teal', message: `“${title}” was deleted.` });
      refresh(queryClient, allianceId);
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not deleted', message: problemMessage(error) }),
  });
}

/**
 * A one-step change with a small form of its own, or none (a vote, an escalation, recording an
 * outcome): refresh afterwards, say what happened, and on failure say why. A 412 or 409 means
 * someone else changed the record meanwhile: the refetch shows their version.
 */
export function useRecordAction<I, R>({
  allianceId,
  action,
  done,
  failed,
  onSuccess,
  onError,
  refresh,
}: {
  allianceId: string;
  action: (input: I) => Promise<R>;
  /** The notification after success; null for none. */
  done: (result: R, input: I) => string | null;
  /** The title of the failure notification; null to show none (a form shows the error instead). */
  failed: string | null;
  onSuccess?: (result: R, input: I) => void;
  onError?: (error: unknown) => void;
  refresh: Refresh;
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: (result, input) => {
      refresh(queryClient, allianceId);
      const message = done(result, input);
      if (message) notifications.show({ color: 'teal', message });
      onSuccess?.(result, input);
    },
    onError: (error) => {
      if (failed) notifications.show({ color: 'red', title: failed, message: problemMessage(error) });
      if (error instanceof ApiError && (error.status === 412 || error.status === 409)) refresh(queryClient, allianceId);
      onError?.(error);
    },
  });
}

/** The submit handler of a record form: validate, then save against the version it started from. */
export function submitRecord<V>(
  form: { onSubmit: (handle: (values: V) => void, onInvalid: () => void) => (event?: FormEvent<HTMLFormElement>) => void },
  stale: StaleEdit<V>,
  save: { mutate: (input: RecordSaveInput<V>) => void },
) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.stopPropagation();
    form.onSubmit((values) => save.mutate({ base: stale.base?.values ?? null, version: stale.base?.version ?? null, values }), focusFirstError)(event);
  };
}

/**
 * The end of a record form: why saving failed, Cancel and the save button, and the dialog for when
 * someone else saved the record meanwhile (reload theirs, or re-apply mine and save).
 *
 * It also guards the input: with changes not yet saved, Cancel, Esc, the modal's ×, a link, Back
 * or closing the tab first ask whether to discard them; `onCancel` is what closing does. And a
 * field's error from the server goes once the field's value changes, with the summary above the
 * buttons once no such error is left.
 */
export function RecordFormFooter<V extends object>({
  noun,
  fields,
  form,
  stale,
  save,
  errorTitle,
  submitLabel,
  onCancel,
  onReloaded,
}: {
  noun: string;
  fields: FieldLabels<V>;
  form: {
    values: V;
    setValues: (values: V) => void;
    isDirty: () => boolean;
    errors: Record<string, ReactNode>;
    clearFieldError: (path: string) => void;
  };
  stale: StaleEdit<V>;
  save: {
    isError: boolean;
    error: unknown;
    isPending: boolean;
    isSuccess?: boolean;
    reset: () => void;
    mutate: (input: RecordSaveInput<V>) => void;
  };
  errorTitle: string;
  submitLabel: ReactNode;
  onCancel: () => void;
  /** After their version was put in the form. */
  onReloaded?: (theirs: V) => void;
}) {
  // Saving, or saved: the input is on its way, nothing to ask about.
  const guard = useUnsavedGuard({ dirty: form.isDirty() && !save.isPending && !save.isSuccess, onDiscard: onCancel });
  useClearServerErrorsOnChange(form, save.isError ? save.error : null);
  const showError = save.isError && !stale.conflict && saveErrorStillShown(save.error, form.errors);
  return (
    <>
      <span hidden ref={guard.ref} />
      <FormActions
        error={showError ? save.error : null}
        errorTitle={errorTitle}
        onCancel={() => guard.confirmDiscard(onCancel)}
        submitLabel={submitLabel}
        pending={save.isPending && !stale.conflict}
      />
      {stale.base && (
        <StaleRecordDialog
          noun={noun}
          fields={fields}
          base={stale.base.values}
          conflict={stale.conflict}
          onClose={stale.dismiss}
          reapplying={save.isPending}
          onReload={() => {
            const theirs = stale.reload();
            if (theirs) {
              form.setValues(theirs);
              onReloaded?.(theirs);
            }
            save.reset();
          }}
          onReapply={() => {
            const next = stale.reapplyMine();
            if (!next) return;
            form.setValues(next.values);
            save.mutate(next);
          }}
        />
      )}
    </>
  );
}
