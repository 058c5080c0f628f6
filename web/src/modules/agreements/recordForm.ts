// Agreement records save, delete and stale-edit exactly as plan and governance records do
// (plan/recordForm); only what is refreshed afterwards differs.
import { useDeleteRecord, useRecordAction, useRecordSave } from '../plan/recordForm';
import { refreshAgreements } from './queries';

export { RecordFormFooter, submitRecord } from '../plan/recordForm';

export function useAgreementsSave<V extends object, S>(args: Omit<Parameters<typeof useRecordSave<V, S>>[0], 'refresh'>) {
  return useRecordSave<V, S>({ ...args, refresh: refreshAgreements });
}

export function useAgreementsDelete(allianceId: string, title: string, remove: () => Promise<unknown>) {
  return useDeleteRecord(allianceId, title, remove, refreshAgreements);
}

/** A one-step change (recording an outcome, confirming a destruction): refresh the agreements afterwards. */
export function useAgreementsAction<I, R>(args: Omit<Parameters<typeof useRecordAction<I, R>>[0], 'refresh'>) {
  return useRecordAction<I, R>({ ...args, refresh: refreshAgreements });
}
