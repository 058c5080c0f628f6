import { describe, expect, it } from 'vitest';
import { makeCommittee, makeSeat } from '../../test/governance';
import { ME, PARTNER_ID, makeAlliance } from '../../test/utils';
import { buildCommitteeTree, descendantIds, flattenTree, isVotingMember, membersByParty } from './committees';

const alliance = makeAlliance();

describe('the committee tree', () => {
  it('puts sub-committees under their parent, by name, and keeps committees whose parent is hidden', () => {
    const jsc = makeCommittee({ name: 'Joint Steering Committee' });
    const jdc = makeCommittee({ name: 'Joint Development Committee', parent_id: jsc.id });
    const jcc = makeCommittee({ name: 'Joint Commercial Committee', parent_id: jsc.id });
    const team = makeCommittee({ name: 'Clinical project team', parent_id: jdc.id });
    const orphan = makeCommittee({ name: 'IP committee', parent_id: 'hidden-parent' });
    const tree = buildCommitteeTree([team, jdc, orphan, jcc, jsc]);
    expect(tree.map((n) => n.committee.name)).toEqual(['IP committee', 'Joint Steering Committee']);
    expect(flattenTree(tree).map((n) => `${'  '.repeat(n.depth)}${n.committee.name}`)).toEqual([
      'IP committee',
      'Joint Steering Committee',
      '  Joint Commercial Committee',
      '  Joint Development Committee',
      '    Clinical project team',
    ]);
  });

  it('survives a loop in stale data without losing a committee', () => {
    const a = makeCommittee({ name: 'A' });
    const b = makeCommittee({ name: 'B', parent_id: a.id });
    a.parent_id = b.id;
    expect(flattenTree(buildCommitteeTree([a, b])).map((n) => n.committee.name).sort()).toEqual(['A', 'B']);
  });

  it('knows which committees cannot be a parent (itself and what is below it)', () => {
    const jsc = makeCommittee({ name: 'JSC' });
    const jdc = makeCommittee({ name: 'JDC', parent_id: jsc.id });
    const team = makeCommittee({ name: 'Team', parent_id: jdc.id });
    expect(descendantIds([jsc, jdc, team], jdc.id)).toEqual(new Set([jdc.id, team.id]));
  });
});

describe('members by party', () => {
  it('groups current members by party in the alliance’s order, chair first, and leaves out past seats', () => {
    const seats = [
      makeSeat({ name: 'Zoe', organization_id: PARTNER_ID, organization_name: 'Pulsewise Health', role: 'voting_member' }),
      makeSeat({ name: 'Dana', organization_id: PARTNER_ID, organization_name: 'Pulsewise Health', role: 'co_chair' }),
      makeSeat({ name: 'Bob', role: 'secretary' }),
      makeSeat({ name: 'Alice', role: 'chair' }),
      makeSeat({ name: 'Carl', role: 'voting_member', current: false, left_on: '2026-06-30' }),
    ];
    const groups = membersByParty(seats, alliance.parties);
    expect(groups.map((g) => `${g.organization_name}: ${g.members.map((m) => `${m.name} (${m.role})`).join(', ')}`)).toEqual([
      'Meridian Therapeutics: Alice (chair), Bob (secretary)',
      'Pulsewise Health: Dana (co_chair), Zoe (voting_member)',
    ]);
  });

  it('knows who votes: chairs, co-chairs and voting members who still sit', () => {
    const committee = makeCommittee({
      members: [
        makeSeat({ user_id: ME.user.id, role: 'secretary' }),
        makeSeat({ user_id: 'chair', role: 'chair' }),
        makeSeat({ user_id: 'gone', role: 'voting_member', current: false }),
      ],
    });
    expect(isVotingMember(committee, ME.user.id)).toBe(false);
    expect(isVotingMember(committee, 'chair')).toBe(true);
    expect(isVotingMember(committee, 'gone')).toBe(false);
    expect(isVotingMember(undefined, 'chair')).toBe(false);
  });
});
