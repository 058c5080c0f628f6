// Obligations: their due dates in a window (list), on a month calendar, or the obligations
// themselves (register), filtered by status, category, owing party, agreement and responsible
// person. The view and the calendar's day are in the address (`?view=calendar&day=…`).
import { Anchor, Box, Button, Group, Paper, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconCalendarDue, IconListCheck, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Alliance, Member } from '../../api/types';
import { addDays, type DayKey, isDayKey, monthEnd, monthOf } from '../../ui/calendarDays';
import { EmptyState, ErrorAlert, PageLoader, QueryView } from '../../ui/feedback';
import { FilterSelect } from '../../ui/FilterSelect';
import { formatDate, today as todayOf } from '../../ui/format';
import { options } from '../../ui/labels';
import { MonthCalendar } from '../../ui/MonthCalendar';
import { useSession } from '../auth/session';
import { canChangeRecord, canWriteRecords, partyOptions, readerOptions } from '../records/access';
import { ConsiderAmendmentBadge, OccurrenceStatusBadge } from './badges';
import { OBLIGATION_CATEGORIES, OBLIGATION_CATEGORY_LABELS, OCCURRENCE_STATUS_LABELS, OCCURRENCE_STATUSES } from './labels';
import { ObligationFormModal } from './ObligationForm';
import { ObligationTable, owedText } from './ObligationTable';
import { OccurrenceActions } from './OccurrenceActions';
import { defaultWindow, occurrenceCountText, occurrenceDot, occurrenceKey, occurrencesByDay } from './occurrences';
import { OccurrenceTable, RecordedText } from './OccurrenceTable';
import { useObligations, useOccurrences, type ObligationFilters } from './queries';
import type { Agreement, Obligation, ObligationCategory, Occurrence, OccurrenceStatus } from './types';

type View = 'list' | 'calendar' | 'register';

interface Filters extends ObligationFilters {
  status?: OccurrenceStatus;
}

function CalendarItem({ allianceId, occurrence, obligation, canRecord }: { allianceId: string; occurrence: Occurrence; obligation?: Obligation; canRecord: boolean }) {
  return (
    <Box component="li" data-occurrence={occurrence.obligation_title} style={{ listStyle: 'none' }}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {occurrence.obligation_title}
            </Text>
            <OccurrenceStatusBadge status={occurrence.status} size="sm" />
            {obligation?.signal.consider_amendment && <ConsiderAmendmentBadge reason={obligation.signal.reason} size="xs" />}
          </Group>
          <Text size="xs" c="dimmed">
            {occurrence.clause_ref ? `${occurrence.clause_ref} · ` : ''}
            {occurrence.agreement_title} · {owedText(occurrence)}
            {occurrence.responsible_name ? ` · ${occurrence.responsible_name}` : ''}
          </Text>
          <RecordedText occurrence={occurrence} />
        </div>
        <OccurrenceActions allianceId={allianceId} occurrence={occurrence} canRecord={canRecord} />
      </Group>
    </Box>
  );
}

function ObligationCalendar({ alliance, filters, obligations }: { alliance: Alliance; filters: Filters; obligations: Obligation[] }) {
  const [params] = useSearchParams();
  const today = todayOf();
  const requested = params.get('day');
  const [month, setMonth] = useState<DayKey>(() => monthOf(isDayKey(requested) ? requested : today));
  // The weeks shown around the month too, so that leading and trailing days have their dots.
  const occurrences = useOccurrences(alliance.id, { ...filters, from: addDays(month, -7), to: addDays(monthEnd(month), 7) });
  const byDay = useMemo(() => occurrencesByDay(occurrences.data ?? []), [occurrences.data]);
  const byId = useMemo(() => new Map(obligations.map((o) => [o.id, o])), [obligations]);
  if (occurrences.isPending) return <PageLoader label="Loading the due dates…" />;
  if (occurrences.isError) return <ErrorAlert error={occurrences.error} onRetry={() => void occurrences.refetch()} />;
  const canRecord = canWriteRecords(alliance);
  return (
    <MonthCalendar
      id="obligation-calendar"
      title="Obligation calendar"
      byDay={byDay}
      today={today}
      month={month}
      onMonthChange={setMonth}
      describe={occurrenceCountText}
      none="no obligations due"
      dot={occurrenceDot}
      itemKey={occurrenceKey}
      dayData={(list) => ({ 'data-due': list.length, 'data-overdue': list.filter((o) => o.status === 'overdue').length })}
      chooseDay="Choose a day on the calendar to list what falls due."
      dayEmpty="Nothing falls due on this day."
      listLabel={(day) => `Due on ${day}`}
      renderItem={(o) => <CalendarItem allianceId={alliance.id} occurrence={o} obligation={byId.get(o.obligation_id)} canRecord={canRecord} />}
      footnote="A dot for each due date, coloured by status: red overdue, orange due within a week, blue upcoming, green fulfilled, purple in dispute; a hollow dot is waived."
    />
  );
}

