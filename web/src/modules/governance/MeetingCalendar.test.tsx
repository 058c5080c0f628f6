import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeCommittee, makeMeeting, MEMBERS } from '../../test/governance';
import { fakeApi, makeAlliance, renderPage, type Recorded } from '../../test/utils';
import { GovernancePanel } from './GovernancePanel';
import { MeetingCalendar } from './MeetingCalendar';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const base = `/api/v1/alliances/${alliance.id}`;
const committee = makeCommittee();

const jsc = makeMeeting({ id: '01a1ffd0-0000-7000-9000-00000000c001', title: 'JSC Q1', committee_name: 'Joint Steering Committee', starts_at: '2027-03-02T14:00:00Z', time_zone: 'Europe/Berlin' });
const jdc = makeMeeting({
  id: '01a1ffd0-0000-7000-9000-00000000c002',
  title: 'JDC sync',
  committee_name: 'Joint Development Committee',
  starts_at: '2027-03-02T08:00:00Z',
  time_zone: 'America/New_York',
  status: 'cancelled',
});
// 23:30 UTC on 9 March is already 10 March in Berlin.
const late = makeMeeting({ id: '01a1ffd0-0000-7000-9000-00000000c003', title: 'Late call', starts_at: '2027-03-09T23:30:00Z', time_zone: 'UTC' });
const board = makeMeeting({ id: '01a1ffd0-0000-7000-9000-00000000c004', title: 'Board review', starts_at: '2027-04-15T09:00:00Z', status: 'held' });
const ALL = [jdc, jsc, late, board];

function server() {
  return fakeApi({
    [`GET ${base}/committees`]: { status: 200, body: { items: [committee], next_cursor: null } },
    [`GET ${base}/members`]: { status: 200, body: { items: MEMBERS } },
    [`GET ${base}/meetings`]: (r: Recorded) => {
      const when = r.search.get('when');
      const items = when === 'upcoming' ? [board] : when === 'past' ? [jdc, jsc, late] : ALL;
      return { status: 200, body: { items, next_cursor: null } };
    },
  });
}

function calendar(route = '/?section=meetings&view=calendar&day=2027-03-02') {
  return renderPage(<MeetingCalendar alliance={alliance} filters={{}} timeZone="Europe/Berlin" locale="en-GB" />, { route });
}

