// The timeline's rows and marks, computed from the plan without ECharts, so that the chart, its
// text alternative and the tests read the same facts.
import { dayToTime, landingDate } from './format';
import { lateSentence, riskSentence } from './slip';
import type { Milestone, Plan } from './types';

export type TimelineRow =
  | { kind: 'objective'; id: string; label: string }
  | { kind: 'milestone'; id: string; label: string; milestone: Milestone };

export interface Dependency {
  from: Milestone;
  to: Milestone;
  /** Both ends are consecutive on the critical path. */
  critical: boolean;
}

export interface Timeline {
  rows: TimelineRow[];
  /** Row index of each milestone id. */
  rowOf: Map<string, number>;
  dependencies: Dependency[];
  critical: Set<string>;
  /** Titles of the critical path, first milestone first. */
  criticalTitles: string[];
  /** Titles of the milestones that land after their baseline. */
  slippedTitles: string[];
  /** The time axis: from the earliest to the latest day shown, with some room either side. */
  start: number;
  end: number;
  today: number;
}

const DAY_MS = 24 * 3600 * 1000;

/** Objectives in plan order, each followed by its milestones by planned date. */
export function buildTimeline(plan: Plan): Timeline {
  // Milestones whose objective is gone or not visible to the user are grouped under one row.
  const NO_OBJECTIVE = '';
  const byObjective = new Map<string, Milestone[]>();
  for (const milestone of plan.milestones) {
    const key = milestone.objective_id ?? NO_OBJECTIVE;
    const list = byObjective.get(key) ?? [];
    list.push(milestone);
    byObjective.set(key, list);
  }
  const objectiveOrder = [
    ...plan.objectives.map((o) => ({ id: o.id, title: o.title })),
    ...[...byObjective.keys()]
      .filter((id) => !plan.objectives.some((o) => o.id === id))
      .map((id) => ({ id, title: byObjective.get(id)?.[0]?.objective_title ?? 'No objective you can see' })),
  ];
  const rows: TimelineRow[] = [];
  const rowOf = new Map<string, number>();
  for (const objective of objectiveOrder) {
    const milestones = (byObjective.get(objective.id) ?? [])
      .slice()
      .sort((a, b) => a.planned_date.localeCompare(b.planned_date) || a.title.localeCompare(b.title));
    if (milestones.length === 0) continue;
    rows.push({ kind: 'objective', id: `objective:${objective.id}`, label: objective.title });
    for (const milestone of milestones) {
      rowOf.set(milestone.id, rows.length);
      rows.push({ kind: 'milestone', id: milestone.id, label: milestone.title, milestone });
    }
  }

  const byId = new Map(plan.milestones.map((m) => [m.id, m]));
  const critical = new Set(plan.critical_path);
  const criticalEdges = new Set<string>();
  for (let i = 1; i < plan.critical_path.length; i += 1) {
    criticalEdges.add(`${plan.critical_path[i - 1]}>${plan.critical_path[i]}`);
  }
  const dependencies: Dependency[] = [];
  for (const to of plan.milestones) {
    for (const fromId of to.depends_on) {
      const from = byId.get(fromId);
      if (from) dependencies.push({ from, to, critical: criticalEdges.has(`${from.id}>${to.id}`) });
    }
  }

  const today = dayToTime(plan.today);
  const times = plan.milestones.flatMap((m) => [dayToTime(m.planned_date), dayToTime(landingDate(m))]);
  times.push(today);
  const min = Math.min(...times);
  const max = Math.max(...times);
  const margin = Math.max(14 * DAY_MS, (max - min) * 0.04);

  return {
    rows,
    rowOf,
    dependencies,
    critical,
    criticalTitles: plan.critical_path.map((id) => byId.get(id)?.title).filter((t): t is string => !!t),
    slippedTitles: plan.milestones.filter((m) => m.slip_days > 0).map((m) => m.title),
    start: min - margin,
    end: max + margin,
    today,
  };
}

/** One sentence for screen readers: what the chart shows. */
export function describeTimeline(timeline: Timeline): string {
  const milestones = timeline.rows.filter((r) => r.kind === 'milestone').length;
  const objectives = timeline.rows.filter((r) => r.kind === 'objective').length;
  const parts = [`Plan timeline: ${milestones} ${milestones === 1 ? 'milestone' : 'milestones'} in ${objectives} ${objectives === 1 ? 'objective' : 'objectives'}.`];
  parts.push(
    timeline.slippedTitles.length
      ? `Slipped: ${timeline.slippedTitles.join(', ')}.`
      : 'No milestone has slipped against its baseline.',
  );
  if (timeline.criticalTitles.length) parts.push(`Critical path: ${timeline.criticalTitles.join(' → ')}.`);
  for (const row of timeline.rows) {
    if (row.kind !== 'milestone') continue;
    const why = [lateSentence(row.milestone), riskSentence(row.milestone)].filter(Boolean).join('; ');
    if (why) parts.push(`${row.label}: ${why}.`);
  }
  return parts.join(' ');
}
