import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Note } from '../../api/types';
import { fakeApi, makeAlliance, ME, PARTNER_ID, renderPage } from '../../test/utils';
import { NotesPanel } from './NotesPanel';

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();

function note(title: string, visibility: Note['visibility'], owner: 'us' | 'partner'): Note {
  return {
    id: `01a1ffd0-0000-7000-8000-${String(title.length).padStart(12, '0')}`,
    alliance_id: alliance.id,
    title,
    body: `${title} body`,
    entry_date: '2026-07-15',
    visibility,
    owner_organization_id: owner === 'us' ? ME.organization.id : PARTNER_ID,
    owner_organization_name: owner === 'us' ? 'Meridian Therapeutics' : 'Pulsewise Health',
    author_id: owner === 'us' ? ME.user.id : '01a1ffd0-0000-7000-8000-000000000001',
    author_name: owner === 'us' ? 'Alice Moreau' : 'Dana Whitfield',
    readers: [],
    version: 1,
    created_at: '2026-11-21T20:33:53.064Z',
    updated_at: '2026-11-21T20:33:53.064Z',
  };
}

describe('NotesPanel', () => {
  it('shows each entry with a badge saying who can read it', async () => {
    fakeApi({
      [`GET /api/v1/alliances/${alliance.id}/notes`]: {
        status: 200,
        body: {
          items: [note('Kick-off agenda', 'alliance', 'partner'), note('Negotiation position', 'party', 'us'), note('Board memo', 'restricted', 'us')],
          next_cursor: null,
        },
      },
      [`GET /api/v1/alliances/${alliance.id}/members`]: { status: 200, body: { items: [] } },
    });
    renderPage(<NotesPanel alliance={alliance} />);
    const shared = await screen.findByRole('article', { name: 'Kick-off agenda' });
    expect(within(shared).getByText('All parties')).toBeInTheDocument();
    expect(within(shared).getByText(/Dana Whitfield, Pulsewise Health/)).toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: 'Negotiation position' })).getByText('Only Meridian Therapeutics')).toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: 'Board memo' })).getByText('Restricted')).toBeInTheDocument();
    // Only the author (or a manager of the owner party) may change an entry.
    expect(within(shared).queryByRole('button', { name: /Actions for/ })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Actions for “Negotiation position”' })).toBeInTheDocument();
  });

  it('explains an empty journal', async () => {
    fakeApi({
      [`GET /api/v1/alliances/${alliance.id}/notes`]: { status: 200, body: { items: [], next_cursor: null } },
      [`GET /api/v1/alliances/${alliance.id}/members`]: { status: 200, body: { items: [] } },
    });
    renderPage(<NotesPanel alliance={alliance} />);
    expect(await screen.findByText('The journal is empty')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'New entry' })).toBeInTheDocument();
  });

  it('lets viewers read but not write', async () => {
    fakeApi({
      [`GET /api/v1/alliances/${alliance.id}/notes`]: { status: 200, body: { items: [], next_cursor: null } },
      [`GET /api/v1/alliances/${alliance.id}/members`]: { status: 200, body: { items: [] } },
    });
    renderPage(<NotesPanel alliance={{ ...alliance, my_role: 'viewer' }} />);
    expect(await screen.findByText('The journal is empty')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New entry' })).not.toBeInTheDocument();
  });
});
