// Meetings: the ones coming up and the ones held, with their status, quorum and minutes, as a list
// or (with `?view=calendar`) on a month calendar; and, with `?meeting=<id>` in the address, the
// page of one meeting.
import { Anchor, Button, Group, Menu, Paper, SegmentedControl, Stack, Table, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconCalendarPlus, IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Alliance, Member } from '../../api/types';
import { EmptyState, QueryView } from '../../ui/feedback';
import { FilterSelect } from '../../ui/FilterSelect';
import { options } from '../../ui/labels';
import { DeleteMenuItem, EditMenuItem, RowActionsHeader, RowMenu } from '../../ui/RowMenu';
import { useSession } from '../auth/session';
import { canChangeRecord, canWriteRecords } from '../records/access';
import { useDeleteRecord } from '../records/recordForm';
import { MeetingStatusBadge, MinutesBadge, QuorumBadge } from './badges';
import { CadenceProposalModal } from './CadenceProposals';
import { committeeOptions } from './committees';
import { MeetingCalendar } from './MeetingCalendar';
import { formatMeetingStart, formatMinutes } from './format';
import { MEETING_STATUS_LABELS, MEETING_STATUSES } from './labels';
import { MeetingFormModal } from './MeetingForm';
import { meetingSearch } from './links';
import { MeetingPage } from './MeetingPage';
import { NeedsCommitteeButton } from './NeedsCommitteeButton';
import { deleteMeeting, meetingIcsUrl, refreshGovernance, useMeetings, type MeetingFilters } from './queries';
import type { Committee, Meeting, MeetingStatus } from './types';

function MeetingRow({ alliance, meeting, canChange, onEdit }: { alliance: Alliance; meeting: Meeting; canChange: boolean; onEdit: () => void }) {
  const [params] = useSearchParams();
  const remove = useDeleteRecord(alliance.id, meeting.title, () => deleteMeeting(alliance.id, meeting.id), refreshGovernance);
  const held = meeting.status === 'held';
  return (
    <Table.Tr data-meeting={meeting.title}>
      <Table.Td miw={200}>
        <Anchor component={Link} to={meetingSearch(params, meeting.id)} fw={600} size="sm">
          {meeting.title}
        </Anchor>
        <Text size="xs" c="dimmed">
          {meeting.committee_name}
          {meeting.agenda.length > 0 ? ` · ${meeting.agenda.length} agenda ${meeting.agenda.length === 1 ? 'item' : 'items'}` : ''}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Text size="sm">{formatMeetingStart(meeting.starts_at, meeting.time_zone)}</Text>
        <Text size="xs" c="dimmed">
          {formatMinutes(meeting.duration_minutes)}
          {meeting.location ? ` · ${meeting.location}` : ''}
        </Text>
      </Table.Td>
      <Table.Td>
        <MeetingStatusBadge status={meeting.status} />
      </Table.Td>
      <Table.Td>{meeting.attendance.length > 0 || held ? <QuorumBadge quorum={meeting.quorum} /> : <Text size="xs" c="dimmed">Not taken yet</Text>}</Table.Td>
      <Table.Td>{meeting.status !== 'cancelled' && <MinutesBadge minutes={meeting.minutes} />}</Table.Td>
      <Table.Td>
        <RowMenu name={meeting.title}>
          <Menu.Item leftSection={<IconDownload size={16} />} component="a" href={meetingIcsUrl(alliance.id, meeting.id)} download>
            Download .ics
          </Menu.Item>
          {canChange && <EditMenuItem onClick={onEdit} />}
          {canChange && (
            <DeleteMenuItem
              title="Delete this meeting?"
              message={<>“{meeting.title}”, its agenda, attendance and minutes will be deleted.</>}
              onConfirm={() => remove.mutate()}
            />
          )}
        </RowMenu>
      </Table.Td>
    </Table.Tr>
  );
}

