// The plan as a Gantt-like chart: objectives and their milestones down the side, time across.
// Each milestone shows its baseline (◇) and where it lands now (● forecast, ● actual), the slip
// between them, its dependencies as arrows, and whether it is on the critical path. A table with
// the same facts is one switch away, for anyone who would rather read than look.
import { Box, Group, Paper, Stack, Switch, Table, Text } from '@mantine/core';
import type { CustomSeriesRenderItem } from 'echarts';
import { useMemo, useState } from 'react';
import { EChart } from '../../ui/EChart';
import { formatDate, formatMoney } from '../../ui/format';
import { EarlyWinBadge, MilestoneStatusBadge, SlipText } from './badges';
import { dayToTime, formatSlip, landingDate } from './format';
import { MILESTONE_STATUS_LABELS } from './labels';
import { buildTimeline, describeTimeline, type Timeline } from './timelineModel';
import type { Milestone, Plan } from './types';

const COLORS = {
  baseline: '#868e96',
  forecast: '#4263eb',
  actual: '#2f9e44',
  slipLate: '#f03e3e',
  slipEarly: '#12b886',
  critical: '#c2255c',
  dependency: '#adb5bd',
  earlyWin: '#f59f00',
  late: '#e03131',
  today: '#e03131',
};

const STAR = 'path://M50,0 L61,35 L98,35 L68,57 L79,91 L50,70 L21,91 L32,57 L2,35 L39,35 Z';
const ROW_HEIGHT = 30;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Axis labels use ECharts rich text, in which braces and bars mean markup. */
function plainLabel(text: string): string {
  return text.replace(/[{}|]/g, ' ');
}

function tooltipFor(milestone: Milestone, critical: boolean): string {
  const lines = [
    `<strong>${escapeHtml(milestone.title)}</strong>`,
    escapeHtml(milestone.objective_title ?? 'No objective you can see'),
    `Baseline: ${formatDate(milestone.planned_date)}`,
    milestone.actual_date ? `Actual: ${formatDate(milestone.actual_date)}` : `Forecast: ${formatDate(milestone.forecast_date)}`,
    `Slip: ${formatSlip(milestone.slip_days)}`,
    `Status: ${MILESTONE_STATUS_LABELS[milestone.status]}`,
  ];
  if (milestone.payment) lines.push(`Payment: ${escapeHtml(formatMoney(milestone.payment.amount_minor, milestone.payment.currency))}`);
  if (milestone.early_win) lines.push('Early win');
  if (critical) lines.push('<span style="color:#c2255c">On the critical path</span>');
  return lines.join('<br/>');
}

/** Late or missed: the forecast date passed without the milestone being achieved. */
function isLate(milestone: Milestone): boolean {
  return milestone.status === 'late' || milestone.status === 'missed';
}

const renderSlip: CustomSeriesRenderItem = (_params, api) => {
  const row = Number(api.value(0));
  const start = api.coord([Number(api.value(1)), row]);
  const end = api.coord([Number(api.value(2)), row]);
  const slip = Number(api.value(3));
  const x0 = start[0] ?? 0;
  const x1 = end[0] ?? 0;
  const height = 6;
  return {
    type: 'rect',
    shape: { x: Math.min(x0, x1), y: (start[1] ?? 0) - height / 2, width: Math.max(Math.abs(x1 - x0), 1), height, r: 3 },
    style: { fill: slip > 0 ? COLORS.slipLate : COLORS.slipEarly, opacity: 0.55 },
  };
};

