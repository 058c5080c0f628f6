import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeMilestone, makeObjective, makePlan } from '../../test/plan';
import { fakeApi, renderPage } from '../../test/utils';
import { PlanTimeline, timelineOption } from './PlanTimeline';
import { buildTimeline } from './timelineModel';

afterEach(() => vi.unstubAllGlobals());

function samplePlan() {
  const objective = makeObjective({ title: 'First patient in' });
  const later = makeObjective({ title: 'Market access' });
  const protocol = makeMilestone({ objective_id: objective.id, title: 'Protocol approved', planned_date: '2026-10-01', forecast_date: '2026-10-01', actual_date: '2026-10-05', slip_days: 4, status: 'achieved' });
  const ind = makeMilestone({ objective_id: objective.id, title: 'IND filed', planned_date: '2027-01-15', forecast_date: '2027-03-01', slip_days: 45, status: 'at_risk', depends_on: [protocol.id] });
  const fpi = makeMilestone({ objective_id: objective.id, title: 'First patient in', planned_date: '2027-05-01', forecast_date: '2027-04-20', slip_days: -11, status: 'planned', depends_on: [ind.id], early_win: true });
  const hta = makeMilestone({ objective_id: later.id, objective_title: 'Market access', title: 'HTA dossier', planned_date: '2028-01-10', forecast_date: '2028-01-10', depends_on: [ind.id] });
  return makePlan({ objectives: [objective, later], milestones: [fpi, hta, ind, protocol], critical_path: [protocol.id, ind.id, hta.id] });
}

describe('the plan timeline', () => {
  it('groups milestones under their objectives, by planned date', () => {
    const timeline = buildTimeline(samplePlan());
    expect(timeline.rows.map((r) => `${r.kind}:${r.label}`)).toEqual([
      'objective:First patient in',
      'milestone:Protocol approved',
      'milestone:IND filed',
      'milestone:First patient in',
      'objective:Market access',
      'milestone:HTA dossier',
    ]);
    expect(timeline.dependencies.map((d) => `${d.from.title}→${d.to.title}${d.critical ? ' (critical)' : ''}`)).toEqual([
      'IND filed→First patient in',
      'IND filed→HTA dossier (critical)',
      'Protocol approved→IND filed (critical)',
    ]);
  });

  it('draws baseline, forecast, actual, slip, critical path, early wins and today', () => {
    const option = timelineOption(buildTimeline(samplePlan()));
    const series = new Map(option.series.map((s) => [s.name, s] as const));
    expect(option.legend.data).toEqual(['Baseline', 'Forecast', 'Late', 'Actual', 'Slip', 'Dependency', 'Critical path', 'Early win', 'Today']);
    expect(series.get('Baseline')?.data).toHaveLength(4);
    expect(series.get('Forecast')?.data).toHaveLength(3);
    expect(series.get('Late')?.data).toHaveLength(0);
    expect(series.get('Actual')?.data).toHaveLength(1);
    expect(series.get('Slip')?.data).toHaveLength(3);
    expect(series.get('Early win')?.data).toHaveLength(1);
    expect(option.series.filter((s) => s.name === 'Critical path')).toHaveLength(2);
    expect((series.get('Today') as { markLine?: { data: unknown } } | undefined)?.markLine?.data).toEqual([{ xAxis: Date.UTC(2026, 10, 21) }]);
  });

  it('exposes the critical path and the slipped milestones, and describes the chart in words', () => {
    fakeApi({});
    renderPage(<PlanTimeline plan={samplePlan()} />);
    const chart = screen.getByTestId('plan-timeline');
    expect(chart).toHaveAttribute('data-critical-path', 'Protocol approved,IND filed,HTA dossier');
    expect(chart).toHaveAttribute('data-slipped', 'IND filed,Protocol approved');
    expect(screen.getByRole('img', { name: /Plan timeline: 4 milestones in 2 objectives\. Slipped: IND filed, Protocol approved\. Critical path: Protocol approved → IND filed → HTA dossier\./ })).toBeInTheDocument();
  });
});
