import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeResults, makeWave, MEMBERS } from '../../test/health';
import { fakeApi, makeAlliance, renderPage } from '../../test/utils';
import { formatDate } from '../../ui/format';
import { HealthPanel } from './HealthPanel';
import { gapChartOption, gapRows, radarOption } from './results';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const base = `/api/v1/alliances/${alliance.id}`;
const results = makeResults();
const closed = { ...results.wave, id: '01a1ffd0-0000-7000-9000-0000000a0001' };
const HIDDEN = /^Hidden to keep the answers anonymous: fewer than 3 people stand behind it/;

function server(wave = closed, extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    [`GET ${base}/members`]: { status: 200, body: { items: MEMBERS } },
    [`GET ${base}/health-waves/${wave.id}`]: { status: 200, body: wave },
    [`GET ${base}/health-waves/${wave.id}/results`]: { status: 200, body: { ...results, wave } },
    ...extra,
  });
}

function render(waveId = closed.id) {
  return renderPage(<HealthPanel alliance={alliance} />, { route: `/alliances/a/health?wave=${waveId}` });
}

const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent?.trim());

describe('the results of a closed wave', () => {
  it('shows the overall and each party’s score, and per dimension each party’s score, the gap and the flag', async () => {
    server();
    render();
    const overall = await screen.findByRole('region', { name: 'Overall score' });
    expect(within(overall).getByText('All parties').parentElement).toHaveTextContent('All parties61 of 100');
    expect(within(overall).getByText('Meridian Therapeutics').parentElement).toHaveTextContent('68 of 100');
    expect(within(overall).getByText('Pulsewise Health').parentElement).toHaveTextContent('47 of 100');

    const table = screen.getByRole('table', { name: 'Scores by dimension' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Dimension', 'Meridian Therapeutics', 'Pulsewise Health', 'All parties', 'Gap', 'Flag']);
    const trust = within(table).getByRole('row', { name: /^Trust/ });
    expect(cells(trust)).toEqual(['80', '40', '65', '40', 'Flagged']);
    const governance = within(table).getByRole('row', { name: /^Governance and decision making/ });
    expect(cells(governance)).toEqual(['hidden', 'hidden', '55', '–', '']);
  });

  it('shows a hidden slice as hidden, with the anonymity rule a keyboard can reach', async () => {
    server();
    render();
    const table = await screen.findByRole('table', { name: 'Scores by dimension' });
    const governance = within(table).getByRole('row', { name: /^Governance and decision making/ });
    const [hidden] = within(governance).getAllByText('hidden');
    const marker = hidden!.closest('[data-hidden-score]') as HTMLElement;
    expect(marker).toHaveAccessibleDescription(HIDDEN);
    marker.focus();
    expect(await screen.findByRole('tooltip')).toHaveTextContent(HIDDEN);
    // The same sentence stands under the table, for those who print or do not hover.
    expect(screen.getByText(HIDDEN, { selector: 'p' })).toBeInTheDocument();
  });

  it('shows the gaps largest first, and the same numbers as a table', async () => {
    server();
    render();
    const card = await screen.findByRole('region', { name: 'Perception gap' });
    expect(within(card).getByRole('img', { name: /^Perception gap by dimension, largest first: Trust 40 \(flagged\); no gap for Governance and decision making/ })).toBeInTheDocument();
    await user.click(within(card).getByRole('radio', { name: 'Table' }));
    const table = within(card).getByRole('table', { name: 'Perception gap by dimension' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [within(r).getByRole('rowheader').textContent, ...cells(r)])).toEqual([
      ['Trust', '40', 'Yes'],
      ['Governance and decision making', 'No gap: fewer than two parties shown', 'No'],
    ]);
    // The bars the chart draws are these numbers, in this order.
    const option = gapChartOption(gapRows(results.dimensions), 25);
    expect(option.yAxis.data).toEqual(['Trust']);
    expect(option.series[0]!.data.map((d) => d.value)).toEqual([40]);
  });

  it('shows the dimensions by party on a radar, and the same scores as a table', async () => {
    server();
    render();
    const card = await screen.findByRole('region', { name: 'Dimensions by party' });
    expect(within(card).getByRole('img', { name: /^Scores by dimension and party, 0 to 100\. Meridian Therapeutics: Governance and decision making hidden, Trust 80\./ })).toBeInTheDocument();
    await user.click(within(card).getByRole('radio', { name: 'Table' }));
    const table = within(card).getByRole('table', { name: 'Dimensions by party' });
    expect(cells(within(table).getByRole('row', { name: /^Trust/ }))).toEqual(['80', '40', '65']);
    expect(cells(within(table).getByRole('row', { name: /^Governance/ }))).toEqual(['hidden', 'hidden', '55']);
    const series = radarOption(results).series[0]!.data;
    expect(series.map((s) => [s.name, s.value])).toEqual([
      ['Meridian Therapeutics', ['-', 80]],
      ['Pulsewise Health', ['-', 40]],
      ['All parties', [55, 65]],
    ]);
  });

  it('opens a dimension to how people answered each question, its scores by role and its comments', async () => {
    server();
    render();
    await screen.findByRole('region', { name: 'Dimension by dimension' });
    await user.click(screen.getByText('Trust', { selector: 'summary *' }));
    const item = await screen.findByRole('table', { name: 'How people answered “We assume good intentions before drawing conclusions.”' });
    expect(within(item).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'AnswerPeople',
      'Strongly disagree0',
      'Disagree1',
      'Neither agree nor disagree2',
      'Agree3',
      'Strongly agree1',
      'Don’t know1',
    ]);
    expect(screen.getByText('By role:').parentElement).toHaveTextContent('By role: Alliance manager 70 · Team member hidden');
    const comments = screen.getByRole('region', { name: 'Comments on Trust' });
    expect(within(comments).getAllByRole('listitem').map((li) => li.textContent)).toContain('We need a shared tracker.');

    await user.click(screen.getByText('Governance and decision making', { selector: 'summary *' }));
    expect(await screen.findByRole('region', { name: 'Comments on Governance and decision making' })).toHaveTextContent(
      'Comments are shown only when a dimension has at least 5 of them, so that nobody is recognised by their words',
    );
    expect(screen.getByText(/How people answered is hidden/)).toBeInTheDocument();
  });

  it('draws nothing, and says why, when too few answered for any score to be shown', async () => {
    const hide = <T extends { overall: object; parties: object[] }>(x: T) => ({ ...x, overall: { ...x.overall, hidden: true, score: null }, parties: x.parties.map((p) => ({ ...p, hidden: true, score: null })) });
    server(closed, {
      [`GET ${base}/health-waves/${closed.id}/results`]: { status: 200, body: { ...hide(results), wave: closed, dimensions: results.dimensions.map((d) => ({ ...hide(d), gap: null, gap_flagged: false })) } },
    });
    render();
    const card = await screen.findByRole('region', { name: 'Dimensions by party' });
    expect(card).toHaveTextContent('Nothing to draw: every score is hidden, because too few people answered');
    expect(within(card).queryByRole('img')).toBeNull();
    expect(within(screen.getByRole('region', { name: 'Overall score' })).getAllByText('hidden')).toHaveLength(3);
  });
});

describe('a dimension’s scores beside the evidence, how it moved, and its action plans', () => {
  it('says once, near the top, over which days the evidence counts', async () => {
    server();
    render();
    const overall = await screen.findByRole('region', { name: 'Overall score' });
    expect(overall).toHaveTextContent(`Evidence from ${formatDate('2026-06-01')} to ${formatDate('2026-11-15')}`);
    expect(screen.getAllByText(/^Evidence from/)).toHaveLength(1);
  });

  it('says how each dimension moved since the wave before, rounded, before it is opened', async () => {
    server();
    render();
    await screen.findByRole('region', { name: 'Dimension by dimension' });
    const summary = (name: string) => screen.getByText(name, { selector: 'summary *' }).closest('summary') as HTMLElement;
    // 65 now, 53 then.
    expect(summary('Trust')).toHaveTextContent('+12 since Health check, spring 2026');
    expect(summary('Trust')).toHaveTextContent('1 action plan');
    // 55 now, 60.4 then: the scores as they read, 55 and 60.
    expect(summary('Governance and decision making')).toHaveTextContent('−5 since Health check, spring 2026');
    expect(summary('Governance and decision making')).not.toHaveTextContent('action plan');
  });

  it('says nothing of a move when the wave before hid the dimension, or there was none', async () => {
    const quiet = results.dimensions.map((d) => ({ ...d, previous: d.key === 'trust' ? null : { ...d.previous!, score: null } }));
    server(closed, { [`GET ${base}/health-waves/${closed.id}/results`]: { status: 200, body: { ...results, wave: closed, dimensions: quiet } } });
    render();
    await screen.findByRole('region', { name: 'Dimension by dimension' });
    expect(document.querySelector('[data-movement]')).toBeNull();
    expect(screen.queryByText(/since Health check, spring 2026/)).toBeNull();
  });

  it('shows what the records say in words and units, “nothing to measure” for an empty period, and what is behind plan', async () => {
    server();
    render();
    await screen.findByRole('region', { name: 'Dimension by dimension' });
    await user.click(screen.getByText('Governance and decision making', { selector: 'summary *' }));
    const section = await screen.findByRole('region', { name: 'Perception beside evidence for Governance and decision making' });
    const evidence = within(section).getByRole('list', { name: 'Evidence for Governance and decision making' });
    const lines = within(evidence)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('p')?.textContent);
    expect(lines).toEqual([
      'Decisions waiting more than 30 days: 2',
      'Days from proposal to decision: nothing to measure',
      'Meetings held: 3 of 4 the cadences call forBehind plan',
      'On-time rate: Meridian Therapeutics 92 %, Pulsewise Health 71 %',
    ]);
    expect(evidence).toHaveTextContent('Committee meetings of the period that were not cancelled, against what the committees’ cadences call for over the time each committee existed.');
    // No key of the API reads as itself (in what is read: Mantine's responsive grid puts a style
    // element, with generated class names, inside the section).
    const read = section.cloneNode(true) as HTMLElement;
    read.querySelectorAll('style').forEach((style) => style.remove());
    expect(read.textContent).not.toMatch(/[a-z]+_[a-z]+/);
    expect(section).toHaveTextContent('All parties: 55 · −5 since Health check, spring 2026');

    await user.click(screen.getByText('Trust', { selector: 'summary *' }));
    expect(await screen.findByRole('region', { name: 'Perception beside evidence for Trust' })).toHaveTextContent('The alliance’s records hold nothing to count for this dimension');
  });

  it('lists the action plans that answer a dimension, from this wave or an earlier one, in words', async () => {
    server();
    render();
    await screen.findByRole('region', { name: 'Dimension by dimension' });
    await user.click(screen.getByText('Trust', { selector: 'summary *' }));
    const table = await screen.findByRole('table', { name: 'Action plans for Trust' });
    const row = within(table).getByRole('row', { name: /Monthly review of open data requests/ });
    expect(row).toHaveAttribute('data-overdue', 'true');
    expect(cells(row)).toEqual([
      'Monthly review of open data requestsFrom Health check, spring 2026Question 2.2: The other party does what it says it will do.',
      'Dana Whitfield',
      `${formatDate('2026-10-01')}Overdue`,
      'In progress',
      'Joint Steering Committee',
    ]);
    expect(screen.getByRole('link', { name: 'follow them up under Governance, Actions' })).toHaveAttribute('href', `/alliances/${alliance.id}/governance?section=actions`);

    await user.click(screen.getByText('Governance and decision making', { selector: 'summary *' }));
    expect(await screen.findByRole('region', { name: 'Action plans for Governance and decision making' })).toHaveTextContent('No action plan yet.');
  });

  it('offers no action plan to those who may not add action items', async () => {
    server();
    renderPage(<HealthPanel alliance={makeAlliance({ my_role: 'viewer' })} />, { route: `/alliances/a/health?wave=${closed.id}` });
    await screen.findByRole('region', { name: 'Dimension by dimension' });
    await user.click(screen.getByText('Trust', { selector: 'summary *' }));
    await screen.findByRole('table', { name: 'Action plans for Trust' });
    expect(screen.queryByRole('button', { name: /Create action plan/ })).toBeNull();
  });
});

describe('a wave still open', () => {
  it('says when its results open and shows only how many of each party have answered', async () => {
    const open = makeWave({ id: '01a1ffd0-0000-7000-9000-0000000a0002', title: 'Autumn health check', closes_on: '2026-11-30' });
    const seen = server(open);
    render(open.id);
    expect(await screen.findByText(new RegExp(`Results open when the wave closes on ${formatDate('2026-11-30')}\\.`))).toBeInTheDocument();
    const counts = screen.getByRole('table', { name: 'Answers so far' });
    expect(cells(within(counts).getByRole('row', { name: /^Meridian Therapeutics/ }))).toEqual(['4', '3']);
    expect(cells(within(counts).getByRole('row', { name: /^Pulsewise Health/ }))).toEqual(['2', '1']);
    expect(screen.queryByRole('table', { name: 'Scores by dimension' })).toBeNull();
    await waitFor(() => expect(seen.some((r) => r.path.endsWith('/results'))).toBe(false));
  });
});
