// Names for the Plans API's schemas (docs/openapi.yaml), so that the plan reads `Milestone`
// rather than `components['schemas']['Milestone']`.
import type { Schemas } from '../../api/client';

export type Plan = Schemas['Plan'];
export type PlanSummary = Schemas['PlanSummary'];
export type Objective = Schemas['Objective'];
export type ObjectiveCreate = Schemas['ObjectiveCreate'];
export type ObjectiveUpdate = Schemas['ObjectiveUpdate'];
export type ObjectiveHorizon = Schemas['ObjectiveHorizon'];
export type ObjectiveStatus = Schemas['ObjectiveStatus'];
export type Milestone = Schemas['Milestone'];
export type MilestoneCreate = Schemas['MilestoneCreate'];
export type MilestoneUpdate = Schemas['MilestoneUpdate'];
export type MilestoneKind = Schemas['MilestoneKind'];
export type MilestoneStatus = Schemas['MilestoneStatus'];
export type MilestonePaymentInput = Schemas['MilestonePaymentInput'];
export type MilestoneHistoryEntry = Schemas['MilestoneHistoryEntry'];
export type Kpi = Schemas['Kpi'];
export type KpiCreate = Schemas['KpiCreate'];
export type KpiUpdate = Schemas['KpiUpdate'];
export type KpiValue = Schemas['KpiValue'];
export type KpiValueCreate = Schemas['KpiValueCreate'];
export type KpiDirection = Schemas['KpiDirection'];
export type KpiIndicator = Schemas['KpiIndicator'];
export type KpiCadence = Schemas['KpiCadence'];
export type KpiStatus = Schemas['KpiStatus'];
export type Workstream = Schemas['Workstream'];
export type WorkstreamCreate = Schemas['WorkstreamCreate'];
export type WorkstreamUpdate = Schemas['WorkstreamUpdate'];
export type WorkstreamActivity = Schemas['WorkstreamActivity'];
export type WorkstreamActivityInput = Schemas['WorkstreamActivityInput'];
export type RaciRole = Schemas['RaciRole'];
export type Communication = Schemas['Communication'];
export type CommunicationCreate = Schemas['CommunicationCreate'];
export type CommunicationUpdate = Schemas['CommunicationUpdate'];
export type CommunicationCategory = Schemas['CommunicationCategory'];
export type CommunicationKind = Schemas['CommunicationKind'];
export type CommunicationCadence = Schemas['CommunicationCadence'];
export type ApprovalState = Schemas['ApprovalState'];
export type ApprovalDecision = Schemas['ApprovalDecision'];

/** What every plan record carries to say who wrote it and who may read it. */
export type PlanRecord = Objective | Milestone | Kpi | Workstream | Communication;
