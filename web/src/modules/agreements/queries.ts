// The Agreements API: agreements (documents, internal notes), obligations and their occurrences,
// compliance, restrictions and the conflict check, the IP and data registers, and my obligations.
// Every query of an alliance's agreements lives under `agreementsKey`, so one invalidation
// refreshes them all (fulfilling an occurrence moves the list, the calendar and compliance). The
// collections themselves are declared in the record kit (records/collections.ts).
import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, ApiError, getCsrfToken, ifMatch, unwrap, unwrapEmpty, type Problem } from '../../api/client';
import { dateFormat } from '../../ui/format';
import { fetchAll } from '../records/collection';
import { agreements, agreementsKey, datasets, ipAssets, obligations, restrictions } from '../records/collections';
import type {
  AgreementDocument,
  AgreementKind,
  AgreementNote,
  AgreementNoteCreate,
  AgreementNoteUpdate,
  AgreementRelation,
  AgreementStatus,
  Compliance,
  ConflictCheck,
  ConflictCheckRequest,
  Dataset,
  DestructionConfirmation,
  MyOccurrence,
  ObligationCategory,
  Occurrence,
  OccurrenceStatus,
  OccurrenceUpdate,
  RestrictionKind,
} from './types';

export const myObligationsKey = ['me', 'obligations'] as const;

/** After any change to agreements: every agreements view, my obligations and the activity log may show it. */
export function refreshAgreements(queryClient: QueryClient, allianceId: string): void {
  void queryClient.invalidateQueries({ queryKey: agreementsKey(allianceId) });
  void queryClient.invalidateQueries({ queryKey: myObligationsKey });
  void queryClient.invalidateQueries({ queryKey: ['alliance', allianceId, 'audit'] });
}

const PAGE = 200;

// ------------------------------------------------------------------ agreements

export interface AgreementFilters {
  kind?: AgreementKind;
  status?: AgreementStatus;
  relation?: AgreementRelation;
}

export function useAgreements(allianceId: string, filters: AgreementFilters = {}) {
  return agreements.useList(allianceId, filters);
}

export const { fetch: fetchAgreement, create: createAgreement, update: updateAgreement, remove: deleteAgreement } = agreements;

export function useAgreement(allianceId: string, agreementId: string | null) {
  return useQuery({
    queryKey: [...agreementsKey(allianceId), 'agreement', agreementId],
    queryFn: () => fetchAgreement(allianceId, agreementId ?? ''),
    enabled: agreementId !== null,
  });
}

// ------------------------------------------------------------------ documents

export function useAgreementDocuments(allianceId: string, agreementId: string) {
  return useQuery({
    queryKey: [...agreementsKey(allianceId), 'agreement', agreementId, 'documents'],
    queryFn: async (): Promise<AgreementDocument[]> =>
      (
        await unwrap(
          api.GET('/api/v1/alliances/{id}/agreements/{agreement_id}/documents', {
            params: { path: { id: allianceId, agreement_id: agreementId } },
          }),
        )
      ).items,
  });
}

function documentsPath(allianceId: string, agreementId: string): string {
  return `/api/v1/alliances/${encodeURIComponent(allianceId)}/agreements/${encodeURIComponent(agreementId)}/documents`;
}

/** The address that downloads one stored version (a plain link: the server sends it as an attachment). */
export function documentContentUrl(allianceId: string, agreementId: string, documentId: string): string {
  return `${documentsPath(allianceId, agreementId)}/${encodeURIComponent(documentId)}/content`;
}

function origin(): string {
  return typeof window !== 'undefined' && window.location ? window.location.origin : 'http://localhost';
}

/**
 * Uploads a file as a new version of the document of the same name. The body is the raw file, not
 * JSON, so this goes around the typed client, with the same CSRF header it sends. The bytes are read
 * first (the server takes at most a few MiB), which every fetch accepts as a body. A refusal (413
 * too large, 422 wrong type) is an ApiError carrying the server's problem.
 */
