// The plan as a Gantt-like chart: objectives and their milestones down the side, time across.
// Each milestone shows its baseline (◇) and where it lands now (● forecast, ● actual), the slip
// between them, its dependencies as arrows, whether it is on the critical path, and why it is
// late or at risk. People who may change a milestone drag its forecast to move it; the drop asks
// for the reason first. A table with the same facts, and a "Move forecast" button for the
// keyboard, is one switch away, for anyone who would rather read than look.
import { Box, Button, Group, Paper, Stack, Switch, Table, Text, UnstyledButton } from '@mantine/core';
import { IconCalendarEvent } from '@tabler/icons-react';
import type { CustomSeriesRenderItem } from 'echarts';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { EChart } from '../../ui/EChart';
import { formatDate, formatMoney } from '../../ui/format';
import { EarlyWinBadge, MilestoneStatusBadge, SlipText } from './badges';
import { addDays, dayToTime, daysBetween, formatSlip, landingDate, timeAxisLabel } from './format';
import { MILESTONE_STATUS_LABELS } from './labels';
import { formatDuration, lateSentence, moveBySlip, moveBySlipLabel, riskSentence, slipLabel, type ForecastMove } from './slip';
import { dayAtPixel, forecastAt, isDrag, keyStep, newGeometry, pixelOfDay, type TimelineGeometry } from './timelineDrag';
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
/** Average width of a 12 px label character, to size the names' column before ECharts measures it. */
const CHAR_WIDTH = 6.6;
const LINE_HEIGHT = 14;

/**
 * Room for the row names: wide enough for the longest (up to a limit), wrapping beyond it, and
 * rows tall enough for the lines that takes, so that no name is cut off.
 */
export function labelLayout(labels: string[]): { width: number; rowHeight: number } {
  const longest = Math.max(0, ...labels.map((l) => l.length)) * CHAR_WIDTH + 16;
  const width = Math.round(Math.min(Math.max(longest, 120), 280));
  const lines = Math.max(1, Math.ceil(longest / width));
  return { width, rowHeight: Math.max(ROW_HEIGHT, lines * LINE_HEIGHT + 10) };
}

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
  const late = lateSentence(milestone);
  const risk = riskSentence(milestone);
  if (late) lines.push(`<span style="color:${COLORS.late}">${escapeHtml(late)}</span>`);
  if (risk) lines.push(`<span style="color:#e8590c">${escapeHtml(risk)}</span>`);
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

/** Slip words beside a forecast on the chart; nothing for a milestone on course. */
const slipLabelOption = (byId: Map<string, Milestone>) => ({
  show: true,
  position: 'right' as const,
  distance: 8,
  fontSize: 11,
  color: '#c92a2a',
  formatter: (params: { name?: string }) => {
    const milestone = params.name ? byId.get(params.name) : undefined;
    return milestone ? plainLabel(slipLabel(milestone)) : '';
  },
});

/**
 * An invisible series that records, each time the chart draws, where every movable forecast is
 * and how the time axis maps to pixels (`api.coord`), for dragging.
 */
function geometrySeries(timeline: Timeline, movable: { m: Milestone; row: number }[], geometry: TimelineGeometry) {
  geometry.points.clear();
  const renderItem: CustomSeriesRenderItem = (params, api) => {
    const row = Number(api.value(0));
    const point = api.coord([Number(api.value(1)), row]);
    const first = api.coord([timeline.start, row]);
    const last = api.coord([timeline.end, row]);
    geometry.start = timeline.start;
    geometry.end = timeline.end;
    geometry.x0 = first[0] ?? 0;
    geometry.x1 = last[0] ?? 0;
    const id = movable[params.dataIndex]?.m.id;
    if (id) geometry.points.set(id, { x: point[0] ?? 0, y: point[1] ?? 0 });
    return { type: 'group', children: [] };
  };
  return {
    name: 'Move',
    type: 'custom',
    renderItem,
    silent: true,
    encode: { x: 1, y: 0 },
    data: movable.map(({ m, row }) => ({ name: m.id, value: [row, dayToTime(m.forecast_date)] })),
    z: 0,
  };
}

/** Open milestones (not achieved, not cancelled) can have their forecast moved. */
export function isOpen(milestone: Milestone): boolean {
  return !milestone.actual_date && milestone.status !== 'cancelled';
}

