import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeTrends, makeWave, MEMBERS, PARTNER_USER } from '../../test/health';
import { fakeApi, makeAlliance, renderPage } from '../../test/utils';
import { formatDate } from '../../ui/format';
import { AlliancePage } from '../../pages/AlliancePage';
import { HealthPanel } from './HealthPanel';
import { trendLines, trendOption } from './trends';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const base = `/api/v1/alliances/${alliance.id}`;

const open = makeWave({ id: '01a1ffd0-0000-7000-9000-0000000e0001', title: 'Autumn health check' });
const answered = makeWave({ id: '01a1ffd0-0000-7000-9000-0000000e0002', title: 'Spring health check', status: 'closed', i_submitted: true, locked: true, opens_on: '2026-04-01', closes_on: '2026-04-15', closed_on: '2026-04-10' });
const internal = makeWave({
  id: '01a1ffd0-0000-7000-9000-0000000e0003',
  title: 'Our own pulse',
  visibility: 'party',
  status: 'scheduled',
  opens_on: '2027-01-10',
  my_role: null,
  response_counts: [{ party_id: alliance.my_party.organization_id, party_name: 'Meridian Therapeutics', invited: 3, submitted: 0 }],
});

function server(extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    [`GET ${base}/health-waves`]: { status: 200, body: { items: [answered, open, internal], next_cursor: null } },
    [`GET ${base}/members`]: { status: 200, body: { items: MEMBERS } },
    [`GET ${base}/health-trends`]: { status: 200, body: makeTrends(answered.id) },
    ...extra,
  });
}

