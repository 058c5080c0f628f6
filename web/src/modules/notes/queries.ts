import { useInfiniteQuery } from '@tanstack/react-query';
import { api, ifMatch, unwrap, unwrapEmpty } from '../../api/client';
import type { NoteCreate, Visibility } from '../../api/types';

export const notesKey = (allianceId: string) => ['alliance', allianceId, 'notes'] as const;
export const NOTES_PAGE = 20;

export function useNotes(allianceId: string, visibility: Visibility | null) {
  return useInfiniteQuery({
    queryKey: [...notesKey(allianceId), visibility],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) =>
      unwrap(
        api.GET('/api/v1/alliances/{id}/notes', {
          params: {
            path: { id: allianceId },
            query: { visibility: visibility ?? undefined, limit: NOTES_PAGE, cursor: pageParam ?? undefined },
          },
        }),
      ),
    getNextPageParam: (last) => last.next_cursor ?? null,
  });
}

export function createNote(allianceId: string, body: NoteCreate) {
  return unwrap(api.POST('/api/v1/alliances/{id}/notes', { params: { path: { id: allianceId } }, body }));
}

export function updateNote(allianceId: string, noteId: string, version: number, body: Partial<NoteCreate>) {
  return unwrap(
    api.PATCH('/api/v1/alliances/{id}/notes/{note_id}', {
      params: { path: { id: allianceId, note_id: noteId }, header: ifMatch(version) },
      body,
    }),
  );
}

export function deleteNote(allianceId: string, noteId: string) {
  return unwrapEmpty(api.DELETE('/api/v1/alliances/{id}/notes/{note_id}', { params: { path: { id: allianceId, note_id: noteId } } }));
}
