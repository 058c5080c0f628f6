import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { pick } from '../../test/governance';
import { makeBank, makeWave, MEMBERS, PARTNER_USER } from '../../test/health';
import { fakeApi, makeAlliance, ME, problem, renderPage } from '../../test/utils';
import { addDays } from '../../ui/calendarDays';
import { today } from '../../ui/format';
import { HealthPanel } from './HealthPanel';
import { WaveForm } from './WaveForm';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const base = `/api/v1/alliances/${alliance.id}`;
const bank = makeBank();
const ownBank = makeBank({ id: '01a1ffd0-0000-7000-9000-00000000b002', shipped: false, organization_id: ME.organization.id, name: 'Our short pulse', bank_version: 2 });

function server(extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    [`GET ${base}/health-waves`]: { status: 200, body: { items: [], next_cursor: null } },
    [`GET ${base}/members`]: { status: 200, body: { items: MEMBERS } },
    'GET /api/v1/question-banks': { status: 200, body: { items: [bank, ownBank] } },
    ...extra,
  });
}

async function openNewWave() {
  renderPage(<HealthPanel alliance={alliance} />, { route: '/alliances/a/health' });
  const button = await screen.findByRole('button', { name: 'New wave' });
  await waitFor(() => expect(button).toBeEnabled());
  await user.click(button);
  return screen.findByRole('dialog', { name: 'New health-assessment wave' });
}