describe('the List | Calendar switch of the meetings', () => {
  it('shows the list by default and keeps the calendar choice in the address', async () => {
    const seen = server();
    const { router } = renderPage(<GovernancePanel alliance={alliance} />, { route: '/?section=meetings' });
    expect(await screen.findByRole('table', { name: 'Upcoming meetings' })).toBeInTheDocument();
    const views = screen.getByRole('radiogroup', { name: 'Show meetings as' });
    expect(within(views).getByRole('radio', { name: 'List' })).toBeChecked();

    await user.click(within(views).getByRole('radio', { name: 'Calendar' }));
    expect(router.state.location.search).toBe('?section=meetings&view=calendar');
    expect(await screen.findByRole('region', { name: 'Meeting calendar' })).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Upcoming meetings' })).not.toBeInTheDocument();
    // The calendar asks for every meeting, not only the upcoming or past ones.
    expect(seen.some((r) => r.path === `${base}/meetings` && !r.search.has('when'))).toBe(true);

    await user.click(within(views).getByRole('radio', { name: 'List' }));
    expect(router.state.location.search).toBe('?section=meetings');
    expect(await screen.findByRole('table', { name: 'Past meetings' })).toBeInTheDocument();
  });

  it('opens on the calendar from the address, with the committee filter applied to it', async () => {
    const seen = server();
    renderPage(<GovernancePanel alliance={alliance} />, { route: '/?section=meetings&view=calendar' });
    expect(await screen.findByRole('region', { name: 'Meeting calendar' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Calendar' })).toBeChecked();
    await user.click(screen.getByRole('combobox', { name: 'Committee' }));
    await user.click(await screen.findByRole('option', { name: 'Joint Steering Committee', hidden: true }));
    await waitFor(() => expect(seen.some((r) => r.path === `${base}/meetings` && r.search.get('committee_id') === committee.id && !r.search.has('when'))).toBe(true));
  });
});

describe('the meeting calendar', () => {
  it('marks the days with meetings in the viewer’s time zone, cancelled ones hollow', async () => {
    server();
    calendar();
    const march2 = await screen.findByRole('button', { name: 'Tuesday Mar 2, 2027: 2 meetings, 1 cancelled' });
    expect(march2).toHaveAttribute('aria-pressed', 'true');
    expect(march2).toHaveAttribute('data-meetings', '2');
    expect(march2.querySelectorAll('[data-dot="active"]')).toHaveLength(1);
    expect(march2.querySelectorAll('[data-dot="cancelled"]')).toHaveLength(1);
    expect(screen.getByRole('button', { name: 'Wednesday Mar 10, 2027: 1 meeting' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Tuesday Mar 9, 2027' })).toHaveAttribute('data-meetings', '0');
    expect(screen.getByRole('button', { name: 'Choose a month' })).toHaveTextContent('March 2027');
    expect(screen.getByText('March 2027: 3 meetings, 1 cancelled')).toBeInTheDocument();
  });

  it('lists the chosen day’s meetings with their local time, committee, status and a link to their page', async () => {
    server();
    const { router } = calendar();
    const list = await screen.findByRole('list', { name: 'Meetings on Tuesday Mar 2, 2027' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.getAttribute('data-meeting'))).toEqual(['JDC sync', 'JSC Q1']);
    expect(items[0]).toHaveTextContent('09:00');
    expect(items[0]).toHaveTextContent('Joint Development Committee');
    expect(items[0]).toHaveTextContent('Local time: Tue 2 Mar 2027, 03:00 America/New_York');
    expect(items[0]!.querySelector('[data-meeting-status="cancelled"]')).toHaveTextContent('Cancelled');
    expect(within(items[0]!).getByRole('link', { name: 'JDC sync' })).toHaveStyle({ textDecoration: 'line-through' });
    expect(items[1]).toHaveTextContent('15:00');
    expect(items[1]).not.toHaveTextContent('Local time');
    const link = within(items[1]!).getByRole('link', { name: 'JSC Q1' });
    expect(link).toHaveAttribute('href', `/?section=meetings&view=calendar&day=2027-03-02&meeting=${jsc.id}`);
    await user.click(link);
    expect(router.state.location.search).toBe(`?section=meetings&view=calendar&day=2027-03-02&meeting=${jsc.id}`);
  });

  it('moves between months and puts the clicked day in the address', async () => {
    server();
    const { router } = calendar();
    await screen.findByRole('list', { name: 'Meetings on Tuesday Mar 2, 2027' });
    await user.click(screen.getByRole('button', { name: 'Next month' }));
    expect(screen.getByRole('button', { name: 'Choose a month' })).toHaveTextContent('April 2027');
    expect(screen.getByText('April 2027: 1 meeting')).toBeInTheDocument();
    // The chosen day stays listed until another is chosen.
    expect(screen.getByRole('list', { name: 'Meetings on Tuesday Mar 2, 2027' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Thursday Apr 15, 2027: 1 meeting' }));
    expect(router.state.location.search).toBe('?section=meetings&view=calendar&day=2027-04-15');
    const list = screen.getByRole('list', { name: 'Meetings on Thursday Apr 15, 2027' });
    expect(within(list).getByRole('link', { name: 'Board review' })).toBeInTheDocument();
    expect(within(list).getByText('Held')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Previous month' }));
    await user.click(screen.getByRole('button', { name: 'Previous month' }));
    expect(screen.getByRole('button', { name: 'Choose a month' })).toHaveTextContent('February 2027');
    expect(screen.getByText('February 2027: no meetings')).toBeInTheDocument();
  });

  it('can be used with the keyboard alone', async () => {
    server();
    const { router } = calendar();
    const march2 = await screen.findByRole('button', { name: 'Tuesday Mar 2, 2027: 2 meetings, 1 cancelled' });
    // The chosen day is the calendar's one stop in the tab order; arrows move between days.
    expect(march2).toHaveAttribute('tabindex', '0');
    march2.focus();
    await user.keyboard('{ArrowRight}');
    const march3 = screen.getByRole('button', { name: 'Wednesday Mar 3, 2027' });
    expect(march3).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(router.state.location.search).toBe('?section=meetings&view=calendar&day=2027-03-03');
    expect(screen.getByRole('heading', { name: 'Wednesday Mar 3, 2027' })).toBeInTheDocument();
    expect(screen.getByText('No meetings on this day.')).toBeInTheDocument();

    screen.getByRole('button', { name: 'Next month' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('button', { name: 'Choose a month' })).toHaveTextContent('April 2027');
  });

  it('asks for a day when none is chosen and opens on the month of today', async () => {
    server();
    calendar('/?section=meetings&view=calendar&day=not-a-day');
    expect(await screen.findByRole('heading', { name: 'Choose a day' })).toBeInTheDocument();
    expect(screen.getByText('Choose a day on the calendar to list its meetings.')).toBeInTheDocument();
    const now = new Date();
    const month = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'Europe/Berlin' }).format(now);
    expect(screen.getByRole('button', { name: 'Choose a month' })).toHaveTextContent(month);
    await user.click(screen.getByRole('button', { name: 'Today' }));
    expect(screen.getByRole('button', { pressed: true })).toHaveAttribute('aria-current', 'date');
  });
});
