// Orders and colours for the Agreements API's enumerations; their words come from docs/words.json,
// which the server's exports read too.
import { wordsOf } from '../../ui/words';
import type {
  AgreementKind,
  AgreementRelation,
  AgreementStatus,
  DestructionStatus,
  Exclusivity,
  IpAssetKind,
  ObligationCategory,
  ObligationDirection,
  ObligationSchedule,
  OccurrenceStatus,
  PrivacyBasis,
  RestrictionKind,
} from './types';

export const AGREEMENT_KINDS: AgreementKind[] = [
  'cda',
  'term_sheet',
  'collaboration',
  'license',
  'co_development',
  'co_commercialisation',
  'data_sharing',
  'material_transfer',
  'statement_of_work',
  'supply',
  'other',
];

export const AGREEMENT_KIND_LABELS: Record<AgreementKind, string> = wordsOf('agreement.kind');

export const AGREEMENT_RELATIONS: AgreementRelation[] = ['master', 'sub_agreement', 'amendment'];

export const AGREEMENT_RELATION_LABELS: Record<AgreementRelation, string> = wordsOf('agreement.relation');

export const AGREEMENT_STATUSES: AgreementStatus[] = ['draft', 'in_negotiation', 'signed', 'active', 'expired', 'terminated'];

export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = wordsOf('agreement.status');

export const AGREEMENT_STATUS_COLORS: Record<AgreementStatus, string> = {
  draft: 'gray',
  in_negotiation: 'yellow',
  signed: 'blue',
  active: 'green',
  expired: 'dark',
  terminated: 'red',
};

export const EXCLUSIVITIES: Exclusivity[] = ['exclusive', 'sole', 'non_exclusive', 'none'];

export const EXCLUSIVITY_LABELS: Record<Exclusivity, string> = wordsOf('agreement.exclusivity');

export const OBLIGATION_CATEGORIES: ObligationCategory[] = [
  'reporting',
  'payment',
  'diligence',
  'regulatory',
  'supply',
  'ip',
  'data_protection',
  'audit',
  'governance',
  'other',
];

export const OBLIGATION_CATEGORY_LABELS: Record<ObligationCategory, string> = wordsOf('obligation.category');

export const OBLIGATION_DIRECTIONS: ObligationDirection[] = ['owed', 'joint'];

/** Who owes a joint obligation, in one word (the export says the same). */
export const JOINT_WORD: string = wordsOf('obligation.owed').joint;

export const OBLIGATION_DIRECTION_LABELS: Record<ObligationDirection, string> = wordsOf('obligation.direction');

export const OBLIGATION_SCHEDULES: ObligationSchedule[] = ['once', 'recurring', 'milestone'];

export const OBLIGATION_SCHEDULE_LABELS: Record<ObligationSchedule, string> = wordsOf('obligation.schedule');

export const OCCURRENCE_STATUSES: OccurrenceStatus[] = ['upcoming', 'due', 'overdue', 'fulfilled', 'waived', 'in_dispute'];

export const OCCURRENCE_STATUS_LABELS: Record<OccurrenceStatus, string> = wordsOf('occurrence.status');

export const OCCURRENCE_STATUS_COLORS: Record<OccurrenceStatus, string> = {
  upcoming: 'blue',
  due: 'orange',
  overdue: 'red',
  fulfilled: 'green',
  waived: 'gray',
  in_dispute: 'grape',
};

export const RESTRICTION_KINDS: RestrictionKind[] = ['exclusivity', 'non_compete', 'field_limit', 'territory_limit', 'change_of_control'];

export const RESTRICTION_KIND_LABELS: Record<RestrictionKind, string> = wordsOf('restriction.kind');

export const IP_ASSET_KINDS: IpAssetKind[] = ['background', 'foreground'];

export const IP_ASSET_KIND_LABELS: Record<IpAssetKind, string> = wordsOf('ip_asset.kind');

export const PRIVACY_BASES: PrivacyBasis[] = ['consent', 'de_identified', 'anonymised', 'contract'];

export const PRIVACY_BASIS_LABELS: Record<PrivacyBasis, string> = wordsOf('dataset.privacy_basis');

export const DESTRUCTION_STATUS_LABELS: Record<DestructionStatus, string> = wordsOf('dataset.destruction_status');

export const DESTRUCTION_STATUS_COLORS: Record<DestructionStatus, string> = {
  not_scheduled: 'gray',
  scheduled: 'blue',
  due: 'orange',
  overdue: 'red',
  confirmed: 'green',
};
