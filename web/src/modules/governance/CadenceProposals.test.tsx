import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, makeAlliance, problem, renderPage } from '../../test/utils';
import { CadenceProposalModal } from './CadenceProposals';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const base = `/api/v1/alliances/${alliance.id}`;

const proposal = {
  template: 'lean',
  from: '2027-01-04',
  months: 2,
  meetings: [
    { committee_id: 'jsc', committee_name: 'Joint Steering Committee', title: 'JSC meeting', starts_at: '2027-01-04T15:00:00Z', duration_minutes: 60, time_zone: 'UTC' },
    { committee_id: 'jdc', committee_name: 'Joint Development Committee', title: 'JDC meeting', starts_at: '2027-01-04T15:00:00Z', duration_minutes: 30, time_zone: 'UTC' },
    { committee_id: 'jdc', committee_name: 'Joint Development Committee', title: 'JDC meeting', starts_at: '2027-01-18T15:00:00Z', duration_minutes: 30, time_zone: 'UTC' },
  ],
};

describe('proposing meetings from a template', () => {
  it('creates nothing until asked, then only the chosen meetings, one by one', async () => {
    const seen = fakeApi({
      [`GET ${base}/governance/cadence-proposal`]: { status: 200, body: proposal },
      [`POST ${base}/meetings`]: (request) =>
        (request.body as { starts_at: string }).starts_at === '2027-01-18T15:00:00Z'
          ? problem(422, 'Invalid', [{ field: 'starts_at', message: 'is in a holiday' }])
          : { status: 201, body: {} },
    });
    renderPage(<CadenceProposalModal alliance={alliance} opened onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog', { name: 'Propose meetings from a template' });
    await user.click(within(dialog).getByRole('radio', { name: /^Lean/ }));
    await user.clear(within(dialog).getByRole('textbox', { name: /Months/ }));
    await user.type(within(dialog).getByRole('textbox', { name: /Months/ }), '2');
    await user.click(within(dialog).getByRole('button', { name: 'Show proposals' }));

    const list = await within(dialog).findByRole('group', { name: 'Proposed meetings' });
    const request = seen.find((r) => r.path.endsWith('/cadence-proposal'));
    expect(request?.search.get('template')).toBe('lean');
    expect(request?.search.get('months')).toBe('2');
    const boxes = within(list).getAllByRole('checkbox');
    expect(boxes).toHaveLength(3);
    expect(boxes.every((b) => (b as HTMLInputElement).checked)).toBe(true);
    expect(seen.some((r) => r.method === 'POST')).toBe(false);

    await user.click(boxes[0]!);
    await user.click(within(dialog).getByRole('button', { name: 'Create selected (2)' }));
    await waitFor(() => expect(within(dialog).getByRole('status')).toHaveTextContent('2 of 2 done · 1 not created'));
    const posts = seen.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.body)).toEqual([
      { committee_id: 'jdc', title: 'JDC meeting', starts_at: '2027-01-04T15:00:00Z', duration_minutes: 30, time_zone: 'UTC' },
      { committee_id: 'jdc', title: 'JDC meeting', starts_at: '2027-01-18T15:00:00Z', duration_minutes: 30, time_zone: 'UTC' },
    ]);
    expect(within(dialog).getByRole('progressbar', { name: 'Creating meetings' })).toBeInTheDocument();
    expect(within(list).getByText('Created')).toBeInTheDocument();
    expect(within(list).getByText('Is in a holiday.')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: 'Create selected (1)' })).toBeEnabled();
  });
});
