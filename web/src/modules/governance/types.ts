// Names for the Governance API's schemas (docs/openapi.yaml), so that governance reads
// `Committee` rather than `components['schemas']['Committee']`. Enumerations are named from the
// fields that carry them.
import type { Schemas } from '../../api/client';

export type Committee = Schemas['Committee'];
export type CommitteeCreate = Schemas['CommitteeCreate'];
export type CommitteeUpdate = Schemas['CommitteeUpdate'];
export type CommitteeMember = Schemas['CommitteeMember'];
export type CommitteeMemberCreate = Schemas['CommitteeMemberCreate'];
export type CommitteeMemberUpdate = Schemas['CommitteeMemberUpdate'];
export type CommitteeKind = Schemas['CommitteeKind'];
export type CommitteeCadence = Schemas['CommitteeCadence'];
export type QuorumRule = Schemas['QuorumRule'];
export type ChairRotation = Schemas['ChairRotation'];
export type CommitteeRole = Schemas['CommitteeRole'];

export type CadenceProposal = Schemas['CadenceProposal'];
export type ProposedMeeting = Schemas['CadenceProposalMeeting'];
export type CadenceTemplate = Schemas['CadenceTemplate'];

export type DecisionRight = Schemas['DecisionRight'];
export type DecisionRightCreate = Schemas['DecisionRightCreate'];
export type DecisionRightUpdate = Schemas['DecisionRightUpdate'];
export type EscalationLevel = Schemas['EscalationLevel'];
export type EscalationLevelInput = Schemas['EscalationLevelInput'];

export type GovernanceIssue = Schemas['GovernanceIssue'];
export type GovernanceIssueCreate = Schemas['GovernanceIssueCreate'];
export type GovernanceIssueUpdate = Schemas['GovernanceIssueUpdate'];
export type IssueLevelEntry = Schemas['IssueLevelEntry'];
export type IssueSeverity = Schemas['IssueSeverity'];
export type IssueStatus = Schemas['IssueStatus'];
export type IssueResolution = Schemas['IssueResolution'];

export type Meeting = Schemas['Meeting'];
export type MeetingCreate = Schemas['MeetingCreate'];
export type MeetingUpdate = Schemas['MeetingUpdate'];
export type MeetingStatus = Schemas['MeetingStatus'];
export type AgendaItem = Schemas['AgendaItem'];
export type AgendaItemCreate = Schemas['AgendaItemCreate'];
export type AgendaItemUpdate = Schemas['AgendaItemUpdate'];
export type PreRead = Schemas['PreRead'];
export type PreReadInput = Schemas['PreReadInput'];
export type Attendance = Schemas['Attendance'];
export type AttendanceStatus = Schemas['AttendanceStatus'];
export type AttendanceEntryInput = Schemas['AttendanceEntryInput'];
export type Quorum = Schemas['Quorum'];
export type QuorumParty = Schemas['QuorumParty'];
export type MeetingMinutes = Schemas['MeetingMinutes'];
export type MinutesReview = Schemas['MinutesReview'];
export type MinutesState = Schemas['MinutesState'];
export type MinutesRevision = Schemas['MinutesRevision'];
export type MeetingBrief = Schemas['MeetingBrief'];
export type MeetingBriefCreate = Schemas['MeetingBriefCreate'];
export type MeetingBriefUpdate = Schemas['MeetingBriefUpdate'];

export type Decision = Schemas['Decision'];
export type DecisionCreate = Schemas['DecisionCreate'];
export type DecisionUpdate = Schemas['DecisionUpdate'];
export type DecisionVote = Schemas['DecisionVote'];
export type DecisionState = Schemas['DecisionState'];
export type DecisionPartyVotes = Schemas['DecisionPartyVotes'];
export type PartyPosition = Schemas['PartyPosition'];
export type VoteChoice = Schemas['VoteChoice'];

export type ActionItem = Schemas['ActionItem'];
export type ActionItemCreate = Schemas['ActionItemCreate'];
export type ActionItemUpdate = Schemas['ActionItemUpdate'];
export type ActionStatus = Schemas['ActionItemStatus'];
export type MyActionItem = Schemas['MyActionItem'];

export type Stakeholder = Schemas['Stakeholder'];
export type StakeholderCreate = Schemas['StakeholderCreate'];
export type StakeholderUpdate = Schemas['StakeholderUpdate'];
export type Attitude = Schemas['StakeholderAttitude'];
export type Quadrant = Schemas['StakeholderQuadrant'];

export type CalendarFeed = Schemas['CalendarFeed'];
export type CalendarFeedCreated = Schemas['CalendarFeedCreated'];
