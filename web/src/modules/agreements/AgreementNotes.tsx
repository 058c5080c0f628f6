// Internal notes on an agreement: a party's own reading of the contract (negotiation history,
// interpretation, risks). Private to the writing party by default.
import { Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Alliance, Member, Visibility } from '../../api/types';
import { VisibilityBadge } from '../../ui/badges';
import { QueryView } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';
import { DeleteMenuItem, EditMenuItem, RowMenu } from '../../ui/RowMenu';
import { useSession } from '../auth/session';
import { AccessFields } from '../records/AccessFields';
import { canChangeRecord, canWriteRecords } from '../records/access';
import { accessBody, readersRule, requiredText } from '../records/forms';
import { RecordFormFooter, submitRecord, useDeleteRecord, useRecordSave } from '../records/recordForm';
import { patchOf, useStaleEdit, type FieldLabels } from '../records/stale';
import { DetailSection } from './DetailSection';
import { createAgreementNote, deleteAgreementNote, fetchAgreementNote, refreshAgreements, updateAgreementNote, useAgreementNotes } from './queries';
import type { Agreement, AgreementNote } from './types';
import { LinkifiedText } from '../../ui/LinkifiedText';

interface NoteValues {
  body: string;
  visibility: Visibility;
  readers: string[];
}

const toValues = (n: AgreementNote): NoteValues => ({ body: n.body, visibility: n.visibility, readers: [...n.readers] });
const noteBody = (v: NoteValues) => ({ body: v.body.trim(), ...accessBody(v) });

function NoteForm({ alliance, members, agreement, note, onClose }: { alliance: Alliance; members: Member[]; agreement: Agreement; note: AgreementNote | null; onClose: () => void }) {
  const stale = useStaleEdit({
    record: note,
    toValues,
    fetchLatest: () => fetchAgreementNote(alliance.id, agreement.id, note?.id ?? ''),
  });
  const form = useForm<NoteValues>({
    mode: 'controlled',
    initialValues: stale.base?.values ?? { body: '', visibility: 'party', readers: [] },
    validateInputOnChange: ['body'],
    validate: { body: requiredText('note', 10000), readers: readersRule },
  });
  const save = useRecordSave({
    allianceId: alliance.id,
    form,
    stale,
    create: (v) => createAgreementNote(alliance.id, agreement.id, noteBody(v)),
    update: note ? (version, base, v) => updateAgreementNote(alliance.id, agreement.id, note.id, version, patchOf(noteBody(base), noteBody(v))) : null,
    savedMessage: () => (note ? 'The note is saved.' : 'The note is added.'),
    onClose,
    refresh: refreshAgreements,
  });
  const fields: FieldLabels<NoteValues> = { body: { label: 'Note' }, visibility: { label: 'Who can read it' } };
  return (
    <form noValidate onSubmit={submitRecord(form, stale, save)}>
      <Stack gap="md">
        <Textarea label="Note" required autosize minRows={4} maxRows={14} data-autofocus {...form.getInputProps('body')} />
        <AccessFields form={form} alliance={alliance} members={members} record={note} />
        <RecordFormFooter noun="note" fields={fields} form={form} stale={stale} save={save} errorTitle="The note was not saved" submitLabel={note ? 'Save note' : 'Add note'} onCancel={onClose} />
      </Stack>
    </form>
  );
}

function NoteCard({ alliance, agreement, note, canChange, onEdit }: { alliance: Alliance; agreement: Agreement; note: AgreementNote; canChange: boolean; onEdit: () => void }) {
  const remove = useDeleteRecord(alliance.id, 'The note', () => deleteAgreementNote(alliance.id, agreement.id, note.id), refreshAgreements);
  return (
    <Paper withBorder radius="sm" p="sm" component="article" aria-label={`Note by ${note.author_name}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <LinkifiedText size="sm" text={note.body} />
        {canChange && (
          <RowMenu name={`note by ${note.author_name}`}>
            <EditMenuItem onClick={onEdit} />
            <DeleteMenuItem title="Delete this note?" message="The note will be deleted." onConfirm={() => remove.mutate()} />
          </RowMenu>
        )}
      </Group>
      <Group gap="xs" mt={6}>
        <VisibilityBadge size="xs" visibility={note.visibility} ownerOrganizationName={note.owner_organization_name} />
        <Text size="xs" c="dimmed">
          {note.author_name} · {formatDateTime(note.updated_at)}
        </Text>
      </Group>
    </Paper>
  );
}

export function AgreementNotes({ alliance, members, agreement }: { alliance: Alliance; members: Member[]; agreement: Agreement }) {
  const { user } = useSession();
  const notes = useAgreementNotes(alliance.id, agreement.id);
  const [editing, setEditing] = useState<{ note: AgreementNote | null } | null>(null);
  return (
    <DetailSection
      title="Internal notes"
      action={
        canWriteRecords(alliance) && (
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEditing({ note: null })}>
            Add note
          </Button>
        )
      }
    >
      <Text size="xs" c="dimmed" mb="sm">
        Only {alliance.my_party.organization_name} reads a note unless you choose otherwise.
      </Text>
      <QueryView
        query={notes}
        loaderLabel="Loading the notes…"
        empty={
          <Text size="sm" c="dimmed">
            No notes yet.
          </Text>
        }
      >
        {(list) => (
          <Stack gap="xs">
            {list.map((note) => (
              <NoteCard key={note.id} alliance={alliance} agreement={agreement} note={note} canChange={canChangeRecord(alliance, user.id, note)} onEdit={() => setEditing({ note })} />
            ))}
          </Stack>
        )}
      </QueryView>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.note ? 'Edit note' : 'New internal note'} size="lg" centered>
        {editing && <NoteForm alliance={alliance} members={members} agreement={agreement} note={editing.note} onClose={() => setEditing(null)} />}
      </Modal>
    </DetailSection>
  );
}
