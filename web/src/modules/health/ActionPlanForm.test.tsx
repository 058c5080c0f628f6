import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeAction, makeCommittee, pick } from '../../test/governance';
import { JSC_ID, makeResults, MEMBERS, PARTNER_USER } from '../../test/health';
import { fakeApi, makeAlliance, ME, problem, renderPage } from '../../test/utils';
import { formatDate } from '../../ui/format';
import { governanceKey } from '../records/collections';
import { HealthPanel } from './HealthPanel';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const base = `/api/v1/alliances/${alliance.id}`;
const results = makeResults();
const wave = { ...results.wave, id: '01a1ffd0-0000-7000-9000-0000000f0001' };
const plansPath = `${base}/health-waves/${wave.id}/action-plans`;
const jsc = makeCommittee({ id: JSC_ID, name: 'Joint Steering Committee' });
const jdc = makeCommittee({ name: 'Joint Development Committee', kind: 'joint_development' });

function server(extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    [`GET ${base}/members`]: { status: 200, body: { items: MEMBERS } },
    [`GET ${base}/health-waves/${wave.id}`]: { status: 200, body: wave },
    [`GET ${base}/health-waves/${wave.id}/results`]: { status: 200, body: { ...results, wave } },
    [`GET ${base}/committees`]: { status: 200, body: { items: [jsc, jdc], next_cursor: null } },
    ...extra,
  });
}

function render(a = alliance) {
  return renderPage(<HealthPanel alliance={a} />, { route: `/alliances/a/health?wave=${wave.id}` });
}

/** Opens Trust and its "Create action plan" form (or a question's, with `question`). */
async function openForm(question?: string) {
  await screen.findByRole('region', { name: 'Dimension by dimension' });
  await user.click(screen.getByText('Trust', { selector: 'summary *' }));
  const name = question ? `Create action plan for question ${question}` : 'Create action plan for Trust';
  await user.click(await screen.findByRole('button', { name }));
  return screen.findByRole('dialog', { name: 'Create an action plan for Trust' });
}

