import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppLayout } from '../../app/AppLayout';
import { makeSurvey } from '../../test/health';
import { fakeApi, renderPage } from '../../test/utils';
import { MySurveys } from './MySurveys';

afterEach(() => vi.unstubAllGlobals());

const waiting = makeSurvey({ title: 'Autumn health check', alliance_name: 'Meridian × Pulsewise adherence' });
const alsoWaiting = makeSurvey({ title: 'Partner pulse', alliance_name: 'Precision Oncology Data Consortium', closes_on: '2026-12-15' });
const answered = makeSurvey({ title: 'Summer health check', submitted: true, closes_on: '2026-12-20' });
const upcoming = makeSurvey({ title: 'Winter health check', status: 'scheduled', opens_on: '2027-01-05', closes_on: '2027-01-20' });
const missed = makeSurvey({ title: 'Spring health check', status: 'closed', opens_on: '2026-04-01', closes_on: '2026-04-15' });

function server(items = [upcoming, answered, alsoWaiting, waiting, missed]) {
  return fakeApi({
    'GET /api/v1/me/surveys': { status: 200, body: { items } },
    'GET /api/v1/me/notifications': { status: 200, body: { items: [], unread_count: 0, next_cursor: null } },
  });
}

describe('my surveys', () => {
  it('lists the waves I am asked in, those waiting for my answer first, each with a way to answer or where it stands', async () => {
    server();
    renderPage(<MySurveys />, { route: '/surveys' });
    const table = await screen.findByRole('table', { name: 'My surveys' });
    expect(screen.getByRole('status')).toHaveTextContent('2 surveys wait for your answer.');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-survey'))).toEqual(['Partner pulse', 'Autumn health check', 'Winter health check', 'Summer health check', 'Spring health check']);
    const autumn = rows[1]!;
    expect(autumn).toHaveTextContent('Meridian × Pulsewise adherence');
    expect(within(autumn).getByText('Open')).toBeInTheDocument();
    expect(within(autumn).getByRole('link', { name: 'Answer “Autumn health check”' })).toHaveAttribute('href', `/alliances/${waiting.alliance_id}/health/${waiting.wave_id}/answer`);
    expect(within(autumn).getByRole('link', { name: 'Autumn health check' })).toHaveAttribute('href', `/alliances/${waiting.alliance_id}/health?wave=${waiting.wave_id}`);
    expect(within(rows[2]!).getByText('Scheduled')).toBeInTheDocument();
    expect(rows[2]).toHaveTextContent('Opens on');
    expect(within(rows[3]!).getByText('Answered')).toBeInTheDocument();
    expect(within(rows[4]!).getByText('Closed')).toBeInTheDocument();
    expect(within(rows[4]!).getByText('Not answered')).toBeInTheDocument();
    expect(within(table).queryAllByRole('link', { name: /^Answer/ })).toHaveLength(2);
  });

  it('says so when nobody has asked me anything', async () => {
    server([]);
    renderPage(<MySurveys />, { route: '/surveys' });
    expect(await screen.findByText('No surveys for you')).toBeInTheDocument();
  });
});

describe('the header', () => {
  it('links to my surveys, with how many open ones wait for my answer', async () => {
    server();
    renderPage(<AppLayout />, { route: '/alliances' });
    const nav = screen.getAllByRole('navigation', { name: 'Main' })[0]!;
    expect(await within(nav).findByRole('link', { name: 'Surveys 2 to answer' })).toHaveAttribute('href', '/surveys');
    const links = within(nav).getAllByRole('link').map((a) => a.textContent);
    expect(links.indexOf('Surveys 2 to answer')).toBe(links.indexOf('My obligations') + 1);
  });

  it('shows no count when nothing waits for me', async () => {
    server([answered, upcoming, missed]);
    renderPage(<AppLayout />, { route: '/alliances' });
    const nav = screen.getAllByRole('navigation', { name: 'Main' })[0]!;
    expect(await within(nav).findByRole('link', { name: 'Surveys' })).toBeInTheDocument();
    expect(screen.queryByTestId('surveys-count')).toBeNull();
  });
});
