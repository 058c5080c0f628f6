// Governance records save, delete and stale-edit exactly as plan records do (plan/recordForm);
// only what is refreshed afterwards differs. Small actions (a vote, an escalation, a role change)
// share `useGovernanceAction`: refresh, say what happened, and on failure say why.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { ApiError } from '../../api/client';
import { problemMessage } from '../../api/problem';
import { useDeleteRecord, useRecordSave } from '../plan/recordForm';
import { refreshGovernance } from './queries';

export { RecordFormFooter, submitRecord } from '../plan/recordForm';

export function useGovernanceSave<V extends object, S>(args: Omit<Parameters<typeof useRecordSave<V, S>>[0], 'refresh'>) {
  return useRecordSave<V, S>({ ...args, refresh: refreshGovernance });
}

export function useGovernanceDelete(allianceId: string, title: string, remove: () => Promise<unknown>) {
  return useDeleteRecord(allianceId, title, remove, refreshGovernance);
}

/**
 * A one-step change (no form of its own, or a small one): refresh governance afterwards. A 412
 * means someone else changed the record meanwhile: the refetch shows their version.
 */
export function useGovernanceAction<I, R>({
  allianceId,
  action,
  done,
  failed,
  onSuccess,
  onError,
}: {
  allianceId: string;
  action: (input: I) => Promise<R>;
  /** The notification after success; null for none. */
  done: (result: R, input: I) => string | null;
  /** The title of the failure notification; null to show none (a form shows the error instead). */
  failed: string | null;
  onSuccess?: (result: R, input: I) => void;
  onError?: (error: unknown) => void;
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: action,
    onSuccess: (result, input) => {
      refreshGovernance(queryClient, allianceId);
      const message = done(result, input);
      if (message) notifications.show({ color: 'teal', message });
      onSuccess?.(result, input);
    },
    onError: (error) => {
      if (failed) notifications.show({ color: 'red', title: failed, message: problemMessage(error) });
      if (error instanceof ApiError && (error.status === 412 || error.status === 409)) refreshGovernance(queryClient, allianceId);
      onError?.(error);
    },
  });
}
