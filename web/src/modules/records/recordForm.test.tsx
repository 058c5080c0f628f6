// The record kit's footer: asking before unsaved input is thrown away, and server field errors
// that go once the field changes. A small form in a modal stands for every record form.
import { Button, Modal, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { renderPage } from '../../test/utils';
import { requiredText } from './forms';
import { RecordFormFooter, submitRecord, useRecordSave } from './recordForm';
import { useStaleEdit } from './stale';

interface Values {
  title: string;
  readers: string[];
}

type Create = (values: Values) => Promise<Values>;

function NoteForm({ create, onClose }: { create: Create; onClose: () => void }) {
  const stale = useStaleEdit<{ version: number; updated_at: string } & Values, Values>({
    record: null,
    toValues: (r) => ({ title: r.title, readers: r.readers }),
    fetchLatest: () => Promise.reject(new Error('not used')),
  });
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: { title: '', readers: [] },
    validateInputOnChange: ['title'],
    validate: { title: requiredText('title', 200) },
  });
  const save = useRecordSave({
    allianceId: 'a1',
    form,
    stale,
    create,
    update: null,
    savedMessage: (saved) => `“${saved.title}” is saved.`,
    onClose,
    refresh: () => {},
  });
  return (
    <form noValidate onSubmit={submitRecord(form, stale, save)}>
      <TextInput label="Title" {...form.getInputProps('title')} />
      <Text size="sm" data-testid="readers-error">
        {form.errors.readers}
      </Text>
      <Button variant="default" onClick={() => form.insertListItem('readers', 'Bob')}>
        Add a reader
      </Button>
      <RecordFormFooter
        noun="note"
        fields={{ title: { label: 'Title' } }}
        form={form}
        stale={stale}
        save={save}
        errorTitle="The note was not saved"
        submitLabel="Save note"
        onCancel={onClose}
      />
    </form>
  );
}

function Harness({ create }: { create: Create }) {
  const [opened, setOpened] = useState(true);
  return (
    <>
      <Modal opened={opened} onClose={() => setOpened(false)} title="New note">
        {opened && <NoteForm create={create} onClose={() => setOpened(false)} />}
      </Modal>
      {!opened && <p>The form is closed</p>}
    </>
  );
}

const never: Create = () => new Promise(() => {});

function setup(create: Create = never) {
  const user = userEvent.setup();
  const page = renderPage(<Harness create={create} />, { route: '/alliances/a1?section=plan' });
  return { user, ...page };
}

const formDialog = () => screen.findByRole('dialog', { name: 'New note' });
const question = () => screen.findByRole('dialog', { name: 'Discard your changes?' });

function unloadIsStopped(): boolean {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('leaving a record form', () => {
  it('closes a form without changes at once: Esc, navigation and the tab ask nothing', async () => {
    const { user, router } = setup();
    const dialog = await formDialog();
    expect(unloadIsStopped()).toBe(false);
    // Typed, then taken back: nothing to lose.
    const title = within(dialog).getByRole('textbox', { name: 'Title' });
    await user.type(title, 'x');
    expect(unloadIsStopped()).toBe(true);
    await user.clear(title);
    expect(unloadIsStopped()).toBe(false);
    await user.keyboard('{Escape}');
    expect(await screen.findByText('The form is closed')).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: 'Discard your changes?' })).not.toBeInTheDocument();
    await act(() => router.navigate('/alliances'));
    expect(router.state.location.pathname).toBe('/alliances');
  });

  it('asks before Esc throws typed input away; Keep editing keeps it, Discard closes', async () => {
    const { user } = setup();
    const dialog = await formDialog();
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Steering notes');
    await user.keyboard('{Escape}');
    const ask = await question();
    await user.click(within(ask).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Discard your changes?' })).not.toBeInTheDocument());
    expect(within(await formDialog()).getByRole('textbox', { name: 'Title' })).toHaveValue('Steering notes');

    await user.keyboard('{Escape}');
    await user.click(within(await question()).getByRole('button', { name: 'Discard changes' }));
    expect(await screen.findByText('The form is closed')).toBeInTheDocument();
  });

  it('asks on the modal’s × and on Cancel', async () => {
    const { user } = setup();
    const dialog = await formDialog();
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'x');
    await user.click(dialog.querySelector('.mantine-Modal-close') as HTMLElement);
    await user.click(within(await question()).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Discard your changes?' })).not.toBeInTheDocument());
    expect(screen.getByRole('dialog', { name: 'New note' })).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await user.click(within(await question()).getByRole('button', { name: 'Discard changes' }));
    expect(await screen.findByText('The form is closed')).toBeInTheDocument();
  });

  it('holds a link or Back until the person agrees, and stops the tab from closing', async () => {
    const { user, router } = setup();
    const dialog = await formDialog();
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'x');
    expect(unloadIsStopped()).toBe(true);
    await act(() => router.navigate('/alliances'));
    const ask = await question();
    expect(router.state.location.pathname).toBe('/alliances/a1');
    await user.click(within(ask).getByRole('button', { name: 'Discard changes' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/alliances'));
  });

  it('asks nothing after a successful save', async () => {
    const { user, router } = setup(async (values) => values);
    const dialog = await formDialog();
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Kick-off');
    expect(unloadIsStopped()).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Save note' }));
    expect(await screen.findByText('The form is closed')).toBeInTheDocument();
    expect(unloadIsStopped()).toBe(false);
    await act(() => router.navigate('/alliances'));
    expect(router.state.location.pathname).toBe('/alliances');
    expect(screen.queryByRole('dialog', { name: 'Discard your changes?' })).not.toBeInTheDocument();
  });
});

describe('a server field error', () => {
  const refuse =
    (field: string, message: string): Create =>
    () =>
      Promise.reject(
        new ApiError(422, { type: 'https://northstar.dev/problems/validation', title: 'Invalid', status: 422, detail: 'Validation failed.', request_id: 't', errors: [{ field, message }] }),
      );

  it('goes, from the field and from the summary, once the field changes', async () => {
    const { user } = setup(refuse('title', 'a note with this title exists'));
    const dialog = await formDialog();
    const title = within(dialog).getByRole('textbox', { name: 'Title' });
    await user.type(title, 'Kick-off');
    await user.click(within(dialog).getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(within(dialog).getAllByText('A note with this title exists.')).toHaveLength(2));
    expect(title).toHaveAttribute('aria-invalid', 'true');
    await user.type(title, ' 2');
    expect(within(dialog).queryByText('A note with this title exists.')).not.toBeInTheDocument();
    expect(title).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('goes when the value changes by a button rather than by typing', async () => {
    const { user } = setup(refuse('readers[0]', 'choose someone in the alliance'));
    const dialog = await formDialog();
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Kick-off');
    await user.click(within(dialog).getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(within(dialog).getByTestId('readers-error')).toHaveTextContent('Choose someone in the alliance.'));
    await user.click(within(dialog).getByRole('button', { name: 'Add a reader' }));
    expect(within(dialog).getByTestId('readers-error')).toBeEmptyDOMElement();
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('keeps a client rule’s error that the change brings', async () => {
    const { user } = setup(refuse('title', 'a note with this title exists'));
    const dialog = await formDialog();
    const title = within(dialog).getByRole('textbox', { name: 'Title' });
    await user.type(title, 'K');
    await user.click(within(dialog).getByRole('button', { name: 'Save note' }));
    await waitFor(() => expect(within(dialog).getAllByText('A note with this title exists.')).toHaveLength(2));
    await user.clear(title);
    expect(within(dialog).getByText('Enter the title')).toBeInTheDocument();
  });
});
