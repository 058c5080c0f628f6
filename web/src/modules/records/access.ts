// Who may do what with a record (plan, governance, agreements): the same rules as notes.
import type { Alliance, Member } from '../../api/types';

/** Managers and members write records; viewers and executives read. */
export function canWriteRecords(alliance: Alliance): boolean {
  return alliance.my_role === 'manager' || alliance.my_role === 'member';
}

/** A record may be changed by its author or by a manager of its owner party. */
export function canChangeRecord(
  alliance: Alliance,
  userId: string,
  record: { author_id: string; owner_organization_id: string },
): boolean {
  if (!canWriteRecords(alliance)) return false;
  return record.author_id === userId || (alliance.my_role === 'manager' && record.owner_organization_id === alliance.my_party.organization_id);
}

/** `[{value, label}]` of the alliance's parties. */
export function partyOptions(alliance: Alliance): { value: string; label: string }[] {
  return alliance.parties.map((p) => ({ value: p.organization_id, label: p.organization_name }));
}

export function partyName(alliance: Alliance, organizationId: string | null | undefined): string {
  return alliance.parties.find((p) => p.organization_id === organizationId)?.organization_name ?? '';
}

/** Alliance members of one party: who may be responsible for a record of that party. */
export function memberOptions(members: Member[], partyId: string | null): { value: string; label: string }[] {
  return members.filter((m) => m.organization_id === partyId).map((m) => ({ value: m.user_id, label: m.name }));
}

/** Every alliance member, named with their organisation: who may be a reader. */
export function readerOptions(alliance: Alliance, members: Member[]): { value: string; label: string }[] {
  return members.map((m) => {
    const org = partyName(alliance, m.organization_id);
    return { value: m.user_id, label: org ? `${m.name} (${org})` : m.name };
  });
}
