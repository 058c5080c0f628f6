import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeAgreement, makeObligation } from '../../test/agreements';
import { MEMBERS, pick } from '../../test/governance';
import { fakeApi, makeAlliance, problem, renderPage, type Recorded } from '../../test/utils';
import { ObligationFormModal } from './ObligationForm';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const base = `/api/v1/alliances/${alliance.id}`;
const cla = makeAgreement({ id: '01a1ffd0-0000-7000-9000-0000000a0001', title: 'Collaboration and licence agreement' });

function server(extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({ [`GET ${base}/milestones`]: { status: 200, body: { items: [], next_cursor: null } }, ...extra });
}

function render(obligation: ReturnType<typeof makeObligation> | null = null) {
  renderPage(<ObligationFormModal opened onClose={() => {}} alliance={alliance} members={MEMBERS} obligation={obligation} agreements={[cla]} />);
}

/** A new joint obligation, recurring from 10 January 2027. */
async function startRecurring() {
  const dialog = await screen.findByRole('dialog', { name: 'New obligation' });
  await pick(user, 'Agreement', 'Collaboration and licence agreement', dialog);
  await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'Quarterly report');
  await user.click(within(dialog).getByRole('radio', { name: 'Joint (every party)' }));
  await user.click(within(dialog).getByRole('radio', { name: 'Recurring' }));
  await user.type(within(dialog).getByRole('textbox', { name: 'Starts on' }), '2027-01-10');
  await user.click(within(dialog).getByText('Repeats'));
  return dialog;
}

const summary = (dialog: HTMLElement) => dialog.querySelector('[data-recurrence-summary]');

