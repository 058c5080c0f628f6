// The Governance tab: committees, decision rights, meetings, decisions, issues, actions and
// stakeholders. The section is in the address (`?section=issues`), and so is an open meeting
// (`?section=meetings&meeting=<id>`), so that both can be shared.
import { Tabs } from '@mantine/core';
import { IconAlertTriangle, IconCalendarEvent, IconChecklist, IconGavel, IconHierarchy2, IconScale, IconUsers } from '@tabler/icons-react';
import { useSearchParams } from 'react-router';
import type { Alliance } from '../../api/types';
import { ErrorAlert, PageLoader } from '../../ui/feedback';
import { useMembers } from '../team/queries';
import { ActionsSection } from './ActionsSection';
import { CommitteesSection } from './CommitteesSection';
import { DecisionRightsSection } from './DecisionRightsSection';
import { DecisionsSection } from './DecisionsSection';
import { IssuesSection } from './IssuesSection';
import { MeetingsSection } from './MeetingsSection';
import { useCommittees } from './queries';
import { StakeholdersSection } from './StakeholdersSection';

const SECTIONS = [
  { value: 'committees', label: 'Committees', icon: IconHierarchy2 },
  { value: 'decision-rights', label: 'Decision rights', icon: IconScale },
  { value: 'meetings', label: 'Meetings', icon: IconCalendarEvent },
  { value: 'decisions', label: 'Decisions', icon: IconGavel },
  { value: 'issues', label: 'Issues', icon: IconAlertTriangle },
  { value: 'actions', label: 'Actions', icon: IconChecklist },
  { value: 'stakeholders', label: 'Stakeholders', icon: IconUsers },
] as const;

type Section = (typeof SECTIONS)[number]['value'];

export function GovernancePanel({ alliance }: { alliance: Alliance }) {
  const [params, setParams] = useSearchParams();
  const requested = params.get('section');
  const section: Section = SECTIONS.some((s) => s.value === requested) ? (requested as Section) : 'committees';
  const committees = useCommittees(alliance.id);
  const members = useMembers(alliance.id);
  const people = members.data?.items ?? [];

  const body = () => {
    if (section === 'issues') return <IssuesSection alliance={alliance} members={people} />;
    if (section === 'actions') return <ActionsSection alliance={alliance} members={people} />;
    if (committees.isPending) return <PageLoader label="Loading the committees…" />;
    if (committees.isError) return <ErrorAlert error={committees.error} onRetry={() => void committees.refetch()} />;
    const list = committees.data;
    if (section === 'decision-rights') return <DecisionRightsSection alliance={alliance} committees={list} members={people} />;
    if (section === 'meetings') return <MeetingsSection alliance={alliance} committees={list} members={people} />;
    if (section === 'decisions') return <DecisionsSection alliance={alliance} committees={list} />;
    if (section === 'stakeholders') return <StakeholdersSection alliance={alliance} committees={list} members={people} />;
    return <CommitteesSection alliance={alliance} committees={list} members={people} />;
  };

  return (
    <Tabs
      value={section}
      onChange={(value) =>
        setParams(
          (current) => {
            const next = new URLSearchParams();
            // Only the section survives a switch: a meeting or issue belongs to its own section.
            if (value && value !== 'committees') next.set('section', value);
            for (const [key, v] of current) if (key !== 'section' && key !== 'meeting' && key !== 'issue') next.set(key, v);
            return next;
          },
          { replace: true },
        )
      }
      variant="pills"
      radius="md"
      keepMounted={false}
    >
      <Tabs.List mb="md" aria-label="Governance sections">
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
