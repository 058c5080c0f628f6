import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Proposal } from '../../api/types';
import { fakeApi, makeAlliance, ME, PARTNER_ID, problem, renderPage } from '../../test/utils';
import { ProposalsPanel } from './ProposalsPanel';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const OUTSIDER = '01a1ffd0-0000-7000-a000-0000000000c3';
const alliance = makeAlliance({ consent_required: true, open_proposals: 1 });
const list = `/api/v1/alliances/${alliance.id}/proposals`;

function makeProposal(overrides: Partial<Proposal> = {}): Proposal {
  return {
    id: '01a1ffd0-0000-7000-a000-0000000000b1',
    alliance_id: alliance.id,
    status: 'open',
    reason: 'The JSC agreed to widen the programme',
    proposed_by: '01a1ffd0-0000-7000-a000-0000000000d4',
    proposed_by_name: 'Dana Whitfield',
    organization_id: PARTNER_ID,
    organization_name: 'Pulsewise Health',
    created_at: '2026-12-06T12:00:00Z',
    closed_at: null,
    version: 2,
    changes: [
      { field: 'name', before: 'Meridian × Pulsewise adherence', after: 'Meridian × Pulsewise heart programme' },
      { field: 'type', before: 'co_development', after: 'co_commercialization' },
      { field: 'therapeutic_areas', before: ['cardiology'], after: ['cardiology', 'rare disease'] },
      { field: 'north_star.statement', before: 'Fewer readmissions', after: 'Halve readmissions' },
      {
        field: 'parties',
        before: [
          { organization_id: ME.organization.id, organization_name: 'Meridian Therapeutics', role: 'co_developer' },
          { organization_id: PARTNER_ID, organization_name: 'Pulsewise Health', role: 'co_developer' },
        ],
        after: [
          { organization_id: ME.organization.id, organization_name: 'Meridian Therapeutics', role: 'licensee' },
          { organization_id: PARTNER_ID, organization_name: 'Pulsewise Health', role: 'co_developer' },
          { organization_id: OUTSIDER, organization_name: 'Outsider Bio', role: 'funder' },
        ],
      },
    ],
    decisions: [
      { organization_id: ME.organization.id, organization_name: 'Meridian Therapeutics', decision: 'pending', reason: null, decided_by: null, decided_by_name: null, decided_at: null },
    ],
    can_decide: true,
    can_withdraw: false,
    ...overrides,
  };
}

function openList(...items: Proposal[]) {
  return { status: 200, body: { items, next_cursor: null } };
}

