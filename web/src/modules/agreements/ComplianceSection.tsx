// Compliance over a period: how often each party meets its obligations on time (by quarter, as a
// chart, and as rates), what is overdue by category, the overdue list, what falls due in the next
// 30, 60 and 90 days, and the obligations that call for an amendment; and the same as a workbook.
import { Anchor, Badge, Button, Grid, Group, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { IconAlertTriangle, IconChartLine, IconDownload } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Alliance } from '../../api/types';
import { addDays } from '../../ui/calendarDays';
import { EChart } from '../../ui/EChart';
import { EmptyState, QueryView } from '../../ui/feedback';
import { formatDate, today as todayOf } from '../../ui/format';
import { canWriteRecords } from '../records/access';
import { formatRate, onTimeChartOption, onTimeSummary, overdueChartOption, overdueSummary, rowName } from './compliance';
import { DetailSection as Card } from './DetailSection';
import { JOINT_WORD } from './labels';
import { agreementSearch } from './links';
import { OccurrenceTable } from './OccurrenceTable';
import { complianceExportUrl, useCompliance, useObligations } from './queries';
import type { Compliance, ComplianceRow, Occurrence } from './types';

function RatesTable({ label, first, rows }: { label: string; first: string; rows: ComplianceRow[] }) {
  if (rows.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing was due in this period.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{first}</Table.Th>
            <Table.Th scope="col" ta="right">Due</Table.Th>
            <Table.Th scope="col" ta="right">On time</Table.Th>
            <Table.Th scope="col" ta="right">Late</Table.Th>
            <Table.Th scope="col" ta="right">Overdue</Table.Th>
            <Table.Th scope="col" ta="right">Waived</Table.Th>
            <Table.Th scope="col" ta="right">In dispute</Table.Th>
            <Table.Th scope="col" ta="right">On-time rate</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.key} data-row={rowName(r)}>
              <Table.Th scope="row" fw={500} fz="sm">
                {rowName(r)}
              </Table.Th>
              <Table.Td ta="right">{r.due}</Table.Td>
              <Table.Td ta="right">{r.on_time}</Table.Td>
              <Table.Td ta="right">{r.late}</Table.Td>
              <Table.Td ta="right" c={r.overdue ? 'red.8' : undefined} fw={r.overdue ? 650 : undefined}>
                {r.overdue}
              </Table.Td>
              <Table.Td ta="right">{r.waived}</Table.Td>
              <Table.Td ta="right">{r.in_dispute}</Table.Td>
              <Table.Td ta="right" fw={600}>
                {formatRate(r.on_time_rate)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DueWithin({ title, list }: { title: string; list: Occurrence[] }) {
  return (
    <Paper withBorder radius="sm" p="sm" component="section" aria-label={title}>
      <Group justify="space-between" mb={6}>
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Badge variant="light" color={list.length ? 'orange' : 'gray'} radius="sm">
          {list.length}
        </Badge>
      </Group>
      {list.length === 0 ? (
        <Text size="xs" c="dimmed">
          Nothing.
        </Text>
      ) : (
        <Stack component="ul" gap={4} p={0} m={0}>
          {list.map((o) => (
            <Text component="li" key={`${o.obligation_id}:${o.due_on}`} size="xs" style={{ listStyle: 'none' }}>
              <Text span fw={600}>
                {formatDate(o.due_on)}
              </Text>{' '}
              {o.obligation_title}
              <Text span c="dimmed">
                {' '}
                · {o.owed_by_name ?? JOINT_WORD}
              </Text>
            </Text>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function Report({ alliance, data }: { alliance: Alliance; data: Compliance }) {
  const [params] = useSearchParams();
  const obligations = useObligations(alliance.id);
  const onTime = useMemo(() => onTimeChartOption(data.by_quarter), [data.by_quarter]);
  const overdueOption = useMemo(() => overdueChartOption(data.by_category), [data.by_category]);
  const anyOverdue = data.by_category.some((r) => r.overdue > 0);
  return (
    <Stack gap="md">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card title="On-time rate by party" fill>
            {data.by_quarter.length === 0 ? (
              <Text size="sm" c="dimmed">
                Nothing was due in this period.
              </Text>
            ) : (
              <EChart option={onTime} height={260} label={onTimeSummary(data.by_quarter)} />
            )}
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card title="Overdue by category" fill>
            {anyOverdue ? (
              <EChart option={overdueOption} height={260} label={overdueSummary(data.by_category)} />
            ) : (
              <Text size="sm" c="dimmed">
                Nothing is overdue.
              </Text>
            )}
          </Card>
        </Grid.Col>
      </Grid>
      <Card title="By party">
        <RatesTable label="Compliance by party" first="Owing party" rows={data.by_party} />
      </Card>
      <Card title="By category">
        <RatesTable label="Compliance by category" first="Category" rows={data.by_category} />
      </Card>
      <Card title="Overdue">
        {data.overdue.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing is overdue.
          </Text>
        ) : (
          <OccurrenceTable allianceId={alliance.id} occurrences={data.overdue} obligations={obligations.data ?? []} canRecord={canWriteRecords(alliance)} label="Overdue obligations" />
        )}
      </Card>
      <Card title="Coming due">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DueWithin title="Within 30 days" list={data.due_within.d30} />
          <DueWithin title="In 31 to 60 days" list={data.due_within.d60} />
          <DueWithin title="In 61 to 90 days" list={data.due_within.d90} />
        </SimpleGrid>
      </Card>
      <Card title="Consider an amendment">
        {data.signals.length === 0 ? (
          <Text size="sm" c="dimmed">
            No obligation has been late or waived often enough lately to call for an amendment.
          </Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} aria-label="Obligations to reconsider">
            {data.signals.map((s) => (
              <Group component="li" key={s.obligation_id} gap="xs" style={{ listStyle: 'none' }} wrap="nowrap" align="flex-start">
                <IconAlertTriangle size={16} color="var(--mantine-color-orange-6)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
                <div>
                  <Text size="sm" fw={600}>
                    {s.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    <Anchor component={Link} to={agreementSearch(params, s.agreement_id)} size="xs">
                      {s.agreement_title}
                    </Anchor>{' '}
                    · {s.reason || `${s.late} late and ${s.waived} waived of the last ${s.considered}`}
                  </Text>
                </div>
              </Group>
            ))}
          </Stack>
        )}
      </Card>
    </Stack>
  );
}

export function ComplianceSection({ alliance }: { alliance: Alliance }) {
  const today = todayOf();
  const [period, setPeriod] = useState({ from: addDays(today, -365), to: today });
  const compliance = useCompliance(alliance.id, period);
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Group gap="sm" align="flex-end" role="group" aria-label="Period">
          <DateInput label="From" value={period.from} onChange={(from) => from && setPeriod({ ...period, from })} maxDate={period.to} w={160} />
          <DateInput label="To" value={period.to} onChange={(to) => to && setPeriod({ ...period, to })} minDate={period.from} w={160} />
        </Group>
        <Button component="a" href={complianceExportUrl(alliance.id, period)} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
          Export .xlsx
        </Button>
      </Group>
      <QueryView
        query={compliance}
        loaderLabel="Working out compliance…"
        isEmpty={(data) => data.by_party.length === 0 && data.overdue.length === 0 && data.due_within.d30.length + data.due_within.d60.length + data.due_within.d90.length === 0}
        empty={
          <EmptyState title="Nothing to report yet" icon={<IconChartLine aria-hidden />}>
            No obligation fell due in this period and none falls due in the next 90 days.
          </EmptyState>
        }
      >
        {(data) => <Report alliance={alliance} data={data} />}
      </QueryView>
    </Stack>
  );
}