describe('turning a result into an action plan', () => {
  it('asks what will change, who owns it, by when and which committee follows it up, and posts it for the dimension', async () => {
    const seen = server({
      [`POST ${plansPath}`]: (r) => {
        const body = r.body as { title: string; owner_user_id: string; due_on: string; committee_id: string };
        return {
          status: 201,
          body: makeAction({ ...body, owner_name: 'Dana Whitfield', health: { wave_id: wave.id, dimension_key: 'trust', item_key: null } }),
        };
      },
    });
    const { queryClient } = render();
    // A list of the governance actions already loaded: it must show the new action.
    queryClient.setQueryData([...governanceKey(alliance.id), 'actions'], []);
    const dialog = await openForm();
    await user.type(within(dialog).getByRole('textbox', { name: 'What will change' }), 'Answer every data request within a week');
    await pick(user, 'Owner', /Dana Whitfield/, dialog);
    await user.type(within(dialog).getByRole('textbox', { name: 'Due' }), '2027-01-31');
    await pick(user, 'Committee that follows it up', 'Joint Steering Committee', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Create action plan' }));

    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    const post = seen.find((r) => r.method === 'POST');
    expect(post?.path).toBe(plansPath);
    expect(post?.body).toEqual({
      dimension_key: 'trust',
      item_key: null,
      title: 'Answer every data request within a week',
      description: '',
      owner_user_id: PARTNER_USER,
      due_on: '2027-01-31',
      committee_id: JSC_ID,
      visibility: 'alliance',
    });
    expect(
      await screen.findByText(`“Answer every data request within a week” is assigned to Dana Whitfield, due ${formatDate('2027-01-31')}, followed up by Joint Steering Committee.`),
    ).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Create an action plan for Trust' })).not.toBeInTheDocument());
    // The results shown are asked for again, to list it beside the dimension, and Governance →
    // Actions will be.
    const resultReads = () => seen.filter((r) => r.method === 'GET' && r.path === `${base}/health-waves/${wave.id}/results`).length;
    await waitFor(() => expect(resultReads()).toBe(2));
    expect(queryClient.getQueryState([...governanceKey(alliance.id), 'actions'])?.isInvalidated).toBe(true);
  });

  it('starts from a question with that question chosen, and sends it', async () => {
    const seen = server({ [`POST ${plansPath}`]: { status: 201, body: makeAction() } });
    render();
    const dialog = await openForm('2.1');
    expect(within(dialog).getByRole('combobox', { name: /Question it answers/ })).toHaveValue('2.1 We assume good intentions before drawing conclusions.');
    await user.type(within(dialog).getByRole('textbox', { name: 'What will change' }), 'Share the tracker');
    await user.type(within(dialog).getByRole('textbox', { name: 'Due' }), '2027-01-31');
    await pick(user, 'Committee that follows it up', 'Joint Development Committee', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Create action plan' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(seen.find((r) => r.method === 'POST')?.body).toMatchObject({ item_key: 'trust.good_faith', owner_user_id: ME.user.id, committee_id: jdc.id });
  });

  it('asks for the committee before sending anything', async () => {
    const seen = server();
    render();
    const dialog = await openForm();
    await user.type(within(dialog).getByRole('textbox', { name: 'What will change' }), 'Share the tracker');
    await user.type(within(dialog).getByRole('textbox', { name: 'Due' }), '2027-01-31');
    await user.click(within(dialog).getByRole('button', { name: 'Create action plan' }));
    expect(await within(dialog).findByText('Choose the committee that follows it up')).toBeInTheDocument();
    expect(seen.some((r) => r.method === 'POST')).toBe(false);
  });

  it('shows the server’s field errors on their fields', async () => {
    server({ [`POST ${plansPath}`]: problem(422, 'Validation failed.', [{ field: 'due_on', message: 'must be on or after the day the wave closed' }]) });
    render();
    const dialog = await openForm();
    await user.type(within(dialog).getByRole('textbox', { name: 'What will change' }), 'Share the tracker');
    const due = within(dialog).getByRole('textbox', { name: 'Due' });
    await user.type(due, '2026-01-31');
    await pick(user, 'Committee that follows it up', 'Joint Steering Committee', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Create action plan' }));
    await waitFor(() => expect(due).toHaveAttribute('aria-invalid', 'true'));
    expect(within(dialog).getAllByText(/must be on or after the day the wave closed/i).length).toBeGreaterThan(0);
    expect(screen.getByRole('dialog', { name: 'Create an action plan for Trust' })).toBeInTheDocument();
  });

  it('asks before throwing a half-filled form away', async () => {
    server();
    render();
    const dialog = await openForm();
    await user.type(within(dialog).getByRole('textbox', { name: 'What will change' }), 'Share the tracker');
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    const question = await screen.findByRole('dialog', { name: 'Discard your changes?' });
    await user.click(within(question).getByRole('button', { name: 'Keep editing' }));
    expect(screen.getByRole('dialog', { name: 'Create an action plan for Trust' })).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'What will change' })).toHaveValue('Share the tracker');
  });

  it('says where to add a committee when the alliance has none', async () => {
    server({ [`GET ${base}/committees`]: { status: 200, body: { items: [], next_cursor: null } } });
    render();
    const dialog = await openForm();
    expect(await within(dialog).findByText(/The alliance has no committee yet to follow an action plan up/)).toBeInTheDocument();
    expect(within(dialog).getByRole('link', { name: 'Add one under Governance, Committees' })).toHaveAttribute('href', `/alliances/${alliance.id}/governance?section=committees`);
  });

  it('keeps a private wave’s plan to its party, without asking who reads it', async () => {
    const seen = server({
      [`GET ${base}/health-waves/${wave.id}`]: { status: 200, body: { ...wave, visibility: 'party' } },
      [`GET ${base}/health-waves/${wave.id}/results`]: { status: 200, body: { ...results, wave: { ...wave, visibility: 'party' } } },
      [`POST ${plansPath}`]: { status: 201, body: makeAction() },
    });
    render();
    const dialog = await openForm();
    expect(within(dialog).queryByRole('radiogroup', { name: 'Who can read it' })).toBeNull();
    expect(dialog).toHaveTextContent('Only Meridian Therapeutics can read it, as only they see this wave.');
    await user.type(within(dialog).getByRole('textbox', { name: 'What will change' }), 'Share the tracker');
    await user.type(within(dialog).getByRole('textbox', { name: 'Due' }), '2027-01-31');
    await pick(user, 'Committee that follows it up', 'Joint Steering Committee', dialog);
    await user.click(within(dialog).getByRole('button', { name: 'Create action plan' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(seen.find((r) => r.method === 'POST')?.body).not.toHaveProperty('visibility');
  });
});
