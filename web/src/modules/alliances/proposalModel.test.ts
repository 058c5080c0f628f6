import { describe, expect, it } from 'vitest';
import type { Proposal } from '../../api/types';
import { changeRows, decisionSentence, joinNames, partyRows, proposedMessage } from './proposalModel';

const helix = { organization_id: 'a', organization_name: 'Helix Pharma', role: 'licensee' as const };
const nimbus = { organization_id: 'b', organization_name: 'Nimbus Health', role: 'licensor' as const };
const outsider = { organization_id: 'c', organization_name: 'Outsider Bio', role: 'member' as const };

describe('a proposed change in words', () => {
  it('names who joins, who leaves and whose role changes', () => {
    expect(partyRows([helix, nimbus, outsider], [{ ...helix, role: 'co_developer' }, nimbus])).toEqual([
      { key: 'party-role:a', label: 'Role of Helix Pharma', before: 'Licensee', after: 'Co-developer' },
      { key: 'party-removed:c', label: 'Party removed', before: 'Outsider Bio (Member)', after: '' },
    ]);
    expect(partyRows([helix, nimbus], [helix, nimbus, outsider])).toEqual([
      { key: 'party-added:c', label: 'Party added', before: '', after: 'Outsider Bio (Member)' },
    ]);
  });

  it('labels fields as the notifications do and enumerations as the form does', () => {
    const rows = changeRows([
      { field: 'type', before: 'in_licensing', after: 'out_licensing' },
      { field: 'north_star.beneficiaries', before: '', after: 'Patients' },
      { field: 'therapeutic_areas', before: ['oncology', 'cardiology'], after: ['oncology', 'rare disease'] },
    ]);
    expect(rows).toEqual([
      { key: 'type', label: 'Alliance type', before: 'In-licensing', after: 'Out-licensing' },
      { key: 'north_star.beneficiaries', label: 'North Star beneficiaries', before: '', after: 'Patients' },
      {
        key: 'therapeutic_areas',
        label: 'Therapeutic areas',
        before: 'oncology, cardiology',
        after: 'oncology, rare disease',
        detail: 'Adds rare disease · Removes cardiology',
      },
    ]);
  });

  it('says who must decide next', () => {
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
    const pending = { organization_id: 'b', organization_name: 'Nimbus Health', decision: 'pending' as const, reason: null, decided_by: null, decided_by_name: null, decided_at: null };
    const proposal = { status: 'open', decisions: [pending] } as unknown as Proposal;
    expect(proposedMessage(proposal)).toBe('Proposed to Nimbus Health: waiting for their decision.');
    expect(proposedMessage({ ...proposal, status: 'applied', decisions: [] })).toMatch(/applied/);
    expect(decisionSentence(pending)).toBe('Waiting for a decision');
    expect(decisionSentence({ ...pending, decision: 'rejected', decided_by_name: 'Dana Whitfield', decided_at: null })).toBe('Rejected by Dana Whitfield');
  });
});
