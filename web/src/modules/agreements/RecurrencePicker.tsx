// How often an obligation falls due, chosen in words ("every quarter on the 15th", "every second
// Tuesday of the month", "every year on 30 June", ending never, on a date or after some times),
// with the rule in words and the next due dates. The RRULE it writes is the value; experts can
// open "Advanced: RRULE" and type one, and the picker follows it when it can express it. A rule it
// cannot express stays as written, with a note saying why.
import { Alert, Button, Group, List, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { addDays } from '../../ui/calendarDays';
import { formatDate } from '../../ui/format';
import {
  dayOfMonthWords,
  describeRecurrence,
  formatRecurrence,
  MONTH_NAMES,
  nextDayOfYear,
  nextDueDates,
  recurrenceOf,
  WEEKDAY_NAMES,
  WEEKDAY_ORDINALS,
  WEEKDAYS,
  weekdayOf,
  type MonthlyOn,
  type Recurrence,
  type RecurrenceEnd,
  type Weekday,
  type WeekdayOrdinal,
} from './recurrence';

/** What the picker changes: the rule, and the start date when a yearly rule's day is chosen. */
export interface RecurrenceChange {
  rrule: string;
  startsOn?: string | null;
}

type UnitChoice = 'day' | 'week' | 'month' | 'quarter' | 'year';

const UNIT_OPTIONS: { value: UnitChoice; label: string }[] = [
  { value: 'day', label: 'day' },
  { value: 'week', label: 'week' },
  { value: 'month', label: 'month' },
  { value: 'quarter', label: 'quarter' },
  { value: 'year', label: 'year' },
];

const ORDINAL_LABELS: Record<WeekdayOrdinal, string> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth', [-1]: 'last' };

const MONTHLY_OPTIONS = [
  {
    group: 'Day of the month',
    items: [...Array.from({ length: 31 }, (_, i) => ({ value: `d${i + 1}`, label: dayOfMonthWords(i + 1) })), { value: 'd-1', label: 'last day' }],
  },
  { group: 'Weekday of the month', items: WEEKDAY_ORDINALS.map((o) => ({ value: `w${o}`, label: ORDINAL_LABELS[o] })) },
];

const WEEKDAY_OPTIONS = WEEKDAYS.map((d) => ({ value: d, label: WEEKDAY_NAMES[d] }));
const MONTH_OPTIONS = MONTH_NAMES.map((name, i) => ({ value: String(i + 1), label: name }));
const END_OPTIONS = [
  { value: 'never', label: 'never' },
  { value: 'on', label: 'on a date' },
  { value: 'after', label: 'after a number of times' },
];

function unitChoice(r: Recurrence): { unit: UnitChoice; count: number } {
  if (r.unit === 'month' && r.interval % 3 === 0) return { unit: 'quarter', count: r.interval / 3 };
  return { unit: r.unit, count: r.interval };
}

function monthlyValue(on: MonthlyOn): string {
  return on.kind === 'day' ? `d${on.day}` : `w${on.ordinal}`;
}

/** The picker's choices after choosing a unit: what can be kept is kept, the rest comes from the start date. */
function withUnit(r: Recurrence, unit: UnitChoice, count: number, start: string | null): Recurrence {
  const base = { interval: unit === 'quarter' ? 3 * count : count, end: r.end };
  switch (unit) {
    case 'day':
      return { ...base, unit: 'day' };
    case 'week':
      return { ...base, unit: 'week', weekdays: r.unit === 'week' ? r.weekdays : [start ? weekdayOf(start) : 'MO'] };
    case 'month':
    case 'quarter':
      return { ...base, unit: 'month', on: r.unit === 'month' ? r.on : { kind: 'day', day: start ? Number(start.slice(8, 10)) : 1 } };
    case 'year':
      return { ...base, unit: 'year' };
  }
}

function daysInMonth(month: number): number {
  return new Date(Date.UTC(2024, month, 0)).getUTCDate(); // a leap year: 29 February can be chosen
}

export function RecurrencePicker({
  rrule,
  startsOn,
  today,
  error,
  onChange,
}: {
  rrule: string;
  startsOn: string | null;
  /** The day the next due dates are counted from. */
  today: string;
  /** The form's error on the rule (the server's, or the check before sending). */
  error?: ReactNode;
  onChange: (change: RecurrenceChange) => void;
}) {
  const id = useId();
  const [advanced, setAdvanced] = useState(false);
  // An error on the rule opens the raw field (where it shows), and it stays open while corrected.
  useEffect(() => {
    if (error) setAdvanced(true);
  }, [error]);
  const parsed = recurrenceOf(rrule, startsOn);
  // The raw rule is shown when asked for, when the picker cannot show the rule, and when it is wrong.
  const rawShown = advanced || !parsed.ok || Boolean(error);
  const set = (next: Recurrence, startsOnChange?: string | null) =>
    onChange(startsOnChange === undefined ? { rrule: formatRecurrence(next) } : { rrule: formatRecurrence(next), startsOn: startsOnChange });
  const due = nextDueDates(rrule, startsOn, today, 5);

  const picker = (r: Recurrence) => {
    const { unit, count } = unitChoice(r);
    const setEnd = (end: RecurrenceEnd) => set({ ...r, end });
    const startMonth = startsOn ? Number(startsOn.slice(5, 7)) : null;
    const startDay = startsOn ? Number(startsOn.slice(8, 10)) : null;
    // A yearly rule falls on the start date's day and month: choosing them moves the start date.
    const setYearDay = (month: number | null, day: number | null) => {
      if (month === null || day === null) return;
      set(r, nextDayOfYear(startsOn ?? today, month, Math.min(day, daysInMonth(month))));
    };
    return (
      <Stack gap="xs">
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Text size="sm" pb={8}>
            Every
          </Text>
          <NumberInput
            aria-label="How many"
            min={1}
            max={unit === 'quarter' ? 333 : 1000}
            allowDecimal={false}
            allowNegative={false}
            w={80}
            value={count}
            onChange={(v) => {
              if (typeof v === 'number' && v >= 1) set(withUnit(r, unit, v, startsOn));
            }}
          />
          <Select
            aria-label="Repeats every"
            allowDeselect={false}
            w={130}
            data={UNIT_OPTIONS.map((o) => ({ value: o.value, label: count === 1 ? o.label : `${o.label}s` }))}
            value={unit}
            onChange={(v) => v && set(withUnit(r, v as UnitChoice, count, startsOn))}
          />
          {r.unit === 'month' && (
            <>
              <Text size="sm" pb={8}>
                on the
              </Text>
              <Select
                aria-label="On the"
                allowDeselect={false}
                w={150}
                maxDropdownHeight={260}
                data={MONTHLY_OPTIONS}
                value={monthlyValue(r.on)}
                onChange={(v) => {
                  if (!v) return;
                  const n = Number(v.slice(1));
                  const weekday: Weekday = r.on.kind === 'weekday' ? r.on.weekday : startsOn ? weekdayOf(startsOn) : 'MO';
                  set({ ...r, on: v.startsWith('d') ? { kind: 'day', day: n } : { kind: 'weekday', ordinal: n as WeekdayOrdinal, weekday } });
                }}
              />
              {r.on.kind === 'weekday' && (
                <Select
                  aria-label="Weekday"
                  allowDeselect={false}
                  w={140}
                  data={WEEKDAY_OPTIONS}
                  value={r.on.weekday}
                  onChange={(v) => v && r.on.kind === 'weekday' && set({ ...r, on: { ...r.on, weekday: v as Weekday } })}
                />
              )}
            </>
          )}
          {r.unit === 'year' && (
            <>
              <Text size="sm" pb={8}>
                on
              </Text>
              <Select
                aria-label="Day"
                allowDeselect={false}
                w={80}
                placeholder="Day"
                data={Array.from({ length: startMonth ? daysInMonth(startMonth) : 31 }, (_, i) => String(i + 1))}
                value={startDay ? String(startDay) : null}
                onChange={(v) => setYearDay(startMonth ?? 1, v ? Number(v) : null)}
              />
              <Select
                aria-label="Month"
                allowDeselect={false}
                w={140}
                placeholder="Month"
                data={MONTH_OPTIONS}
                value={startMonth ? String(startMonth) : null}
                onChange={(v) => setYearDay(v ? Number(v) : null, startDay ?? 1)}
              />
            </>
          )}
        </Group>
        {r.unit === 'week' && (
          <Group gap={6} role="group" aria-label="On these days">
            <Text size="sm" mr={4}>
              on
            </Text>
            {WEEKDAYS.map((d) => {
              const on = r.weekdays.includes(d);
              return (
                <Button
                  key={d}
                  size="compact-sm"
                  variant={on ? 'filled' : 'default'}
                  aria-pressed={on}
                  aria-label={WEEKDAY_NAMES[d]}
                  // At least one day: the last one chosen cannot be taken away.
                  onClick={() => {
                    if (on && r.weekdays.length === 1) return;
                    set({ ...r, weekdays: on ? r.weekdays.filter((w) => w !== d) : [...r.weekdays, d] });
                  }}
                >
                  {WEEKDAY_NAMES[d].slice(0, 3)}
                </Button>
              );
            })}
          </Group>
        )}
        <Group gap="xs" align="flex-end" wrap="wrap">
          <Text size="sm" pb={8}>
            Ends
          </Text>
          <Select
            aria-label="Ends"
            allowDeselect={false}
            w={210}
            data={END_OPTIONS}
            value={r.end.kind}
            onChange={(v) => {
              if (v === 'never') setEnd({ kind: 'never' });
              if (v === 'after') setEnd({ kind: 'after', count: 12 });
              if (v === 'on') setEnd({ kind: 'on', until: addDays(startsOn && startsOn > today ? startsOn : today, 365) });
            }}
          />
          {r.end.kind === 'on' && (
            <DateInput
              aria-label="End date"
              w={150}
              minDate={startsOn ?? undefined}
              value={r.end.until}
              onChange={(v) => v && setEnd({ kind: 'on', until: String(v).slice(0, 10) })}
            />
          )}
          {r.end.kind === 'after' && (
            <>
              <NumberInput
                aria-label="Number of times"
                min={1}
                max={1000}
                allowDecimal={false}
                allowNegative={false}
                w={90}
                value={r.end.count}
                onChange={(v) => typeof v === 'number' && v >= 1 && setEnd({ kind: 'after', count: Math.min(1000, v) })}
              />
              <Text size="sm" pb={8}>
                times
              </Text>
            </>
          )}
        </Group>
      </Stack>
    );
  };

  return (
    <Stack gap="xs" role="group" aria-labelledby={`${id}-label`}>
      <Text id={`${id}-label`} size="sm" fw={500}>
        Repeats
      </Text>
      {parsed.ok ? (
        picker(parsed.recurrence)
      ) : (
        <Alert color={parsed.invalid ? 'red' : 'gray'} variant="light" title={parsed.invalid ? 'This rule would be refused' : 'This rule is kept as written'}>
          <Stack gap={6} align="flex-start">
            <Text size="sm">
              {parsed.reason}
              {parsed.invalid ? ' Correct it below, or start again with the picker.' : ' It is saved as it is; edit it below, or start again with the picker.'}
            </Text>
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => set({ unit: 'month', interval: 1, on: { kind: 'day', day: startsOn ? Number(startsOn.slice(8, 10)) : 1 }, end: { kind: 'never' } })}
            >
              Use the picker instead
            </Button>
          </Stack>
        </Alert>
      )}
      <div aria-live="polite">
        {parsed.ok && (
          <Text size="sm" fw={500} data-recurrence-summary>
            {describeRecurrence(parsed.recurrence, startsOn)}
            {startsOn ? `, starting ${formatDate(startsOn)}.` : '.'}
          </Text>
        )}
        {!startsOn ? (
          <Text size="sm" c="dimmed">
            Choose the start date to see the due dates.
          </Text>
        ) : due.length > 0 ? (
          <>
            <Text size="sm" c="dimmed" id={`${id}-next`}>
              Next due dates:
            </Text>
            <List size="sm" aria-labelledby={`${id}-next`}>
              {due.map((day) => (
                <List.Item key={day}>{formatDate(day)}</List.Item>
              ))}
            </List>
          </>
        ) : (
          parsed.ok && (
            <Text size="sm" c="dimmed">
              No due dates from today on: the rule has ended.
            </Text>
          )
        )}
      </div>
      {parsed.ok && (
        <Button variant="subtle" size="compact-sm" style={{ alignSelf: 'flex-start' }} aria-expanded={rawShown} onClick={() => setAdvanced((open) => !open)}>
          Advanced: RRULE
        </Button>
      )}
      {rawShown && (
        <TextInput
          label="Recurrence rule (RRULE)"
          description="RFC 5545: FREQ, INTERVAL, BYMONTHDAY, BYDAY, COUNT or UNTIL. The choices above follow what you type."
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          value={rrule}
          error={error}
          onChange={(event) => {
            setAdvanced(true);
            onChange({ rrule: event.currentTarget.value });
          }}
        />
      )}
    </Stack>
  );
}
