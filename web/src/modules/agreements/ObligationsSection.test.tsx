import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeAgreement, makeObligation, makeOccurrence } from '../../test/agreements';
import { MEMBERS, pick } from '../../test/governance';
import { fakeApi, makeAlliance, problem, renderPage, type Recorded } from '../../test/utils';
import { today } from '../../ui/format';
import { ObligationsSection } from './ObligationsSection';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const base = `/api/v1/alliances/${alliance.id}`;
const cla = makeAgreement({ id: '01a1ffd0-0000-7000-9000-0000000a0001', title: 'Collaboration and licence agreement' });
const report = makeObligation({
  id: '01a1ffd0-0000-7000-9000-0000000b0001',
  agreement_id: cla.id,
  signal: { consider_amendment: true, late: 2, waived: 1, considered: 4, reason: '3 of the last 4 occurrences were late or waived' },
});
const payment = makeObligation({ id: '01a1ffd0-0000-7000-9000-0000000b0002', agreement_id: cla.id, title: 'Milestone payment', category: 'payment', clause_ref: '§9.1' });
const overdue = makeOccurrence({ obligation_id: report.id, obligation_title: report.title, due_on: '2026-09-30', status: 'overdue' });
const waived = makeOccurrence({ obligation_id: report.id, obligation_title: report.title, due_on: '2026-06-30', status: 'waived', reason: 'Agreed at the JSC', version: 3 });
const upcoming = makeOccurrence({ obligation_id: payment.id, obligation_title: payment.title, clause_ref: '§9.1', category: 'payment', due_on: '2026-12-31' });

function server(extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    [`GET ${base}/obligations`]: { status: 200, body: { items: [report, payment], next_cursor: null } },
    [`GET ${base}/occurrences`]: { status: 200, body: { items: [waived, overdue, upcoming] } },
    [`GET ${base}/milestones`]: { status: 200, body: { items: [], next_cursor: null } },
    ...extra,
  });
}

function render(route = '/?section=obligations') {
  return renderPage(<ObligationsSection alliance={alliance} members={MEMBERS} agreements={[cla]} />, { route });
}

