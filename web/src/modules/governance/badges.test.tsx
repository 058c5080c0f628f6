import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { Countdown, EscalationPath, minutesLabel, QuorumBadge } from './badges';
import type { MeetingMinutes } from './types';

function renderBadges(node: ReactNode) {
  return render(<MantineProvider>{node}</MantineProvider>);
}

describe('QuorumBadge', () => {
  it('says whether the meeting is quorate, with the reason when it is not', () => {
    renderBadges(
      <>
        <QuorumBadge quorum={{ rule: 'every_party_voting', met: true, detail: '', present_voting_by_party: [] }} />
        <QuorumBadge quorum={{ rule: 'every_party_voting', met: false, detail: 'Pulsewise Health has no voting member present', present_voting_by_party: [] }} />
      </>,
    );
    expect(screen.getByText('Quorum met').closest('[data-quorum]')).toHaveAttribute('data-quorum', 'met');
    const missing = screen.getByLabelText('No quorum: Pulsewise Health has no voting member present');
    expect(missing).toHaveAttribute('data-quorum', 'not-met');
    expect(missing).toHaveAttribute('data-variant', 'filled');
  });
});

describe('EscalationPath', () => {
  it('shows the path as chips in order, the current level marked', () => {
    renderBadges(
      <EscalationPath
        levels={[
          { name: 'Team', days: 10 },
          { name: 'JDC', days: 14 },
          { name: 'JSC', days: 30 },
          { name: 'Executives', days: 30 },
        ]}
        current={1}
      />,
    );
    const path = screen.getByRole('list', { name: 'Escalation path: Team (10 d) → JDC (14 d) → JSC (30 d) → Executives (30 d)' });
    expect(within(path).getAllByRole('listitem').map((item) => item.textContent)).toEqual(['Team (10 d)', 'JDC (14 d)', 'JSC (30 d)', 'Executives (30 d)']);
    expect(within(path).getByText('JDC (14 d)').closest('[aria-current]')).toHaveAttribute('aria-current', 'step');
  });
});

describe('Countdown', () => {
  it('counts down in days and says when a level is overdue', () => {
    renderBadges(
      <>
        <Countdown daysLeft={3} />
        <Countdown daysLeft={-2} />
      </>,
    );
    expect(screen.getByText('3 days left')).toBeInTheDocument();
    expect(screen.getByText('2 days overdue')).toHaveAttribute('data-days-left', '-2');
  });
});

describe('minutesLabel', () => {
  const reviews: MeetingMinutes['reviews'] = [
    { organization_id: 'a', organization_name: 'Meridian Therapeutics', required: true, decision: 'approved', comment: null, by_name: 'Alice Moreau', at: '2026-11-20T10:00:00Z' },
    { organization_id: 'b', organization_name: 'Pulsewise Health', required: true, decision: null, comment: null, by_name: null, at: null },
  ];
  it('counts approvals while in draft and names the revision', () => {
    expect(minutesLabel({ state: 'draft', revision: 1, final_at: null, reviews, can_review: false, can_write: false, can_revise: false })).toBe('Minutes draft: 1 of 2 approved');
    expect(minutesLabel({ state: 'final', revision: 2, final_at: '2026-11-21T10:00:00Z', reviews, can_review: false, can_write: false, can_revise: false })).toBe('Minutes final (revision 2)');
  });
});
