import { screen } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { IconGauge, IconTarget, IconTimeline } from '@tabler/icons-react';
import { describe, expect, it } from 'vitest';
import { renderPage } from '../test/utils';
import { SectionTabs } from './SectionTabs';

const user = userEventLib.setup({ delay: null });

const SECTIONS = [
  { value: 'timeline', label: 'Timeline', icon: IconTimeline },
  { value: 'objectives', label: 'Objectives', icon: IconTarget },
  { value: 'kpis', label: 'KPIs', icon: IconGauge },
] as const;

function render(route: string, clearOnSwitch?: string[]) {
  return renderPage(
    <SectionTabs sections={SECTIONS} defaultSection="timeline" label="Test sections" clearOnSwitch={clearOnSwitch}>
      {(section) => <p>Body of {section}</p>}
    </SectionTabs>,
    { route },
  );
}

describe('SectionTabs', () => {
  it('opens on the default section and renders only the active body', () => {
    render('/');
    expect(screen.getByRole('tablist', { name: 'Test sections' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Timeline' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByText('Body of timeline')).toBeInTheDocument();
    expect(screen.queryByText('Body of kpis')).not.toBeInTheDocument();
  });

  it('falls back to the default for an unknown section', () => {
    render('/?section=nope');
    expect(screen.getByText('Body of timeline')).toBeInTheDocument();
  });

  it('writes the chosen section to the address and leaves the default out', async () => {
    const { router } = render('/?keep=1');
    await user.click(screen.getByRole('tab', { name: 'KPIs' }));
    expect(router.state.location.search).toBe('?keep=1&section=kpis');
    expect(await screen.findByText('Body of kpis')).toBeInTheDocument();
    expect(screen.queryByText('Body of timeline')).not.toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Timeline' }));
    expect(router.state.location.search).toBe('?keep=1');
  });

  it('clears the parameters that belong to a section on a switch and keeps the rest', async () => {
    const { router } = render('/?section=objectives&meeting=m1&view=calendar&day=2027-03-10&keep=1', ['meeting', 'view', 'day']);
    expect(screen.getByText('Body of objectives')).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'KPIs' }));
    expect(router.state.location.search).toBe('?section=kpis&keep=1');
  });

  it('keeps every parameter when it clears none', async () => {
    const { router } = render('/?section=objectives&meeting=m1');
    await user.click(screen.getByRole('tab', { name: 'KPIs' }));
    expect(router.state.location.search).toBe('?section=kpis&meeting=m1');
  });
});
