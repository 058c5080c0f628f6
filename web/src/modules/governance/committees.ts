// The committee structure as the page shows it: a tree of committees and sub-committees, and
// each committee's current members grouped by party. Pure functions.
import type { CommitteeRole } from './types';

/** `[{value, label}]` of committees, for a select. */
export function committeeOptions(committees: readonly { id: string; name: string }[]): { value: string; label: string }[] {
  return committees.map((c) => ({ value: c.id, label: c.name }));
}

interface CommitteeLike {
  id: string;
  name: string;
  parent_id?: string | null;
}

export interface CommitteeNode<C extends CommitteeLike> {
  committee: C;
  depth: number;
  children: CommitteeNode<C>[];
}

/**
 * Committees under their parents, by name. A committee whose parent the caller cannot see (or a
 * loop in stale data) becomes a root rather than disappearing.
 */
export function buildCommitteeTree<C extends CommitteeLike>(committees: readonly C[]): CommitteeNode<C>[] {
  const byId = new Map(committees.map((c) => [c.id, c] as const));
  const childrenOf = new Map<string | null, C[]>();
  const rootOf = (c: C): string | null => {
    const parent = c.parent_id ?? null;
    if (!parent || !byId.has(parent) || parent === c.id) return null;
    // A loop (which the server refuses, but data may be stale) is cut at its first member.
    const seen = new Set([c.id]);
    let at: string | null = parent;
    while (at) {
      if (seen.has(at)) return null;
      seen.add(at);
      at = byId.get(at)?.parent_id ?? null;
      if (at && !byId.has(at)) break;
    }
    return parent;
  };
  for (const c of committees) {
    const parent = rootOf(c);
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), c]);
  }
  const byName = (a: C, b: C) => a.name.localeCompare(b.name);
  const build = (parent: string | null, depth: number): CommitteeNode<C>[] =>
    (childrenOf.get(parent) ?? []).sort(byName).map((committee) => ({ committee, depth, children: build(committee.id, depth + 1) }));
  return build(null, 0);
}

/** The tree in reading order, each with its depth. */
export function flattenTree<C extends CommitteeLike>(nodes: CommitteeNode<C>[]): CommitteeNode<C>[] {
  return nodes.flatMap((node) => [node, ...flattenTree(node.children)]);
}

/** The ids of a committee and everything under it: what cannot be its parent. */
export function descendantIds(committees: readonly CommitteeLike[], id: string): Set<string> {
  const result = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const c of committees) {
      if (c.parent_id && result.has(c.parent_id) && !result.has(c.id)) {
        result.add(c.id);
        grew = true;
      }
    }
  }
  return result;
}

export const ROLE_ORDER: CommitteeRole[] = ['chair', 'co_chair', 'secretary', 'voting_member', 'non_voting_member'];

interface MemberLike {
  name: string;
  organization_id: string;
  organization_name: string;
  role: CommitteeRole;
  current: boolean;
}

export interface PartyGroup<M extends MemberLike> {
  organization_id: string;
  organization_name: string;
  members: M[];
}

/**
 * A committee's current members by party, parties in the alliance's order (then any other
 * organisation), each party's members by role (chair first) and name.
 */
export function membersByParty<M extends MemberLike>(members: readonly M[], parties: readonly { organization_id: string; organization_name: string }[]): PartyGroup<M>[] {
  const current = members.filter((m) => m.current);
  const order = [
    ...parties.map((p) => ({ organization_id: p.organization_id, organization_name: p.organization_name })),
    ...current
      .filter((m) => !parties.some((p) => p.organization_id === m.organization_id))
      .map((m) => ({ organization_id: m.organization_id, organization_name: m.organization_name })),
  ];
  const seen = new Set<string>();
  const groups: PartyGroup<M>[] = [];
  for (const party of order) {
    if (seen.has(party.organization_id)) continue;
    seen.add(party.organization_id);
    const own = current
      .filter((m) => m.organization_id === party.organization_id)
      .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || a.name.localeCompare(b.name));
    if (own.length > 0) groups.push({ ...party, members: own });
  }
  return groups;
}

/** Roles that vote on the committee's decisions. */
export function isVotingRole(role: CommitteeRole): boolean {
  return role === 'chair' || role === 'co_chair' || role === 'voting_member';
}

/** True when `userId` currently sits on the committee with a vote. */
export function isVotingMember(committee: { members: readonly { user_id: string; role: CommitteeRole; current: boolean }[] } | undefined, userId: string): boolean {
  return !!committee?.members.some((m) => m.current && m.user_id === userId && isVotingRole(m.role));
}
