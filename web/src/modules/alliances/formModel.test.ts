import { describe, expect, it } from 'vitest';
import { makeAlliance, ME, PARTNER_ID } from '../../test/utils';
import {
  allianceToValues,
  differences,
  formErrorsFromServer,
  newAllianceValues,
  partiesProblem,
  reapply,
  splitByConsent,
  toCreateRequest,
  toUpdateRequest,
} from './formModel';

describe('the alliance form model', () => {
  it('starts a new alliance with the person’s organisation as a party', () => {
    const values = newAllianceValues(ME.organization);
    expect(values.parties[0]?.organization_id).toBe(ME.organization.id);
    expect(partiesProblem(values, ME.organization.id)).toBeNull();
    expect(partiesProblem({ ...values, parties: values.parties.slice(0, 1) }, ME.organization.id)).toMatch(/at least two parties/);
    expect(partiesProblem({ ...values, parties: values.parties.slice(1) }, ME.organization.id)).toMatch(/Your organisation/);
  });

  it('builds a create request with each party’s contribution', () => {
    const values = allianceToValues(makeAlliance());
    const request = toCreateRequest({ ...values, name: '  Trimmed  ', therapeutic_areas: ['cardiology', ' '] });
    expect(request.name).toBe('Trimmed');
    expect(request.therapeutic_areas).toEqual(['cardiology']);
    expect(request.parties).toEqual([
      { organization_id: ME.organization.id, role: 'co_developer' },
      { organization_id: PARTNER_ID, role: 'co_developer' },
    ]);
    expect(request.north_star?.contributions?.[1]).toEqual({ organization_id: PARTNER_ID, contribution: 'The app', expected_value: 'Revenue' });
  });

  it('sends only what the person changed', () => {
    const base = allianceToValues(makeAlliance());
    const mine = { ...base, territory: 'Japan', parties: base.parties.map((p, i) => (i === 1 ? { ...p, expected_value: 'More revenue' } : p)) };
    expect(toUpdateRequest(base, mine)).toEqual({
      territory: 'Japan',
      north_star: { contributions: [{ organization_id: PARTNER_ID, contribution: 'The app', expected_value: 'More revenue' }] },
    });
    expect(toUpdateRequest(base, base)).toEqual({});
  });

  it('re-applies my changes on top of someone else’s', () => {
    const base = allianceToValues(makeAlliance());
    const theirs = { ...base, territory: 'Worldwide', statement: 'Their statement' };
    const mine = { ...base, statement: 'My statement', tier: '2' as const };
    const merged = reapply(base, mine, theirs);
    expect(merged.territory).toBe('Worldwide');
    expect(merged.statement).toBe('My statement');
    expect(merged.tier).toBe('2');
    expect(toUpdateRequest(theirs, merged)).toEqual({ tier: 2, north_star: { statement: 'My statement' } });
  });

  it('describes the differences between two versions in words', () => {
    const base = allianceToValues(makeAlliance());
    const theirs = { ...base, stage: 'evaluation' as const, territory: '', type: 'service' as const };
    expect(differences(base, theirs)).toEqual([
      { key: 'type', label: 'Alliance type', before: 'Co-development', after: 'Service' },
      { key: 'stage', label: 'Stage', before: 'Scouting', after: 'Evaluation' },
      { key: 'territory', label: 'Territory', before: 'EU and US', after: '(empty)' },
    ]);
  });

  it('maps the server’s North Star field errors to the party fields that show them', () => {
    expect(
      formErrorsFromServer({
        'north_star.contributions.1.expected_value': 'Too long.',
        'north_star.statement': 'Too long.',
        'therapeutic_areas.0': 'Must be 1 to 200 characters.',
        'parties.0.role': 'Must be a role.',
      }),
    ).toEqual({
      'parties.1.expected_value': 'Too long.',
      statement: 'Too long.',
      therapeutic_areas: 'Must be 1 to 200 characters.',
      'parties.0.role': 'Must be a role.',
    });
  });

  it('splits an edit under change control: shared fields are proposed, the party’s own things saved', () => {
    const base = allianceToValues(makeAlliance({ priority_note: 'Watch the budget' }));
    const outsider = '01a1ffd0-0000-7000-a000-0000000000c3';
    const mine = {
      ...base,
      name: 'Renamed',
      tier: '3' as const,
      priority_note: 'Board priority',
      therapeutic_areas: ['cardiology', 'rare disease'],
      statement: 'Halve readmissions',
      parties: [
        { ...base.parties[0]!, contribution: 'More sites' },
        { ...base.parties[1]!, contribution: 'Their words, changed by me' },
        { organization_id: outsider, organization_name: 'Outsider Bio', organization_type: 'biotech' as const, role: 'funder' as const, contribution: '', expected_value: '' },
      ],
    };
    const { own, shared } = splitByConsent(base, mine, new Set([ME.organization.id]));
    expect(own).toEqual({
      tier: 3,
      priority_note: 'Board priority',
      north_star: { contributions: [{ organization_id: ME.organization.id, contribution: 'More sites', expected_value: 'Evidence' }] },
    });
    expect(shared).toEqual({
      name: 'Renamed',
      therapeutic_areas: ['cardiology', 'rare disease'],
      north_star: { statement: 'Halve readmissions' },
      parties: [
        { organization_id: ME.organization.id, role: 'co_developer' },
        { organization_id: PARTNER_ID, role: 'co_developer' },
        { organization_id: outsider, role: 'funder' },
      ],
    });
    expect(splitByConsent(base, base, new Set([ME.organization.id]))).toEqual({ own: {}, shared: {} });
  });

  it('never patches the words of a party the person may not edit', () => {
    const base = allianceToValues(makeAlliance());
    const mine = { ...base, parties: [base.parties[0]!, { ...base.parties[1]!, expected_value: 'Changed' }] };
    expect(toUpdateRequest(base, mine, new Set([ME.organization.id]))).toEqual({});
    expect(toUpdateRequest(base, mine)).toEqual({
      north_star: { contributions: [{ organization_id: PARTNER_ID, contribution: 'The app', expected_value: 'Changed' }] },
    });
  });

  it('places a field error of a changed contribution on its party’s row', () => {
    const values = allianceToValues(makeAlliance());
    const sent = { north_star: { contributions: [{ organization_id: PARTNER_ID }] } };
    expect(formErrorsFromServer({ 'north_star.contributions.0.contribution': 'Too long.' }, sent, values)).toEqual({
      'parties.1.contribution': 'Too long.',
    });
  });
});
