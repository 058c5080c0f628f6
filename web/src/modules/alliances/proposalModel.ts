// A proposed change to an alliance's shared fields, in words: each field's before and after
// (parties as who joins, who leaves and whose role changes), and where each party's decision stands.
import type { Proposal, ProposalChange, ProposalParty, ProposalPartyDecision } from '../../api/types';
import { formatDateTime } from '../../ui/format';
import { ALLIANCE_TYPE_LABELS, PARTY_ROLE_LABELS, SHARED_FIELD_LABELS } from '../../ui/labels';

export interface ChangeRow {
  key: string;
  label: string;
  /** Empty when there was nothing (a party that joins) or nothing is left (a party that leaves). */
  before: string;
  after: string;
  /** A short summary under the row, e.g. which therapeutic areas come and go. */
  detail?: string;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function roleWord(role: string): string {
  return PARTY_ROLE_LABELS[role as keyof typeof PARTY_ROLE_LABELS] ?? 'another role';
}

function partyWords(party: ProposalParty): string {
  return `${party.organization_name} (${roleWord(party.role)})`;
}

function asParties(value: ProposalChange['before']): ProposalParty[] {
  return Array.isArray(value) ? value.filter((v): v is ProposalParty => typeof v === 'object' && v !== null) : [];
}

function asStrings(value: ProposalChange['before']): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' && value ? [value] : [];
}

/** Who joins, who leaves and whose role changes, one row each, in the order of the new list. */
export function partyRows(before: ProposalParty[], after: ProposalParty[]): ChangeRow[] {
  const rows: ChangeRow[] = [];
  const was = new Map(before.map((p) => [p.organization_id, p]));
  const will = new Map(after.map((p) => [p.organization_id, p]));
  for (const party of after) {
    const old = was.get(party.organization_id);
    if (!old) {
      rows.push({ key: `party-added:${party.organization_id}`, label: 'Party added', before: '', after: partyWords(party) });
    } else if (old.role !== party.role) {
      rows.push({
        key: `party-role:${party.organization_id}`,
        label: `Role of ${party.organization_name}`,
        before: roleWord(old.role),
        after: roleWord(party.role),
      });
    }
  }
  for (const party of before) {
    if (!will.has(party.organization_id)) {
      rows.push({ key: `party-removed:${party.organization_id}`, label: 'Party removed', before: partyWords(party), after: '' });
    }
  }
  return rows;
}

function textOf(field: ProposalChange['field'], value: ProposalChange['before']): string {
  if (typeof value !== 'string') return asStrings(value).join(', ');
  if (field === 'type') return ALLIANCE_TYPE_LABELS[value as keyof typeof ALLIANCE_TYPE_LABELS] ?? value;
  return value;
}

/** Every change of a proposal as rows of a before/after table, in the words of the form. */
export function changeRows(changes: ProposalChange[]): ChangeRow[] {
  return changes.flatMap((change): ChangeRow[] => {
    const label = SHARED_FIELD_LABELS[change.field] ?? 'Another field';
    if (change.field === 'parties') return partyRows(asParties(change.before), asParties(change.after));
    if (change.field === 'therapeutic_areas') {
      const before = asStrings(change.before);
      const after = asStrings(change.after);
      const added = after.filter((a) => !before.includes(a));
      const removed = before.filter((b) => !after.includes(b));
      const detail = [added.length ? `Adds ${joinNames(added)}` : '', removed.length ? `Removes ${joinNames(removed)}` : '']
        .filter(Boolean)
        .join(' · ');
      return [{ key: change.field, label, before: before.join(', '), after: after.join(', '), detail: detail || undefined }];
    }
    return [{ key: change.field, label, before: textOf(change.field, change.before), after: textOf(change.field, change.after) }];
  });
}

/** The parties whose decision is still awaited. */
export function waitingFor(proposal: Proposal): string[] {
  return proposal.decisions.filter((d) => d.decision === 'pending').map((d) => d.organization_name);
}

/** One party's decision as a sentence: "Accepted by Dana Whitfield on 6 Dec 2026, 12:00". */
export function decisionSentence(decision: ProposalPartyDecision): string {
  if (decision.decision === 'pending') return 'Waiting for a decision';
  const verb = decision.decision === 'accepted' ? 'Accepted' : 'Rejected';
  const who = decision.decided_by_name ? ` by ${decision.decided_by_name}` : '';
  const when = decision.decided_at ? ` on ${formatDateTime(decision.decided_at)}` : '';
  return `${verb}${who}${when}`;
}

/** What a person reads after proposing: who must decide now, or that it applied at once. */
export function proposedMessage(proposal: Proposal): string {
  if (proposal.status === 'applied') return 'No other party has to agree yet, so the change is applied.';
  const waiting = waitingFor(proposal);
  if (waiting.length === 0) return 'The change waits for the other parties’ decisions.';
  return `Proposed to ${joinNames(waiting)}: waiting for their decision${waiting.length === 1 ? '' : 's'}.`;
}
