import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StageBadge, TierBadge, VisibilityBadge, visibilityLabel } from './badges';

describe('badges', () => {
  it('names who can read a note', () => {
    expect(visibilityLabel('alliance', 'Meridian Therapeutics')).toBe('All parties');
    expect(visibilityLabel('party', 'Meridian Therapeutics')).toBe('Only Meridian Therapeutics');
    expect(visibilityLabel('restricted', 'Meridian Therapeutics')).toBe('Restricted');
  });

  it('renders stage, tier and visibility in words', () => {
    render(
      <MantineProvider>
        <StageBadge stage="due_diligence" />
        <TierBadge tier={1} />
        <VisibilityBadge visibility="party" ownerOrganizationName="Pulsewise Health" />
      </MantineProvider>,
    );
    expect(screen.getByText('Due diligence')).toBeInTheDocument();
    expect(screen.getByText('Tier 1')).toBeInTheDocument();
    expect(screen.getByText('Only Pulsewise Health')).toBeInTheDocument();
  });
});