export function timelineOption(timeline: Timeline) {
  const milestones = timeline.rows.flatMap((r) => (r.kind === 'milestone' ? [{ row: timeline.rowOf.get(r.id) ?? 0, m: r.milestone }] : []));
  const byId = new Map(milestones.map(({ m }) => [m.id, m]));
  const point = (m: Milestone, row: number, time: number) => ({ name: m.id, value: [time, row] });
  const edge = (d: Timeline['dependencies'][number]) => ({
    name: d.to.id,
    coords: [
      [dayToTime(landingDate(d.from)), timeline.rowOf.get(d.from.id) ?? 0],
      [dayToTime(landingDate(d.to)), timeline.rowOf.get(d.to.id) ?? 0],
    ],
  });
  const rowLabels = new Map(timeline.rows.map((r) => [r.id, r]));

  return {
    animation: false,
    grid: { left: 8, right: 24, top: 44, bottom: 8, containLabel: true },
    legend: {
      top: 0,
      left: 0,
      itemWidth: 14,
      itemHeight: 10,
      textStyle: { fontSize: 12, color: '#495057' },
      data: ['Baseline', 'Forecast', 'Late', 'Actual', 'Slip', 'Dependency', 'Critical path', 'Early win', 'Today'],
    },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (params: { name?: string; seriesName?: string }) => {
        if (params.seriesName === 'Today') return `Today: ${formatDate(new Date(timeline.today).toISOString().slice(0, 10))}`;
        const milestone = params.name ? byId.get(params.name) : undefined;
        return milestone ? tooltipFor(milestone, timeline.critical.has(milestone.id)) : '';
      },
    },
    xAxis: {
      type: 'time',
      position: 'top',
      min: timeline.start,
      max: timeline.end,
      axisLabel: { color: '#495057', fontSize: 11, hideOverlap: true },
      axisLine: { lineStyle: { color: '#ced4da' } },
      splitLine: { show: true, lineStyle: { color: '#f1f3f5' } },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: timeline.rows.map((r) => r.id),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: '#ced4da' } },
      splitLine: { show: true, lineStyle: { color: '#f8f9fa' } },
      axisLabel: {
        width: 200,
        margin: 212,
        align: 'left',
        overflow: 'truncate',
        formatter: (value: string) => {
          const row = rowLabels.get(value);
          if (!row) return '';
          if (row.kind === 'objective') return `{objective|${plainLabel(row.label)}}`;
          return timeline.critical.has(row.id) ? `{critical|${plainLabel(row.label)}}` : `{milestone|${plainLabel(row.label)}}`;
        },
        rich: {
          objective: { fontWeight: 700, color: '#212529', fontSize: 12 },
          milestone: { color: '#495057', fontSize: 12, padding: [0, 0, 0, 12] },
          critical: { color: COLORS.critical, fontWeight: 600, fontSize: 12, padding: [0, 0, 0, 12] },
        },
      },
    },
    series: [
      {
        name: 'Slip',
        type: 'custom',
        renderItem: renderSlip,
        itemStyle: { color: COLORS.slipLate },
        encode: { x: [1, 2], y: 0 },
        data: milestones
          .filter(({ m }) => m.slip_days !== 0)
          .map(({ m, row }) => ({ name: m.id, value: [row, dayToTime(m.planned_date), dayToTime(landingDate(m)), m.slip_days] })),
        z: 1,
      },
      {
        name: 'Dependency',
        type: 'lines',
        coordinateSystem: 'cartesian2d',
        symbol: ['none', 'arrow'],
        symbolSize: 7,
        lineStyle: { color: COLORS.dependency, width: 1.2, curveness: 0 },
        data: timeline.dependencies.filter((d) => !d.critical).map(edge),
        z: 2,
      },
      {
        name: 'Critical path',
        type: 'lines',
        coordinateSystem: 'cartesian2d',
        symbol: ['none', 'arrow'],
        symbolSize: 8,
        lineStyle: { color: COLORS.critical, width: 2, curveness: 0 },
        data: timeline.dependencies.filter((d) => d.critical).map(edge),
        z: 3,
      },
      {
        name: 'Baseline',
        type: 'scatter',
        symbol: 'diamond',
        symbolSize: 11,
        itemStyle: { color: '#fff', borderColor: COLORS.baseline, borderWidth: 2 },
        data: milestones.map(({ m, row }) => point(m, row, dayToTime(m.planned_date))),
        z: 4,
      },
      {
        name: 'Forecast',
        type: 'scatter',
        symbol: 'circle',
        symbolSize: 10,
        itemStyle: { color: COLORS.forecast },
        data: milestones.filter(({ m }) => !m.actual_date && !isLate(m)).map(({ m, row }) => point(m, row, dayToTime(m.forecast_date))),
        z: 5,
      },
      {
        name: 'Late',
        type: 'scatter',
        symbol: 'circle',
        symbolSize: 10,
        itemStyle: { color: COLORS.late },
        data: milestones.filter(({ m }) => !m.actual_date && isLate(m)).map(({ m, row }) => point(m, row, dayToTime(m.forecast_date))),
        z: 5,
      },
      {
        name: 'Actual',
        type: 'scatter',
        symbol: 'circle',
        symbolSize: 10,
        itemStyle: { color: COLORS.actual },
        data: milestones.filter(({ m }) => m.actual_date).map(({ m, row }) => point(m, row, dayToTime(landingDate(m)))),
        z: 5,
      },
      {
        name: 'Critical path',
        type: 'scatter',
        symbol: 'circle',
        symbolSize: 18,
        itemStyle: { color: 'transparent', borderColor: COLORS.critical, borderWidth: 2 },
        data: milestones.filter(({ m }) => timeline.critical.has(m.id)).map(({ m, row }) => point(m, row, dayToTime(landingDate(m)))),
        z: 6,
      },
      {
        name: 'Early win',
        type: 'scatter',
        symbol: STAR,
        symbolSize: 12,
        symbolOffset: [0, -13],
        itemStyle: { color: COLORS.earlyWin },
        data: milestones.filter(({ m }) => m.early_win).map(({ m, row }) => point(m, row, dayToTime(landingDate(m)))),
        z: 7,
      },
      {
        name: 'Today',
        type: 'scatter',
        itemStyle: { color: COLORS.today },
        data: [],
        markLine: {
          silent: false,
          symbol: ['none', 'none'],
          lineStyle: { color: COLORS.today, type: 'dashed', width: 1.5 },
          label: { formatter: 'Today', position: 'start', color: COLORS.today, fontSize: 11 },
          data: [{ xAxis: timeline.today }],
        },
      },
    ],
  };
}

