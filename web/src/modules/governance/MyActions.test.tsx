import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeAction } from '../../test/governance';
import { fakeApi, makeAlliance, renderPage } from '../../test/utils';
import { MyActions } from './MyActions';

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();

describe('My actions', () => {
  it('says which health result an action plan answers, linked to its wave’s results', async () => {
    const waveId = '01a1ffd0-0000-7000-9000-0000000f0003';
    const plan = { ...makeAction({ title: 'Share the tracker', health: { wave_id: waveId, dimension_key: 'communication', item_key: null } }), alliance_name: alliance.name };
    const plain = { ...makeAction({ title: 'Book the venue' }), alliance_name: alliance.name };
    fakeApi({ 'GET /api/v1/me/actions': { status: 200, body: { items: [plan, plain], next_cursor: null } } });
    renderPage(<MyActions />);
    const row = await screen.findByRole('row', { name: /Share the tracker/ });
    expect(within(row).getByRole('link', { name: 'From the health assessment: Communication' })).toHaveAttribute('href', `/alliances/${alliance.id}/health?wave=${waveId}`);
    expect(within(screen.getByRole('row', { name: /Book the venue/ })).queryByText(/health assessment/)).toBeNull();
  });
});
