import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeAgreement, makeRestriction } from '../../test/agreements';
import { MEMBERS } from '../../test/governance';
import { fakeApi, makeAlliance, ME, renderPage } from '../../test/utils';
import type { ConflictCheck } from './types';
import { RestrictionsSection } from './RestrictionsSection';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const base = `/api/v1/alliances/${alliance.id}`;
const cla = makeAgreement({ id: '01a1ffd0-0000-7000-9000-0000000d0001' });
const exclusivity = makeRestriction({ agreement_id: cla.id, agreement_title: cla.title });
const OTHER_ALLIANCE = '01a1ffd0-0000-7000-9000-0000000d00aa';

const hits: ConflictCheck = {
  checked_on: '2026-11-22',
  organization_id: ME.organization.id,
  organization_name: 'Meridian Therapeutics',
  proposal: { therapeutic_areas: ['Heart failure'], modalities: [], territories: ['EU'], counterparty: 'Pulsewise Health', starts_on: '2026-11-22', ends_on: null },
  hits: [
    {
      restriction: makeRestriction({ kind: 'non_compete', clause_ref: '§14.2', agreement_title: 'Cardio CLA', restricted_party_name: 'Meridian Therapeutics', description: 'No competing HF programme.' }),
      alliance_id: OTHER_ALLIANCE,
      alliance_name: 'Meridian × Corvia cardio',
      agreement_id: 'other-agreement',
      agreement_title: 'Cardio CLA',
      clause_ref: '§14.2',
      matched: ['therapeutic area: Heart failure', 'territory: EU', 'modality: any'],
    },
  ],
};

function server(extra: Parameters<typeof fakeApi>[0] = {}) {
  return fakeApi({
    [`GET ${base}/restrictions`]: { status: 200, body: { items: [exclusivity], next_cursor: null } },
    ...extra,
  });
}

function render() {
  return renderPage(<RestrictionsSection alliance={alliance} members={MEMBERS} agreements={[cla]} />, { route: '/?section=restrictions' });
}

describe('restrictions', () => {
  it('lists each restriction with whom it binds and its scope', async () => {
    server();
    render();
    const row = await screen.findByRole('row', { name: /Exclusivity/ });
    expect(row).toHaveTextContent('§12.1 · Collaboration and licence agreement');
    expect(row).toHaveTextContent('Every party');
    expect(within(row).getByText('Heart failure')).toBeInTheDocument();
    expect(within(row).getByText('EU')).toBeInTheDocument();
    expect(row).toHaveTextContent('Modalitiesany');
  });
});

describe('the conflict check', () => {
  it('checks this alliance and lists each hit with its clause, agreement, alliance and what matched', async () => {
    const seen = server({ [`GET ${base}/conflict-check`]: { status: 200, body: hits } });
    render();
    const card = await screen.findByRole('region', { name: 'Conflict check' });
    await user.click(within(card).getByRole('button', { name: 'Check this alliance' }));
    const list = await within(card).findByRole('list', { name: 'Conflict check hits' });
    expect(seen.some((r) => r.method === 'GET' && r.path === `${base}/conflict-check`)).toBe(true);
    expect(within(card).getByText(/1 restriction binding Meridian Therapeutics may touch this/)).toBeInTheDocument();
    const hit = within(list).getByRole('listitem');
    expect(hit).toHaveTextContent('Non-compete');
    expect(hit).toHaveTextContent('§14.2 · Cardio CLA');
    expect(within(hit).getByRole('link', { name: 'Meridian × Corvia cardio' })).toHaveAttribute('href', `/alliances/${OTHER_ALLIANCE}/agreements?section=restrictions`);
    expect(hit).toHaveTextContent('binds Meridian Therapeutics');
    expect(within(hit).getByText('therapeutic area: Heart failure')).toBeInTheDocument();
    expect(within(hit).getByText('territory: EU')).toBeInTheDocument();
    expect(within(hit).getByText('modality: any')).toBeInTheDocument();
  });

  it('checks a proposed deal and says when nothing conflicts', { timeout: 40000 }, async () => {
    const seen = server({ [`POST /api/v1/conflict-check`]: { status: 200, body: { ...hits, hits: [] } } });
    render();
    const card = await screen.findByRole('region', { name: 'Conflict check' });
    await user.click(within(card).getByRole('button', { name: 'Check a proposed deal' }));
    const form = within(card).getByRole('form', { name: 'Proposed deal' });
    await user.type(within(form).getByLabelText('Therapeutic areas'), 'Oncology{Enter}');
    await user.type(within(form).getByLabelText('Territories'), 'US{Enter}');
    await user.type(within(form).getByRole('textbox', { name: 'Counterparty' }), 'Helix Bio');
    await user.click(within(form).getByRole('button', { name: 'Check the proposed deal' }));
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    expect(seen.find((r) => r.method === 'POST')?.body).toEqual({ therapeutic_areas: ['Oncology'], modalities: [], territories: ['US'], counterparty: 'Helix Bio' });
    expect(await within(card).findByText(/No conflicts: no restriction binding Meridian Therapeutics may touch this/)).toBeInTheDocument();
    expect(within(card).getByText('The proposed deal')).toBeInTheDocument();
  });
});
