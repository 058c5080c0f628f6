import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../api/types';
import { formatMoney } from '../../ui/format';
import words from '../../../../docs/words.json';
import { describeAction, describeValue, fieldLabel } from './describe';

const event = (record_type: string, action: string): AuditEvent => ({
  id: 'e',
  seq: 1,
  at: '2026-11-21T20:33:53.064Z',
  actor_id: null,
  actor_name: 'Alice Moreau',
  record_type,
  record_id: 'r',
  action,
  changes: {},
});

describe('the audit trail in words', () => {
  it('names the action', () => {
    expect(describeAction(event('alliance', 'stage'))).toBe('moved the stage');
    expect(describeAction(event('note', 'create'))).toBe('wrote a journal entry');
    expect(describeAction(event('invitation', 'create'))).toBe('invited a person');
    expect(describeAction(event('plan', 'approve'))).toBe('approved a plan');
  });

  it('names the record and speaks of every record type with its article', () => {
    const withTitle = (record_type: string, action: string, changes: AuditEvent['changes']) => ({ ...event(record_type, action), changes });
    expect(describeAction(event('obligation', 'create'))).toBe('added an obligation');
    expect(describeAction(event('kpi_value', 'delete'))).toBe('deleted a KPI value');
    expect(describeAction(withTitle('obligation', 'create', { title: { before: null, after: 'Quarterly report' } }))).toBe(
      'added the obligation “Quarterly report”',
    );
    expect(
      describeAction(withTitle('milestone', 'update', {
        title: { before: 'Pivotal RCT: first patient in', after: 'Pivotal RCT: first patient in' },
        forecast_date: { before: '2026-12-28', after: '2027-01-25' },
      })),
    ).toBe('moved the forecast of “Pivotal RCT: first patient in”');
    expect(describeAction(event('issue', 'escalate'))).toBe('escalated an issue');
    expect(describeAction(event('meeting', 'attendance'))).toBe('recorded the attendance of a meeting');
  });

  it('gives every field and value its words: dates in the locale, enums by record type, levels from 1', () => {
    expect(fieldLabel('rrule')).toBe('Recurrence');
    expect(fieldLabel('offset_days')).toBe('Days after the trigger');
    expect(describeValue('status', 'in_dispute', new Map(), 'obligation')).toBe('In dispute');
    expect(describeValue('status', 'at_risk', new Map(), 'milestone')).toBe('At risk');
    expect(describeValue('category', 'reporting', new Map(), 'obligation')).not.toMatch(/_/);
    expect(describeValue('current_level', 0, new Map(), 'issue')).toBe('Level 1');
    expect(describeValue('forecast_date', '2026-11-15')).not.toBe('2026-11-15');
    expect(describeValue('forecast_date', '2026-11-15')).toMatch(/2026/);
  });

  it('shows values as words, never as JSON', () => {
    const names = new Map([['01a1ffd0-bceb-7965-bd16-5256244f6038', 'Pulsewise Health']]);
    expect(describeValue('stage', 'due_diligence')).toBe('Due diligence');
    expect(describeValue('tier', 1)).toBe('Tier 1');
    expect(describeValue('visibility', 'party')).toBe('Own organisation only');
    expect(describeValue('archived', false)).toBe('No');
    expect(describeValue('readers', [])).toBe('none');
    expect(describeValue('organization_id', '01a1ffd0-bceb-7965-bd16-5256244f6038', names)).toBe('Pulsewise Health');
    const parties = [{ organization_id: '01a1ffd0-bceb-7965-bd16-5256244f6038', role: 'licensor' }];
    const text = describeValue('parties', parties, names);
    expect(text).toBe('Pulsewise Health (Role: Licensor)');
    expect(describeValue('north_star', { statement: 'Fewer readmissions', contributions: [] })).toBe(
      'Statement: Fewer readmissions, Contributions: none',
    );
    expect(fieldLabel('expected_value')).toBe('Expected value');
  });

  it('shows a milestone payment as money between the parties, never as minor units', () => {
    const helix = '01a1ffd0-bceb-7965-bd16-5256244f6038';
    const nimbus = '01a1ffd0-bceb-7965-bd16-5256244f6039';
    const names = new Map([[helix, 'Helix Pharma'], [nimbus, 'Nimbus Health']]);
    const payment = { amount_minor: 150000000, currency: 'EUR', payer_party_id: helix, payee_party_id: nimbus };
    const text = describeValue('payment', payment, names, 'milestone');
    expect(text).toBe(`${formatMoney(150000000, 'EUR')} from Helix Pharma to Nimbus Health`);
    expect(text).toMatch(/1,500,000/);
    expect(text).not.toMatch(/150000000|amount|EUR\b.*,/i);
    expect(describeValue('payment', { amount_minor: 5000, currency: 'JPY', payer_party_id: null, payee_party_id: null })).toBe(formatMoney(5000, 'JPY'));
  });

  it('tells the story of a proposed change and of a private tier', () => {
    expect(describeAction(event('proposal', 'propose'))).toBe('proposed a change to the alliance');
    expect(describeAction(event('proposal', 'accept'))).toBe('accepted a proposed change');
    expect(describeAction(event('proposal', 'reject'))).toBe('rejected a proposed change');
    expect(describeAction(event('proposal', 'withdraw'))).toBe('withdrew a proposed change');
    expect(describeAction(event('proposal', 'supersede'))).toMatch(/^set aside a proposed change/);
    expect(describeAction(event('proposal', 'apply'))).toMatch(/^applied a proposed change/);
    expect(describeAction(event('alliance', 'prioritise'))).toBe('changed your organisation’s tier or priority note');
    expect(describeAction(event('proposal', 'something_new'))).toBe('something new a proposed change');
    const agreed = { ...event('alliance', 'update'), changes: { name: { before: 'Old', after: 'New' }, proposal_id: { before: null, after: 'p' } } };
    expect(describeAction(agreed)).toBe('changed the alliance as every party agreed');
    expect(describeAction(event('alliance', 'update'))).toBe('edited the alliance');
  });

  it('labels the alliance’s fields and a proposal’s changes in words', () => {
    expect(fieldLabel('north_star_statement')).toBe('North Star statement');
    expect(fieldLabel('north_star_beneficiaries')).toBe('North Star beneficiaries');
    expect(fieldLabel('north_star.statement')).toBe('North Star statement');
    expect(fieldLabel('priority_note')).toBe('Priority note (internal)');
    expect(describeValue('status', 'superseded')).toBe('Superseded');
    expect(describeValue('decision', 'accepted')).toBe('Accepted');
    const changes = [
      { field: 'type', before: 'co_development', after: 'service' },
      { field: 'north_star.statement', before: 'Old', after: 'New' },
    ];
    expect(describeValue('changes', changes, new Map(), 'proposal')).toBe(
      'Alliance type: Co-development → Service; North Star statement: Old → New',
    );
    const parties = [{ organization_id: 'x', organization_name: 'Outsider Bio', role: 'funder' }];
    expect(describeValue('changes', [{ field: 'parties', before: [], after: parties }])).toBe('Parties: none → Outsider Bio (Role: Funder)');
  });

  it('reads fields and values by the record type, from docs/words.json', () => {
    expect(fieldLabel('forecast_date', 'milestone')).toBe('Forecast');
    expect(fieldLabel('title', 'stakeholder')).toBe('Job title');
    expect(fieldLabel('title', 'milestone')).toBe('Title');
    expect(fieldLabel('tier', 'alliance')).toBe('Your tier');
    expect(fieldLabel('brand_new_field', 'milestone')).toBe('Brand new field');
    expect(describeValue('category', 'external', new Map(), 'communication')).toBe('External communication');
    expect(describeValue('status', 'present', new Map(), 'meeting')).toBe('Present');
    expect(describeValue('decision', 'commented', new Map(), 'meeting')).toBe('Commented');
    expect(describeValue('vote', 'abstain', new Map(), 'decision')).toBe('Abstain');
    expect(describeValue('role', 'R', new Map(), 'workstream')).toBe('Responsible');
    expect(describeValue('tier', 2, new Map(), 'alliance')).toBe('Tier 2');
    expect(describeValue('early_win', true, new Map(), 'milestone')).toBe('Yes');
    expect(describeAction(event('ip_asset', 'create'))).toBe('added an IP asset');
    const stakeholder = { ...event('stakeholder', 'update'), changes: { name: { before: 'Ana Ruiz', after: 'Ana Ruiz' }, title: { before: 'CMO', after: 'CEO' } } };
    expect(describeAction(stakeholder)).toBe('changed the stakeholder “Ana Ruiz”');
  });

  it('gives a word to every value of a record’s enumerated fields', () => {
    const groups = words as unknown as Record<string, Record<string, string>>;
    const raw: string[] = [];
    for (const recordType of Object.keys(words.record_type)) {
      for (const field of Object.keys(groups[`field.${recordType}`] ?? {})) {
        for (const value of Object.keys(groups[`${recordType}.${field}`] ?? {})) {
          if (describeValue(field, value, new Map(), recordType) === value) raw.push(`${recordType}.${field}: ${value}`);
        }
      }
    }
    expect(raw).toEqual([]);
  });
});
