// Human words and colours for the Agreements API's enumerations.
import words from '../../../../docs/words.json';
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

export const AGREEMENT_KIND_LABELS: Record<AgreementKind, string> = {
  cda: 'Confidentiality (CDA)',
  term_sheet: 'Term sheet',
  collaboration: 'Collaboration',
  license: 'Licence',
  co_development: 'Co-development',
  co_commercialisation: 'Co-commercialisation',
  data_sharing: 'Data sharing',
  material_transfer: 'Material transfer (MTA)',
  statement_of_work: 'Statement of work',
  supply: 'Supply',
  other: 'Other',
};

export const AGREEMENT_RELATIONS: AgreementRelation[] = ['master', 'sub_agreement', 'amendment'];

export const AGREEMENT_RELATION_LABELS: Record<AgreementRelation, string> = {
  master: 'Master agreement',
  sub_agreement: 'Sub-agreement',
  amendment: 'Amendment',
};

export const AGREEMENT_STATUSES: AgreementStatus[] = ['draft', 'in_negotiation', 'signed', 'active', 'expired', 'terminated'];

export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  draft: 'Draft',
  in_negotiation: 'In negotiation',
  signed: 'Signed',
  active: 'Active',
  expired: 'Expired',
  terminated: 'Terminated',
};

export const AGREEMENT_STATUS_COLORS: Record<AgreementStatus, string> = {
  draft: 'gray',
  in_negotiation: 'yellow',
  signed: 'blue',
  active: 'green',
  expired: 'dark',
  terminated: 'red',
};

export const EXCLUSIVITIES: Exclusivity[] = ['exclusive', 'sole', 'non_exclusive', 'none'];

export const EXCLUSIVITY_LABELS: Record<Exclusivity, string> = {
  exclusive: 'Exclusive',
  sole: 'Sole',
  non_exclusive: 'Non-exclusive',
  none: 'Not applicable',
};

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

// From docs/words.json: the server's exports use the same words.
export const OBLIGATION_CATEGORY_LABELS: Record<ObligationCategory, string> = words['obligation.category'];

export const OBLIGATION_DIRECTIONS: ObligationDirection[] = ['owed', 'joint'];

/** Who owes a joint obligation, in one word (the export says the same). */
export const JOINT_WORD: string = words['obligation.owed'].joint;

export const OBLIGATION_DIRECTION_LABELS: Record<ObligationDirection, string> = {
  owed: 'Owed by one party to another',
  joint: 'Joint (every party)',
};

export const OBLIGATION_SCHEDULES: ObligationSchedule[] = ['once', 'recurring', 'milestone'];

export const OBLIGATION_SCHEDULE_LABELS: Record<ObligationSchedule, string> = {
  once: 'Once',
  recurring: 'Recurring',
  milestone: 'After a milestone',
};

export const OCCURRENCE_STATUSES: OccurrenceStatus[] = ['upcoming', 'due', 'overdue', 'fulfilled', 'waived', 'in_dispute'];

export const OCCURRENCE_STATUS_LABELS: Record<OccurrenceStatus, string> = words['occurrence.status'];

export const OCCURRENCE_STATUS_COLORS: Record<OccurrenceStatus, string> = {
  upcoming: 'blue',
  due: 'orange',
  overdue: 'red',
  fulfilled: 'green',
  waived: 'gray',
  in_dispute: 'grape',
};

export const RESTRICTION_KINDS: RestrictionKind[] = ['exclusivity', 'non_compete', 'field_limit', 'territory_limit', 'change_of_control'];

export const RESTRICTION_KIND_LABELS: Record<RestrictionKind, string> = {
  exclusivity: 'Exclusivity',
  non_compete: 'Non-compete',
  field_limit: 'Field limitation',
  territory_limit: 'Territory limitation',
  change_of_control: 'Change of control',
};

export const IP_ASSET_KINDS: IpAssetKind[] = ['background', 'foreground'];

export const IP_ASSET_KIND_LABELS: Record<IpAssetKind, string> = {
  background: 'Background IP',
  foreground: 'Foreground IP',
};

export const PRIVACY_BASES: PrivacyBasis[] = ['consent', 'de_identified', 'anonymised', 'contract'];

export const PRIVACY_BASIS_LABELS: Record<PrivacyBasis, string> = {
  consent: 'Consent',
  de_identified: 'De-identified',
  anonymised: 'Anonymised',
  contract: 'Contract',
};

export const DESTRUCTION_STATUS_LABELS: Record<DestructionStatus, string> = {
  not_scheduled: 'No destruction date',
  scheduled: 'Destruction scheduled',
  due: 'Destruction due',
  overdue: 'Destruction overdue',
  confirmed: 'Destroyed',
};

export const DESTRUCTION_STATUS_COLORS: Record<DestructionStatus, string> = {
  not_scheduled: 'gray',
  scheduled: 'blue',
  due: 'orange',
  overdue: 'red',
  confirmed: 'green',
};