export async function uploadDocument(allianceId: string, agreementId: string, file: File): Promise<AgreementDocument> {
  const headers = new Headers({ 'Content-Type': file.type || 'application/octet-stream' });
  const token = getCsrfToken();
  if (token) headers.set('X-CSRF-Token', token);
  const url = new URL(`${documentsPath(allianceId, agreementId)}?name=${encodeURIComponent(file.name)}`, origin());
  let response: Response;
  try {
    response = await globalThis.fetch(new Request(url, { method: 'POST', body: await file.arrayBuffer(), headers, credentials: 'same-origin' }));
  } catch {
    throw new ApiError(0, null);
  }
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const problem = parsed && typeof parsed === 'object' && 'status' in parsed ? (parsed as Problem) : null;
    throw new ApiError(response.status, problem);
  }
  return parsed as AgreementDocument;
}

// ------------------------------------------------------------------ internal notes

export function useAgreementNotes(allianceId: string, agreementId: string) {
  return useQuery({
    queryKey: [...agreementsKey(allianceId), 'agreement', agreementId, 'notes'],
    queryFn: (): Promise<AgreementNote[]> =>
      fetchAll((cursor) =>
        unwrap(
          api.GET('/api/v1/alliances/{id}/agreements/{agreement_id}/notes', {
            params: { path: { id: allianceId, agreement_id: agreementId }, query: { limit: PAGE, cursor } },
          }),
        ),
      ),
  });
}

/** The latest version of a note: the list is the only read the API offers. */
export async function fetchAgreementNote(allianceId: string, agreementId: string, noteId: string): Promise<AgreementNote> {
  const list: AgreementNote[] = await fetchAll((cursor) =>
    unwrap(
      api.GET('/api/v1/alliances/{id}/agreements/{agreement_id}/notes', {
        params: { path: { id: allianceId, agreement_id: agreementId }, query: { limit: PAGE, cursor } },
      }),
    ),
  );
  const found = list.find((n) => n.id === noteId);
  if (!found) throw new Error('The note is gone');
  return found;
}

export function createAgreementNote(allianceId: string, agreementId: string, body: AgreementNoteCreate): Promise<AgreementNote> {
  return unwrap(
    api.POST('/api/v1/alliances/{id}/agreements/{agreement_id}/notes', { params: { path: { id: allianceId, agreement_id: agreementId } }, body }),
  );
}

export function updateAgreementNote(allianceId: string, agreementId: string, noteId: string, version: number, body: AgreementNoteUpdate): Promise<AgreementNote> {
  return unwrap(
    api.PATCH('/api/v1/alliances/{id}/agreements/{agreement_id}/notes/{note_id}', {
      params: { path: { id: allianceId, agreement_id: agreementId, note_id: noteId }, header: ifMatch(version) },
      body,
    }),
  );
}

export function deleteAgreementNote(allianceId: string, agreementId: string, noteId: string) {
  return unwrapEmpty(
    api.DELETE('/api/v1/alliances/{id}/agreements/{agreement_id}/notes/{note_id}', {
      params: { path: { id: allianceId, agreement_id: agreementId, note_id: noteId } },
    }),
  );
}

// ------------------------------------------------------------------ obligations

export interface ObligationFilters {
  agreement_id?: string;
  category?: ObligationCategory;
  owed_by?: string;
  responsible_user_id?: string;
}

export function useObligations(allianceId: string, filters: ObligationFilters = {}, enabled = true) {
  return useQuery({ ...obligations.listQuery(allianceId, filters), enabled });
}

export const { fetch: fetchObligation, create: createObligation, update: updateObligation, remove: deleteObligation } = obligations;

export interface OccurrenceFilters {
  from: string;
  to: string;
  status?: OccurrenceStatus;
  category?: ObligationCategory;
  owed_by?: string;
  agreement_id?: string;
  responsible_user_id?: string;
}

/** Every occurrence due in [from, to] of the obligations the caller may read, by due date. */
export function useOccurrences(allianceId: string, filters: OccurrenceFilters, enabled = true) {
  return useQuery({
    enabled,
    queryKey: [...agreementsKey(allianceId), 'occurrences', filters],
    queryFn: async (): Promise<Occurrence[]> =>
      (await unwrap(api.GET('/api/v1/alliances/{id}/occurrences', { params: { path: { id: allianceId }, query: filters } }))).items,
    placeholderData: (previous) => previous,
  });
}

