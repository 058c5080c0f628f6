// The Plan tab: the timeline, milestones, objectives, KPIs, RACI and communication plan of the
// alliance. The section is in the address (`?section=kpis`), so that it can be shared.
import { Stack, Tabs, Text } from '@mantine/core';
import { IconChartDots3, IconGauge, IconListDetails, IconSitemap, IconSpeakerphone, IconTarget, IconTimeline } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Alliance } from '../../api/types';
import { EmptyState, ErrorAlert, PageLoader } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { useMembers } from '../team/queries';
import { CommunicationsSection } from './CommunicationsSection';
import { KpisSection } from './KpisSection';
import { MilestoneHistoryDrawer } from './MilestoneHistory';
import { MilestonesSection } from './MilestonesSection';
import { ObjectivesSection } from './ObjectivesSection';
import { PlanTimeline } from './PlanTimeline';
import { usePlan } from './queries';
import { RaciSection } from './RaciSection';
import type { Milestone } from './types';

const SECTIONS = [
  { value: 'timeline', label: 'Timeline', icon: IconTimeline },
  { value: 'milestones', label: 'Milestones', icon: IconListDetails },
  { value: 'objectives', label: 'Objectives', icon: IconTarget },
  { value: 'kpis', label: 'KPIs', icon: IconGauge },
  { value: 'raci', label: 'RACI', icon: IconSitemap },
  { value: 'communications', label: 'Communication plan', icon: IconSpeakerphone },
] as const;

type Section = (typeof SECTIONS)[number]['value'];

export function PlanPanel({ alliance }: { alliance: Alliance }) {
  const [params, setParams] = useSearchParams();
  const requested = params.get('section');
  const section: Section = SECTIONS.some((s) => s.value === requested) ? (requested as Section) : 'timeline';
  const plan = usePlan(alliance.id);
  const members = useMembers(alliance.id);
  const [historyOf, setHistoryOf] = useState<Milestone | null>(null);
  const people = members.data?.items ?? [];

  const body = () => {
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
        <PlanTimeline plan={data} onMilestoneClick={setHistoryOf} />
        <MilestoneHistoryDrawer alliance={alliance} milestone={historyOf} onClose={() => setHistoryOf(null)} />
      </Stack>
    );
  };

  return (
    <Tabs
      value={section}
      onChange={(value) =>
        setParams(
          (current) => {
            const next = new URLSearchParams(current);
            if (!value || value === 'timeline') next.delete('section');
            else next.set('section', value);
            return next;
          },
          { replace: true },
        )
      }
      variant="pills"
      radius="md"
      keepMounted={false}
    >
      <Tabs.List mb="md" aria-label="Plan sections">
        {SECTIONS.map((s) => (
          <Tabs.Tab key={s.value} value={s.value} leftSection={<s.icon size={16} aria-hidden />}>
            {s.label}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {SECTIONS.map((s) => (
        <Tabs.Panel key={s.value} value={s.value}>
          {s.value === section && body()}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
