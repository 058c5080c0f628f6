// Governance records save, delete and stale-edit exactly as plan records do (plan/recordForm);
// only what is refreshed afterwards differs. Small actions (a vote, an escalation, a role change)
// share `useGovernanceAction`: refresh, say what happened, and on failure say why.
import { useDeleteRecord, useRecordAction, useRecordSave } from '../plan/recordForm';
import { refreshGovernance } from './queries';

export { RecordFormFooter, submitRecord } from '../plan/recordForm';

export function useGovernanceSave<V extends object, S>(args: Omit<Parameters<typeof useRecordSave<V, S>>[0], 'refresh'>) {
  return useRecordSave<V, S>({ ...args, refresh: refreshGovernance });
}

export function useGovernanceDelete(allianceId: string, title: string, remove: () => Promise<unknown>) {
  return useDeleteRecord(allianceId, title, remove, refreshGovernance);
}

/** A one-step change (no form of its own, or a small one): refresh governance afterwards. */
export function useGovernanceAction<I, R>(args: Omit<Parameters<typeof useRecordAction<I, R>>[0], 'refresh'>) {
  return useRecordAction<I, R>({ ...args, refresh: refreshGovernance });
}
