import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeDecisionRight, makeIssue, MEMBERS, pick } from '../../test/governance';
import { fakeApi, makeAlliance, renderPage } from '../../test/utils';
import { IssuesSection } from './IssuesSection';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const path = `/api/v1/alliances/${alliance.id}/issues`;

function register() {
  const onTime = makeIssue({ title: 'Budget split for phase II', days_left: 3, version: 2 });
  const late = makeIssue({ title: 'Publication timing', current_level: 1, current_level_name: 'JDC', days_left: -2, severity: 'critical' });
  const seen = fakeApi({
    [`GET ${path}`]: { status: 200, body: { items: [onTime, late], next_cursor: null } },
    [`POST ${path}/${onTime.id}/escalate`]: { status: 200, body: { ...onTime, current_level: 1, current_level_name: 'JDC' } },
    [`POST ${path}/${onTime.id}/resolve`]: { status: 200, body: { ...onTime, status: 'resolved' } },
    [`GET ${path}/${late.id}/history`]: {
      status: 200,
      body: {
        items: [
          { level: 0, level_name: 'Team', entered_on: '2026-11-01', due_on: '2026-11-11', reason: 'raised', note: '', by: 'u', by_name: 'Alice Moreau' },
          { level: 1, level_name: 'JDC', entered_on: '2026-11-12', due_on: '2026-11-26', reason: 'automatic', note: '', by: null, by_name: null },
        ],
      },
    },
    [`GET /api/v1/alliances/${alliance.id}/decision-rights`]: { status: 200, body: { items: [makeDecisionRight()], next_cursor: null } },
  });
  return { onTime, late, seen };
}

describe('IssuesSection', () => {
  it('shows each open issue’s level and the days it has left there', async () => {
    const { seen } = register();
    renderPage(<IssuesSection alliance={alliance} members={MEMBERS} />);
    const onTime = await screen.findByRole('row', { name: /Budget split for phase II/ });
    expect(within(onTime).getByText('3 days left')).toBeInTheDocument();
    expect(onTime).toHaveTextContent('Level 1 of 4');
    const late = screen.getByRole('row', { name: /Publication timing/ });
    expect(within(late).getByText('2 days overdue')).toBeInTheDocument();
    expect(within(late).getByText('Critical')).toBeInTheDocument();
    expect(late).toHaveTextContent('JDC');
    expect(seen.find((r) => r.path === path)?.search.get('status')).toBe('open');
  });

  it('escalates with a reason, against the issue’s version', async () => {
    const { onTime, seen } = register();
    renderPage(<IssuesSection alliance={alliance} members={MEMBERS} />);
    await user.click(await screen.findByRole('button', { name: `Actions for “${onTime.title}”` }));
    await user.click(await screen.findByRole('menuitem', { name: 'Escalate' }));
    const dialog = await screen.findByRole('dialog', { name: 'Escalate the issue' });
    expect(dialog).toHaveTextContent('moves now from Team to JDC, which has 14 days');
    await user.click(within(dialog).getByRole('button', { name: 'Escalate' }));
    expect(await within(dialog).findByText('Say why it cannot wait')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Teams are deadlocked');
    await user.click(within(dialog).getByRole('button', { name: 'Escalate' }));
    await waitFor(() => expect(seen.some((r) => r.path.endsWith('/escalate'))).toBe(true));
    const post = seen.find((r) => r.path.endsWith('/escalate'));
    expect(post?.headers.get('If-Match')).toBe('"2"');
    expect(post?.body).toEqual({ reason: 'Teams are deadlocked' });
  });

  it('resolves with the outcome and who agreed to it', async () => {
    const { onTime, seen } = register();
    renderPage(<IssuesSection alliance={alliance} members={MEMBERS} />);
    await user.click(await screen.findByRole('button', { name: `Actions for “${onTime.title}”` }));
    await user.click(await screen.findByRole('menuitem', { name: 'Resolve' }));
    const dialog = await screen.findByRole('dialog', { name: 'Resolve the issue' });
    await user.type(within(dialog).getByRole('textbox', { name: /Outcome/ }), 'Split 60/40');
    await pick(user, /Agreed by/, 'Dana Whitfield (Pulsewise Health)', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Resolve issue' }));
    await waitFor(() => expect(seen.some((r) => r.path.endsWith('/resolve'))).toBe(true));
    expect(seen.find((r) => r.path.endsWith('/resolve'))?.body).toEqual({ outcome: 'Split 60/40', agreed_by: [MEMBERS[1]!.user_id] });
  });

  it('opens an issue’s history from the address, automatic escalations included', async () => {
    const { late } = register();
    renderPage(<IssuesSection alliance={alliance} members={MEMBERS} />, { route: `/?section=issues&issue=${late.id}` });
    const drawer = await screen.findByRole('dialog', { name: 'History of “Publication timing”' });
    expect(await within(drawer).findByText('Escalated automatically to JDC (deadline passed)')).toBeInTheDocument();
    expect(within(drawer).getByText('Raised at Team')).toBeInTheDocument();
  });
});