describe('choosing the recurrence of an obligation', () => {
  it('sends “every quarter on the 15th” as FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15, with the words and next dates shown', { timeout: 40000 }, async () => {
    const seen = server({ [`POST ${base}/obligations`]: (r) => ({ status: 201, body: makeObligation({ ...(r.body as object) }) }) });
    render();
    const dialog = await startRecurring();
    await pick(user, 'Repeats every', 'month', dialog);
    expect(summary(dialog)).toHaveTextContent(/^Every month on the last day, starting/);
    await pick(user, 'Repeats every', 'quarter', dialog);
    await pick(user, 'On the', '15th', dialog);
    expect(summary(dialog)).toHaveTextContent(/^Every quarter on the 15th, starting/);
    // Quarters count from the start's month: January, April…
    const next = within(within(dialog).getByRole('list', { name: 'Next due dates:' })).getAllByRole('listitem');
    expect(next[0]).toHaveTextContent(/Jan 15, 2027|15 Jan 2027/);
    expect(next[1]).toHaveTextContent(/Apr 15, 2027|15 Apr 2027/);
    // Nobody reads the RRULE unless they ask for it.
    expect(within(dialog).queryByRole('textbox', { name: /RRULE/ })).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Add obligation' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(seen.find((r) => r.method === 'POST')?.body).toMatchObject({
      schedule: 'recurring',
      starts_on: '2027-01-10',
      rrule: 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=15',
      due_on: null,
    });
  });

  it('writes “every second Tuesday”, “every 2 weeks on Monday” and an end after some times', { timeout: 40000 }, async () => {
    const seen = server({ [`POST ${base}/obligations`]: (r) => ({ status: 201, body: makeObligation({ ...(r.body as object) }) }) });
    render();
    const dialog = await startRecurring();
    await pick(user, 'Repeats every', 'month', dialog);
    await pick(user, 'On the', 'second', dialog);
    await pick(user, 'Weekday', 'Tuesday', dialog);
    expect(summary(dialog)).toHaveTextContent(/^Every month on the second Tuesday, starting/);
    await user.click(within(dialog).getByRole('button', { name: 'Advanced: RRULE' }));
    expect(within(dialog).getByRole('textbox', { name: /RRULE/ })).toHaveValue('FREQ=MONTHLY;BYDAY=2TU');

    await pick(user, 'Repeats every', 'week', dialog);
    await user.clear(within(dialog).getByRole('textbox', { name: 'How many' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'How many' }), '2');
    await user.click(within(dialog).getByRole('button', { name: 'Monday' }));
    await user.click(within(dialog).getByRole('button', { name: 'Sunday' })); // 10 January 2027 is a Sunday
    await pick(user, 'Ends', 'after a number of times', dialog);
    expect(summary(dialog)).toHaveTextContent(/^Every 2 weeks on Monday, 12 times, starting/);
    expect(within(dialog).getByRole('textbox', { name: /RRULE/ })).toHaveValue('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=12');
    await user.click(within(dialog).getByRole('button', { name: 'Add obligation' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(seen.find((r) => r.method === 'POST')?.body).toMatchObject({ rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO;COUNT=12' });
  });

  it('sets “every year on 30 June” by moving the start to the next 30 June', { timeout: 40000 }, async () => {
    const seen = server({ [`POST ${base}/obligations`]: (r) => ({ status: 201, body: makeObligation({ ...(r.body as object) }) }) });
    render();
    const dialog = await startRecurring();
    await pick(user, 'Repeats every', 'year', dialog);
    await pick(user, 'Month', 'June', dialog);
    await pick(user, 'Day', '30', dialog);
    expect(summary(dialog)).toHaveTextContent(/^Every year on June 30, starting/);
    await user.click(within(dialog).getByRole('button', { name: 'Add obligation' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(seen.find((r) => r.method === 'POST')?.body).toMatchObject({ starts_on: '2027-06-30', rrule: 'FREQ=YEARLY' });
  });

  it('follows a rule typed under Advanced, and keeps one it cannot express as written', { timeout: 40000 }, async () => {
    server();
    render();
    const dialog = await startRecurring();
    await user.click(within(dialog).getByRole('button', { name: 'Advanced: RRULE' }));
    const raw = within(dialog).getByRole('textbox', { name: /RRULE/ });
    await user.clear(raw);
    await user.paste('FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20281231');
    expect(summary(dialog)).toHaveTextContent(/^Every month on the last Friday, until Dec 31, 2028, starting/);
    expect(within(dialog).getByRole('combobox', { name: 'Ends' })).toHaveValue('on a date');

    await user.clear(raw);
    await user.paste('FREQ=MONTHLY;BYMONTHDAY=1,15');
    expect(within(dialog).getByText('This rule is kept as written')).toBeInTheDocument();
    expect(within(dialog).getByText(/it falls on several days of the month/)).toBeInTheDocument();
    expect(within(dialog).queryByRole('combobox', { name: 'Repeats every' })).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Use the picker instead' }));
    expect(summary(dialog)).toHaveTextContent(/^Every month on the 10th, starting/);
    expect(raw).toHaveValue('FREQ=MONTHLY;BYMONTHDAY=10');
  });

  it('does not send a rule the server would refuse, and says why in words', { timeout: 40000 }, async () => {
    const seen = server();
    render();
    const dialog = await startRecurring();
    await user.click(within(dialog).getByRole('button', { name: 'Advanced: RRULE' }));
    const raw = within(dialog).getByRole('textbox', { name: /RRULE/ });
    await user.clear(raw);
    await user.paste('FREQ=MONTHLY;BYSETPOS=-1');
    expect(within(dialog).getByText('This rule would be refused')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Add obligation' }));
    await waitFor(() => expect(raw).toHaveAttribute('aria-invalid', 'true'));
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it('shows the server’s 422 on the rule field, opening Advanced', { timeout: 40000 }, async () => {
    server({ [`POST ${base}/obligations`]: problem(422, 'Validation failed.', [{ field: 'rrule', message: 'the rule yields no date' }]) });
    render();
    const dialog = await startRecurring();
    await user.click(within(dialog).getByRole('button', { name: 'Add obligation' }));
    const raw = await within(dialog).findByRole('textbox', { name: /RRULE/ });
    await waitFor(() => expect(raw).toHaveAttribute('aria-invalid', 'true'));
    expect(within(dialog).getAllByText('The rule yields no date.').length).toBeGreaterThan(0);
  });

  it('edits a rule the picker cannot express without changing it', { timeout: 40000 }, async () => {
    const obligation = makeObligation({ id: '01a1ffd0-0000-7000-9000-0000000b0009', agreement_id: cla.id, starts_on: '2027-01-01', rrule: 'FREQ=MONTHLY;BYMONTHDAY=1,15', version: 4 });
    const seen = server({ [`PATCH ${base}/obligations/${obligation.id}`]: (r) => ({ status: 200, body: { ...obligation, ...(r.body as object), version: 5 } }) });
    render(obligation);
    const dialog = await screen.findByRole('dialog', { name: 'Edit obligation' });
    expect(within(dialog).getByText('This rule is kept as written')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /RRULE/ })).toHaveValue('FREQ=MONTHLY;BYMONTHDAY=1,15');
    const next = within(dialog).getByRole('list', { name: 'Next due dates:' });
    expect(within(next).getAllByRole('listitem')).toHaveLength(5);
    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), ' (signed)');
    await user.click(within(dialog).getByRole('button', { name: 'Save obligation' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = seen.find((r) => r.method === 'PATCH') as Recorded;
    expect(patch.body).toEqual({ title: 'Quarterly development report (signed)' });
    expect(patch.headers.get('If-Match')).toBe('"4"');
  });
});