export function timelineOption(timeline: Timeline, drag?: { geometry: TimelineGeometry; movable: Set<string> }) {
  const milestones = timeline.rows.flatMap((r) => (r.kind === 'milestone' ? [{ row: timeline.rowOf.get(r.id) ?? 0, m: r.milestone }] : []));
  const byId = new Map(milestones.map(({ m }) => [m.id, m]));
  const point = (m: Milestone, row: number, time: number) => ({ name: m.id, value: [time, row] });
  // Slip words sit right of a forecast, or left of it near the end of the axis, so they stay on the chart.
  const nearEnd = timeline.start + (timeline.end - timeline.start) * 0.7;
  const forecastPoint = (m: Milestone, row: number) => {
    const time = dayToTime(m.forecast_date);
    return time > nearEnd ? { ...point(m, row, time), label: { position: 'left' as const } } : point(m, row, time);
  };
  const edge = (d: Timeline['dependencies'][number]) => ({
    name: d.to.id,
    coords: [
      [dayToTime(landingDate(d.from)), timeline.rowOf.get(d.from.id) ?? 0],
      [dayToTime(landingDate(d.to)), timeline.rowOf.get(d.to.id) ?? 0],
    ],
  });
  const rowLabels = new Map(timeline.rows.map((r) => [r.id, r]));
  const labels = labelLayout(timeline.rows.map((r) => r.label));
  const movable = drag ? milestones.filter(({ m }) => drag.movable.has(m.id) && isOpen(m)) : [];

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
      axisLabel: { color: '#495057', fontSize: 11, hideOverlap: true, formatter: timeAxisLabel },
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
        width: labels.width,
        margin: labels.width + 12,
        align: 'left',
        overflow: 'break',
        lineHeight: LINE_HEIGHT,
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
        label: slipLabelOption(byId),
        data: milestones.filter(({ m }) => !m.actual_date && !isLate(m)).map(({ m, row }) => forecastPoint(m, row)),
        z: 5,
      },
      {
        name: 'Late',
        type: 'scatter',
        symbol: 'circle',
        symbolSize: 10,
        itemStyle: { color: COLORS.late },
        label: slipLabelOption(byId),
        data: milestones.filter(({ m }) => !m.actual_date && isLate(m)).map(({ m, row }) => forecastPoint(m, row)),
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
      ...(drag && movable.length ? [geometrySeries(timeline, movable, drag.geometry)] : []),
    ],
  };
}

/** What the timeline lets a person do with a milestone's forecast, when they may change it. */
interface MoveProps {
  /** Whether the signed-in user may change this milestone; none is movable without it. */
  canMove?: (milestone: Milestone) => boolean;
  /** A proposed forecast (dropped on the chart, or chosen in the table): ask for the reason, then save. */
  onMoveForecast?: (milestone: Milestone, move: ForecastMove) => void;
}

