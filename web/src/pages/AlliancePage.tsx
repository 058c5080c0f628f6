import { Anchor, Breadcrumbs, Tabs } from '@mantine/core';
import { IconBuildingBank, IconFileText, IconFlag, IconHeartbeat, IconHistory, IconNotebook, IconStar, IconTimeline, IconUsers } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { lazy, Suspense } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import type { Alliance } from '../api/types';
import { AllianceHeader } from '../modules/alliances/AllianceHeader';
import { OverviewPanel } from '../modules/alliances/OverviewPanel';
import { useAlliance } from '../modules/alliances/queries';
import { PlanSummary } from '../modules/plans/PlanSummary';
import { ErrorAlert, PageLoader } from '../ui/feedback';

type Panel = ComponentType<{ alliance: Alliance }>;

// The overview is what opens first and comes with the page; every other tab's code loads when the
// tab opens, so that opening an alliance on a phone does not download the plan, governance and
// agreements first.
function tabCode<K extends string>(load: () => Promise<Record<K, Panel>>, name: K): Panel {
  return lazy(async (): Promise<{ default: Panel }> => ({ default: (await load())[name] }));
}

/** The overview, with how the alliance stands against its plan. */
function Overview({ alliance }: { alliance: Alliance }) {
  return <OverviewPanel alliance={alliance} planSummary={<PlanSummary alliance={alliance} />} />;
}

// Later capabilities (Finance) add their tab here.
const TABS = [
  { value: 'overview', label: 'Overview', icon: IconStar, Panel: Overview },
  { value: 'plan', label: 'Plan', icon: IconTimeline, Panel: tabCode(() => import('../modules/plans/PlanPanel'), 'PlanPanel') },
  { value: 'governance', label: 'Governance', icon: IconBuildingBank, Panel: tabCode(() => import('../modules/governance/GovernancePanel'), 'GovernancePanel') },
  { value: 'agreements', label: 'Agreements', icon: IconFileText, Panel: tabCode(() => import('../modules/agreements/AgreementsPanel'), 'AgreementsPanel') },
  { value: 'health', label: 'Health', icon: IconHeartbeat, Panel: tabCode(() => import('../modules/health/HealthPanel'), 'HealthPanel') },
  { value: 'stage', label: 'Stage', icon: IconFlag, Panel: tabCode(() => import('../modules/alliances/StagePanel'), 'StagePanel') },
  { value: 'team', label: 'Team', icon: IconUsers, Panel: tabCode(() => import('../modules/team/TeamPanel'), 'TeamPanel') },
  { value: 'notes', label: 'Notes', icon: IconNotebook, Panel: tabCode(() => import('../modules/notes/NotesPanel'), 'NotesPanel') },
  { value: 'activity', label: 'Activity', icon: IconHistory, Panel: tabCode(() => import('../modules/activity/ActivityPanel'), 'ActivityPanel') },
] as const;

type TabValue = (typeof TABS)[number]['value'];

export function AlliancePage() {
  const { id = '', tab = 'overview' } = useParams();
  const navigate = useNavigate();
  const alliance = useAlliance(id);
  if (!TABS.some((t) => t.value === tab)) return <Navigate to={`/alliances/${id}`} replace />;
  if (alliance.isPending) return <PageLoader label="Opening the alliance…" />;
  if (alliance.isError) {
    return <ErrorAlert error={alliance.error} title="This alliance could not be opened" onRetry={() => void alliance.refetch()} />;
  }
  const a = alliance.data;
  const current = tab as TabValue;
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to="/alliances" size="sm">
          Portfolio
        </Anchor>
        <span>{a.name}</span>
      </Breadcrumbs>
      <AllianceHeader alliance={a} />
      <Tabs
        value={current}
        onChange={(value) => navigate(value === 'overview' ? `/alliances/${a.id}` : `/alliances/${a.id}/${value}`)}
        keepMounted={false}
        variant="outline"
        radius="md"
      >
        <Tabs.List mb="md">
          {TABS.map((t) => (
            <Tabs.Tab key={t.value} value={t.value} leftSection={<t.icon size={16} aria-hidden />}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {TABS.map((t) => (
          <Tabs.Panel key={t.value} value={t.value}>
            <Suspense fallback={<PageLoader label={`Loading ${t.label.toLowerCase()}…`} />}>
              <t.Panel alliance={a} />
            </Suspense>
          </Tabs.Panel>
        ))}
      </Tabs>
    </>
  );
}
