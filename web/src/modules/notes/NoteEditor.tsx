// Writing or editing a journal entry, with a clear choice of who may read it.
import { Alert, Button, Group, Modal, MultiSelect, Radio, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import { fieldErrorsOf, problemMessage } from '../../api/problem';
import type { Alliance, Member, Note, Visibility } from '../../api/types';
import { today } from '../../ui/format';
import { createNote, notesKey, updateNote } from './queries';

interface Values {
  title: string;
  body: string;
  entry_date: string | null;
  visibility: Visibility;
  readers: string[];
}

export function NoteEditor({
  alliance,
  members,
  note,
  onClose,
}: {
  alliance: Alliance;
  members: Member[];
  note: Note | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: note
      ? { title: note.title, body: note.body, entry_date: note.entry_date, visibility: note.visibility, readers: note.readers }
      : { title: '', body: '', entry_date: today(), visibility: 'alliance', readers: [] },
    validateInputOnChange: true,
    validate: {
      title: (v) => (!v.trim() ? 'Give the entry a title' : v.length > 200 ? 'Use at most 200 characters' : null),
      body: (v) => (v.length > 20000 ? `Use at most 20,000 characters (now ${v.length.toLocaleString()})` : null),
      readers: (v, values) => (values.visibility === 'restricted' && v.length === 0 ? 'Choose at least one reader' : null),
    },
  });
  const save = useMutation({
    mutationFn: (values: Values) => {
      const body = {
        title: values.title.trim(),
        body: values.body,
        entry_date: values.entry_date ?? undefined,
        visibility: values.visibility,
        ...(values.visibility === 'restricted' ? { readers: values.readers } : {}),
      };
      return note ? updateNote(alliance.id, note.id, note.version, body) : createNote(alliance.id, body);
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: notesKey(alliance.id) });
      void queryClient.invalidateQueries({ queryKey: ['alliance', alliance.id, 'audit'] });
      onClose();
    },
    onError: (error) => form.setErrors(fieldErrorsOf(error)),
  });
  const myOrg = alliance.my_party.organization_name;
  const readerOptions = members.map((m) => {
    const org = alliance.parties.find((p) => p.organization_id === m.organization_id)?.organization_name;
    return { value: m.user_id, label: org ? `${m.name} (${org})` : m.name };
  });
  const stale = save.error instanceof ApiError && save.error.status === 412;

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.stopPropagation();
        form.onSubmit((values) => save.mutate(values))(event);
      }}
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Title" required data-autofocus style={{ gridColumn: 'span 2' }} {...form.getInputProps('title')} />
          <DateInput label="Date" clearable {...form.getInputProps('entry_date')} />
        </SimpleGrid>
        <Textarea label="Entry" autosize minRows={4} maxRows={14} {...form.getInputProps('body')} />
        <Radio.Group label="Who can read it" required {...form.getInputProps('visibility')}>
          <Stack gap={8} mt={6}>
            <Radio value="alliance" label="All parties" description="Every member of every party of the alliance." />
            <Radio value="party" label={`Only ${myOrg}`} description={`Internal: members of ${myOrg} only. Partners never see it.`} />
            <Radio value="restricted" label="Restricted" description="Only you and the people you name." />
          </Stack>
        </Radio.Group>
        {form.values.visibility === 'restricted' && (
          <MultiSelect
            label="Readers"
            placeholder="Choose alliance members"
            searchable
            data={readerOptions}
            {...form.getInputProps('readers')}
          />
        )}
        {save.isError && (
          <Alert color={stale ? 'orange' : 'red'} variant="light" role="alert">
            {stale ? 'Someone else changed this entry since you opened it. Close this window to see their version, then edit again.' : problemMessage(save.error)}
          </Alert>
        )}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            {note ? 'Changes are recorded in the activity log.' : ''}
          </Text>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {note ? 'Save entry' : 'Add entry'}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}

export function NoteEditorModal({
  opened,
  onClose,
  ...props
}: {
  opened: boolean;
  onClose: () => void;
  alliance: Alliance;
  members: Member[];
  note: Note | null;
}) {
  return (
    <Modal opened={opened} onClose={onClose} title={props.note ? 'Edit journal entry' : 'New journal entry'} size="lg" centered>
      {opened && <NoteEditor {...props} onClose={onClose} />}
    </Modal>
  );
}
