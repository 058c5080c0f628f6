import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeCommittee, makeMeeting, makeSeat, PARTNER_USER } from '../../test/governance';
import { fakeApi, makeAlliance, ME, PARTNER_ID, problem, renderPage } from '../../test/utils';
import { GovernancePanel } from './GovernancePanel';
import { attendanceEntries, attendanceRows } from './MeetingPage';
import type { Meeting } from './types';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const base = `/api/v1/alliances/${alliance.id}`;

const committee = makeCommittee({
  members: [
    makeSeat({ user_id: ME.user.id, name: 'Alice Moreau', role: 'chair' }),
    makeSeat({ user_id: PARTNER_USER, name: 'Dana Whitfield', organization_id: PARTNER_ID, organization_name: 'Pulsewise Health', role: 'voting_member' }),
  ],
});

const reviews = (decision: 'approved' | null): Meeting['minutes']['reviews'] => [
  { organization_id: ME.organization.id, organization_name: 'Meridian Therapeutics', required: true, decision: 'approved', comment: null, by_name: 'Alice Moreau', at: '2026-11-20T10:00:00Z' },
  { organization_id: PARTNER_ID, organization_name: 'Pulsewise Health', required: true, decision, comment: null, by_name: decision ? 'Dana Whitfield' : null, at: null },
];

function meeting(overrides: Partial<Meeting> = {}): Meeting {
  return makeMeeting({
    id: '01a1ffd0-0000-7000-9000-0000000000aa',
    committee_id: committee.id,
    version: 5,
    agenda: [
      { id: 'item-1', position: 0, title: 'Budget', owner_user_id: null, owner_name: null, time_box_minutes: 30, pre_reads: [{ title: 'Budget 2027', url: 'https://docs.example/budget' }], decision_sought: 'Approve the 2027 budget', minutes: '', version: 4 },
      { id: 'item-2', position: 1, title: 'Publication plan', owner_user_id: null, owner_name: null, time_box_minutes: 20, pre_reads: [], decision_sought: '', minutes: 'Agreed to wait.', version: 1 },
    ],
    attendance: [
      { user_id: ME.user.id, name: 'Alice Moreau', organization_id: ME.organization.id, organization_name: 'Meridian Therapeutics', committee_role: 'chair', voting: true, status: 'present', delegate_name: null },
    ],
    quorum: {
      rule: 'every_party_voting',
      met: false,
      detail: 'Pulsewise Health has no voting member present',
      present_voting_by_party: [
        { organization_id: ME.organization.id, organization_name: 'Meridian Therapeutics', present: 1, voting_members: 1 },
        { organization_id: PARTNER_ID, organization_name: 'Pulsewise Health', present: 0, voting_members: 1 },
      ],
    },
    minutes: { state: 'draft', revision: 1, final_at: null, reviews: reviews(null), can_review: true, can_write: true, can_revise: false },
    ...overrides,
  });
}

function server(m: Meeting, extra: Record<string, Parameters<typeof fakeApi>[0][string]> = {}) {
  return fakeApi({
    [`GET ${base}/committees`]: { status: 200, body: { items: [committee], next_cursor: null } },
    [`GET ${base}/members`]: { status: 200, body: { items: [] } },
    [`GET ${base}/meetings/${m.id}`]: { status: 200, body: m },
    [`GET ${base}/decisions`]: { status: 200, body: { items: [], next_cursor: null } },
    [`GET ${base}/actions`]: { status: 200, body: { items: [], next_cursor: null } },
    [`GET ${base}/meetings/${m.id}/briefs`]: { status: 200, body: { items: [], next_cursor: null } },
    ...extra,
  });
}

function open(m: Meeting) {
  return renderPage(<GovernancePanel alliance={alliance} />, { route: `/?section=meetings&meeting=${m.id}` });
}

describe('who writes the minutes and attendance', () => {
  const partners = (overrides: Partial<Meeting['minutes']>) =>
    meeting({
      party_id: PARTNER_ID,
      owner_organization_id: PARTNER_ID,
      author_id: PARTNER_USER,
      minutes: { state: 'draft', revision: 1, final_at: null, reviews: reviews(null), can_review: false, can_write: false, can_revise: false, ...overrides },
    });

  it('the committee’s record keeper writes minutes and attendance on the partner’s meeting, but not its agenda', async () => {
    const m = partners({ can_write: true });
    server(m);
    open(m);
    expect(await screen.findByRole('textbox', { name: 'Minutes of “Budget”' })).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: 'Attendance of Alice Moreau' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add agenda item' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit “Budget”' })).not.toBeInTheDocument();
  });

  it('anyone else reads them as text, with no controls that would be refused', async () => {
    const m = partners({ can_write: false });
    server(m);
    open(m);
    const agenda = await screen.findByRole('list', { name: 'Agenda items' });
    expect(within(agenda).getByText('Agreed to wait.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /Minutes of/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('radiogroup', { name: 'Attendance of Alice Moreau' })).not.toBeInTheDocument();
  });

  it('a meeting with nothing in it offers nothing to approve', async () => {
    const m = meeting({ agenda: [], minutes: { state: 'draft', revision: 1, final_at: null, reviews: reviews(null), can_review: false, can_write: true, can_revise: false } });
    server(m);
    open(m);
    const review = await screen.findByRole('region', { name: 'Minutes review' });
    expect(within(review).getByText('Nothing to approve yet: the meeting has no agenda and no minutes.')).toBeInTheDocument();
    expect(within(review).queryByRole('button', { name: 'Approve minutes' })).not.toBeInTheDocument();
  });
});