describe('ProposalsPanel', () => {
  it('shows who proposed what and why, field by field before and after, in words', async () => {
    fakeApi({ [`GET ${list}`]: openList(makeProposal()) });
    renderPage(<ProposalsPanel alliance={alliance} />);
    const card = await screen.findByRole('article', { name: 'Change proposed by Dana Whitfield' });
    expect(card).toHaveTextContent('Dana Whitfield of Pulsewise Health proposed changes');
    expect(card).toHaveTextContent('Why: The JSC agreed to widen the programme');

    const table = within(card).getByRole('table', { name: 'Proposed changes, before and after' });
    const row = (name: string | RegExp) => within(table).getByRole('row', { name });
    expect(row(/^Name/)).toHaveTextContent(/Meridian × Pulsewise adherence.*Meridian × Pulsewise heart programme/);
    expect(row(/^Alliance type/)).toHaveTextContent(/Co-development.*Co-commercialisation/);
    expect(row(/^Therapeutic areas/)).toHaveTextContent('Adds rare disease');
    expect(row(/^North Star statement/)).toHaveTextContent(/Fewer readmissions.*Halve readmissions/);
    expect(row(/^Role of Meridian Therapeutics/)).toHaveTextContent(/Co-developer.*Licensee/);
    expect(row(/^Party added/)).toHaveTextContent('Outsider Bio (Funder)');

    const decisions = within(card).getByRole('list', { name: 'Decisions by party' });
    expect(within(decisions).getByText('Meridian Therapeutics: Waiting')).toBeInTheDocument();
    // No raw value of the contract reaches the page.
    for (const raw of ['co_development', 'co_commercialization', 'north_star.statement', 'funder', 'pending']) {
      expect(document.body.textContent).not.toContain(raw);
    }
  });

  it('accepts with the proposal’s version in If-Match, then refreshes the alliance and its proposals', async () => {
    const proposal = makeProposal();
    let accepted = false;
    const seen = fakeApi({
      [`GET ${list}`]: () => openList(...(accepted ? [] : [proposal])),
      [`POST ${list}/${proposal.id}/decision`]: () => {
        accepted = true;
        return { status: 200, body: { ...proposal, status: 'applied', version: 3 } };
      },
    });
    const { queryClient } = renderPage(<ProposalsPanel alliance={alliance} />);
    const invalidate = vi.spyOn(queryClient, 'invalidateQueries');
    const card = await screen.findByRole('article', { name: 'Change proposed by Dana Whitfield' });
    await user.click(within(card).getByRole('button', { name: 'Accept' }));
    const confirm = await screen.findByRole('dialog', { name: 'Accept this change?' });
    expect(confirm).toHaveTextContent('Yours is the last decision needed');
    await user.click(within(confirm).getByRole('button', { name: 'Accept change' }));

    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    const post = seen.find((r) => r.method === 'POST');
    expect(post?.headers.get('If-Match')).toBe('"2"');
    expect(post?.body).toEqual({ decision: 'accept' });
    expect(await screen.findByText('Every party agreed: the change is applied to the alliance.')).toBeInTheDocument();
    expect(invalidate).toHaveBeenCalledWith({ queryKey: ['alliance', alliance.id] });
    await waitFor(() => expect(screen.queryByRole('article', { name: 'Change proposed by Dana Whitfield' })).not.toBeInTheDocument());
  });

  it('asks for a reason to reject and sends it', async () => {
    const proposal = makeProposal();
    const seen = fakeApi({
      [`GET ${list}`]: openList(proposal),
      [`POST ${list}/${proposal.id}/decision`]: { status: 200, body: { ...proposal, status: 'rejected', version: 3 } },
    });
    renderPage(<ProposalsPanel alliance={alliance} />);
    const card = await screen.findByRole('article', { name: 'Change proposed by Dana Whitfield' });
    await user.click(within(card).getByRole('button', { name: 'Reject' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reject the proposed change' });
    await user.click(within(dialog).getByRole('button', { name: 'Reject change' }));
    expect(await within(dialog).findByText(/Say why, so that Pulsewise Health can follow the decision/)).toBeInTheDocument();
    expect(seen.some((r) => r.method === 'POST')).toBe(false);

    await user.type(within(dialog).getByRole('textbox', { name: /^Reason/ }), 'Not before the JSC');
    await user.click(within(dialog).getByRole('button', { name: 'Reject change' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    const post = seen.find((r) => r.method === 'POST');
    expect(post?.headers.get('If-Match')).toBe('"2"');
    expect(post?.body).toEqual({ decision: 'reject', reason: 'Not before the JSC' });
  });

  it('says so and shows the latest version when the proposal moved on (412)', async () => {
    const proposal = makeProposal();
    let lists = 0;
    fakeApi({
      [`GET ${list}`]: () => {
        lists += 1;
        return openList(lists === 1 ? proposal : { ...proposal, version: 3, can_decide: false });
      },
      [`POST ${list}/${proposal.id}/decision`]: problem(412, 'The record was changed by someone else since you read it; reload and retry.'),
    });
    renderPage(<ProposalsPanel alliance={alliance} />);
    const card = await screen.findByRole('article', { name: 'Change proposed by Dana Whitfield' });
    await user.click(within(card).getByRole('button', { name: 'Accept' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Accept this change?' })).getByRole('button', { name: 'Accept change' }));
    expect(await screen.findByText('This proposed change has moved on')).toBeInTheDocument();
    await waitFor(() => expect(within(card).queryByRole('button', { name: 'Accept' })).not.toBeInTheDocument());
    expect(lists).toBeGreaterThan(1);
  });

  it('lets the proposer withdraw, and shows each party’s recorded decision', async () => {
    const proposal = makeProposal({
      can_decide: false,
      can_withdraw: true,
      decisions: [
        { organization_id: ME.organization.id, organization_name: 'Meridian Therapeutics', decision: 'accepted', reason: null, decided_by: ME.user.id, decided_by_name: 'Alice Moreau', decided_at: '2026-12-06T13:00:00Z' },
        { organization_id: OUTSIDER, organization_name: 'Outsider Bio', decision: 'rejected', reason: 'Out of scope', decided_by: OUTSIDER, decided_by_name: 'Omar Reyes', decided_at: '2026-12-06T14:00:00Z' },
      ],
    });
    const seen = fakeApi({
      [`GET ${list}`]: openList(proposal),
      [`POST ${list}/${proposal.id}/withdraw`]: { status: 200, body: { ...proposal, status: 'withdrawn', version: 3 } },
    });
    renderPage(<ProposalsPanel alliance={alliance} />);
    const card = await screen.findByRole('article', { name: 'Change proposed by Dana Whitfield' });
    const decisions = within(card).getByRole('list', { name: 'Decisions by party' });
    expect(decisions).toHaveTextContent(/Meridian Therapeutics: Accepted.*Accepted by Alice Moreau on/);
    expect(decisions).toHaveTextContent('Rejected by Omar Reyes');
    expect(decisions).toHaveTextContent('“Out of scope”');
    expect(within(card).queryByRole('button', { name: 'Accept' })).not.toBeInTheDocument();

    await user.click(within(card).getByRole('button', { name: 'Withdraw' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Withdraw this proposed change?' })).getByRole('button', { name: 'Withdraw' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(seen.find((r) => r.method === 'POST')?.headers.get('If-Match')).toBe('"2"');
  });

  it('highlights the proposal a notification links to, even once it is closed', async () => {
    const open = makeProposal();
    const applied = makeProposal({ id: '01a1ffd0-0000-7000-a000-0000000000b2', status: 'applied', can_decide: false, closed_at: '2026-12-06T15:00:00Z' });
    fakeApi({
      [`GET ${list}`]: openList(open),
      [`GET ${list}/${applied.id}`]: { status: 200, body: applied },
    });
    renderPage(<ProposalsPanel alliance={alliance} />, { route: `/alliances/${alliance.id}?proposal=${applied.id}` });
    const linked = await waitFor(() => {
      const element = document.querySelector(`[data-proposal-id="${applied.id}"]`);
      if (!element) throw new Error('the linked proposal is not shown');
      return element as HTMLElement;
    });
    expect(linked).toHaveAttribute('data-highlighted', 'true');
    expect(linked).toHaveAttribute('aria-current', 'true');
    expect(within(linked).getByText('Applied')).toBeInTheDocument();
    expect(screen.getByText(/The proposed change you followed is closed/)).toBeInTheDocument();
    expect(document.querySelector(`[data-proposal-id="${open.id}"]`)).not.toHaveAttribute('data-highlighted');
  });

  it('shows nothing while no other party has to agree and nothing is proposed', async () => {
    const seen = fakeApi({ [`GET ${list}`]: openList() });
    const { container } = renderPage(<ProposalsPanel alliance={makeAlliance()} />);
    await waitFor(() => expect(seen.some((r) => r.path === list)).toBe(true));
    expect(seen.find((r) => r.path === list)?.search.get('status')).toBe('open');
    expect(container).not.toHaveTextContent('Proposed changes');
  });
});
