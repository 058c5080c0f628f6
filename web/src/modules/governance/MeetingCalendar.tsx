// The alliance's meetings on a month calendar, in the viewer's time zone: a dot on each day for each
// meeting (hollow when cancelled), previous and next month, and the chosen day's meetings beside
// the month with links to their pages. The chosen day is in the address (`?day=2027-03-02`), so
// that "All meetings" on a meeting page comes back to it.
import { Anchor, Box, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Calendar, useDatesContext } from '@mantine/dates';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Alliance } from '../../api/types';
import { ErrorAlert, PageLoader } from '../../ui/feedback';
import { MeetingStatusBadge } from './badges';
import { browserTimeZone, formatMeetingStart, formatMinutes } from './format';
import { meetingSearch } from './links';
import { countText, dayAriaLabel, type DayKey, formatDay, formatLocalTime, isDayKey, meetingsByDay, monthOf, sameMonth, todayIn } from './meetingCalendar';
import { useMeetings, type MeetingFilters } from './queries';
import type { Meeting } from './types';

const MAX_DOTS = 3;

/** A day's number with a dot per meeting: filled when it goes ahead, hollow when cancelled. */
function DayContent({ day, meetings, selected }: { day: DayKey; meetings: Meeting[]; selected: boolean }) {
  const color = selected ? 'currentColor' : 'var(--mantine-primary-color-filled)';
  return (
    <Stack gap={3} align="center" style={{ lineHeight: 1 }}>
      <span>{dayjs(day).date()}</span>
      <Group gap={3} wrap="nowrap" h={7} aria-hidden>
        {meetings.slice(0, MAX_DOTS).map((meeting) => {
          const cancelled = meeting.status === 'cancelled';
          return (
            <Box
              key={meeting.id}
              component="span"
              data-dot={cancelled ? 'cancelled' : 'active'}
              w={7}
              h={7}
              style={{
                borderRadius: '50%',
                border: `1px solid ${cancelled ? 'var(--mantine-color-gray-5)' : color}`,
                background: cancelled ? 'transparent' : color,
                opacity: cancelled ? 0.8 : 1,
              }}
            />
          );
        })}
        {meetings.length > MAX_DOTS && (
          <Box component="span" fz={10} fw={700} lh="7px">
            +
          </Box>
        )}
      </Group>
    </Stack>
  );
}

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
  const [params, setParams] = useSearchParams();
  const dates = useDatesContext();
  const meetings = useMeetings(alliance.id, { committee_id: filters.committee_id, status: filters.status });
  const requested = params.get('day');
  const selected = isDayKey(requested) ? requested : null;
  const today = todayIn(timeZone);
  const [month, setMonth] = useState<DayKey>(() => monthOf(selected ?? today));
  const byDay = useMemo(() => meetingsByDay(meetings.data ?? [], timeZone), [meetings.data, timeZone]);
  const inMonth = useMemo(() => [...byDay.entries()].filter(([day]) => sameMonth(day, month)).flatMap(([, list]) => list), [byDay, month]);
  const chosen = selected ? (byDay.get(selected) ?? []) : [];
  const monthName = dayjs(month).locale(dates.locale).format('MMMM YYYY');

  const select = (day: DayKey) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('day', day);
        return next;
      },
      { replace: true },
    );
    if (!sameMonth(day, month)) setMonth(monthOf(day));
  };

  if (meetings.isPending) return <PageLoader label="Loading the meetings…" />;
  if (meetings.isError) return <ErrorAlert error={meetings.error} onRetry={() => void meetings.refetch()} />;

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="meeting-calendar-title">
          <Group justify="space-between" align="center" mb="sm" gap="xs">
            <div>
              <Title order={3} size="h5" id="meeting-calendar-title">
                Meeting calendar
              </Title>
              <Text size="xs" c="dimmed" aria-live="polite" data-month-summary>
                {monthName}: {inMonth.length === 0 ? 'no meetings' : countText(inMonth)}
              </Text>
            </div>
            <Button variant="default" size="xs" onClick={() => select(today)} disabled={selected === today && sameMonth(month, today)}>
              Today
            </Button>
          </Group>
          <Calendar
            date={month}
            onDateChange={(date) => setMonth(monthOf(date))}
            maxLevel="year"
            size="md"
            fullWidth
            highlightToday
            ariaLabels={{
              previousMonth: 'Previous month',
              nextMonth: 'Next month',
              monthLevelControl: 'Choose a month',
              previousYear: 'Previous year',
              nextYear: 'Next year',
            }}
            getDayAriaLabel={(day) => dayAriaLabel(day, byDay.get(day) ?? [], dates.locale)}
            getDayProps={(day) => {
              const list = byDay.get(day) ?? [];
              return {
                selected: day === selected,
                onClick: () => select(day),
                'aria-pressed': day === selected,
                'aria-current': day === today ? 'date' : undefined,
                'data-meetings': list.length,
                'data-cancelled': list.filter((m) => m.status === 'cancelled').length,
              };
            }}
            renderDay={(day) => <DayContent day={day} meetings={byDay.get(day) ?? []} selected={day === selected} />}
            // Full-width days are square by default: wide screens would make the month very tall.
            styles={{ day: { aspectRatio: 'auto', height: 'auto', minHeight: 'calc(var(--day-size) + 0.75rem)', paddingBlock: 4 } }}
          />
          <Text size="xs" c="dimmed" mt="sm">
            A dot for each meeting; a hollow dot is a cancelled meeting. Days and times are in your time zone, {timeZone}.
          </Text>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="meeting-calendar-day" h="100%">
          <Title order={3} size="h5" id="meeting-calendar-day" mb={4}>
            {selected ? formatDay(selected, dates.locale) : 'Choose a day'}
          </Title>
          <Text size="sm" c="dimmed" mb="sm" aria-live="polite" data-day-summary>
            {!selected ? 'Choose a day on the calendar to list its meetings.' : chosen.length === 0 ? 'No meetings on this day.' : countText(chosen)}
          </Text>
          {chosen.length > 0 && (
            <Stack component="ul" gap="sm" p={0} m={0} aria-label={`Meetings on ${formatDay(selected ?? '', dates.locale)}`}>
              {chosen.map((meeting) => (
                <DayMeeting key={meeting.id} meeting={meeting} timeZone={timeZone} locale={locale} />
              ))}
            </Stack>
          )}
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