describe('the meeting page', () => {
  it('takes attendance person by person and shows the server’s quorum check', async () => {
    const m = meeting();
    const quorate: Meeting = {
      ...m,
      version: 6,
      attendance: [...m.attendance, { ...m.attendance[0]!, user_id: PARTNER_USER, name: 'Dana Whitfield', organization_id: PARTNER_ID, organization_name: 'Pulsewise Health', committee_role: 'voting_member', status: 'present' }],
      quorum: { ...m.quorum, met: true, detail: '' },
    };
    let current = m;
    const seen = server(m, {
      [`GET ${base}/meetings/${m.id}`]: () => ({ status: 200, body: current }),
      [`PUT ${base}/meetings/${m.id}/attendance`]: () => {
        current = quorate;
        return { status: 200, body: quorate };
      },
    });
    open(m);
    const attendance = await screen.findByRole('region', { name: 'Attendance' });
    expect(within(attendance).getByLabelText('No quorum: Pulsewise Health has no voting member present')).toBeInTheDocument();
    expect(within(attendance).getByText('Pulsewise Health: 0 of 1 voting member present')).toBeInTheDocument();
    const dana = within(attendance).getByRole('radiogroup', { name: 'Attendance of Dana Whitfield' });
    await user.click(within(dana).getByText('Present'));
    await waitFor(() => expect(seen.some((r) => r.method === 'PUT')).toBe(true));
    const put = seen.find((r) => r.method === 'PUT');
    expect(put?.headers.get('If-Match')).toBe('"5"');
    expect(put?.body).toEqual({
      entries: [
        { user_id: ME.user.id, status: 'present' },
        { user_id: PARTNER_USER, status: 'present' },
      ],
    });
    expect(await within(attendance).findByText('Quorum met')).toBeInTheDocument();
  });

  it('records attendance again on the fresh meeting when only something else changed meanwhile', async () => {
    const m = meeting();
    // The jobs marked the meeting held while the page was open: a new version, the same attendance.
    const held: Meeting = { ...m, version: 6, status: 'held' };
    const saved: Meeting = { ...held, version: 7, attendance: [...m.attendance, { ...m.attendance[0]!, user_id: PARTNER_USER, name: 'Dana Whitfield', organization_id: PARTNER_ID, organization_name: 'Pulsewise Health', committee_role: 'voting_member', status: 'present' }] };
    let current = m;
    const seen = server(m, {
      [`GET ${base}/meetings/${m.id}`]: () => ({ status: 200, body: current }),
      [`PUT ${base}/meetings/${m.id}/attendance`]: (r) => {
        if (r.headers.get('If-Match') !== `"${current.version}"`) return problem(412, 'Someone else changed this record.');
        current = saved;
        return { status: 200, body: saved };
      },
    });
    open(m);
    const attendance = await screen.findByRole('region', { name: 'Attendance' });
    current = held;
    await user.click(within(within(attendance).getByRole('radiogroup', { name: 'Attendance of Dana Whitfield' })).getByText('Present'));
    await waitFor(() => expect(attendance.querySelector('[data-attendance="Dana Whitfield:present"]')).not.toBeNull());
    const puts = seen.filter((r) => r.method === 'PUT');
    expect(puts.map((r) => r.headers.get('If-Match'))).toEqual(['"5"', '"6"']);
    expect(puts[1]?.body).toEqual({ entries: [{ user_id: ME.user.id, status: 'present' }, { user_id: PARTNER_USER, status: 'present' }] });
    expect(screen.queryByText('Attendance not saved')).toBeNull();
  });

  it('does not overwrite attendance someone else recorded meanwhile', async () => {
    const m = meeting();
    const theirs: Meeting = { ...m, version: 6, attendance: [{ ...m.attendance[0]!, status: 'absent' }] };
    let current = m;
    const seen = server(m, {
      [`GET ${base}/meetings/${m.id}`]: () => ({ status: 200, body: current }),
      [`PUT ${base}/meetings/${m.id}/attendance`]: problem(412, 'Someone else changed this record.'),
    });
    open(m);
    const attendance = await screen.findByRole('region', { name: 'Attendance' });
    current = theirs;
    await user.click(within(within(attendance).getByRole('radiogroup', { name: 'Attendance of Dana Whitfield' })).getByText('Present'));
    expect(await screen.findByText('Attendance not saved')).toBeInTheDocument();
    expect(seen.filter((r) => r.method === 'PUT')).toHaveLength(1);
  });

  it('saves the minutes of one agenda item against that item’s version', async () => {
    const m = meeting();
    const seen = server(m, { [`PATCH ${base}/meetings/${m.id}/agenda/item-1`]: { status: 200, body: m } });
    open(m);
    const agenda = await screen.findByRole('list', { name: 'Agenda items' });
    const budget = within(agenda).getByRole('listitem', { name: '1. Budget' });
    expect(within(budget).getByRole('link', { name: /Budget 2027/ })).toHaveAttribute('href', 'https://docs.example/budget');
    expect(budget).toHaveTextContent('Decision sought: Approve the 2027 budget');
    expect(within(budget).getByRole('button', { name: 'Save minutes of “Budget”' })).toBeDisabled();
    await user.type(within(budget).getByRole('textbox', { name: 'Minutes of “Budget”' }), 'Approved with a 5% reserve.');
    await user.click(within(budget).getByRole('button', { name: 'Save minutes of “Budget”' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'PATCH')).toBe(true));
    const patch = seen.find((r) => r.method === 'PATCH');
    expect(patch?.headers.get('If-Match')).toBe('"4"');
    expect(patch?.body).toEqual({ minutes: 'Approved with a 5% reserve.' });
    expect(screen.getByRole('link', { name: 'Download .ics' })).toHaveAttribute('href', `${base}/meetings/${m.id}/calendar.ics`);
  });

  it('lets a reviewer approve the minutes for their party, and nobody else', async () => {
    const m = meeting();
    const seen = server(m, { [`POST ${base}/meetings/${m.id}/minutes/review`]: { status: 200, body: m } });
    open(m);
    const review = await screen.findByRole('region', { name: 'Minutes review' });
    expect(within(review).getAllByRole('listitem').map((li) => li.getAttribute('data-review'))).toEqual(['Meridian Therapeutics:approved', 'Pulsewise Health:pending']);
    await user.click(within(review).getByRole('button', { name: 'Approve minutes' }));
    await waitFor(() => expect(seen.some((r) => r.path.endsWith('/minutes/review'))).toBe(true));
    const post = seen.find((r) => r.path.endsWith('/minutes/review'));
    expect(post?.headers.get('If-Match')).toBe('"5"');
    expect(post?.body).toEqual({ decision: 'approve' });
  });

  it('disables review for people who may not review', async () => {
    const m = meeting({ minutes: { state: 'draft', revision: 1, final_at: null, reviews: reviews(null), can_review: false, can_write: false, can_revise: false } });
    server(m);
    open(m);
    const review = await screen.findByRole('region', { name: 'Minutes review' });
    expect(within(review).getByRole('button', { name: 'Approve minutes' })).toBeDisabled();
    expect(within(review).getByRole('button', { name: 'Comment' })).toBeDisabled();
  });

  it('locks final minutes, starts a new revision with a reason and lists the earlier ones', async () => {
    const m = meeting({ minutes: { state: 'final', revision: 2, final_at: '2026-11-21T10:00:00Z', reviews: reviews('approved'), can_review: true, can_write: false, can_revise: true } });
    const seen = server(m, {
      [`POST ${base}/meetings/${m.id}/minutes/revisions`]: { status: 200, body: { ...m, minutes: { ...m.minutes, state: 'draft', revision: 3 } } },
      [`GET ${base}/meetings/${m.id}/minutes/revisions`]: {
        status: 200,
        body: { items: [{ revision: 1, final_at: '2026-11-18T10:00:00Z', reason: 'Wrong budget figure', agenda: [{ title: 'Budget', minutes: 'Approved 4m' }] }] },
      },
    });
    open(m);
    const review = await screen.findByRole('region', { name: 'Minutes review' });
    expect(within(review).getByText('Minutes final (revision 2)')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Minutes of “Budget”' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add agenda item' })).not.toBeInTheDocument();
    expect(await within(review).findByText(/Revision 1 · final/)).toBeInTheDocument();

    await user.click(within(review).getByRole('button', { name: 'Start a new revision' }));
    const dialog = await screen.findByRole('dialog', { name: 'Start a new revision of the minutes' });
    await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Typo in the budget');
    await user.click(within(dialog).getByRole('button', { name: 'Start revision' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST' && r.path.endsWith('/minutes/revisions'))).toBe(true));
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({ reason: 'Typo in the budget' });
  });
});

describe('attendance rows', () => {
  it('lists every current committee member, recorded or not, and sends only recorded people', () => {
    const m = meeting();
    const rows = attendanceRows(m, committee, alliance.parties);
    expect(rows.map((r) => `${r.name}:${r.status ?? '-'}`)).toEqual(['Alice Moreau:present', 'Dana Whitfield:-']);
    expect(attendanceEntries(rows, { user_id: ME.user.id, status: 'delegate', delegate_name: 'Ben Okafor' })).toEqual([
      { user_id: ME.user.id, status: 'delegate', delegate_name: 'Ben Okafor' },
    ]);
  });
});
