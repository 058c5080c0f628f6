// A month calendar of dated records beside the list of the chosen day's records: a dot per record
// on each day, previous and next month, a Today button, and the chosen day in the address
// (`?day=2027-03-02`) so that it survives opening a record and coming back. Meetings and
// obligations both use it; each says how its records look and read.
import { Box, Button, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Calendar, useDatesContext } from '@mantine/dates';
import dayjs from 'dayjs';
import { Fragment, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { type DayKey, formatDay, isDayKey, monthOf, sameMonth } from './calendarDays';

const MAX_DOTS = 3;

/** How one record shows on its day: `kind` is the dot's `data-dot`; hollow dots are for what does not count. */
export interface CalendarDot {
  kind: string;
  color?: string;
  hollow?: boolean;
}

function DayContent<T>({ day, items, selected, dot, itemKey }: { day: DayKey; items: T[]; selected: boolean; dot: (item: T) => CalendarDot; itemKey: (item: T) => string }) {
  return (
    <Stack gap={3} align="center" style={{ lineHeight: 1 }}>
      <span>{dayjs(day).date()}</span>
      <Group gap={3} wrap="nowrap" h={7} aria-hidden>
        {items.slice(0, MAX_DOTS).map((item) => {
          const { kind, color, hollow } = dot(item);
          const fill = selected ? 'currentColor' : (color ?? 'var(--mantine-primary-color-filled)');
          return (
            <Box
              key={itemKey(item)}
              component="span"
              data-dot={kind}
              w={7}
              h={7}
              style={{
                borderRadius: '50%',
                border: `1px solid ${hollow ? (color ?? 'var(--mantine-color-gray-5)') : fill}`,
                background: hollow ? 'transparent' : fill,
                opacity: hollow ? 0.8 : 1,
              }}
            />
          );
        })}
        {items.length > MAX_DOTS && (
          <Box component="span" fz={10} fw={700} lh="7px">
            +
          </Box>
        )}
      </Group>
    </Stack>
  );
}

export function MonthCalendar<T>({
  id,
  title,
  byDay,
  today,
  month,
  onMonthChange,
  describe,
  none,
  dot,
  itemKey,
  dayData,
  chooseDay,
  dayEmpty,
  listLabel,
  renderItem,
  footnote,
}: {
  /** Prefix of the element ids: `${id}-title`, `${id}-day`. */
  id: string;
  /** The calendar's heading and region name, e.g. "Meeting calendar". */
  title: string;
  byDay: Map<DayKey, T[]>;
  today: DayKey;
  /** The first day of the month shown. */
  month: DayKey;
  onMonthChange: (month: DayKey) => void;
  /** "2 meetings, 1 cancelled": a list of records in words. */
  describe: (items: readonly T[]) => string;
  /** The month summary without records: "no meetings". */
  none: string;
  dot: (item: T) => CalendarDot;
  itemKey: (item: T) => string;
  /** Data attributes of a day button. */
  dayData?: (items: readonly T[]) => Record<string, string | number>;
  /** What the day pane says before a day is chosen. */
  chooseDay: string;
  /** What it says for a day without records. */
  dayEmpty: string;
  /** The accessible name of a day's list: "Meetings on Tuesday 2 March 2027". */
  listLabel: (dayName: string) => string;
  /** One record of the chosen day, as a list item (`<li>`). */
  renderItem: (item: T) => ReactNode;
  footnote: ReactNode;
}) {
  const [params, setParams] = useSearchParams();
  const dates = useDatesContext();
  const requested = params.get('day');
  const selected = isDayKey(requested) ? requested : null;
  const inMonth = [...byDay.entries()].filter(([day]) => sameMonth(day, month)).flatMap(([, list]) => list);
  const chosen = selected ? (byDay.get(selected) ?? []) : [];
  const monthName = dayjs(month).locale(dates.locale).format('MMMM YYYY');
  const label = (day: DayKey) => {
    const list = byDay.get(day) ?? [];
    return list.length === 0 ? formatDay(day, dates.locale) : `${formatDay(day, dates.locale)}: ${describe(list)}`;
  };

  const select = (day: DayKey) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('day', day);
        return next;
      },
      { replace: true },
    );
    if (!sameMonth(day, month)) onMonthChange(monthOf(day));
  };

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-title`}>
          <Group justify="space-between" align="center" mb="sm" gap="xs">
            <div>
              <Title order={3} size="h5" id={`${id}-title`}>
                {title}
              </Title>
              <Text size="xs" c="dimmed" aria-live="polite" data-month-summary>
                {monthName}: {inMonth.length === 0 ? none : describe(inMonth)}
              </Text>
            </div>
            <Button variant="default" size="xs" onClick={() => select(today)} disabled={selected === today && sameMonth(month, today)}>
              Today
            </Button>
          </Group>
          <Calendar
            date={month}
            onDateChange={(date) => onMonthChange(monthOf(date))}
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
            getDayAriaLabel={label}
            getDayProps={(day) => ({
              selected: day === selected,
              onClick: () => select(day),
              'aria-pressed': day === selected,
              'aria-current': day === today ? 'date' : undefined,
              ...dayData?.(byDay.get(day) ?? []),
            })}
            renderDay={(day) => <DayContent day={day} items={byDay.get(day) ?? []} selected={day === selected} dot={dot} itemKey={itemKey} />}
            // Full-width days are square by default: wide screens would make the month very tall.
            styles={{ day: { aspectRatio: 'auto', height: 'auto', minHeight: 'calc(var(--day-size) + 0.75rem)', paddingBlock: 4 } }}
          />
          <Text size="xs" c="dimmed" mt="sm">
            {footnote}
          </Text>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`${id}-day`} h="100%">
          <Title order={3} size="h5" id={`${id}-day`} mb={4}>
            {selected ? formatDay(selected, dates.locale) : 'Choose a day'}
          </Title>
          <Text size="sm" c="dimmed" mb="sm" aria-live="polite" data-day-summary>
            {!selected ? chooseDay : chosen.length === 0 ? dayEmpty : describe(chosen)}
          </Text>
          {chosen.length > 0 && (
            <Stack component="ul" gap="sm" p={0} m={0} aria-label={listLabel(formatDay(selected ?? '', dates.locale))}>
              {chosen.map((item) => (
                <Fragment key={itemKey(item)}>{renderItem(item)}</Fragment>
              ))}
            </Stack>
          )}
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