function MeetingList({
  alliance,
  when,
  filters,
  onEdit,
}: {
  alliance: Alliance;
  when: 'upcoming' | 'past';
  filters: MeetingFilters;
  onEdit: (meeting: Meeting) => void;
}) {
  const { user } = useSession();
  const meetings = useMeetings(alliance.id, { ...filters, when });
  const upcoming = when === 'upcoming';
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`meetings-${when}`}>
      <Title order={3} size="h5" id={`meetings-${when}`} mb="sm">
        {upcoming ? 'Upcoming' : 'Past'}
      </Title>
      <QueryView
        query={meetings}
        empty={
          <EmptyState title={upcoming ? 'No meetings coming up' : 'No past meetings'} icon={<IconCalendarEvent aria-hidden />}>
            {upcoming ? 'Schedule a meeting, or propose a year of meetings from a template.' : undefined}
          </EmptyState>
        }
      >
        {(list) => (
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="sm" aria-label={upcoming ? 'Upcoming meetings' : 'Past meetings'}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Meeting</Table.Th>
                  <Table.Th scope="col">When</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Quorum</Table.Th>
                  <Table.Th scope="col">Minutes</Table.Th>
                  <RowActionsHeader />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {/* Past meetings read newest first; upcoming ones soonest first (the API's order). */}
                {(upcoming ? list : [...list].reverse()).map((meeting) => (
                  <MeetingRow key={meeting.id} alliance={alliance} meeting={meeting} canChange={canChangeRecord(alliance, user.id, meeting)} onEdit={() => onEdit(meeting)} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
    </Paper>
  );
}

type MeetingsView = 'list' | 'calendar';

const VIEWS: { value: MeetingsView; label: string }[] = [
  { value: 'list', label: 'List' },
  { value: 'calendar', label: 'Calendar' },
];

export function MeetingsSection({ alliance, committees, members }: { alliance: Alliance; committees: Committee[]; members: Member[] }) {
  const [params, setParams] = useSearchParams();
  const meetingId = params.get('meeting');
  const view: MeetingsView = params.get('view') === 'calendar' ? 'calendar' : 'list';
  const setView = (value: string) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        // The list is the default and needs no mention; the chosen day belongs to the calendar.
        if (value === 'calendar') next.set('view', 'calendar');
        else {
          next.delete('view');
          next.delete('day');
        }
        return next;
      },
      { replace: true },
    );
  const [filters, setFilters] = useState<MeetingFilters>({});
  const [editing, setEditing] = useState<{ meeting: Meeting | null } | null>(null);
  const [proposing, setProposing] = useState(false);
  const canWrite = canWriteRecords(alliance);
  if (meetingId) return <MeetingPage key={meetingId} alliance={alliance} meetingId={meetingId} committees={committees} members={members} />;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group gap="sm" align="flex-end">
          <SegmentedControl aria-label="Show meetings as" data={VIEWS} value={view} onChange={setView} />
          <Group gap="sm" role="group" aria-label="Filter meetings">
            <FilterSelect
              label="Committee"
              placeholder="Any committee"
              searchable
              data={committeeOptions(committees)}
              value={filters.committee_id}
              onChange={(committee_id) => setFilters({ ...filters, committee_id })}
            />
            <FilterSelect<MeetingStatus>
              label="Status"
              placeholder="Any status"
              data={options(MEETING_STATUSES, MEETING_STATUS_LABELS)}
              value={filters.status}
              onChange={(status) => setFilters({ ...filters, status })}
            />
          </Group>
        </Group>
        {canWrite && (
          <Group gap="xs">
            <Button variant="default" leftSection={<IconCalendarPlus size={16} aria-hidden />} onClick={() => setProposing(true)} disabled={committees.length === 0}>
              Propose meetings from a template
            </Button>
            <NeedsCommitteeButton committees={committees} onClick={() => setEditing({ meeting: null })}>
              Schedule a meeting
            </NeedsCommitteeButton>
          </Group>
        )}
      </Group>
      {view === 'calendar' ? (
        <MeetingCalendar alliance={alliance} filters={filters} />
      ) : (
        <>
          <MeetingList alliance={alliance} when="upcoming" filters={filters} onEdit={(meeting) => setEditing({ meeting })} />
          <MeetingList alliance={alliance} when="past" filters={filters} onEdit={(meeting) => setEditing({ meeting })} />
        </>
      )}
      <MeetingFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        alliance={alliance}
        members={members}
        committees={committees}
        meeting={editing?.meeting ?? null}
        defaultCommitteeId={filters.committee_id}
      />
      <CadenceProposalModal alliance={alliance} opened={proposing} onClose={() => setProposing(false)} />
    </Stack>
  );
}
