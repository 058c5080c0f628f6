// The Governance tab: committees, decision rights, meetings, decisions, issues, actions and
// stakeholders. The section is in the address (`?section=issues`), and so is an open meeting
// (`?section=meetings&meeting=<id>`), so that both can be shared.
import { IconAlertTriangle, IconCalendarEvent, IconChecklist, IconGavel, IconHierarchy2, IconScale, IconUsers } from '@tabler/icons-react';
import type { Alliance } from '../../api/types';
import { ErrorAlert, PageLoader } from '../../ui/feedback';
import { type SectionTab, SectionTabs } from '../../ui/SectionTabs';
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
] as const satisfies readonly SectionTab[];

type Section = (typeof SECTIONS)[number]['value'];

// Only the section survives a switch: an open meeting or issue, and the meetings' calendar view
// and day, belong to their own section.
const SECTION_PARAMS = ['meeting', 'issue', 'view', 'day'];

export function GovernancePanel({ alliance }: { alliance: Alliance }) {
  const committees = useCommittees(alliance.id);
  const members = useMembers(alliance.id);
  const people = members.data?.items ?? [];

  const body = (section: Section) => {
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
    <SectionTabs sections={SECTIONS} defaultSection="committees" label="Governance sections" clearOnSwitch={SECTION_PARAMS}>
      {body}
    </SectionTabs>
  );
}
