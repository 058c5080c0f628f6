import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeAlliance, renderPage } from '../../test/utils';
import { AllianceHeader } from './AllianceHeader';

afterEach(() => vi.unstubAllGlobals());

describe('AllianceHeader', () => {
  it('shows the tier as the viewer’s own and how many proposed changes wait', () => {
    const alliance = makeAlliance({ tier: 1, open_proposals: 2 });
    renderPage(<AllianceHeader alliance={alliance} />);
    expect(screen.getByLabelText('Your tier: Tier 1')).toBeInTheDocument();
    const waiting = screen.getByRole('link', { name: /2 proposed changes waiting/ });
    expect(waiting).toHaveAttribute('href', `/alliances/${alliance.id}`);
  });

  it('says nothing about proposals when none waits', () => {
    renderPage(<AllianceHeader alliance={makeAlliance()} />);
    expect(screen.queryByText(/proposed change/)).not.toBeInTheDocument();
  });
});
