// Human words for the contract's enumerations, in the vocabulary alliance managers use.
import type {
  AllianceRole,
  AllianceType,
  OrganizationType,
  OrgRole,
  PartyDecision,
  PartyRole,
  ProposalField,
  ProposalStatus,
  Stage,
  Tier,
} from '../api/types';

/** Lifecycle order, as on the Stage tab and in filters. */
export const STAGES: Stage[] = [
  'scouting',
  'evaluation',
  'due_diligence',
  'negotiation',
  'startup',
  'execution',
  'renewal',
  'wind_down',
  'closed',
  'terminated',
];

export const STAGE_LABELS: Record<Stage, string> = {
  scouting: 'Scouting',
  evaluation: 'Evaluation',
  due_diligence: 'Due diligence',
  negotiation: 'Negotiation',
  startup: 'Start-up',
  execution: 'Execution',
  renewal: 'Renewal',
  wind_down: 'Wind-down',
  closed: 'Closed',
  terminated: 'Terminated',
};

export const STAGE_COLORS: Record<Stage, string> = {
  scouting: 'gray',
  evaluation: 'cyan',
  due_diligence: 'indigo',
  negotiation: 'violet',
  startup: 'blue',
  execution: 'teal',
  renewal: 'lime',
  wind_down: 'orange',
  closed: 'dark',
  terminated: 'red',
};

export const ALLIANCE_TYPES: AllianceType[] = [
  'research_collaboration',
  'co_development',
  'co_commercialization',
  'in_licensing',
  'out_licensing',
  'data_sharing',
  'platform_subscription',
  'service',
  'public_private_partnership',
  'consortium',
  'joint_venture',
];

export const ALLIANCE_TYPE_LABELS: Record<AllianceType, string> = {
  research_collaboration: 'Research collaboration',
  co_development: 'Co-development',
  co_commercialization: 'Co-commercialisation',
  in_licensing: 'In-licensing',
  out_licensing: 'Out-licensing',
  data_sharing: 'Data sharing',
  platform_subscription: 'Technology / platform subscription',
  service: 'Service',
  public_private_partnership: 'Public-private partnership',
  consortium: 'Consortium',
  joint_venture: 'Joint venture',
};

export const TIERS: Tier[] = [1, 2, 3];

export const TIER_LABELS: Record<Tier, string> = {
  1: 'Tier 1',
  2: 'Tier 2',
  3: 'Tier 3',
};

export const TIER_DESCRIPTIONS: Record<Tier, string> = {
  1: 'Strategic: most attention',
  2: 'Important: regular attention',
  3: 'Routine: light touch',
};

/** Each party keeps its own tier: the words that say so wherever a tier is shown or chosen. */
export const TIER_FIELD_LABEL = 'Your tier';
export const TIER_PRIVACY_HINT = 'Only your organisation sees this';
export const PRIORITY_NOTE_LABEL = 'Priority note (internal)';

export const PARTY_ROLES: PartyRole[] = [
  'licensor',
  'licensee',
  'co_developer',
  'lead',
  'member',
  'funder',
  'observer',
];

export const PARTY_ROLE_LABELS: Record<PartyRole, string> = {
  licensor: 'Licensor',
  licensee: 'Licensee',
  co_developer: 'Co-developer',
  lead: 'Lead',
  member: 'Member',
  funder: 'Funder',
  observer: 'Observer',
};

export const ALLIANCE_ROLES: AllianceRole[] = ['manager', 'member', 'viewer', 'executive'];

export const ALLIANCE_ROLE_LABELS: Record<AllianceRole, string> = {
  manager: 'Alliance manager',
  member: 'Team member',
  viewer: 'Viewer',
  executive: 'Executive sponsor',
};

export const ORGANIZATION_TYPES: OrganizationType[] = [
  'pharma',
  'biotech',
  'startup',
  'technology',
  'academic',
  'provider',
  'payer',
  'government',
  'nonprofit',
  'cro',
];

export const ORGANIZATION_TYPE_LABELS: Record<OrganizationType, string> = {
  pharma: 'Pharma',
  biotech: 'Biotech',
  startup: 'Start-up',
  technology: 'Technology',
  academic: 'Academic',
  provider: 'Provider',
  payer: 'Payer',
  government: 'Government agency',
  nonprofit: 'Non-profit',
  cro: 'CRO',
};

export const ORG_ROLE_LABELS: Record<OrgRole, string> = {
  admin: 'Organisation admin',
  member: 'Member',
};

/** The alliance's shared fields, which change only with every party's consent. */
export const SHARED_FIELD_LABELS: Record<ProposalField, string> = {
  name: 'Name',
  type: 'Type',
  description: 'Description',
  territory: 'Territory',
  therapeutic_areas: 'Therapeutic areas',
  'north_star.statement': 'North Star statement',
  'north_star.beneficiaries': 'Beneficiaries',
  parties: 'Parties',
};

export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  open: 'Waiting for decisions',
  applied: 'Applied',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  superseded: 'Superseded',
};

export const PROPOSAL_STATUS_COLORS: Record<ProposalStatus, string> = {
  open: 'yellow',
  applied: 'teal',
  rejected: 'red',
  withdrawn: 'gray',
  superseded: 'gray',
};

export const PROPOSAL_STATUS_HELP: Record<ProposalStatus, string> = {
  open: 'Waiting for every other party to accept or reject it.',
  applied: 'Every party accepted it, and the alliance now shows the change.',
  rejected: 'A party rejected it; the alliance did not change.',
  withdrawn: 'Its proposer withdrew it; the alliance did not change.',
  superseded: 'Another change to the same fields was applied first, so this one no longer fits.',
};

export const PARTY_DECISION_LABELS: Record<PartyDecision, string> = {
  pending: 'Waiting',
  accepted: 'Accepted',
  rejected: 'Rejected',
};

/** `[{value, label}]` for a Select, in the given order. */
export function options<K extends string | number>(
  keys: readonly K[],
  labels: Record<K, string>,
): { value: string; label: string }[] {
  return keys.map((key) => ({ value: String(key), label: labels[key] }));
}
