// Orders and colours for the Plans API's enumerations; their words come from docs/words.json.
import { wordsOf } from '../../ui/words';
import type {
  ApprovalDecision,
  ApprovalState,
  CommunicationCadence,
  CommunicationCategory,
  CommunicationKind,
  KpiCadence,
  KpiDirection,
  KpiIndicator,
  KpiStatus,
  MilestoneKind,
  MilestoneStatus,
  ObjectiveHorizon,
  ObjectiveStatus,
  RaciRole,
} from './types';

export const MILESTONE_STATUSES: MilestoneStatus[] = ['planned', 'on_track', 'at_risk', 'late', 'achieved', 'missed', 'cancelled'];

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = wordsOf('milestone.status');

/** Mantine colours; `missed` is a darker red than `late` (shade chosen in the badge). */
export const MILESTONE_STATUS_COLORS: Record<MilestoneStatus, string> = {
  planned: 'gray',
  on_track: 'teal',
  at_risk: 'orange',
  late: 'red',
  achieved: 'green',
  missed: 'red.9',
  cancelled: 'gray',
};

export const MILESTONE_KINDS: MilestoneKind[] = ['research', 'development', 'regulatory', 'commercial', 'operational'];

export const MILESTONE_KIND_LABELS: Record<MilestoneKind, string> = wordsOf('milestone.kind');

export const OBJECTIVE_HORIZONS: ObjectiveHorizon[] = ['short_term', 'long_term'];

export const OBJECTIVE_HORIZON_LABELS: Record<ObjectiveHorizon, string> = wordsOf('objective.horizon');

export const OBJECTIVE_STATUSES: ObjectiveStatus[] = ['proposed', 'active', 'achieved', 'dropped'];

export const OBJECTIVE_STATUS_LABELS: Record<ObjectiveStatus, string> = wordsOf('objective.status');

export const OBJECTIVE_STATUS_COLORS: Record<ObjectiveStatus, string> = {
  proposed: 'gray',
  active: 'blue',
  achieved: 'green',
  dropped: 'dark',
};

export const KPI_STATUSES: KpiStatus[] = ['green', 'amber', 'red', 'no_data'];

export const KPI_STATUS_LABELS: Record<KpiStatus, string> = wordsOf('kpi.status');

export const KPI_STATUS_COLORS: Record<KpiStatus, string> = {
  green: 'green',
  amber: 'yellow',
  red: 'red',
  no_data: 'gray',
};

export const KPI_DIRECTIONS: KpiDirection[] = ['higher_is_better', 'lower_is_better'];

export const KPI_DIRECTION_LABELS: Record<KpiDirection, string> = wordsOf('kpi.direction');

export const KPI_INDICATORS: KpiIndicator[] = ['leading', 'lagging'];

export const KPI_INDICATOR_LABELS: Record<KpiIndicator, string> = wordsOf('kpi.indicator');

export const KPI_CADENCES: KpiCadence[] = ['weekly', 'monthly', 'quarterly', 'annually', 'once'];

export const KPI_CADENCE_LABELS: Record<KpiCadence, string> = wordsOf('kpi.cadence');

export const RACI_ROLES: RaciRole[] = ['R', 'A', 'C', 'I'];

export const RACI_ROLE_LABELS: Record<RaciRole, string> = wordsOf('raci_assignment.role');

export const COMMUNICATION_CATEGORY_LABELS: Record<CommunicationCategory, string> = wordsOf('communication.category');

export const CHANNEL_KINDS: CommunicationKind[] = ['meeting', 'report', 'email_list', 'shared_workspace'];
export const EXTERNAL_KINDS: CommunicationKind[] = ['press_release', 'publication', 'conference_abstract', 'investor_statement'];

export const COMMUNICATION_KIND_LABELS: Record<CommunicationKind, string> = wordsOf('communication.kind');

export const COMMUNICATION_CADENCES: CommunicationCadence[] = ['weekly', 'monthly', 'quarterly', 'annually', 'ad_hoc'];

export const COMMUNICATION_CADENCE_LABELS: Record<CommunicationCadence, string> = wordsOf('communication.cadence');

export const APPROVAL_STATE_LABELS: Record<ApprovalState, string> = wordsOf('communication.approval_state');

export const APPROVAL_STATE_COLORS: Record<ApprovalState, string> = {
  pending: 'yellow',
  cleared: 'green',
  rejected: 'red',
};

export const APPROVAL_DECISION_LABELS: Record<ApprovalDecision, string> = wordsOf('communication_approval.decision');

export const APPROVAL_DECISION_COLORS: Record<ApprovalDecision, string> = {
  pending: 'yellow',
  approved: 'green',
  rejected: 'red',
};