describe('scheduling a wave', () => {
  it('asks every member by default, in the role their alliance role suggests, and sends what was chosen', { timeout: 40000 }, async () => {
    const seen = server({ [`POST ${base}/health-waves`]: (r) => ({ status: 201, body: makeWave({ title: (r.body as { title: string }).title }) }) });
    const dialog = await openNewWave();
    const meridian = within(dialog).getByRole('group', { name: 'Meridian Therapeutics' });
    const pulsewise = within(dialog).getByRole('group', { name: 'Pulsewise Health' });
    expect(within(meridian).getByRole('checkbox', { name: 'Alice Moreau' })).toBeChecked();
    expect(within(pulsewise).getByRole('checkbox', { name: 'Dana Whitfield' })).toBeChecked();
    expect(within(pulsewise).getByRole('combobox', { name: 'Role of Dana Whitfield' })).toHaveValue('Alliance manager');
    expect(dialog).toHaveTextContent('2 people asked');
    // The thresholds say what they protect.
    expect(dialog).toHaveTextContent('no score is shown for a group smaller than the first, and no comments for a dimension with fewer than the second');

    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Health check, winter 2026');
    await pick(user, 'Question bank', 'Alliance health check (shipped with Northstar)', dialog);
    expect(dialog).toHaveTextContent('2 dimensions, 4 questions.');
    await pick(user, 'Role of Dana Whitfield', 'Executive sponsor', dialog);
    await user.type(within(dialog).getByRole('textbox', { name: 'Perception-gap threshold' }), '30');
    await user.click(within(dialog).getByRole('button', { name: 'Schedule wave' }));

    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({
      title: 'Health check, winter 2026',
      bank_id: bank.id,
      opens_on: today(),
      closes_on: addDays(today(), 14),
      respondents: [
        { user_id: PARTNER_USER, role: 'executive_sponsor' },
        { user_id: ME.user.id, role: 'alliance_manager' },
      ],
      score_threshold: 3,
      comment_threshold: 5,
      gap_threshold: 30,
      visibility: 'alliance',
    });
    expect(await screen.findByText(/“Health check, winter 2026” is scheduled: it opens on/)).toBeInTheDocument();
  });

  it('refuses a wave without a title, a bank or anyone of another party, and sends nothing', { timeout: 40000 }, async () => {
    const seen = server();
    const dialog = await openNewWave();
    await user.click(within(dialog).getByRole('checkbox', { name: 'Everyone at Pulsewise Health' }));
    expect(within(dialog).getByRole('checkbox', { name: 'Dana Whitfield' })).not.toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Schedule wave' }));
    expect(await within(dialog).findByText('Enter the title')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose the question bank')).toBeInTheDocument();
    expect(
      within(dialog).getByText('An alliance-wide wave asks people of another party too: choose someone of Pulsewise Health, or make the wave private.'),
    ).toBeInTheDocument();
    expect(seen.filter((r) => r.method === 'POST')).toEqual([]);
  });

  it('makes a private wave ask only my party, and offers no restricted readers', { timeout: 40000 }, async () => {
    const seen = server({ [`POST ${base}/health-waves`]: { status: 201, body: makeWave({ visibility: 'party' }) } });
    const dialog = await openNewWave();
    expect(within(dialog).queryByRole('radio', { name: /Restricted/ })).toBeNull();
    await user.click(within(dialog).getByRole('radio', { name: /Only Meridian Therapeutics/ }));
    const pulsewise = within(dialog).getByRole('group', { name: 'Pulsewise Health' });
    expect(within(pulsewise).getByRole('checkbox', { name: 'Dana Whitfield' })).not.toBeChecked();
    expect(within(pulsewise).getByRole('checkbox', { name: 'Dana Whitfield' })).toBeDisabled();
    expect(pulsewise).toHaveTextContent('A private wave asks only people of Meridian Therapeutics.');
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Our own pulse');
    await pick(user, 'Question bank', 'Our short pulse (version 2)', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Schedule wave' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    const body = seen.find((r) => r.method === 'POST')?.body as { visibility: string; respondents: unknown[]; bank_id: string };
    expect(body.visibility).toBe('party');
    expect(body.bank_id).toBe(ownBank.id);
    expect(body.respondents).toEqual([{ user_id: ME.user.id, role: 'alliance_manager' }]);
  });

  it('shows the server’s field errors beside the fields', { timeout: 40000 }, async () => {
    server({
      [`POST ${base}/health-waves`]: problem(422, 'Invalid input', [
        { field: 'respondents[1].user_id', message: 'is not a member of the alliance' },
        { field: 'title', message: 'is already the title of another wave' },
      ]),
    });
    const dialog = await openNewWave();
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Health check');
    await pick(user, 'Question bank', 'Alliance health check (shipped with Northstar)', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Schedule wave' }));
    expect(await within(dialog).findByText('Is not a member of the alliance.')).toBeInTheDocument();
    expect(within(dialog).getByText('Is already the title of another wave.')).toBeInTheDocument();
    expect(screen.getByRole('dialog', { name: 'New health-assessment wave' })).toBeInTheDocument();
  });
});

describe('editing a wave', () => {
  it('once answers arrived, fixes the bank, the people, the thresholds and the visibility, says why, and sends only what changed', { timeout: 40000 }, async () => {
    const wave = makeWave({ locked: true, version: 4, title: 'Autumn check' });
    const seen = server({ [`PATCH ${base}/health-waves/${wave.id}`]: { status: 200, body: { ...wave, title: 'Autumn health check', version: 5 } } });
    renderPage(<WaveForm alliance={alliance} members={MEMBERS} wave={wave} onClose={() => {}} />);
    expect(await screen.findByText(/People have started answering, so the question bank, the people asked, the anonymity thresholds and who can see the wave are fixed/)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Question bank' })).toBeDisabled();
    expect(screen.getByRole('checkbox', { name: 'Dana Whitfield' })).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'Anonymity threshold for scores' })).toBeDisabled();
    expect(screen.getByRole('radio', { name: /Only Meridian Therapeutics/ })).toBeDisabled();
    expect(screen.getByRole('textbox', { name: 'Perception-gap threshold' })).toBeEnabled();

    const title = screen.getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'Autumn health check');
    await user.click(screen.getByRole('button', { name: 'Save wave' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = seen.find((r) => r.method === 'PATCH');
    expect(patch?.body).toEqual({ title: 'Autumn health check' });
    expect(patch?.headers.get('If-Match')).toBe('"4"');
  });
});
