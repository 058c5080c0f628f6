// The Plan tab: the timeline, milestones, objectives, KPIs, RACI and communication plan of the
// alliance. The section is in the address (`?section=kpis`), so that it can be shared.
import { Stack, Text } from '@mantine/core';
import { IconChartDots3, IconGauge, IconListDetails, IconSitemap, IconSpeakerphone, IconTarget, IconTimeline } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import type { Alliance } from '../../api/types';
import { EmptyState, ErrorAlert, PageLoader } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { type SectionTab, SectionTabs } from '../../ui/SectionTabs';
import { useSession } from '../auth/session';
import { canChangeRecord } from '../records/access';
import { useMembers } from '../team/queries';
import { CommunicationsSection } from './CommunicationsSection';
import { ForecastChangeModal } from './ForecastChangeModal';
import { KpisSection } from './KpisSection';
import { MilestoneHistoryDrawer } from './MilestoneHistory';
import { MilestonesSection } from './MilestonesSection';
import { ObjectivesSection } from './ObjectivesSection';
import { PlanTimeline } from './PlanTimeline';
import { usePlan } from './queries';
import { RaciSection } from './RaciSection';
import type { ForecastMove } from './slip';
import type { Milestone } from './types';

const SECTIONS = [
  { value: 'timeline', label: 'Timeline', icon: IconTimeline },
  { value: 'milestones', label: 'Milestones', icon: IconListDetails },
  { value: 'objectives', label: 'Objectives', icon: IconTarget },
  { value: 'kpis', label: 'KPIs', icon: IconGauge },
  { value: 'raci', label: 'RACI', icon: IconSitemap },
  { value: 'communications', label: 'Communication plan', icon: IconSpeakerphone },
] as const satisfies readonly SectionTab[];

type Section = (typeof SECTIONS)[number]['value'];

export function PlanPanel({ alliance }: { alliance: Alliance }) {
  const plan = usePlan(alliance.id);
  const members = useMembers(alliance.id);
  const { user } = useSession();
  const [historyOf, setHistoryOf] = useState<Milestone | null>(null);
  const [moving, setMoving] = useState<{ milestone: Milestone; move: ForecastMove } | null>(null);
  const canMove = useCallback((milestone: Milestone) => canChangeRecord(alliance, user.id, milestone), [alliance, user.id]);
  const people = members.data?.items ?? [];

  const body = (section: Section) => {
    if (section === 'kpis') return <KpisSection alliance={alliance} members={people} />;
    if (section === 'raci') return <RaciSection alliance={alliance} members={people} />;
    if (section === 'communications') return <CommunicationsSection alliance={alliance} members={people} />;
    if (plan.isPending) return <PageLoader label="Loading the plan…" />;
    if (plan.isError) return <ErrorAlert error={plan.error} onRetry={() => void plan.refetch()} />;
    const data = plan.data;
    if (section === 'milestones') return <MilestonesSection alliance={alliance} plan={data} members={people} />;
    if (section === 'objectives') return <ObjectivesSection alliance={alliance} milestones={data.milestones} members={people} />;
    if (data.milestones.length === 0) {
      return (
        <EmptyState title="Nothing on the timeline yet" icon={<IconChartDots3 aria-hidden />}>
          The timeline shows the milestones of every objective against today, with their slip and dependencies. Add objectives, then
          milestones, to see it.
        </EmptyState>
      );
    }
    return (
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          {data.milestones.length} milestones · today {formatDate(data.today)}
          {data.critical_path.length > 0 ? ` · ${data.critical_path.length} on the critical path` : ''}
        </Text>
        <PlanTimeline
          plan={data}
          onMilestoneClick={setHistoryOf}
          canMove={canMove}
          onMoveForecast={(milestone, move) => setMoving({ milestone, move })}
        />
        <MilestoneHistoryDrawer alliance={alliance} milestone={historyOf} onClose={() => setHistoryOf(null)} />
        <ForecastChangeModal alliance={alliance} milestone={moving?.milestone ?? null} proposal={moving?.move ?? null} onClose={() => setMoving(null)} />
      </Stack>
    );
  };

  return (
    <SectionTabs sections={SECTIONS} defaultSection="timeline" label="Plan sections">
      {body}
    </SectionTabs>
  );
}
