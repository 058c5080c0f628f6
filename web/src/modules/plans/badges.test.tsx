import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { KpiStatusBadge, MilestoneStatusBadge } from './badges';
import { MILESTONE_STATUS_COLORS, MILESTONE_STATUSES } from './labels';

function renderBadges(node: ReactNode) {
  return render(<MantineProvider>{node}</MantineProvider>);
}

describe('MilestoneStatusBadge', () => {
  it('names every status in words', () => {
    renderBadges(
      <>
        {MILESTONE_STATUSES.map((status) => (
          <MilestoneStatusBadge key={status} status={status} />
        ))}
      </>,
    );
    for (const label of ['Planned', 'On track', 'At risk', 'Late', 'Achieved', 'Missed', 'Cancelled']) {
      expect(screen.getByText(label)).toBeInTheDocument();
    }
  });

  it('uses the agreed colours: achieved green, on track teal, late red, missed dark red, cancelled struck through', () => {
    expect(MILESTONE_STATUS_COLORS).toMatchObject({
      achieved: 'green',
      on_track: 'teal',
      planned: 'gray',
      at_risk: 'orange',
      late: 'red',
      missed: 'red.9',
      cancelled: 'gray',
    });
    renderBadges(
      <>
        <MilestoneStatusBadge status="cancelled" />
        <MilestoneStatusBadge status="missed" />
      </>,
    );
    const cancelled = screen.getByText('Cancelled').closest('[data-status]');
    expect(cancelled).toHaveAttribute('data-status', 'cancelled');
    expect(cancelled).toHaveStyle({ textDecoration: 'line-through' });
    expect(screen.getByText('Missed').closest('[data-status]')).toHaveAttribute('data-variant', 'filled');
  });
});

describe('KpiStatusBadge', () => {
  it('shows the RAG status as a word, never by colour alone', () => {
    renderBadges(
      <>
        <KpiStatusBadge status="green" />
        <KpiStatusBadge status="amber" />
        <KpiStatusBadge status="red" />
        <KpiStatusBadge status="no_data" />
      </>,
    );
    expect(screen.getByText('Green').closest('[data-rag]')).toHaveAttribute('data-rag', 'green');
    expect(screen.getByText('Amber')).toBeInTheDocument();
    expect(screen.getByText('Red')).toBeInTheDocument();
    expect(screen.getByText('No data').closest('[data-rag]')).toHaveAttribute('data-variant', 'outline');
  });
});
