import { screen, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeMilestone, makeObjective, makePlan } from '../../test/plan';
import { fakeApi, renderPage } from '../../test/utils';
import { labelLayout, PlanTimeline, timelineOption } from './PlanTimeline';
import { newGeometry } from './timelineDrag';
import { buildTimeline } from './timelineModel';

const user = userEventLib.setup({ delay: null });

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

  it('says on the chart and in its tooltip why a milestone is late or at risk', () => {
    const objective = makeObjective({ title: 'First patient in' });
    const site = makeMilestone({ objective_id: objective.id, title: 'Hospital A activation', forecast_date: '2027-03-22', days_late: 0, pushed_by: [] });
    const contract = makeMilestone({ objective_id: objective.id, title: 'Site contract signed', forecast_date: '2026-11-09', status: 'late', days_late: 12, pushed_by: [] });
    const fpi = makeMilestone({
      objective_id: objective.id,
      title: 'First patient in',
      forecast_date: '2027-03-01',
      status: 'at_risk',
      depends_on: [site.id],
      days_late: 0,
      pushed_by: [{ milestone_id: site.id, title: 'Hospital A activation', date: '2027-03-22', days_later: 21 }],
    });
    const option = timelineOption(buildTimeline(makePlan({ objectives: [objective], milestones: [site, contract, fpi] })));
    const tooltip = option.tooltip.formatter({ name: fpi.id, seriesName: 'Forecast' });
    expect(tooltip).toContain('At risk: depends on Hospital A activation, forecast 3 weeks later');
    expect(option.tooltip.formatter({ name: contract.id, seriesName: 'Late' })).toContain('Late by 12 days');
    const series = new Map(option.series.map((s) => [s.name, s] as const));
    const label = (name: string, id: string) => (series.get(name) as { label: { formatter: (p: { name: string }) => string } }).label.formatter({ name: id });
    expect(label('Forecast', fpi.id)).toBe('At risk: Hospital A activation +3 weeks');
    expect(label('Late', contract.id)).toBe('Late by 12 days');
    expect(label('Forecast', site.id)).toBe('');
  });

  it('gives the milestone names room and wraps the long ones instead of cutting them off', () => {
    const short = labelLayout(['IND filed', 'HTA dossier']);
    expect(short.rowHeight).toBe(30);
    const long = labelLayout(['Hospital A activation in the Rhineland-Palatinate network after the ethics vote']);
    expect(long.width).toBe(280);
    expect(long.rowHeight).toBeGreaterThan(30);
    const option = timelineOption(buildTimeline(samplePlan()));
    expect(option.yAxis.axisLabel.overflow).toBe('break');
    expect(option.yAxis.axisLabel.margin).toBeGreaterThan(option.yAxis.axisLabel.width);
  });

  it('records where the movable forecasts are drawn, only for open milestones the user may change', () => {
    const plan = samplePlan();
    const ids = new Set(plan.milestones.map((m) => m.id));
    const option = timelineOption(buildTimeline(plan), { geometry: newGeometry(), movable: ids });
    const move = option.series.find((s) => s.name === 'Move') as { data: { name: string }[] } | undefined;
    const titles = move?.data.map((d) => plan.milestones.find((m) => m.id === d.name)?.title);
    expect(titles?.sort()).toEqual(['First patient in', 'HTA dossier', 'IND filed']);
    expect(timelineOption(buildTimeline(plan)).series.some((s) => s.name === 'Move')).toBe(false);
  });

  it('moves a forecast from the table, by keyboard, and offers the dependency’s slip', async () => {
    fakeApi({});
    const objective = makeObjective({ title: 'Clinical start' });
    const site = makeMilestone({ objective_id: objective.id, title: 'Hospital A activation', forecast_date: '2027-03-22', days_late: 0, pushed_by: [] });
    const fpi = makeMilestone({
      objective_id: objective.id,
      title: 'First patient in',
      forecast_date: '2027-03-01',
      status: 'at_risk',
      depends_on: [site.id],
      days_late: 0,
      pushed_by: [{ milestone_id: site.id, title: 'Hospital A activation', date: '2027-03-22', days_later: 21 }],
    });
    const onMove = vi.fn();
    renderPage(
      <PlanTimeline plan={makePlan({ objectives: [objective], milestones: [site, fpi] })} canMove={(m) => m.id === fpi.id} onMoveForecast={onMove} />,
    );
    await user.click(screen.getByRole('switch', { name: 'Show as a table' }));
    const row = screen.getByRole('row', { name: /^First patient in/ });
    expect(row).toHaveTextContent('At risk: depends on Hospital A activation, forecast 3 weeks later');
    expect(within(screen.getByRole('row', { name: /^Hospital A activation/ })).queryByRole('button')).not.toBeInTheDocument();

    within(row).getByRole('button', { name: 'Move the forecast of First patient in' }).focus();
    await user.keyboard('{Enter}');
    expect(onMove).toHaveBeenLastCalledWith(fpi, { forecast_date: '2027-03-01', reason: '' });
    await user.click(within(row).getByRole('button', { name: 'Move forecast 3 weeks later' }));
    expect(onMove).toHaveBeenLastCalledWith(fpi, expect.objectContaining({ forecast_date: '2027-03-22', reason: expect.stringContaining('Hospital A activation') }));
  });
});
