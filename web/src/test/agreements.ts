// Agreement records for tests: complete, valid against the contract, with only what a test cares
// about passed in.
import type {
  Agreement,
  AgreementDocument,
  ComplianceRow,
  Dataset,
  IpAsset,
  Obligation,
  Occurrence,
  Restriction,
} from '../modules/agreements/types';
import { nextId } from './governance';
import { makeAlliance, ME, PARTNER_ID } from './utils';

const alliance = makeAlliance();

const shared = () => ({
  alliance_id: alliance.id,
  party_id: ME.organization.id,
  party_name: ME.organization.name,
  visibility: 'alliance' as const,
  owner_organization_id: ME.organization.id,
  owner_organization_name: ME.organization.name,
  author_id: ME.user.id,
  author_name: ME.user.name,
  readers: [],
  version: 1,
  created_at: '2026-11-21T20:33:53.064Z',
  updated_at: '2026-11-21T20:33:53.064Z',
});

const PARTIES = [
  { organization_id: ME.organization.id, organization_name: 'Meridian Therapeutics' },
  { organization_id: PARTNER_ID, organization_name: 'Pulsewise Health' },
];

export function makeAgreement(overrides: Partial<Agreement> = {}): Agreement {
  const base = {
    id: nextId(),
    title: 'Collaboration and licence agreement',
    kind: 'collaboration' as const,
    relation: 'master' as const,
    parent_id: null,
    party_ids: PARTIES.map((p) => p.organization_id),
    parties: PARTIES,
    status: 'active' as const,
    signed_on: '2026-01-15',
    effective_on: '2026-02-01',
    expiry_on: '2031-01-31',
    notice_period_days: 180,
    governing_law: 'England and Wales',
    field: 'Heart failure',
    territory: 'EU and US',
    exclusivity: 'exclusive' as const,
    summary: '',
    reminder_days: [90, 30],
    term_changes: {},
    obligation_changes: [],
    notice_deadline: '2030-08-04',
    amendments: [],
    document_count: 0,
    obligation_count: 0,
    ...shared(),
    ...overrides,
  };
  return {
    as_amended: {
      expiry_on: base.expiry_on,
      notice_period_days: base.notice_period_days,
      governing_law: base.governing_law,
      field: base.field,
      territory: base.territory,
      exclusivity: base.exclusivity,
      notice_deadline: base.notice_deadline,
      applied_amendment_ids: [],
    },
    ...base,
  };
}

export function makeObligation(overrides: Partial<Obligation> = {}): Obligation {
  return {
    id: nextId(),
    agreement_id: 'agreement',
    agreement_title: 'Collaboration and licence agreement',
    clause_ref: '§7.2',
    title: 'Quarterly development report',
    description: '',
    category: 'reporting',
    direction: 'owed',
    owed_by: PARTNER_ID,
    owed_by_name: 'Pulsewise Health',
    owed_to: ME.organization.id,
    owed_to_name: 'Meridian Therapeutics',
    responsible_user_id: ME.user.id,
    responsible_name: ME.user.name,
    schedule: 'recurring',
    due_on: null,
    starts_on: '2026-03-31',
    rrule: 'FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1',
    milestone_id: null,
    milestone_title: null,
    offset_days: 0,
    reminder_days: [14, 3],
    next_due: { due_on: '2026-12-31', status: 'upcoming' },
    amended_by: [],
    signal: { consider_amendment: false, late: 0, waived: 0, considered: 3, reason: '' },
    ...shared(),
    ...overrides,
  };
}

export function makeOccurrence(overrides: Partial<Occurrence> = {}): Occurrence {
  return {
    obligation_id: 'obligation',
    obligation_title: 'Quarterly development report',
    agreement_id: 'agreement',
    agreement_title: 'Collaboration and licence agreement',
    clause_ref: '§7.2',
    category: 'reporting',
    direction: 'owed',
    owed_by: PARTNER_ID,
    owed_by_name: 'Pulsewise Health',
    owed_to: ME.organization.id,
    owed_to_name: 'Meridian Therapeutics',
    responsible_user_id: ME.user.id,
    responsible_name: ME.user.name,
    due_on: '2026-12-31',
    status: 'upcoming',
    fulfilled_on: null,
    evidence: null,
    on_time: null,
    reason: null,
    approver_id: null,
    approver_name: null,
    recorded_by_name: null,
    version: 0,
    updated_at: null,
    ...overrides,
  };
}

export function makeDocument(overrides: Partial<AgreementDocument> = {}): AgreementDocument {
  return {
    id: nextId(),
    agreement_id: 'agreement',
    name: 'CLA signed.pdf',
    version: 1,
    latest: true,
    content_type: 'application/pdf',
    size_bytes: 245760,
    sha256: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
    uploaded_by: ME.user.id,
    uploaded_by_name: ME.user.name,
    uploaded_at: '2026-11-20T10:00:00Z',
    ...overrides,
  };
}

export function makeRestriction(overrides: Partial<Restriction> = {}): Restriction {
  return {
    id: nextId(),
    agreement_id: 'agreement',
    agreement_title: 'Collaboration and licence agreement',
    kind: 'exclusivity',
    clause_ref: '§12.1',
    description: 'No other heart-failure adherence programme in the EU.',
    restricted_party_id: null,
    restricted_party_name: null,
    therapeutic_areas: ['Heart failure'],
    modalities: [],
    territories: ['EU'],
    counterparties: [],
    starts_on: null,
    ends_on: null,
    ...shared(),
    ...overrides,
  };
}

export function makeIpAsset(overrides: Partial<IpAsset> = {}): IpAsset {
  return {
    id: nextId(),
    title: 'Adherence prediction model',
    kind: 'foreground',
    description: '',
    agreement_id: null,
    owner_party_id: null,
    owner_party_name: null,
    shares: [
      { organization_id: ME.organization.id, organization_name: 'Meridian Therapeutics', percent: 60 },
      { organization_id: PARTNER_ID, organization_name: 'Pulsewise Health', percent: 40 },
    ],
    licences: [],
    patent_family: 'WO2027/001234',
    filing_on: '2026-06-01',
    expiry_on: null,
    ...shared(),
    ...overrides,
  };
}

export function makeDataset(overrides: Partial<Dataset> = {}): Dataset {
  return {
    id: nextId(),
    name: 'Adherence data, cohort A',
    description: '',
    agreement_id: null,
    provider_id: PARTNER_ID,
    provider_name: 'Pulsewise Health',
    recipient_id: ME.organization.id,
    recipient_name: 'Meridian Therapeutics',
    purposes: ['Efficacy analysis'],
    privacy_basis: 'de_identified',
    security_requirements: '',
    shared_on: '2026-03-01',
    retention_until: '2027-03-01',
    destruction_due_on: '2027-04-01',
    destroyed_on: null,
    destruction_evidence: null,
    destruction_confirmed_by_name: null,
    destruction_status: 'scheduled',
    ...shared(),
    ...overrides,
  };
}

export function makeComplianceRow(overrides: Partial<ComplianceRow> = {}): ComplianceRow {
  return { key: PARTNER_ID, name: 'Pulsewise Health', due: 4, on_time: 3, late: 1, overdue: 0, waived: 0, in_dispute: 0, on_time_rate: 0.75, ...overrides };
}
