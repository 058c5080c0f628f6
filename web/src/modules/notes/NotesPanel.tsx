// The alliance journal. Every entry shows who can read it.
import { Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconNotebook, IconPlus } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { problemMessage } from '../../api/problem';
import type { Alliance, Note, Visibility } from '../../api/types';
import { VisibilityBadge } from '../../ui/badges';
import { EmptyState, ErrorAlert, LoadMore, PageLoader } from '../../ui/feedback';
import { formatDate, formatDateTime } from '../../ui/format';
import { RowMenu, EditMenuItem, DeleteMenuItem } from '../../ui/RowMenu';
import { useSession } from '../auth/session';
import { useMembers } from '../team/queries';
import { NoteEditorModal } from './NoteEditor';
import { deleteNote, notesKey, useNotes } from './queries';
import { LinkifiedText } from '../../ui/LinkifiedText';

function NoteCard({ alliance, note, canEdit, onEdit }: { alliance: Alliance; note: Note; canEdit: boolean; onEdit: () => void }) {
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deleteNote(alliance.id, note.id),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'The entry was deleted.' });
      void queryClient.invalidateQueries({ queryKey: notesKey(alliance.id) });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not deleted', message: problemMessage(error) }),
  });
  const edited = note.updated_at !== note.created_at;
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="article" data-note={note.title} aria-label={note.title}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" mb={6}>
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Title order={3} size="h5">
              {note.title}
            </Title>
            <VisibilityBadge visibility={note.visibility} ownerOrganizationName={note.owner_organization_name} />
          </Group>
          <Text size="xs" c="dimmed">
            {formatDate(note.entry_date)} · {note.author_name}, {note.owner_organization_name}
            {edited ? ` · edited ${formatDateTime(note.updated_at)}` : ''}
          </Text>
        </Stack>
        {canEdit && (
          <RowMenu name={note.title}>
            <EditMenuItem onClick={onEdit} />
            <DeleteMenuItem
              title="Delete this entry?"
              message={<>“{note.title}” will be removed from the journal. The activity log keeps a record.</>}
              onConfirm={() => remove.mutate()}
            />
          </RowMenu>
        )}
      </Group>
      {note.body && (
        <LinkifiedText size="sm" lh={1.55} text={note.body} />
      )}
    </Paper>
  );
}

export function NotesPanel({ alliance }: { alliance: Alliance }) {
  const { user } = useSession();
  const [visibility, setVisibility] = useState<Visibility | 'any'>('any');
  const notes = useNotes(alliance.id, visibility === 'any' ? null : visibility);
  const members = useMembers(alliance.id);
  const [editing, setEditing] = useState<{ note: Note | null } | null>(null);
  const canWrite = alliance.my_role === 'manager' || alliance.my_role === 'member';
  const myOrg = alliance.my_party.organization_id;
  const items = notes.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <SegmentedControl
          aria-label="Show entries visible to"
          value={visibility}
          onChange={(v) => setVisibility(v as Visibility | 'any')}
          data={[
            { value: 'any', label: 'All entries' },
            { value: 'alliance', label: 'All parties' },
            { value: 'party', label: `Only ${alliance.my_party.organization_name}` },
            { value: 'restricted', label: 'Restricted' },
          ]}
        />
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ note: null })}>
            New entry
          </Button>
        )}
      </Group>
      {notes.isPending ? (
        <PageLoader />
      ) : notes.isError ? (
        <ErrorAlert error={notes.error} onRetry={() => void notes.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={visibility === 'any' ? 'The journal is empty' : 'No entries with this visibility'} icon={<IconNotebook aria-hidden />}>
          {canWrite
            ? 'Record decisions, observations and conversations as they happen. Choose for each entry whether every party, only your organisation, or only named people can read it.'
            : 'Entries that alliance members write will appear here.'}
        </EmptyState>
      ) : (
        <Stack gap="sm">
          {items.map((note) => (
            <NoteCard
              key={note.id}
              alliance={alliance}
              note={note}
              canEdit={note.author_id === user.id || (alliance.my_role === 'manager' && note.owner_organization_id === myOrg)}
              onEdit={() => setEditing({ note })}
            />
          ))}
          <LoadMore
            hasMore={!!notes.hasNextPage}
            loading={notes.isFetchingNextPage}
            onLoadMore={() => void notes.fetchNextPage()}
            shown={items.length}
            noun="entry"
            plural="entries"
          />
        </Stack>
      )}
      <NoteEditorModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        alliance={alliance}
        members={members.data?.items ?? []}
        note={editing?.note ?? null}
      />
    </Stack>
  );
}
