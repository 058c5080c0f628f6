// Every value of every enumeration of the API has a word in docs/words.json, and no group keeps
// words for values the API no longer has. The enumerations are read from the generated contract
// (src/api/schema.d.ts, which `npm run generate` writes from docs/openapi.yaml).
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import words from '../../../docs/words.json';
import contract from '../api/schema.d.ts?raw';
import type { WordGroup } from './words';

/** Each enumeration of the contract by its place ("Stage", "Proposal.status"), with its values. */
function apiEnumerations(): Map<string, string[]> {
  const file = ts.createSourceFile('schema.d.ts', contract, ts.ScriptTarget.Latest, true);
  const found = new Map<string, string[]>();
  const nameOf = (name: ts.PropertyName) => (ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : name.getText(file));
  const literalsOf = (type: ts.TypeNode): string[] | null => {
    const members = ts.isUnionTypeNode(type) ? type.types : [type];
    const values: string[] = [];
    for (const member of members) {
      if (!ts.isLiteralTypeNode(member)) return null;
      if (member.literal.kind === ts.SyntaxKind.NullKeyword) continue;
      if (!ts.isStringLiteral(member.literal) && !ts.isNumericLiteral(member.literal)) return null;
      values.push(member.literal.text);
    }
    return values.length > 0 ? values : null;
  };
  const isConstant = (node: ts.Node) => ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'constant');
  const visit = (type: ts.TypeNode, path: string[], owner: ts.Node) => {
    const values = literalsOf(type);
    if (values) {
      if (!isConstant(owner)) found.set(path.join('.'), values);
    } else if (ts.isTypeLiteralNode(type)) {
      for (const member of type.members) {
        if (ts.isPropertySignature(member) && member.type) visit(member.type, [...path, nameOf(member.name)], member);
      }
    } else if (ts.isUnionTypeNode(type) || ts.isIntersectionTypeNode(type)) {
      for (const member of type.types) visit(member, path, owner);
    } else if (ts.isArrayTypeNode(type)) {
      visit(type.elementType, path, owner);
    } else if (ts.isParenthesizedTypeNode(type)) {
      visit(type.type, path, owner);
    }
  };
  for (const statement of file.statements) {
    if (!ts.isInterfaceDeclaration(statement)) continue;
    const top = statement.name.text;
    if (top !== 'components' && top !== 'operations') continue;
    for (const member of statement.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      // Schemas by their own name ("Proposal.status"); anything else by its whole path.
      const path = top === 'components' && nameOf(member.name) === 'schemas' ? [] : [top, nameOf(member.name)];
      visit(member.type, path, member);
    }
  }
  return found;
}

// Where the words of each enumeration are.
const WORDS_OF: Record<string, WordGroup> = {
  Stage: 'alliance.stage',
  HealthWaveStatus: 'health_wave.status',
  HealthItemScale: 'health_item.scale',
  HealthRespondentRole: 'health_respondent.role',
  AllianceType: 'alliance.type',
  Tier: 'alliance.tier',
  'ProposalChange.field': 'alliance.field',
  PartyRole: 'party.role',
  AllianceRole: 'member.role',
  OrganizationType: 'organization.type',
  OrgRole: 'user.org_role',
  Visibility: 'record.visibility',
  'Proposal.status': 'proposal.status',
  'ProposalPartyDecision.decision': 'proposal.decision',
  ObjectiveHorizon: 'objective.horizon',
  ObjectiveStatus: 'objective.status',
  MilestoneKind: 'milestone.kind',
  MilestoneStatus: 'milestone.status',
  KpiDirection: 'kpi.direction',
  KpiIndicator: 'kpi.indicator',
  KpiCadence: 'kpi.cadence',
  KpiStatus: 'kpi.status',
  RaciRole: 'raci_assignment.role',
  CommunicationCategory: 'communication.category',
  CommunicationKind: 'communication.kind',
  CommunicationCadence: 'communication.cadence',
  ApprovalState: 'communication.approval_state',
  ApprovalDecision: 'communication_approval.decision',
  CommitteeKind: 'committee.kind',
  CommitteeCadence: 'committee.cadence',
  QuorumRule: 'committee.quorum_rule',
  ChairRotation: 'committee.chair_rotation',
  CommitteeRole: 'committee_member.role',
  CadenceTemplate: 'cadence_proposal.template',
  MeetingStatus: 'meeting.status',
  AttendanceStatus: 'attendance.status',
  MinutesState: 'meeting_minutes.state',
  'MinutesReview.decision': 'minutes_review.decision',
  DecisionState: 'decision.state',
  'DecisionStateChange.state': 'decision.state',
  VoteChoice: 'decision_vote.vote',
  PartyPosition: 'decision.position',
  IssueSeverity: 'issue.severity',
  IssueStatus: 'issue.status',
  ActionItemStatus: 'action.status',
  StakeholderAttitude: 'stakeholder.attitude',
  StakeholderQuadrant: 'stakeholder.quadrant',
  AgreementKind: 'agreement.kind',
  AgreementRelation: 'agreement.relation',
  AgreementStatus: 'agreement.status',
  Exclusivity: 'agreement.exclusivity',
  ObligationCategory: 'obligation.category',
  ObligationDirection: 'obligation.direction',
  ObligationSchedule: 'obligation.schedule',
  OccurrenceStatus: 'occurrence.status',
  RestrictionKind: 'restriction.kind',
  IpAssetKind: 'ip_asset.kind',
  PrivacyBasis: 'dataset.privacy_basis',
  DestructionStatus: 'dataset.destruction_status',
  'HealthSignal.key': 'health_signal',
};

