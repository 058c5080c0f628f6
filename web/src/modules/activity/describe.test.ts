import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../api/types';
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
    expect(describeAction(event('plan', 'approve'))).toBe('approve a plan');
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
});