function TimelineTable({ timeline, canMove, onMoveForecast }: { timeline: Timeline } & MoveProps) {
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
          {timeline.rows.map((row) => {
            if (row.kind === 'objective') {
              return (
                <Table.Tr key={row.id} bg="var(--mantine-color-gray-0)">
                  <Table.Th scope="rowgroup" colSpan={6}>
                    {row.label}
                  </Table.Th>
                </Table.Tr>
              );
            }
            const m = row.milestone;
            const movable = !!onMoveForecast && isOpen(m) && (canMove?.(m) ?? false);
            const bySlip = movable ? moveBySlip(m) : null;
            const late = lateSentence(m);
            const risk = riskSentence(m);
            return (
              <Table.Tr key={row.id} data-milestone={m.title}>
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
                    {m.early_win && <EarlyWinBadge size="xs" />}
                  </Group>
                </Table.Th>
                <Table.Td>{formatDate(m.planned_date)}</Table.Td>
                <Table.Td>
                  {m.actual_date ? `${formatDate(m.actual_date)} (actual)` : formatDate(m.forecast_date)}
                  {movable && (
                    <Group gap={4} mt={4}>
                      <Button
                        size="compact-xs"
                        variant="subtle"
                        leftSection={<IconCalendarEvent size={14} aria-hidden />}
                        aria-label={`Move the forecast of ${m.title}`}
                        onClick={() => onMoveForecast?.(m, { forecast_date: m.forecast_date, reason: '' })}
                      >
                        Move forecast
                      </Button>
                      {bySlip && (
                        <Button size="compact-xs" variant="light" color="orange" onClick={() => onMoveForecast?.(m, bySlip)}>
                          {moveBySlipLabel(m)}
                        </Button>
                      )}
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>
                  <SlipText days={m.slip_days} />
                </Table.Td>
                <Table.Td maw={260}>
                  <MilestoneStatusBadge status={m.status} derived={m.status_derived} />
                  {late && (
                    <Text size="xs" c="red.8" fw={600} mt={4}>
                      {late}
                    </Text>
                  )}
                  {risk && (
                    <Text size="xs" c="orange.8" mt={4}>
                      {risk}
                    </Text>
                  )}
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
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Where a forecast being dragged would land: the marker and its words follow the pointer. */
interface DragState {
  milestone: Milestone;
  from: { x: number; y: number };
  x: number;
  y: number;
  day: string | null;
  dragging: boolean;
}

/** `width`: the chart's; near its right edge the words go to the left of the marker. */
function DragMarker({ drag, width }: { drag: DragState; width: number }) {
  const leftSide = drag.x > width - 200;
  const shift = drag.day ? daysBetween(drag.milestone.forecast_date, drag.day) : 0;
  return (
    <>
      <Box
        aria-hidden
        pos="absolute"
        left={drag.x - 8}
        top={drag.y - 8}
        w={16}
        h={16}
        style={{ borderRadius: '50%', border: `2px dashed ${COLORS.forecast}`, background: 'rgba(66, 99, 235, 0.25)', pointerEvents: 'none' }}
      />
      <Paper
        pos="absolute"
        left={leftSide ? undefined : drag.x + 12}
        right={leftSide ? width - drag.x + 12 : undefined}
        top={drag.y - 30}
        px={6}
        py={2}
        shadow="sm"
        withBorder
        style={{ pointerEvents: 'none', whiteSpace: 'nowrap' }}
        role="status"
      >
        <Text size="xs" fw={600}>
          {drag.day ? formatDate(drag.day) : '—'}
          {shift !== 0 ? ` (${formatDuration(shift)} ${shift > 0 ? 'later' : 'earlier'})` : ''}
        </Text>
      </Paper>
    </>
  );
}

export function PlanTimeline({
  plan,
  onMilestoneClick,
  canMove,
  onMoveForecast,
}: { plan: Plan; onMilestoneClick?: (milestone: Milestone) => void } & MoveProps) {
  const timeline = useMemo(() => buildTimeline(plan), [plan]);
  const geometry = useRef<TimelineGeometry>(newGeometry());
  const moves = !!onMoveForecast;
  const movable = useMemo(
    () => new Set(moves && canMove ? plan.milestones.filter((m) => isOpen(m) && canMove(m)).map((m) => m.id) : []),
    [plan, canMove, moves],
  );
  const option = useMemo(() => timelineOption(timeline, { geometry: geometry.current, movable }), [timeline, movable]);
  const [asTable, setAsTable] = useState(false);
  const [drag, setDrag] = useState<DragState | null>(null);
  const surface = useRef<HTMLDivElement>(null);
  const stopDrag = useRef<(() => void) | null>(null);
  /** Set for the moment after a drop, so that the release is not also taken for a click. */
  const dropped = useRef(false);
  useEffect(() => () => stopDrag.current?.(), []);
  const layout = labelLayout(timeline.rows.map((r) => r.label));
  const height = Math.max(180, timeline.rows.length * layout.rowHeight + 70);

  /** Pointer position within the chart. */
  const local = (event: { clientX: number; clientY: number }) => {
    const rect = surface.current?.getBoundingClientRect();
    return { x: event.clientX - (rect?.left ?? 0), y: event.clientY - (rect?.top ?? 0) };
  };

  /** A press on the chart: on a movable forecast (`picked`, or the one under the pointer) it may become a drag. */
  const startDrag = (event: ReactPointerEvent<HTMLElement>, picked?: Milestone) => {
    if (event.button !== 0 || movable.size === 0) return;
    const at = local(event);
    const id = picked?.id ?? forecastAt(geometry.current, at.x, at.y);
    const milestone = id ? plan.milestones.find((m) => m.id === id) : undefined;
    if (!milestone) return;
    if (picked) event.stopPropagation();
    const point = geometry.current.points.get(milestone.id) ?? at;
    let state: DragState = { milestone, from: at, x: point.x, y: point.y, day: milestone.forecast_date, dragging: false };
    const move = (e: PointerEvent) => {
      const to = local(e);
      if (!state.dragging && !isDrag(state.from, to)) return;
      state = { ...state, x: to.x, day: dayAtPixel(to.x, geometry.current), dragging: true };
      setDrag(state);
    };
    const stop = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('keydown', key);
      stopDrag.current = null;
      setDrag(null);
    };
    const up = () => {
      stop();
      if (state.dragging) {
        dropped.current = true;
        window.setTimeout(() => {
          dropped.current = false;
        }, 0);
      }
      // Nothing is saved here: the reason dialog opens with the new date, and Cancel leaves the
      // forecast where it was (the chart never moved it).
      if (state.dragging && state.day && state.day !== milestone.forecast_date) {
        onMoveForecast?.(milestone, { forecast_date: state.day, reason: '' });
      }
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Escape') stop();
    };
    stopDrag.current?.();
    stopDrag.current = stop;
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('keydown', key);
  };

  // Where each movable forecast sits once the chart has drawn: a handle (a real button) over each,
  // to grab with a pointer or to move with the arrow keys (a day; a week with Shift), Enter to
  // choose the day and give the reason, Escape to leave it.
  const [handles, setHandles] = useState<{ milestone: Milestone; x: number; y: number }[]>([]);
  const onRendered = useCallback(() => {
    const next = plan.milestones
      .filter((m) => movable.has(m.id) && geometry.current.points.has(m.id))
      .map((m) => ({ milestone: m, ...(geometry.current.points.get(m.id) as { x: number; y: number }) }));
    setHandles((current) =>
      current.length === next.length &&
      current.every((h, i) => h.milestone === next[i]?.milestone && h.x === next[i]?.x && h.y === next[i]?.y)
        ? current
        : next,
    );
  }, [plan, movable]);
  const onHandleKey = (event: ReactKeyboardEvent<HTMLElement>, milestone: Milestone, at: { x: number; y: number }) => {
    const step = keyStep(event.key, event.shiftKey);
    if (step !== 0) {
      event.preventDefault();
      const base = drag?.milestone.id === milestone.id && drag.day ? drag.day : milestone.forecast_date;
      const day = addDays(base, step);
      const x = pixelOfDay(day, geometry.current) ?? at.x;
      setDrag({ milestone, from: at, x, y: at.y, day, dragging: true });
    } else if (event.key === 'Enter' && drag?.milestone.id === milestone.id) {
      event.preventDefault();
      setDrag(null);
      if (drag.day && drag.day !== milestone.forecast_date) onMoveForecast?.(milestone, { forecast_date: drag.day, reason: '' });
    } else if (event.key === 'Escape' && drag) {
      event.preventDefault();
      setDrag(null);
    }
  };

  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="sm">
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed">
            ◇ baseline · ● forecast or actual · bar: slip · arrows: dependencies · ring: critical path. Point at a milestone for details.
            {movable.size > 0 ? ' Drag a forecast (●) sideways to move it, or move it from the table.' : ''}
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
          <Box
            miw={640}
            ref={surface}
            pos="relative"
            onPointerDown={(event) => startDrag(event)}
            style={{ userSelect: drag ? 'none' : undefined, cursor: drag?.dragging ? 'grabbing' : undefined }}
          >
            <EChart
              option={option}
              height={height}
              label={describeTimeline(timeline)}
              onItemClick={(id) => {
                if (dropped.current) return;
                const milestone = plan.milestones.find((m) => m.id === id);
                if (milestone) onMilestoneClick?.(milestone);
              }}
              onRendered={movable.size > 0 ? onRendered : undefined}
            />
            {handles.map(({ milestone, x, y }) => (
              <UnstyledButton
                key={milestone.id}
                pos="absolute"
                left={x - 9}
                top={y - 9}
                w={18}
                h={18}
                data-forecast-handle={milestone.title}
                aria-label={`Move the forecast of “${milestone.title}”, now ${formatDate(milestone.forecast_date)}: arrow keys, then Enter`}
                title={`Drag to move the forecast of “${milestone.title}”`}
                style={{ borderRadius: '50%', cursor: drag?.dragging ? 'grabbing' : 'grab' }}
                className="timeline-handle"
                onPointerDown={(event: ReactPointerEvent<HTMLElement>) => startDrag(event, milestone)}
                onClick={() => {
                  // A click without a drag opens the milestone, as a click on the chart does.
                  if (!dropped.current) onMilestoneClick?.(milestone);
                }}
                onKeyDown={(event: ReactKeyboardEvent<HTMLElement>) => onHandleKey(event, milestone, { x, y })}
                onBlur={() => {
                  // Leaving the handle leaves a keyboard move where it was (a pointer drag goes on).
                  if (!stopDrag.current) setDrag((current) => (current?.milestone.id === milestone.id ? null : current));
                }}
              />
            ))}
            {drag?.dragging && <DragMarker drag={drag} width={surface.current?.clientWidth ?? 0} />}
          </Box>
        </Box>
        {asTable && <TimelineTable timeline={timeline} canMove={canMove} onMoveForecast={onMoveForecast} />}
      </Stack>
    </Paper>
  );
}