/** One obligation's occurrences in [from, to]. */
export function useObligationOccurrences(allianceId: string, obligationId: string | null, window: { from: string; to: string }) {
  return useQuery({
    queryKey: [...agreementsKey(allianceId), 'obligation', obligationId, 'occurrences', window],
    queryFn: async (): Promise<Occurrence[]> =>
      (
        await unwrap(
          api.GET('/api/v1/alliances/{id}/obligations/{obligation_id}/occurrences', {
            params: { path: { id: allianceId, obligation_id: obligationId ?? '' }, query: window },
          }),
        )
      ).items,
    enabled: obligationId !== null,
  });
}

/** Records (or, with `open`, clears) an outcome, against the occurrence's version (0 before anything was recorded). */
export function recordOccurrence(allianceId: string, obligationId: string, dueOn: string, version: number, body: OccurrenceUpdate): Promise<Occurrence> {
  return unwrap(
    api.PUT('/api/v1/alliances/{id}/obligations/{obligation_id}/occurrences/{due_on}', {
      params: { path: { id: allianceId, obligation_id: obligationId, due_on: dueOn }, header: ifMatch(version) },
      body,
    }),
  );
}

export function useMyObligations(filters: { from?: string; to?: string; status?: OccurrenceStatus }) {
  return useQuery({
    queryKey: [...myObligationsKey, filters],
    queryFn: async (): Promise<MyOccurrence[]> => (await unwrap(api.GET('/api/v1/me/obligations', { params: { query: filters } }))).items,
    placeholderData: (previous) => previous,
  });
}

// ------------------------------------------------------------------ compliance

export function useCompliance(allianceId: string, window: { from?: string; to?: string }) {
  return useQuery({
    queryKey: [...agreementsKey(allianceId), 'compliance', window],
    queryFn: (): Promise<Compliance> => unwrap(api.GET('/api/v1/alliances/{id}/compliance', { params: { path: { id: allianceId }, query: window } })),
    placeholderData: (previous) => previous,
  });
}

/** The workbook of the period (a plain link: the browser downloads it), its days in the reader's pattern. */
export function complianceExportUrl(allianceId: string, window: { from?: string; to?: string }): string {
  const query = new URLSearchParams();
  if (window.from) query.set('from', window.from);
  if (window.to) query.set('to', window.to);
  query.set('date_format', dateFormat());
  const search = query.toString();
  return `/api/v1/alliances/${allianceId}/compliance/export.xlsx${search ? `?${search}` : ''}`;
}

// ------------------------------------------------------------------ restrictions and the conflict check

export interface RestrictionFilters {
  agreement_id?: string;
  kind?: RestrictionKind;
}

export function useRestrictions(allianceId: string, filters: RestrictionFilters = {}) {
  return restrictions.useList(allianceId, filters);
}

export const { fetch: fetchRestriction, create: createRestriction, update: updateRestriction, remove: deleteRestriction } = restrictions;

/** The check of this alliance against the caller's organisation's restrictions elsewhere. */
export function checkAllianceConflicts(allianceId: string): Promise<ConflictCheck> {
  return unwrap(api.GET('/api/v1/alliances/{id}/conflict-check', { params: { path: { id: allianceId } } }));
}

/** The check of a proposed deal. */
export function checkConflicts(body: ConflictCheckRequest): Promise<ConflictCheck> {
  return unwrap(api.POST('/api/v1/conflict-check', { body }));
}

// ------------------------------------------------------------------ IP register

export function useIpAssets(allianceId: string) {
  return ipAssets.useList(allianceId);
}

export const { fetch: fetchIpAsset, create: createIpAsset, update: updateIpAsset, remove: deleteIpAsset } = ipAssets;

// ------------------------------------------------------------------ data register

export function useDatasets(allianceId: string) {
  return datasets.useList(allianceId);
}

export const { fetch: fetchDataset, create: createDataset, update: updateDataset, remove: deleteDataset } = datasets;

export function confirmDestruction(allianceId: string, datasetId: string, version: number, body: DestructionConfirmation): Promise<Dataset> {
  return unwrap(
    api.POST('/api/v1/alliances/{id}/datasets/{dataset_id}/destruction', {
      params: { path: { id: allianceId, dataset_id: datasetId }, header: ifMatch(version) },
      body,
    }),
  );
}