function TimelineTable({ timeline }: { timeline: Timeline }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table verticalSpacing="xs" aria-label="Plan timeline as a table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Milestone</Table.Th>
            <Table.Th scope="col">Baseline</Table.Th>
            <Table.Th scope="col">Forecast or actual</Table.Th>
            <Table.Th scope="col">Slip</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Depends on</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {timeline.rows.map((row) =>
            row.kind === 'objective' ? (
              <Table.Tr key={row.id} bg="var(--mantine-color-gray-0)">
                <Table.Th scope="rowgroup" colSpan={6}>
                  {row.label}
                </Table.Th>
              </Table.Tr>
            ) : (
              <Table.Tr key={row.id}>
                <Table.Th scope="row" fw={500}>
                  <Group gap={6}>
                    <Text size="sm" fw={timeline.critical.has(row.id) ? 700 : 500}>
                      {row.label}
                    </Text>
                    {timeline.critical.has(row.id) && (
                      <Text span size="xs" c="pink.8" fw={600}>
                        critical path
                      </Text>
                    )}
                    {row.milestone.early_win && <EarlyWinBadge size="xs" />}
                  </Group>
                </Table.Th>
                <Table.Td>{formatDate(row.milestone.planned_date)}</Table.Td>
                <Table.Td>
                  {row.milestone.actual_date ? `${formatDate(row.milestone.actual_date)} (actual)` : formatDate(row.milestone.forecast_date)}
                </Table.Td>
                <Table.Td>
                  <SlipText days={row.milestone.slip_days} />
                </Table.Td>
                <Table.Td>
                  <MilestoneStatusBadge status={row.milestone.status} derived={row.milestone.status_derived} />
                </Table.Td>
                <Table.Td>
                  <Text size="xs">
                    {timeline.dependencies
                      .filter((d) => d.to.id === row.id)
                      .map((d) => d.from.title)
                      .join(', ') || '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ),
          )}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function PlanTimeline({ plan, onMilestoneClick }: { plan: Plan; onMilestoneClick?: (milestone: Milestone) => void }) {
  const timeline = useMemo(() => buildTimeline(plan), [plan]);
  const option = useMemo(() => timelineOption(timeline), [timeline]);
  const [asTable, setAsTable] = useState(false);
  const height = Math.max(180, timeline.rows.length * ROW_HEIGHT + 70);
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed">
            ◇ baseline · ● forecast or actual · bar: slip · arrows: dependencies · ring: critical path. Point at a milestone for details.
          </Text>
          <Switch label="Show as a table" checked={asTable} onChange={(e) => setAsTable(e.currentTarget.checked)} />
        </Group>
        <Box
          data-testid="plan-timeline"
          data-critical-path={timeline.criticalTitles.join(',')}
          data-slipped={timeline.slippedTitles.join(',')}
          style={{ overflowX: 'auto' }}
          hidden={asTable}
        >
          <Box miw={640}>
            <EChart
              option={option}
              height={height}
              label={describeTimeline(timeline)}
              onItemClick={(id) => {
                const milestone = plan.milestones.find((m) => m.id === id);
                if (milestone) onMilestoneClick?.(milestone);
              }}
            />
          </Box>
        </Box>
        {asTable && <TimelineTable timeline={timeline} />}
      </Stack>
    </Paper>
  );
}