export function ObligationsSection({ alliance, members, agreements }: { alliance: Alliance; members: Member[]; agreements: Agreement[] }) {
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const view: View = params.get('view') === 'calendar' ? 'calendar' : params.get('view') === 'register' ? 'register' : 'list';
  const [filters, setFilters] = useState<Filters>({});
  const [period, setPeriod] = useState(() => defaultWindow(todayOf()));
  const [editing, setEditing] = useState<{ obligation: Obligation | null } | null>(null);
  const { status, ...obligationFilters } = filters;
  const obligations = useObligations(alliance.id, obligationFilters);
  const occurrences = useOccurrences(alliance.id, { ...filters, ...period }, view === 'list');
  const canWrite = canWriteRecords(alliance);
  const filtered = Object.values(filters).some((v) => v !== undefined);

  const setView = (next: string) =>
    setParams(
      (current) => {
        const search = new URLSearchParams(current);
        if (next === 'list') search.delete('view');
        else search.set('view', next);
        if (next !== 'calendar') search.delete('day');
        return search;
      },
      { replace: true },
    );

  const edit = (obligation: Obligation) => setEditing({ obligation });
  const canChange = (o: Obligation) => canChangeRecord(alliance, user.id, o);
  const overdue = (occurrences.data ?? []).filter((o) => o.status === 'overdue').length;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm" role="group" aria-label="Filter obligations" style={{ flex: 1 }}>
          {view !== 'register' && (
            <FilterSelect<OccurrenceStatus>
              label="Status"
              placeholder="Any status"
              data={options(OCCURRENCE_STATUSES, OCCURRENCE_STATUS_LABELS)}
              value={status}
              onChange={(s) => setFilters({ ...filters, status: s })}
            />
          )}
          <FilterSelect<ObligationCategory>
            label="Category"
            placeholder="Any category"
            data={options(OBLIGATION_CATEGORIES, OBLIGATION_CATEGORY_LABELS)}
            value={filters.category}
            onChange={(category) => setFilters({ ...filters, category })}
          />
          <FilterSelect label="Owing party" placeholder="Any party" data={partyOptions(alliance)} value={filters.owed_by} onChange={(owed_by) => setFilters({ ...filters, owed_by })} />
          <FilterSelect
            label="Agreement"
            placeholder="Any agreement"
            searchable
            data={agreements.map((a) => ({ value: a.id, label: a.title }))}
            value={filters.agreement_id}
            onChange={(agreement_id) => setFilters({ ...filters, agreement_id })}
          />
          <FilterSelect
            label="Responsible"
            placeholder="Anyone"
            searchable
            data={readerOptions(alliance, members)}
            value={filters.responsible_user_id}
            onChange={(responsible_user_id) => setFilters({ ...filters, responsible_user_id })}
          />
        </SimpleGrid>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ obligation: null })} disabled={agreements.length === 0}>
            New obligation
          </Button>
        )}
      </Group>
      <Group justify="space-between" align="flex-end" gap="sm">
        <SegmentedControl
          aria-label="Show obligations as"
          value={view}
          onChange={setView}
          data={[
            { value: 'list', label: 'List' },
            { value: 'calendar', label: 'Calendar' },
            { value: 'register', label: 'Register' },
          ]}
        />
        {view === 'list' && (
          <Group gap="sm" align="flex-end" role="group" aria-label="Due between">
            <DateInput label="From" value={period.from} onChange={(from) => from && setPeriod({ ...period, from })} maxDate={period.to} w={150} />
            <DateInput label="To" value={period.to} onChange={(to) => to && setPeriod({ ...period, to })} minDate={period.from} w={150} />
          </Group>
        )}
      </Group>
      {agreements.length === 0 && (
        <Text size="sm" c="dimmed">
          Obligations come from agreements: add an agreement first.
        </Text>
      )}
      {view === 'calendar' && <ObligationCalendar alliance={alliance} filters={filters} obligations={obligations.data ?? []} />}
      {view === 'register' && (
        <QueryView
          query={obligations}
          loaderLabel="Loading the obligations…"
          empty={
            <EmptyState title={filtered ? 'No obligation matches' : 'No obligations yet'} icon={<IconListCheck aria-hidden />}>
              {filtered ? 'Try other filters.' : 'Add what the agreements require of the parties; Northstar tracks each due date and reminds the people responsible.'}
            </EmptyState>
          }
        >
          {(list) => (
            <Paper withBorder radius="md">
              <ObligationTable alliance={alliance} obligations={list} onEdit={edit} />
            </Paper>
          )}
        </QueryView>
      )}
      {view === 'list' && (
        <>
          {occurrences.data && occurrences.data.length > 0 && (
            <Text size="sm" c={overdue ? 'red.8' : 'dimmed'} role="status">
              {occurrences.data.length} due {occurrences.data.length === 1 ? 'date' : 'dates'} from {formatDate(period.from)} to {formatDate(period.to)}
              {overdue ? ` · ${overdue} overdue` : ''}
            </Text>
          )}
          <QueryView
            query={occurrences}
            loaderLabel="Loading the due dates…"
            empty={
              <EmptyState title={filtered ? 'Nothing matches' : 'Nothing falls due in this period'} icon={<IconCalendarDue aria-hidden />}>
                {filtered ? 'Try other filters or another period.' : (
                  <>
                    Widen the period, or see every obligation in the{' '}
                    <Anchor component="button" type="button" size="sm" onClick={() => setView('register')}>
                      register
                    </Anchor>
                    .
                  </>
                )}
              </EmptyState>
            }
          >
            {(list) => (
              <Paper withBorder radius="md">
                <OccurrenceTable
                  allianceId={alliance.id}
                  occurrences={list}
                  obligations={obligations.data ?? []}
                  canRecord={canWrite}
                  canChangeObligation={canChange}
                  onEditObligation={edit}
                  label="Obligations due"
                />
              </Paper>
            )}
          </QueryView>
        </>
      )}
      <ObligationFormModal opened={editing !== null} onClose={() => setEditing(null)} alliance={alliance} members={members} obligation={editing?.obligation ?? null} agreements={agreements} />
    </Stack>
  );
}
