// The alliance's meetings on a month calendar (src/ui/MonthCalendar), in the viewer's time zone: a
// dot on each day for each meeting (hollow when cancelled), previous and next month, and the chosen
// day's meetings beside the month with links to their pages. The chosen day is in the address
// (`?day=2027-03-02`), so that "All meetings" on a meeting page comes back to it.
import { Anchor, Box, Group, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Alliance } from '../../api/types';
import { ErrorAlert, PageLoader } from '../../ui/feedback';
import { MonthCalendar } from '../../ui/MonthCalendar';
import { MeetingStatusBadge } from './badges';
import { browserTimeZone, formatMeetingStart, formatMinutes } from './format';
import { meetingSearch } from './links';
import { countText, type DayKey, formatLocalTime, isDayKey, meetingsByDay, monthOf, todayIn } from './meetingCalendar';
import { useMeetings, type MeetingFilters } from './queries';
import type { Meeting } from './types';

function DayMeeting({ meeting, timeZone, locale }: { meeting: Meeting; timeZone: string; locale: string | undefined }) {
  const [params] = useSearchParams();
  const cancelled = meeting.status === 'cancelled';
  return (
    <Box component="li" data-meeting={meeting.title} style={{ listStyle: 'none' }}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
        <Group align="flex-start" gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <Text component="time" dateTime={meeting.starts_at} size="sm" fw={600} miw={64} td={cancelled ? 'line-through' : undefined} c={cancelled ? 'dimmed' : undefined}>
            {formatLocalTime(meeting.starts_at, timeZone, locale)}
          </Text>
          <div style={{ minWidth: 0 }}>
            <Anchor component={Link} to={meetingSearch(params, meeting.id)} fw={600} size="sm" td={cancelled ? 'line-through' : undefined} c={cancelled ? 'dimmed' : undefined}>
              {meeting.title}
            </Anchor>
            <Text size="xs" c="dimmed">
              {meeting.committee_name} · {formatMinutes(meeting.duration_minutes)}
              {meeting.location ? ` · ${meeting.location}` : ''}
            </Text>
            {meeting.time_zone !== timeZone && (
              <Text size="xs" c="dimmed">
                Local time: {formatMeetingStart(meeting.starts_at, meeting.time_zone, locale)}
              </Text>
            )}
          </div>
        </Group>
        <MeetingStatusBadge status={meeting.status} />
      </Group>
    </Box>
  );
}

/**
 * The month calendar of the Meetings section. `timeZone` is the viewer's (the browser's unless a
 * test says otherwise); `locale` the time format's (the browser's by default).
 */
export function MeetingCalendar({
  alliance,
  filters,
  timeZone = browserTimeZone(),
  locale,
}: {
  alliance: Alliance;
  filters: Pick<MeetingFilters, 'committee_id' | 'status'>;
  timeZone?: string;
  locale?: string;
}) {
  const [params] = useSearchParams();
  const meetings = useMeetings(alliance.id, { committee_id: filters.committee_id, status: filters.status });
  const requested = params.get('day');
  const today = todayIn(timeZone);
  const [month, setMonth] = useState<DayKey>(() => monthOf(isDayKey(requested) ? requested : today));
  const byDay = useMemo(() => meetingsByDay(meetings.data ?? [], timeZone), [meetings.data, timeZone]);

  if (meetings.isPending) return <PageLoader label="Loading the meetings…" />;
  if (meetings.isError) return <ErrorAlert error={meetings.error} onRetry={() => void meetings.refetch()} />;

  return (
    <MonthCalendar
      id="meeting-calendar"
      title="Meeting calendar"
      byDay={byDay}
      today={today}
      month={month}
      onMonthChange={setMonth}
      describe={countText}
      none="no meetings"
      dot={(meeting) => (meeting.status === 'cancelled' ? { kind: 'cancelled', hollow: true } : { kind: 'active' })}
      itemKey={(meeting) => meeting.id}
      dayData={(list) => ({ 'data-meetings': list.length, 'data-cancelled': list.filter((m) => m.status === 'cancelled').length })}
      chooseDay="Choose a day on the calendar to list its meetings."
      dayEmpty="No meetings on this day."
      listLabel={(day) => `Meetings on ${day}`}
      renderItem={(meeting) => <DayMeeting meeting={meeting} timeZone={timeZone} locale={locale} />}
      footnote={`A dot for each meeting; a hollow dot is a cancelled meeting. Days and times are in your time zone, ${timeZone}.`}
    />
  );
}
