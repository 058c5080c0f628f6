// A meeting's agenda as it is worked through: items in order with their time box, owner,
// pre-reads and the decision sought, and the minutes of each item, saved item by item. While the
// minutes are final nothing here can change.
import { ActionIcon, Alert, Anchor, Badge, Button, Group, List, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { IconArrowDown, IconArrowUp, IconExternalLink, IconGavel, IconLock, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { problemMessage } from '../../api/problem';
import type { Alliance, Member } from '../../api/types';
import { EmptyState, FormActions } from '../../ui/feedback';
import { readerOptions } from '../records/access';
import { recordFieldErrors, requiredText } from '../records/forms';
import { useRecordAction } from '../records/recordForm';
import { patchOf } from '../records/stale';
import { formatMinutes } from './format';
import { MeetingPart } from './MeetingPart';
import { addAgendaItem, deleteAgendaItem, fetchMeeting, meetingKey, refreshGovernance, updateAgendaItem } from './queries';
import type { AgendaItem, Meeting } from './types';
import { LinkifiedText } from '../../ui/LinkifiedText';

/** After an agenda change the API answers with the whole meeting: show it at once. */
function useMeetingWrite<I>(alliance: Alliance, meeting: Meeting, action: (input: I) => Promise<Meeting>, done: (saved: Meeting, input: I) => string | null, failed: string | null) {
  const queryClient = useQueryClient();
  return useRecordAction({
    allianceId: alliance.id,
    action,
    done,
    failed,
    onSuccess: (saved) => queryClient.setQueryData(meetingKey(alliance.id, meeting.id), saved),
    refresh: refreshGovernance,
  });
}

interface PreReadValues {
  key: string;
  title: string;
  url: string;
}

interface AgendaValues {
  title: string;
  owner_user_id: string | null;
  time_box_minutes: number | string;
  decision_sought: string;
  pre_reads: PreReadValues[];
}

let keys = 0;
const preReadKey = () => `pre-read-${(keys += 1)}`;

function itemToValues(item: AgendaItem): AgendaValues {
  return {
    title: item.title,
    owner_user_id: item.owner_user_id,
    time_box_minutes: item.time_box_minutes,
    decision_sought: item.decision_sought,
    pre_reads: item.pre_reads.map((p, i) => ({ key: `saved-${i}`, title: p.title, url: p.url })),
  };
}

function agendaBody(v: AgendaValues) {
  return {
    title: v.title.trim(),
    owner_user_id: v.owner_user_id,
    time_box_minutes: Number(v.time_box_minutes),
    decision_sought: v.decision_sought,
    pre_reads: v.pre_reads.map((p) => ({ title: p.title.trim(), url: p.url.trim() })),
  };
}

function AgendaItemForm({
  alliance,
  members,
  meeting,
  item,
  onClose,
}: {
  alliance: Alliance;
  members: Member[];
  meeting: Meeting;
  item: AgendaItem | null;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const form = useForm<AgendaValues>({
    mode: 'controlled',
    initialValues: item ? itemToValues(item) : { title: '', owner_user_id: null, time_box_minutes: 15, decision_sought: '', pre_reads: [] },
    validateInputOnChange: ['title'],
    validate: {
      title: requiredText('title', 200),
      time_box_minutes: (v) => {
        const n = Number(v);
        return v === '' || !Number.isInteger(n) || n < 1 || n > 600 ? 'Enter 1 to 600 minutes' : null;
      },
      pre_reads: {
        title: requiredText('title of the pre-read', 200),
        url: (v) => (/^https?:\/\/\S+$/i.test(v.trim()) ? null : 'Use a web address starting with https://'),
      },
    },
  });
  const save = useRecordAction({
    allianceId: alliance.id,
    action: (v: AgendaValues) =>
      item ? updateAgendaItem(alliance.id, meeting.id, item.id, item.version, patchOf(agendaBody(itemToValues(item)), agendaBody(v))) : addAgendaItem(alliance.id, meeting.id, agendaBody(v)),
    done: (_saved, v) => (item ? `“${v.title.trim()}” is saved.` : `“${v.title.trim()}” is on the agenda.`),
    failed: null,
    onSuccess: (saved) => {
      queryClient.setQueryData(meetingKey(alliance.id, meeting.id), saved);
      onClose();
    },
    onError: (error) => form.setErrors(recordFieldErrors(error)),
    refresh: refreshGovernance,
  });
  const stale = save.error instanceof ApiError && save.error.status === 412;
  const preReads = form.values.pre_reads;
  return (
    <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack gap="md">
        <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Owner" description="Who leads this item." placeholder="Nobody named" clearable searchable data={readerOptions(alliance, members)} {...form.getInputProps('owner_user_id')} />
          <NumberInput label="Time box (minutes)" required min={1} max={600} step={5} allowDecimal={false} {...form.getInputProps('time_box_minutes')} />
        </SimpleGrid>
        <Textarea label="Decision sought" description="What the committee is asked to decide, if anything." autosize minRows={2} maxRows={6} {...form.getInputProps('decision_sought')} />
        <Stack gap="xs" role="group" aria-label="Pre-reads">
          <Text size="sm" fw={500}>
            Pre-reads
          </Text>
          {preReads.length === 0 && (
            <Text size="xs" c="dimmed">
              Links to what participants should read beforehand.
            </Text>
          )}
          {preReads.map((p, index) => (
            <Group key={p.key} gap="xs" align="flex-start" wrap="nowrap">
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" style={{ flex: 1 }}>
                <TextInput aria-label={`Title of pre-read ${index + 1}`} placeholder="Title" {...form.getInputProps(`pre_reads.${index}.title`)} />
                <TextInput aria-label={`Link of pre-read ${index + 1}`} placeholder="https://" type="url" {...form.getInputProps(`pre_reads.${index}.url`)} />
              </SimpleGrid>
              <ActionIcon variant="subtle" color="red" mt={4} aria-label={`Remove pre-read ${index + 1}`} onClick={() => form.removeListItem('pre_reads', index)}>
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              size="xs"
              variant="light"
              leftSection={<IconPlus size={14} aria-hidden />}
              disabled={preReads.length >= 20}
              onClick={() => form.insertListItem('pre_reads', { key: preReadKey(), title: '', url: '' })}
            >
              Add pre-read
            </Button>
          </Group>
        </Stack>
        {stale && (
          <Alert color="orange" variant="light" role="alert">
            Someone else changed this item since you opened it. Close this window to see their version, then try again.
          </Alert>
        )}
        <FormActions
          error={save.isError && !stale ? save.error : null}
          errorTitle="The agenda item was not saved"
          onCancel={onClose}
          submitLabel={item ? 'Save item' : 'Add to agenda'}
          pending={save.isPending}
        />
      </Stack>
    </form>
  );
}

/**
 * The minutes of one item. The draft survives a refetch; a save that meets someone else's newer
 * minutes shows theirs, to take them or to save mine over them.
 */
/** An item's minutes as text: final minutes, or minutes the reader does not keep. */
function MinutesText({ item }: { item: AgendaItem }) {
  return (
    <div>
      <Text size="xs" fw={600}>
        Minutes
      </Text>
      <LinkifiedText size="sm" c={item.minutes ? undefined : 'dimmed'} aria-label={`Minutes of “${item.title}”`} text={item.minutes || 'No minutes for this item.'} />
    </div>
  );
}

function MinutesEditor({ alliance, meeting, item, locked }: { alliance: Alliance; meeting: Meeting; item: AgendaItem; locked: boolean }) {
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState(item.minutes);
  const [base, setBase] = useState(item.minutes);
  const [theirs, setTheirs] = useState<string | null>(null);
  const dirty = draft !== base;
  // Someone else's saved minutes arrive with a refetch: take them while nothing is typed here.
  useEffect(() => {
    if (!dirty && item.minutes !== base) {
      setDraft(item.minutes);
      setBase(item.minutes);
    }
  }, [item.minutes]);
  const save = useRecordAction({
    allianceId: alliance.id,
    action: (text: string) => updateAgendaItem(alliance.id, meeting.id, item.id, item.version, { minutes: text }),
    done: () => null,
    failed: null,
    onSuccess: (saved, text) => {
      queryClient.setQueryData(meetingKey(alliance.id, meeting.id), saved);
      setBase(text);
      setTheirs(null);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412) {
        void fetchMeeting(alliance.id, meeting.id).then((latest) => {
          queryClient.setQueryData(meetingKey(alliance.id, meeting.id), latest);
          setTheirs(latest.agenda.find((i) => i.id === item.id)?.minutes ?? '');
        });
      }
    },
    refresh: refreshGovernance,
  });
  const label = `Minutes of “${item.title}”`;
  if (locked) return <MinutesText item={item} />;
  const otherError = save.isError && !(save.error instanceof ApiError && save.error.status === 412);
  return (
    <Stack gap={6}>
      <Textarea
        label={label}
        labelProps={{ style: { fontSize: 'var(--mantine-font-size-xs)' } }}
        placeholder="What was said and agreed"
        autosize
        minRows={2}
        maxRows={14}
        value={draft}
        onChange={(event) => setDraft(event.currentTarget.value)}
      />
      {theirs !== null && (
        <Alert color="orange" variant="light" role="alert" title="Someone else saved these minutes meanwhile">
          <LinkifiedText size="sm" text={theirs || '(empty)'} />
          <Group gap="xs" mt="xs">
            <Button
              size="compact-xs"
              variant="default"
              onClick={() => {
                setDraft(theirs);
                setBase(theirs);
                setTheirs(null);
                save.reset();
              }}
            >
              Take theirs
            </Button>
            <Button size="compact-xs" onClick={() => save.mutate(draft)} loading={save.isPending}>
              Save mine over theirs
            </Button>
          </Group>
        </Alert>
      )}
      {otherError && (
        <Text size="xs" c="red.8" role="alert">
          {problemMessage(save.error)}
        </Text>
      )}
      <Group gap="xs" justify="flex-end">
        <Text size="xs" c="dimmed" role="status">
          {save.isPending ? 'Saving…' : dirty ? 'Not saved yet' : base ? 'Saved' : ''}
        </Text>
        <Button size="compact-sm" variant={dirty ? 'filled' : 'light'} disabled={!dirty || theirs !== null} loading={save.isPending} onClick={() => save.mutate(draft)} aria-label={`Save minutes of “${item.title}”`}>
          Save minutes
        </Button>
      </Group>
    </Stack>
  );
}

function AgendaItemCard({
  alliance,
  meeting,
  item,
  index,
  canEdit,
  canWriteMinutes,
  locked,
  onEdit,
  onDecide,
}: {
  alliance: Alliance;
  meeting: Meeting;
  item: AgendaItem;
  index: number;
  canEdit: boolean;
  /** The committee's chair, co-chair or secretary, or whoever may change the meeting: while draft. */
  canWriteMinutes: boolean;
  locked: boolean;
  onEdit: () => void;
  onDecide: (() => void) | null;
}) {
  const agenda = meeting.agenda;
  const move = useMeetingWrite(
    alliance,
    meeting,
    (to: number) => updateAgendaItem(alliance.id, meeting.id, item.id, item.version, { position: to }),
    () => null,
    'Not moved',
  );
  const remove = useMeetingWrite(alliance, meeting, () => deleteAgendaItem(alliance.id, meeting.id, item.id), () => `“${item.title}” is off the agenda.`, 'Not removed');
  const previous = agenda[index - 1];
  const next = agenda[index + 1];
  const editable = canEdit && !locked;
  return (
    <Paper withBorder radius="md" p="md" component="li" aria-label={`${index + 1}. ${item.title}`} data-agenda-item={item.title}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Title order={4} size="h6">
              {index + 1}. {item.title}
            </Title>
            <Badge variant="light" color="gray" radius="sm">
              {formatMinutes(item.time_box_minutes)}
            </Badge>
            {item.owner_name && (
              <Text size="xs" c="dimmed">
                {item.owner_name}
              </Text>
            )}
          </Group>
          {item.decision_sought && (
            <Text size="sm">
              <Text span fw={600} size="sm">
                Decision sought:{' '}
              </Text>
              {item.decision_sought}
            </Text>
          )}
          {item.pre_reads.length > 0 && (
            <div>
              <Text size="xs" fw={600}>
                Pre-reads
              </Text>
              <List size="sm" spacing={2}>
                {item.pre_reads.map((p, i) => (
                  <List.Item key={`${p.url}-${i}`}>
                    <Anchor href={p.url} target="_blank" rel="noopener noreferrer" size="sm">
                      {p.title} <IconExternalLink size={12} aria-label="(opens in a new tab)" />
                    </Anchor>
                  </List.Item>
                ))}
              </List>
            </div>
          )}
        </Stack>
        {editable && (
          <Group gap={2} wrap="nowrap">
            <Tooltip label="Move up" withArrow>
              <ActionIcon variant="subtle" color="gray" aria-label={`Move “${item.title}” up`} disabled={!previous || move.isPending} onClick={() => previous && move.mutate(previous.position)}>
                <IconArrowUp size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Move down" withArrow>
              <ActionIcon variant="subtle" color="gray" aria-label={`Move “${item.title}” down`} disabled={!next || move.isPending} onClick={() => next && move.mutate(next.position)}>
                <IconArrowDown size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Edit" withArrow>
              <ActionIcon variant="subtle" color="gray" aria-label={`Edit “${item.title}”`} onClick={onEdit}>
                <IconPencil size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Remove from the agenda" withArrow>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Remove “${item.title}” from the agenda`}
                loading={remove.isPending}
                onClick={() =>
                  modals.openConfirmModal({
                    title: 'Remove this agenda item?',
                    children: <Text size="sm">“{item.title}” and its minutes will be removed from the agenda.</Text>,
                    labels: { confirm: 'Remove', cancel: 'Cancel' },
                    confirmProps: { color: 'red' },
                    onConfirm: () => remove.mutate(undefined),
                  })
                }
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>
      <Stack gap="xs" mt="sm">
        {canWriteMinutes && !locked ? <MinutesEditor alliance={alliance} meeting={meeting} item={item} locked={locked} /> : <MinutesText item={item} />}
        {onDecide && (
          <Group>
            <Button size="compact-xs" variant="subtle" leftSection={<IconGavel size={12} aria-hidden />} onClick={onDecide} aria-label={`Record a decision on “${item.title}”`}>
              Record a decision
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

export function AgendaSection({
  alliance,
  meeting,
  members,
  canEdit,
  canWriteMinutes,
  canRevise,
  canDecide,
  onDecide,
}: {
  alliance: Alliance;
  meeting: Meeting;
  members: Member[];
  canEdit: boolean;
  canWriteMinutes: boolean;
  canRevise: boolean;
  canDecide: boolean;
  onDecide: (agendaItemId: string) => void;
}) {
  const [editing, setEditing] = useState<{ item: AgendaItem | null } | null>(null);
  const locked = meeting.minutes.state === 'final';
  const agenda = [...meeting.agenda].sort((a, b) => a.position - b.position);
  const planned = agenda.reduce((sum, item) => sum + item.time_box_minutes, 0);
  const over = planned > meeting.duration_minutes;
  const current = editing?.item ? (meeting.agenda.find((i) => i.id === editing.item?.id) ?? editing.item) : null;
  return (
    <MeetingPart
      id="agenda-title"
      title="Agenda"
      description={
        <Text size="xs" c={over ? 'orange.8' : 'dimmed'}>
          {agenda.length === 0 ? 'Nothing on the agenda yet.' : `${formatMinutes(planned)} planned of ${formatMinutes(meeting.duration_minutes)}${over ? ': more than the meeting lasts' : ''}`}
        </Text>
      }
      addLabel="Add agenda item"
      onAdd={canEdit && !locked ? () => setEditing({ item: null }) : undefined}
    >
      {locked && (
        <Alert color="green" variant="light" icon={<IconLock aria-hidden />}>
          The minutes are final: the agenda and minutes are locked.{canRevise ? ' Start a new revision to change them.' : ''}
        </Alert>
      )}
      {agenda.length === 0 ? (
        <EmptyState title="No agenda yet">{canEdit ? 'Add the items to discuss, each with a time box and the decision sought.' : undefined}</EmptyState>
      ) : (
        <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label="Agenda items">
          {agenda.map((item, index) => (
            <AgendaItemCard
              key={item.id}
              alliance={alliance}
              meeting={{ ...meeting, agenda }}
              item={item}
              index={index}
              canEdit={canEdit}
              canWriteMinutes={canWriteMinutes}
              locked={locked}
              onEdit={() => setEditing({ item })}
              onDecide={canDecide ? () => onDecide(item.id) : null}
            />
          ))}
        </Stack>
      )}
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.item ? 'Edit agenda item' : 'Add an agenda item'} size="lg" centered>
        {editing && <AgendaItemForm alliance={alliance} members={members} meeting={meeting} item={current} onClose={() => setEditing(null)} />}
      </Modal>
    </MeetingPart>
  );
}