describe('the Health tab', () => {
  it('lists the waves, latest first, in words: status, days, answers per party, private, and my part', async () => {
    server();
    renderPage(<HealthPanel alliance={alliance} />, { route: '/alliances/a/health' });
    const table = await screen.findByRole('table', { name: 'Health assessment waves' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-wave'))).toEqual(['Our own pulse', 'Autumn health check', 'Spring health check']);

    const [pulse, autumn, spring] = rows as [HTMLElement, HTMLElement, HTMLElement];
    expect(within(autumn).getByText('Open')).toBeInTheDocument();
    expect(autumn).toHaveTextContent('Meridian Therapeutics 3 of 4 · Pulsewise Health 1 of 2');
    expect(autumn).toHaveTextContent(`${formatDate('2026-11-01')} – ${formatDate('2026-11-30')}`);
    expect(autumn).toHaveTextContent('Alliance health check');
    expect(within(autumn).getByRole('link', { name: 'Answer “Autumn health check”' })).toHaveAttribute('href', `/alliances/${alliance.id}/health/${open.id}/answer`);
    expect(within(autumn).queryByText('Private')).toBeNull();

    expect(within(spring).getByText('Closed')).toBeInTheDocument();
    expect(within(spring).getByText('Answered')).toBeInTheDocument();
    expect(spring).toHaveTextContent(`closed early on ${formatDate('2026-04-10')}`);
    expect(within(spring).queryByRole('link', { name: /Answer/ })).toBeNull();

    expect(within(pulse).getByText('Scheduled')).toBeInTheDocument();
    expect(within(pulse).getByText('Private')).toBeInTheDocument();
    expect(within(pulse).getByText('Not asked')).toBeInTheDocument();
    expect(pulse).toHaveTextContent('Meridian Therapeutics 0 of 3');

    // No value of the API reads as itself.
    for (const cell of within(table).getAllByRole('cell')) {
      expect(['scheduled', 'open', 'closed', 'party', 'alliance', 'alliance_manager']).not.toContain(cell.textContent?.trim());
    }
    expect(table.textContent).not.toMatch(/[a-z]+_[a-z]+/);
  });

  it('offers managers a new wave, and says what a wave is for when there is none', async () => {
    server({ [`GET ${base}/health-waves`]: { status: 200, body: { items: [], next_cursor: null } } });
    renderPage(<HealthPanel alliance={alliance} />, { route: '/alliances/a/health' });
    expect(await screen.findByText('No health assessment yet')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: 'New wave' })).toBeEnabled());
  });

  it('shows members who are not managers no way to schedule, edit, close or delete a manager’s wave', async () => {
    const byDana = { author_id: PARTNER_USER, author_name: 'Dana Whitfield' };
    server({ [`GET ${base}/health-waves`]: { status: 200, body: { items: [{ ...open, ...byDana }, { ...answered, ...byDana }], next_cursor: null } } });
    renderPage(<HealthPanel alliance={makeAlliance({ my_role: 'member' })} />, { route: '/alliances/a/health' });
    const table = await screen.findByRole('table', { name: 'Health assessment waves' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(screen.queryByRole('button', { name: 'New wave' })).toBeNull();
    expect(within(table).queryByRole('button', { name: /Actions for/ })).toBeNull();
  });

  it('closes a wave early after asking, against the version shown', async () => {
    const seen = server({ [`POST ${base}/health-waves/${open.id}/close`]: { status: 200, body: { ...open, status: 'closed', closed_on: '2026-11-20', version: 2 } } });
    renderPage(<HealthPanel alliance={alliance} />, { route: '/alliances/a/health' });
    await screen.findByRole('table', { name: 'Health assessment waves' });
    await user.click(screen.getByRole('button', { name: 'Actions for “Autumn health check”' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Close now' }));
    const dialog = await screen.findByRole('dialog', { name: 'Close “Autumn health check” now?' });
    expect(dialog).toHaveTextContent('the results open to everyone who can see the wave');
    await user.click(within(dialog).getByRole('button', { name: 'Close the wave' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    const close = seen.find((r) => r.method === 'POST');
    expect(close?.path).toBe(`${base}/health-waves/${open.id}/close`);
    expect(close?.headers.get('If-Match')).toBe('"1"');
    expect(await screen.findByText('“Autumn health check” is closed: its results are open.')).toBeInTheDocument();
  });

  it('deletes a wave nobody has answered yet, after asking', async () => {
    const seen = server({ [`DELETE ${base}/health-waves/${open.id}`]: { status: 204 } });
    renderPage(<HealthPanel alliance={alliance} />, { route: '/alliances/a/health' });
    await screen.findByRole('table', { name: 'Health assessment waves' });
    await user.click(screen.getByRole('button', { name: 'Actions for “Autumn health check”' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete “Autumn health check”?' });
    expect(dialog).toHaveTextContent('any answers they started are thrown away');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'DELETE' && r.path === `${base}/health-waves/${open.id}`)).toBe(true));
  });

  it('keeps a wave that has answers: no delete, and no closing once closed', async () => {
    server();
    renderPage(<HealthPanel alliance={alliance} />, { route: '/alliances/a/health' });
    await screen.findByRole('table', { name: 'Health assessment waves' });
    await user.click(screen.getByRole('button', { name: 'Actions for “Spring health check”' }));
    expect(await screen.findByRole('menuitem', { name: 'Edit' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Delete' })).toBeNull();
    expect(screen.queryByRole('menuitem', { name: 'Close now' })).toBeNull();
  });

  it('is a tab of the alliance page, after Agreements, and opens on the waves', async () => {
    server({ [`GET /api/v1/alliances/${alliance.id}`]: { status: 200, body: alliance } });
    renderPage(<AlliancePage />, { route: `/alliances/${alliance.id}/health`, path: '/alliances/:id/:tab?' });
    const tabs = await screen.findByRole('tablist');
    const names = within(tabs).getAllByRole('tab').map((t) => t.textContent);
    expect(names.indexOf('Health')).toBe(names.indexOf('Agreements') + 1);
    expect(within(tabs).getByRole('tab', { name: 'Health' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('table', { name: 'Health assessment waves' })).toBeInTheDocument();
  });
});

describe('the trends on the Health tab', () => {
  const cells = (row: HTMLElement) => within(row).getAllByRole('cell').map((c) => c.textContent?.trim());

  it('draws the overall and each dimension’s score across the closed waves, with the same numbers as a table', async () => {
    server();
    renderPage(<HealthPanel alliance={alliance} />, { route: '/alliances/a/health' });
    const card = await screen.findByRole('region', { name: 'Trends' });
    expect(within(card).getByRole('heading', { level: 2, name: 'Trends' })).toBeInTheDocument();
    expect(card).toHaveTextContent('A hidden score is a gap in its line, not a zero.');
    expect(
      within(card).getByRole('img', {
        name: /^Scores across closed waves, 0 to 100, oldest first\. Overall score: Spring health check 58, Autumn health check 61\. Trust: Spring health check 53, Autumn health check 65\. Governance and decision making: Spring health check hidden, Autumn health check 55\. Communication: Spring health check not asked, Autumn health check 70\.$/,
      }),
    ).toBeInTheDocument();

    await user.click(within(card).getByRole('radio', { name: 'Table' }));
    const table = within(card).getByRole('table', { name: 'Scores across waves' });
    const headers = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(['Dimension', `Spring health check${formatDate('2026-04-10')}`, `Autumn health check${formatDate('2026-11-15')}`]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [within(r).getByRole('rowheader').textContent, ...cells(r)])).toEqual([
      ['Overall score', '58', '61'],
      ['Trust', '53', '65'],
      ['Governance and decision making', 'hidden', '55'],
      ['Communication', 'not asked', '70'],
    ]);
    // The lines the chart draws: a hidden or missing score is a gap ('-'), never a zero.
    const waves = makeTrends(answered.id).waves;
    const series = trendOption(waves, trendLines(waves)).series;
    expect(series.map((s) => [s.name, s.data])).toEqual([
      ['Overall score', [58, 61]],
      ['Trust', [53, 65]],
      ['Governance and decision making', ['-', 55]],
      ['Communication', ['-', 70]],
    ]);
    expect(series.every((s) => s.connectNulls === false)).toBe(true);
  });

  it('is not shown, nor asked for, while no wave has closed', async () => {
    const seen = server({ [`GET ${base}/health-waves`]: { status: 200, body: { items: [open, internal], next_cursor: null } } });
    renderPage(<HealthPanel alliance={alliance} />, { route: '/alliances/a/health' });
    await screen.findByRole('table', { name: 'Health assessment waves' });
    expect(screen.queryByRole('region', { name: 'Trends' })).toBeNull();
    expect(seen.some((r) => r.path.endsWith('/health-trends'))).toBe(false);
  });
});
