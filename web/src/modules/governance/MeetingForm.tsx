// Scheduling or editing a meeting. The start is typed as a local time in the meeting's own time
// zone (where it takes place) and sent as the UTC instant the API keeps.
import { Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { DateInput, TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import type { Alliance, Member, Visibility } from '../../api/types';
import { dateFormat } from '../../ui/format';
import { options } from '../../ui/labels';
import { AccessFields } from '../records/AccessFields';
import { partyName, partyOptions } from '../records/access';
import { accessBody, readersRule, requiredText } from '../records/forms';
import { RecordFormFooter, submitRecord, useRecordSave, type RecordSaveInput } from '../records/recordForm';
import { patchOf, useStaleEdit, type FieldLabels } from '../records/stale';
import { committeeOptions } from './committees';
import { browserTimeZone, formatMeetingStart, isTimeZone, utcToZoned, zonedToUtc } from './format';
import { MEETING_STATUS_LABELS, MEETING_STATUSES } from './labels';
import { createMeeting, fetchMeeting, refreshGovernance, updateMeeting } from './queries';
import type { Committee, Meeting, MeetingStatus } from './types';

export interface MeetingValues {
  committee_id: string | null;
  title: string;
  date: string | null;
  time: string;
  time_zone: string;
  duration_minutes: number | string;
  location: string;
  link: string;
  status: MeetingStatus;
  party_id: string | null;
  visibility: Visibility;
  readers: string[];
}

export function meetingToValues(m: Meeting): MeetingValues {
  const wall = utcToZoned(m.starts_at, m.time_zone);
  return {
    committee_id: m.committee_id,
    title: m.title,
    date: wall.slice(0, 10) || null,
    time: wall.slice(11, 16),
    time_zone: m.time_zone,
    duration_minutes: m.duration_minutes,
    location: m.location,
    link: m.link,
    status: m.status,
    party_id: m.party_id,
    visibility: m.visibility,
    readers: [...m.readers],
  };
}

/** The body of a create or update; the start is converted from the meeting's time zone. */
export function meetingBody(v: MeetingValues) {
  return {
    committee_id: v.committee_id ?? '',
    title: v.title.trim(),
    starts_at: zonedToUtc(`${v.date ?? ''} ${v.time}`, v.time_zone) ?? '',
    ...(v.duration_minutes === '' ? {} : { duration_minutes: Number(v.duration_minutes) }),
    time_zone: v.time_zone,
    location: v.location.trim(),
    link: v.link.trim(),
    status: v.status,
    party_id: v.party_id ?? undefined,
    ...accessBody(v),
  };
}

let zones: string[] | null = null;

/** The IANA time zones the browser knows, UTC first. */
function timeZones(current: string): string[] {
  if (!zones) {
    const all = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
    zones = ['UTC', ...all.filter((z) => z !== 'UTC')];
  }
  return zones.includes(current) || !current ? zones : [current, ...zones];
}

const SERVER_FIELDS: Record<string, string> = { starts_at: 'date' };

function MeetingForm({
  alliance,
  members,
  committees,
  meeting,
  defaultCommitteeId,
  onClose,
}: {
  alliance: Alliance;
  members: Member[];
  committees: Committee[];
  meeting: Meeting | null;
  defaultCommitteeId?: string | null;
  onClose: () => void;
}) {
  const stale = useStaleEdit({ record: meeting, toValues: meetingToValues, fetchLatest: () => fetchMeeting(alliance.id, meeting?.id ?? '') });
  const firstCommittee = committees.find((c) => c.id === defaultCommitteeId) ?? (committees.length === 1 ? committees[0] : undefined);
  const form = useForm<MeetingValues>({
    mode: 'controlled',
    initialValues: stale.base?.values ?? {
      committee_id: firstCommittee?.id ?? null,
      title: firstCommittee ? `${firstCommittee.name} meeting` : '',
      date: null,
      time: '15:00',
      time_zone: browserTimeZone(),
      duration_minutes: firstCommittee?.meeting_minutes ?? '',
      location: '',
      link: '',
      status: 'scheduled',
      party_id: alliance.my_party.organization_id,
      visibility: 'alliance',
      readers: [],
    },
    validateInputOnChange: ['title', 'link', 'time_zone'],
    validate: {
      committee_id: (v) => (v ? null : 'Choose the committee that meets'),
      title: requiredText('title', 200),
      date: (v) => (v ? null : 'Choose the day'),
      time: (v) => (/^\d{2}:\d{2}$/.test(v) ? null : 'Enter the start time, such as 15:00'),
      time_zone: (v) => (isTimeZone(v) ? null : 'Choose a time zone, such as Europe/Berlin'),
      duration_minutes: (v) => {
        if (v === '') return null;
        const n = Number(v);
        return !Number.isInteger(n) || n < 5 || n > 1440 ? 'Enter 5 to 1,440 minutes' : null;
      },
      link: (v) => (!v.trim() || /^https?:\/\/\S+$/i.test(v.trim()) ? null : 'Use a web address starting with https://'),
      readers: readersRule,
    },
  });
  const save = useRecordSave({
    allianceId: alliance.id,
    form,
    stale,
    create: (v) => createMeeting(alliance.id, meetingBody(v)),
    update: meeting ? (version, base, values) => updateMeeting(alliance.id, meeting.id, version, patchOf(meetingBody(base), meetingBody(values))) : null,
    savedMessage: (saved) => `“${saved.title}” is scheduled for ${formatMeetingStart(saved.starts_at, saved.time_zone)}.`,
    onClose,
    fieldAliases: SERVER_FIELDS,
    refresh: refreshGovernance,
  });
  // A start already past is usually a slip of the date picker: scheduling one asks first.
  const confirmingSave = {
    mutate: (input: RecordSaveInput<MeetingValues>) => {
      const startsAt = meetingBody(input.values).starts_at;
      const moved = !meeting || startsAt !== meeting.starts_at;
      if (moved && input.values.status === 'scheduled' && startsAt && Date.parse(startsAt) < Date.now()) {
        modals.openConfirmModal({
          title: 'This meeting starts in the past',
          children: (
            <Text size="sm">
              {formatMeetingStart(startsAt, input.values.time_zone)} has already passed. Schedule it for that time anyway? A meeting that took
              place becomes held when its attendance is recorded.
            </Text>
          ),
          labels: { confirm: 'Schedule it anyway', cancel: 'Change the day' },
          onConfirm: () => save.mutate(input),
        });
        return;
      }
      save.mutate(input);
    },
  };
  const v = form.values;
  const committee = committees.find((c) => c.id === v.committee_id);
  const fields: FieldLabels<MeetingValues> = {
    title: { label: 'Title' },
    committee_id: { label: 'Committee', show: (id) => committees.find((c) => c.id === id)?.name ?? '' },
    date: { label: 'Day' },
    time: { label: 'Start time' },
    time_zone: { label: 'Time zone' },
    duration_minutes: { label: 'Length (minutes)' },
    location: { label: 'Location' },
    link: { label: 'Online link' },
    status: { label: 'Status', show: (s) => MEETING_STATUS_LABELS[s] },
    party_id: { label: 'Owner party', show: (id) => partyName(alliance, id) },
    visibility: { label: 'Who can read it' },
  };
  return (
    <form noValidate onSubmit={submitRecord(form, stale, confirmingSave)}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Committee"
            required
            searchable
            data={committeeOptions(committees)}
            {...form.getInputProps('committee_id')}
            onChange={(id) => {
              form.setFieldValue('committee_id', id);
              const next = committees.find((c) => c.id === id);
              if (next && !meeting) {
                form.setFieldValue('duration_minutes', next.meeting_minutes);
                if (!v.title.trim() || committees.some((c) => v.title === `${c.name} meeting`)) form.setFieldValue('title', `${next.name} meeting`);
              }
            }}
          />
          <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <DateInput label="Day" required valueFormat={`ddd ${dateFormat()}`} {...form.getInputProps('date')} />
          <TimeInput label="Start time" required {...form.getInputProps('time')} />
          <Select label="Time zone" required searchable allowDeselect={false} data={timeZones(v.time_zone)} limit={50} {...form.getInputProps('time_zone')} />
          <NumberInput
            label="Length (minutes)"
            min={5}
            max={1440}
            step={15}
            allowDecimal={false}
            placeholder={committee ? String(committee.meeting_minutes) : undefined}
            {...form.getInputProps('duration_minutes')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Location" placeholder="e.g. Basel, room 4.12" {...form.getInputProps('location')} />
          <TextInput label="Online link" placeholder="https://" type="url" {...form.getInputProps('link')} />
          {meeting && <Select label="Status" required allowDeselect={false} data={options(MEETING_STATUSES, MEETING_STATUS_LABELS)} {...form.getInputProps('status')} />}
          <Select label="Owner party" required allowDeselect={false} data={partyOptions(alliance)} {...form.getInputProps('party_id')} />
        </SimpleGrid>
        <AccessFields form={form} alliance={alliance} members={members} record={meeting} />
        <RecordFormFooter
          noun="meeting"
          fields={fields}
          form={form}
          stale={stale}
          save={save}
          errorTitle="The meeting was not saved"
          submitLabel={meeting ? 'Save meeting' : 'Schedule meeting'}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

export function MeetingFormModal({
  opened,
  onClose,
  ...props
}: { opened: boolean; onClose: () => void } & Omit<Parameters<typeof MeetingForm>[0], 'onClose'>) {
  return (
    <Modal opened={opened} onClose={onClose} title={props.meeting ? 'Edit meeting' : 'Schedule a meeting'} size="xl" centered>
      {opened && <MeetingForm {...props} onClose={onClose} />}
    </Modal>
  );
}