// Enumerations nobody reads as words, and why. A new enumeration goes in WORDS_OF or here.
const NOT_READ: Record<string, string> = {
  'ReadyStatus.database': 'the database engine, for the operators who read /readyz',
  'components.headers.XContentTypeOptions': 'a response header, for browsers',
  'Invitation.status': 'the team page lists only pending invitations',
  'ProposalDecision.decision': 'the verb of a request; the decision reads through proposal.decision',
  'CommunicationDecision.decision': 'the verb of a request; the decision reads through communication_approval.decision',
  'MinutesReviewCreate.decision': 'the verb of a request; the review reads through minutes_review.decision',
  RecordedOccurrenceStatus: 'what a request records; the status reads through occurrence.status',
  'MilestoneHistoryEntry.kind': 'each kind is its own sentence in the milestone history',
  'IssueLevelEntry.reason': 'each reason is its own sentence in the issue history (issueStepTitle)',
  'operations.listAlliances.parameters.query.archived': 'a filter of a request; the page words its choices',
  'operations.listAlliances.parameters.query.sort': 'a sort order of a request; the table words its headers',
  'operations.listAllianceProposals.parameters.query.status': 'a filter of a request; the page words its choices',
  'operations.listAllianceMeetings.parameters.query.when': 'a filter of a request; the page words its choices',
  'HealthSignal.unit': 'the signal’s sentence writes its unit with the figure ("12 days", "92 %")',
  'HealthSignal.better': 'not read: it decides whether a figure short of what was set out is marked "Behind plan"',
};

// Groups that are not an enumeration of the API: record types, what an event did, field words,
// and the words the exports add (who owes a joint obligation, yes and no), and the answers of a
// health assessment's agreement items (a number from 1 to 5, or don't know).
const NOT_ENUMERATIONS = [/^record_type$/, /^audit\.action(\..+)?$/, /^field\..+$/, /^obligation\.owed$/, /^answer$/, /^health_answer\.agreement$/];

const groups = Object.entries(words).filter(([name]) => name !== 'about') as [string, Record<string, unknown>][];

describe('docs/words.json', () => {
  const enumerations = apiEnumerations();

  it('has a word for every value of every enumeration of the API', () => {
    const missing: string[] = [];
    for (const [place, group] of Object.entries(WORDS_OF)) {
      const values = enumerations.get(place);
      expect(values, `${place} is not an enumeration of the API (any more)`).toBeDefined();
      const mapped: Record<string, string> = words[group];
      for (const value of values ?? []) {
        if (!Object.hasOwn(mapped, value) || !mapped[value]?.trim()) missing.push(`${group}: ${value} (${place})`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('keeps no words for values the API no longer has', () => {
    const stale: string[] = [];
    for (const group of new Set(Object.values(WORDS_OF))) {
      const values = new Set(
        Object.entries(WORDS_OF)
          .filter(([, g]) => g === group)
          .flatMap(([place]) => enumerations.get(place) ?? []),
      );
      for (const value of Object.keys(words[group])) if (!values.has(value)) stale.push(`${group}: ${value}`);
    }
    expect(stale).toEqual([]);
  });

  it('knows where every enumeration of the API is read, or why it is not', () => {
    const unplaced = [...enumerations.keys()].filter((place) => !(place in WORDS_OF) && !(place in NOT_READ));
    expect(unplaced, 'add these to WORDS_OF (with their words) or to NOT_READ').toEqual([]);
    const gone = Object.keys(NOT_READ).filter((place) => !enumerations.has(place));
    expect(gone, 'these are no longer enumerations of the API').toEqual([]);
  });

  it('has only groups of non-empty words, each group an enumeration or a known kind of words', () => {
    const mapped = new Set<string>(Object.values(WORDS_OF));
    for (const [name, group] of groups) {
      expect(mapped.has(name) || NOT_ENUMERATIONS.some((pattern) => pattern.test(name)), `${name} is not a known group`).toBe(true);
      expect(typeof group, name).toBe('object');
      for (const [value, word] of Object.entries(group)) {
        expect(typeof word === 'string' && word.trim() !== '' && word === word.trim(), `${name}: ${value}`).toBe(true);
      }
    }
  });

  it('names every field of a record type that has field words, and stores field words as they read inside a sentence', () => {
    const recordTypes: Record<string, string> = words.record_type;
    for (const [name, group] of groups) {
      const type = /^(?:field|audit\.action)\.(.+)$/.exec(name)?.[1];
      if (type) expect(Object.hasOwn(recordTypes, type), `${name} has no record_type word`).toBe(true);
      if (!name.startsWith('field.') && name !== 'alliance.field') continue;
      for (const [field, word] of Object.entries(group as Record<string, string>)) {
        // Lower case but for a proper noun or an abbreviation: "North Star statement", "KPI", "SHA-256 checksum".
        const lower = word.charAt(0) === word.charAt(0).toLowerCase() || /^(North Star|[A-Z0-9-]{2,})\b/.test(word);
        expect(lower, `${name}: ${field} → ${word}`).toBe(true);
      }
    }
  });
});