describe('the obligations list', () => {
  it('lists the due dates of the period with their status, overdue ones flagged, and the amendment signal', async () => {
    const seen = server();
    render();
    const table = await screen.findByRole('table', { name: 'Obligations due' });
    const late = within(table).getByRole('row', { name: /2026-09-30|Sep 30, 2026/ });
    expect(late).toHaveAttribute('data-overdue', 'true');
    expect(late.querySelector('[data-occurrence-status="overdue"]')).toHaveTextContent('Overdue');
    expect(within(late).getByText('Consider an amendment')).toBeInTheDocument();
    const waivedRow = table.querySelector('[data-occurrence="Quarterly development report 2026-06-30"]') as HTMLElement;
    expect(within(waivedRow).getByText('Waived')).toBeInTheDocument();
    expect(waivedRow).toHaveTextContent('Agreed at the JSC');
    expect(screen.getByText(/3 due dates from .* · 1 overdue/)).toBeInTheDocument();
    const request = seen.find((r) => r.path === `${base}/occurrences`);
    expect(request?.search.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(request?.search.get('to')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('filters by status and category', async () => {
    const seen = server();
    render();
    await screen.findByRole('table', { name: 'Obligations due' });
    await pick(user, 'Status', 'Overdue');
    await pick(user, 'Category', 'Payment');
    await waitFor(() =>
      expect(seen.some((r) => r.path === `${base}/occurrences` && r.search.get('status') === 'overdue' && r.search.get('category') === 'payment')).toBe(true),
    );
  });
});

describe('recording an outcome', () => {
  it('marks an occurrence fulfilled with its evidence, against version 0 when nothing was recorded', { timeout: 40000 }, async () => {
    const seen = server({
      [`PUT ${base}/obligations/${report.id}/occurrences/2026-09-30`]: { status: 200, body: { ...overdue, status: 'fulfilled', version: 1 } },
    });
    render();
    await user.click(await screen.findByRole('button', { name: 'Mark “Quarterly development report” due Sep 30, 2026 fulfilled' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mark fulfilled' });
    expect(within(dialog).getByRole('textbox', { name: 'Fulfilled on' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Mark fulfilled' }));
    expect(await within(dialog).findByText('Say what shows it was done')).toBeInTheDocument();
    await user.type(within(dialog).getByRole('textbox', { name: /Evidence/ }), 'https://docs.example/q3-report.pdf');
    await user.click(within(dialog).getByRole('button', { name: 'Mark fulfilled' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PUT')).toBe(true));
    const put = seen.find((r) => r.method === 'PUT') as Recorded;
    expect(put.path).toBe(`${base}/obligations/${report.id}/occurrences/2026-09-30`);
    expect(put.headers.get('If-Match')).toBe('"0"');
    expect(put.headers.get('X-CSRF-Token')).toBe('csrf-test-token');
    // Fulfilled today: the server's default, so no date is sent.
    expect(put.body).toEqual({ status: 'fulfilled', evidence: 'https://docs.example/q3-report.pdf' });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Mark fulfilled' })).not.toBeInTheDocument());
  });

  it('shows the server’s field error in the dialog', { timeout: 40000 }, async () => {
    server({
      [`PUT ${base}/obligations/${report.id}/occurrences/2026-09-30`]: problem(422, 'Validation failed.', [{ field: 'fulfilled_on', message: 'may not be in the future' }]),
    });
    render();
    await user.click(await screen.findByRole('button', { name: 'Mark “Quarterly development report” due Sep 30, 2026 fulfilled' }));
    const dialog = await screen.findByRole('dialog', { name: 'Mark fulfilled' });
    await user.type(within(dialog).getByRole('textbox', { name: /Evidence/ }), 'Report sent');
    await user.click(within(dialog).getByRole('button', { name: 'Mark fulfilled' }));
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Fulfilled on' })).toHaveAttribute('aria-invalid', 'true'));
    expect(within(dialog).getAllByText('May not be in the future.')).toHaveLength(2);
  });

  it('waives with a reason and reopens against the recorded version', { timeout: 40000 }, async () => {
    const seen = server({
      [`PUT ${base}/obligations/${payment.id}/occurrences/2026-12-31`]: { status: 200, body: { ...upcoming, status: 'waived', version: 1 } },
      [`PUT ${base}/obligations/${report.id}/occurrences/2026-06-30`]: { status: 200, body: { ...waived, status: 'overdue', version: 4 } },
    });
    render();
    await user.click(await screen.findByRole('button', { name: 'Actions for “Milestone payment, due Dec 31, 2026”' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Waive' }));
    const dialog = await screen.findByRole('dialog', { name: 'Waive this occurrence' });
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Paid early with the previous instalment');
    await user.click(within(dialog).getByRole('button', { name: 'Waive' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PUT' && r.path.endsWith('2026-12-31'))).toBe(true));
    expect(seen.find((r) => r.method === 'PUT' && r.path.endsWith('2026-12-31'))?.body).toEqual({ status: 'waived', reason: 'Paid early with the previous instalment' });

    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Waive this occurrence' })).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Actions for “Quarterly development report, due Jun 30, 2026”' }));
    // Just after a dialog closes, the menu is still marked hidden to assistive technology for a moment.
    await user.click(await screen.findByRole('menuitem', { name: 'Reopen', hidden: true }));
    const confirm = await screen.findByRole('dialog', { name: 'Reopen this occurrence?' });
    await user.click(within(confirm).getByRole('button', { name: 'Reopen' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PUT' && r.path.endsWith('2026-06-30'))).toBe(true));
    const reopen = seen.find((r) => r.method === 'PUT' && r.path.endsWith('2026-06-30'));
    expect(reopen?.headers.get('If-Match')).toBe('"3"');
    expect(reopen?.body).toEqual({ status: 'open' });
  });
});

describe('the obligation calendar', () => {
  it('puts each due date on its day and lists the chosen day’s', async () => {
    const seen = server();
    const { router } = render('/?section=obligations&view=calendar&day=2026-09-30');
    expect(await screen.findByRole('region', { name: 'Obligation calendar' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Calendar' })).toBeChecked();
    const day = screen.getByRole('button', { name: 'Wednesday Sep 30, 2026: 1 obligation due, 1 overdue' });
    expect(day).toHaveAttribute('aria-pressed', 'true');
    expect(day.querySelectorAll('[data-dot="overdue"]')).toHaveLength(1);
    expect(screen.getByText('September 2026: 1 obligation due, 1 overdue')).toBeInTheDocument();
    // The month with a week either side.
    const request = seen.find((r) => r.path === `${base}/occurrences`);
    expect(request?.search.get('from')).toBe('2026-08-25');
    expect(request?.search.get('to')).toBe('2026-10-07');
    const list = screen.getByRole('list', { name: 'Due on Wednesday Sep 30, 2026' });
    expect(within(list).getByText('Quarterly development report')).toBeInTheDocument();
    expect(within(list).getByRole('button', { name: 'Mark “Quarterly development report” due Sep 30, 2026 fulfilled' })).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: 'List' }));
    expect(router.state.location.search).toBe('?section=obligations');
  });
});

describe('the obligation form', () => {
  it('fills the rule from the recurrence picker and sends the schedule’s fields only', { timeout: 40000 }, async () => {
    const seen = server({ [`POST ${base}/obligations`]: (r) => ({ status: 201, body: { ...report, ...(r.body as object) } }) });
    render('/?section=obligations&view=register');
    await screen.findByRole('table', { name: 'Obligations' });
    await user.click(screen.getByRole('button', { name: 'New obligation' }));
    const dialog = await screen.findByRole('dialog', { name: 'New obligation' });
    await pick(user, 'Agreement', 'Collaboration and licence agreement', dialog);
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Annual audit');
    await pick(user, 'Owed by', 'Pulsewise Health', dialog);
    await pick(user, 'Owed to', 'Meridian Therapeutics', dialog);
    await user.click(within(dialog).getByRole('radio', { name: 'Recurring' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Starts on' }), '2027-01-31');
    await pick(user, 'Repeats every', 'year', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Advanced: RRULE' }));
    expect(within(dialog).getByRole('textbox', { name: /Recurrence rule/ })).toHaveValue('FREQ=YEARLY');
    await user.click(within(dialog).getByRole('button', { name: 'Add obligation' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(seen.find((r) => r.method === 'POST')?.body).toMatchObject({
      agreement_id: cla.id,
      title: 'Annual audit',
      direction: 'owed',
      schedule: 'recurring',
      rrule: 'FREQ=YEARLY',
      due_on: null,
      milestone_id: null,
      reminder_days: [14, 3],
    });
  });

  it('shows the server’s 422 on the field it names', { timeout: 40000 }, async () => {
    server({ [`POST ${base}/obligations`]: problem(422, 'Validation failed.', [{ field: 'rrule', message: 'the rule yields no date' }]) });
    render('/?section=obligations&view=register');
    await screen.findByRole('table', { name: 'Obligations' });
    await user.click(screen.getByRole('button', { name: 'New obligation' }));
    const dialog = await screen.findByRole('dialog', { name: 'New obligation' });
    await pick(user, 'Agreement', 'Collaboration and licence agreement', dialog);
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Annual audit');
    await user.click(within(dialog).getByRole('radio', { name: 'Joint (every party)' }));
    await user.click(within(dialog).getByRole('radio', { name: 'Recurring' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Starts on' }), today());
    await user.click(within(dialog).getByRole('button', { name: 'Add obligation' }));
    // The rule's error opens Advanced, where the rule is.
    const rule = await within(dialog).findByRole('textbox', { name: /Recurrence rule/ });
    await waitFor(() => expect(rule).toHaveAttribute('aria-invalid', 'true'));
    expect(within(dialog).getAllByText('The rule yields no date.').length).toBeGreaterThan(0);
  });
});
