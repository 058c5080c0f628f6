import { Anchor, Breadcrumbs, Tabs } from '@mantine/core';
import { IconBuildingBank, IconFileText, IconFlag, IconHistory, IconNotebook, IconStar, IconTimeline, IconUsers } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { ActivityPanel } from '../modules/activity/ActivityPanel';
import { AllianceHeader } from '../modules/alliances/AllianceHeader';
import { OverviewPanel } from '../modules/alliances/OverviewPanel';
import { useAlliance } from '../modules/alliances/queries';
import { StagePanel } from '../modules/alliances/StagePanel';
import { NotesPanel } from '../modules/notes/NotesPanel';
import { PlanPanel } from '../modules/plan/PlanPanel';
import { TeamPanel } from '../modules/team/TeamPanel';
import { ErrorAlert, PageLoader } from '../ui/feedback';

// Governance is large and opened less often than the plan: its code loads with the tab.
const GovernancePanel = lazy(() => import('../modules/governance/GovernancePanel').then((m) => ({ default: m.GovernancePanel })));
// So are agreements.
const AgreementsPanel = lazy(() => import('../modules/agreements/AgreementsPanel').then((m) => ({ default: m.AgreementsPanel })));

// Later capabilities (Health, Finance) add their tab here.
const TABS = [
  { value: 'overview', label: 'Overview', icon: IconStar },
  { value: 'plan', label: 'Plan', icon: IconTimeline },
  { value: 'governance', label: 'Governance', icon: IconBuildingBank },
  { value: 'agreements', label: 'Agreements', icon: IconFileText },
  { value: 'stage', label: 'Stage', icon: IconFlag },
  { value: 'team', label: 'Team', icon: IconUsers },
  { value: 'notes', label: 'Notes', icon: IconNotebook },
  { value: 'activity', label: 'Activity', icon: IconHistory },
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
        <Tabs.Panel value="overview">
          <OverviewPanel alliance={a} />
        </Tabs.Panel>
        <Tabs.Panel value="plan">
          <PlanPanel alliance={a} />
        </Tabs.Panel>
        <Tabs.Panel value="governance">
          <Suspense fallback={<PageLoader label="Loading governance…" />}>
            <GovernancePanel alliance={a} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="agreements">
          <Suspense fallback={<PageLoader label="Loading agreements…" />}>
            <AgreementsPanel alliance={a} />
          </Suspense>
        </Tabs.Panel>
        <Tabs.Panel value="stage">
          <StagePanel alliance={a} />
        </Tabs.Panel>
        <Tabs.Panel value="team">
          <TeamPanel alliance={a} />
        </Tabs.Panel>
        <Tabs.Panel value="notes">
          <NotesPanel alliance={a} />
        </Tabs.Panel>
        <Tabs.Panel value="activity">
          <ActivityPanel alliance={a} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
