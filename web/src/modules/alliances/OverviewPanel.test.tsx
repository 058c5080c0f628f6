import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, makeAlliance, renderPage } from '../../test/utils';
import { OverviewPanel } from './OverviewPanel';

afterEach(() => vi.unstubAllGlobals());

describe('OverviewPanel', () => {
  it('shows the organisation’s own tier and internal priority note, marked as private', async () => {
    const alliance = makeAlliance({ tier: 2, priority_note: 'Board-level priority for 2027', consent_required: true });
    fakeApi({
      [`GET /api/v1/alliances/${alliance.id}/proposals`]: { status: 200, body: { items: [], next_cursor: null } },
    });
    renderPage(<OverviewPanel alliance={alliance} />);
    const own = screen.getByRole('region', { name: 'Your organisation’s priority' });
    expect(own).toHaveTextContent('Only Meridian Therapeutics sees this');
    expect(own).toHaveTextContent('Your tier');
    expect(within(own).getByTestId('priority-note')).toHaveTextContent('Board-level priority for 2027');
    // Under change control, the overview says that nothing waits and who must agree to a change.
    const proposals = await screen.findByRole('region', { name: 'Proposed changes' });
    expect(proposals).toHaveTextContent('No proposed change is waiting');
    expect(proposals).toHaveTextContent('need the agreement of Pulsewise Health');
  });
});
