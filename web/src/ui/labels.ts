// The contract's enumerations in the vocabulary alliance managers use: their order, colours and help
// here, their words in docs/words.json (through ./words), which the server reads too.
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
import { capitalise, capitalised, wordsOf } from './words';

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

export const STAGE_LABELS: Record<Stage, string> = wordsOf('alliance.stage');

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

export const ALLIANCE_TYPE_LABELS: Record<AllianceType, string> = wordsOf('alliance.type');

export const TIERS: Tier[] = [1, 2, 3];

export const TIER_LABELS: Record<Tier, string> = wordsOf('alliance.tier');

export const TIER_DESCRIPTIONS: Record<Tier, string> = {
  1: 'Strategic: most attention',
  2: 'Important: regular attention',
  3: 'Routine: light touch',
};

/** Each party keeps its own tier: the words that say so wherever a tier is shown or chosen. */
export const TIER_FIELD_LABEL = capitalise(wordsOf('field.alliance').tier);
export const TIER_PRIVACY_HINT = 'Only your organisation sees this';
export const PRIORITY_NOTE_LABEL = capitalise(wordsOf('field.alliance').priority_note);

export const PARTY_ROLES: PartyRole[] = [
  'licensor',
  'licensee',
  'co_developer',
  'lead',
  'member',
  'funder',
  'observer',
];

export const PARTY_ROLE_LABELS: Record<PartyRole, string> = wordsOf('party.role');

export const ALLIANCE_ROLES: AllianceRole[] = ['manager', 'member', 'viewer', 'executive'];

export const ALLIANCE_ROLE_LABELS: Record<AllianceRole, string> = wordsOf('member.role');

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

export const ORGANIZATION_TYPE_LABELS: Record<OrganizationType, string> = wordsOf('organization.type');

export const ORG_ROLE_LABELS: Record<OrgRole, string> = wordsOf('user.org_role');

/** The alliance's shared fields, which change only with every party's consent. */
export const SHARED_FIELD_LABELS: Record<ProposalField, string> = capitalised(wordsOf('alliance.field'));

export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = wordsOf('proposal.status');

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

export const PARTY_DECISION_LABELS: Record<PartyDecision, string> = wordsOf('proposal.decision');

/** `[{value, label}]` for a Select, in the given order. */
export function options<K extends string | number>(
  keys: readonly K[],
  labels: Record<K, string>,
): { value: string; label: string }[] {
  return keys.map((key) => ({ value: String(key), label: labels[key] }));
}
