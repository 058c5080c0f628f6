// The alliance form's values and the pure rules around them: validation, conversion to and from
// the API, the difference between two versions (for a stale edit), and server field errors.
import type {
  Alliance,
  AllianceCreate,
  AllianceType,
  AllianceUpdate,
  OrganizationType,
  PartyRole,
  ProposalCreate,
  Stage,
  Tier,
} from '../../api/types';
import {
  ALLIANCE_TYPE_LABELS,
  PARTY_ROLE_LABELS,
  PRIORITY_NOTE_LABEL,
  SHARED_FIELD_LABELS,
  STAGE_LABELS,
  TIER_FIELD_LABEL,
  TIER_LABELS,
} from '../../ui/labels';
import type { FieldDifference } from '../../ui/StaleChangesDialog';

export interface PartyRow {
  organization_id: string;
  organization_name: string;
  organization_type: OrganizationType | null;
  role: PartyRole | '';
  contribution: string;
  expected_value: string;
}

export interface AllianceFormValues {
  name: string;
  type: AllianceType | '';
  /** The caller's party's own tier and note: no other party reads them. */
  tier: '1' | '2' | '3';
  priority_note: string;
  stage: Stage;
  therapeutic_areas: string[];
  territory: string;
  description: string;
  statement: string;
  beneficiaries: string;
  parties: PartyRow[];
}

export const LIMITS = { name: 200, territory: 200, area: 200, text: 5000, note: 2000, reason: 2000 } as const;

export function emptyParty(): PartyRow {
  return { organization_id: '', organization_name: '', organization_type: null, role: '', contribution: '', expected_value: '' };
}

export function newAllianceValues(myOrganization: { id: string; name: string; type: OrganizationType }): AllianceFormValues {
  return {
    name: '',
    type: '',
    tier: '2',
    priority_note: '',
    stage: 'scouting',
    therapeutic_areas: [],
    territory: '',
    description: '',
    statement: '',
    beneficiaries: '',
    parties: [
      {
        ...emptyParty(),
        organization_id: myOrganization.id,
        organization_name: myOrganization.name,
        organization_type: myOrganization.type,
        role: 'lead',
      },
      emptyParty(),
    ],
  };
}

export function allianceToValues(alliance: Alliance): AllianceFormValues {
  const contributions = new Map(alliance.north_star.contributions.map((c) => [c.organization_id, c]));
  return {
    name: alliance.name,
    type: alliance.type,
    tier: String(alliance.tier) as AllianceFormValues['tier'],
    priority_note: alliance.priority_note ?? '',
    stage: alliance.stage,
    therapeutic_areas: [...alliance.therapeutic_areas],
    territory: alliance.territory,
    description: alliance.description,
    statement: alliance.north_star.statement,
    beneficiaries: alliance.north_star.beneficiaries,
    parties: alliance.parties.map((party) => ({
      organization_id: party.organization_id,
      organization_name: party.organization_name,
      organization_type: party.organization_type,
      role: party.role,
      contribution: contributions.get(party.organization_id)?.contribution ?? '',
      expected_value: contributions.get(party.organization_id)?.expected_value ?? '',
    })),
  };
}

function tooLong(value: string, limit: number): string | null {
  return value.length > limit ? `Use at most ${limit.toLocaleString()} characters (now ${value.length.toLocaleString()})` : null;
}

/** Mantine form rules; each answers a sentence fragment or null. */
export const validateAlliance = {
  name: (value: string) => (!value.trim() ? 'Give the alliance a name' : tooLong(value, LIMITS.name)),
  type: (value: string) => (value ? null : 'Choose the type of alliance'),
  territory: (value: string) => tooLong(value, LIMITS.territory),
  priority_note: (value: string) => tooLong(value, LIMITS.note),
  description: (value: string) => tooLong(value, LIMITS.text),
  statement: (value: string) => tooLong(value, LIMITS.text),
  beneficiaries: (value: string) => tooLong(value, LIMITS.text),
  therapeutic_areas: (value: string[]) =>
    value.some((area) => area.length > LIMITS.area) ? `Each area can have at most ${LIMITS.area} characters` : null,
  parties: {
    organization_id: (value: string, values: AllianceFormValues) => {
      if (!value) return 'Choose an organisation';
      return values.parties.filter((p) => p.organization_id === value).length > 1
        ? 'This organisation is already a party'
        : null;
    },
    role: (value: string) => (value ? null : 'Choose its role'),
    contribution: (value: string) => tooLong(value, LIMITS.text),
    expected_value: (value: string) => tooLong(value, LIMITS.text),
  },
};

/** Problems with the whole list of parties, which no single field shows. */
export function partiesProblem(values: AllianceFormValues, myOrganizationId: string): string | null {
  const chosen = new Set(values.parties.map((p) => p.organization_id).filter(Boolean));
  if (!chosen.has(myOrganizationId)) return 'Your organisation must be one of the parties.';
  if (values.parties.length < 2) return 'An alliance needs at least two parties: add your partner.';
  return null;
}

function northStar(values: AllianceFormValues) {
  return {
    statement: values.statement.trim(),
    beneficiaries: values.beneficiaries.trim(),
    contributions: values.parties.map((p) => ({
      organization_id: p.organization_id,
      contribution: p.contribution.trim(),
      expected_value: p.expected_value.trim(),
    })),
  };
}

function partyList(values: AllianceFormValues) {
  return values.parties.map((p) => ({ organization_id: p.organization_id, role: p.role as PartyRole }));
}

function areas(values: AllianceFormValues): string[] {
  return values.therapeutic_areas.map((a) => a.trim()).filter(Boolean);
}

export function toCreateRequest(values: AllianceFormValues): AllianceCreate {
  return {
    name: values.name.trim(),
    type: values.type as AllianceType,
    tier: Number(values.tier) as Tier,
    stage: values.stage,
    therapeutic_areas: areas(values),
    territory: values.territory.trim(),
    description: values.description.trim(),
    parties: partyList(values),
    north_star: northStar(values),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Only what the person changed relative to the version they started from, so that re-applying
 * after a stale edit does not undo other people's changes to fields this person left alone.
 * `editable` names the parties whose words the person may change (their `can_edit`); without it,
 * every party's. A party added in this edit is always editable: its words come with it.
 */
export function toUpdateRequest(base: AllianceFormValues, mine: AllianceFormValues, editable?: ReadonlySet<string>): AllianceUpdate {
  const update: AllianceUpdate = {};
  if (mine.name.trim() !== base.name) update.name = mine.name.trim();
  if (mine.type !== base.type && mine.type) update.type = mine.type;
  if (mine.tier !== base.tier) update.tier = Number(mine.tier) as Tier;
  if (mine.priority_note.trim() !== base.priority_note.trim()) update.priority_note = mine.priority_note.trim();
  if (!same(areas(mine), base.therapeutic_areas)) update.therapeutic_areas = areas(mine);
  if (mine.territory.trim() !== base.territory) update.territory = mine.territory.trim();
  if (mine.description.trim() !== base.description) update.description = mine.description.trim();
  if (!same(partyList(mine), partyList(base))) update.parties = partyList(mine);
  const ns = northStar(mine);
  const baseNs = northStar(base);
  const nsUpdate: NonNullable<AllianceUpdate['north_star']> = {};
  if (ns.statement !== baseNs.statement) nsUpdate.statement = ns.statement;
  if (ns.beneficiaries !== baseNs.beneficiaries) nsUpdate.beneficiaries = ns.beneficiaries;
  const changedContributions = ns.contributions.filter((c) => {
    const before = baseNs.contributions.find((b) => b.organization_id === c.organization_id);
    if (!before) return true;
    if (editable && !editable.has(c.organization_id)) return false;
    return before.contribution !== c.contribution || before.expected_value !== c.expected_value;
  });
  if (changedContributions.length > 0) nsUpdate.contributions = changedContributions;
  if (Object.keys(nsUpdate).length > 0) update.north_star = nsUpdate;
  return update;
}

/**
 * While another party has a manager (`consent_required`), one edit splits in two: the shared
 * fields go to the other parties as a proposal; the caller's party's own things (its tier and
 * note, and the words of the parties it may edit) are saved at once. Words of a party that only
 * the proposal would add wait until it is accepted: they are not sent.
 */
export function splitByConsent(
  base: AllianceFormValues,
  mine: AllianceFormValues,
  editable: ReadonlySet<string>,
): { own: AllianceUpdate; shared: ProposalCreate } {
  const all = toUpdateRequest(base, mine, editable);
  const own: AllianceUpdate = {};
  const shared: ProposalCreate = {};
  if (all.tier !== undefined) own.tier = all.tier;
  if (all.priority_note !== undefined) own.priority_note = all.priority_note;
  if (all.name !== undefined) shared.name = all.name;
  if (all.type !== undefined) shared.type = all.type;
  if (all.therapeutic_areas !== undefined) shared.therapeutic_areas = all.therapeutic_areas;
  if (all.territory !== undefined) shared.territory = all.territory;
  if (all.description !== undefined) shared.description = all.description;
  if (all.parties !== undefined) shared.parties = all.parties;
  const ns = all.north_star;
  if (ns?.statement !== undefined || ns?.beneficiaries !== undefined) {
    shared.north_star = {};
    if (ns.statement !== undefined) shared.north_star.statement = ns.statement;
    if (ns.beneficiaries !== undefined) shared.north_star.beneficiaries = ns.beneficiaries;
  }
  const existing = new Set(base.parties.map((p) => p.organization_id));
  const contributions = ns?.contributions?.filter((c) => existing.has(c.organization_id));
  if (contributions?.length) own.north_star = { contributions };
  return { own, shared };
}

/** Puts my changes (relative to `base`) on top of a newer version `theirs`. */
export function reapply(base: AllianceFormValues, mine: AllianceFormValues, theirs: AllianceFormValues): AllianceFormValues {
  const result: AllianceFormValues = { ...theirs, parties: theirs.parties.map((p) => ({ ...p })) };
  const scalarKeys = ['name', 'type', 'tier', 'priority_note', 'territory', 'description', 'statement', 'beneficiaries'] as const;
  for (const key of scalarKeys) {
    if (mine[key] !== base[key]) (result as unknown as Record<string, unknown>)[key] = mine[key];
  }
  if (!same(mine.therapeutic_areas, base.therapeutic_areas)) result.therapeutic_areas = [...mine.therapeutic_areas];
  if (!same(partyList(mine), partyList(base))) {
    result.parties = mine.parties.map((p) => ({ ...p }));
  }
  for (const party of result.parties) {
    const mineRow = mine.parties.find((p) => p.organization_id === party.organization_id);
    const baseRow = base.parties.find((p) => p.organization_id === party.organization_id);
    if (!mineRow) continue;
    if (mineRow.contribution !== (baseRow?.contribution ?? '')) party.contribution = mineRow.contribution;
    if (mineRow.expected_value !== (baseRow?.expected_value ?? '')) party.expected_value = mineRow.expected_value;
  }
  return result;
}

export type { FieldDifference };

function describeParties(values: AllianceFormValues): string {
  return values.parties
    .map((p) => `${p.organization_name || 'Unnamed'} (${p.role ? PARTY_ROLE_LABELS[p.role] : 'no role'})`)
    .join(', ');
}

/** Every field that differs between two versions, in words, for the stale-edit dialog. */
export function differences(a: AllianceFormValues, b: AllianceFormValues): FieldDifference[] {
  const rows: FieldDifference[] = [];
  const add = (key: string, label: string, before: string, after: string) => {
    if (before !== after) rows.push({ key, label, before: before || '(empty)', after: after || '(empty)' });
  };
  const L = SHARED_FIELD_LABELS;
  add('name', L.name, a.name, b.name);
  add('type', L.type, a.type ? ALLIANCE_TYPE_LABELS[a.type] : '', b.type ? ALLIANCE_TYPE_LABELS[b.type] : '');
  add('tier', TIER_FIELD_LABEL, TIER_LABELS[Number(a.tier) as Tier], TIER_LABELS[Number(b.tier) as Tier]);
  add('priority_note', PRIORITY_NOTE_LABEL, a.priority_note, b.priority_note);
  add('stage', 'Stage', STAGE_LABELS[a.stage], STAGE_LABELS[b.stage]);
  add('therapeutic_areas', L.therapeutic_areas, a.therapeutic_areas.join(', '), b.therapeutic_areas.join(', '));
  add('territory', L.territory, a.territory, b.territory);
  add('description', L.description, a.description, b.description);
  add('statement', L['north_star.statement'], a.statement, b.statement);
  add('beneficiaries', L['north_star.beneficiaries'], a.beneficiaries, b.beneficiaries);
  add('parties', L.parties, describeParties(a), describeParties(b));
  const orgs = new Set([...a.parties, ...b.parties].map((p) => p.organization_id));
  for (const org of orgs) {
    const pa = a.parties.find((p) => p.organization_id === org);
    const pb = b.parties.find((p) => p.organization_id === org);
    const name = pb?.organization_name || pa?.organization_name || 'Party';
    add(`contribution:${org}`, `${name}: contribution`, pa?.contribution ?? '', pb?.contribution ?? '');
    add(`expected_value:${org}`, `${name}: expected value`, pa?.expected_value ?? '', pb?.expected_value ?? '');
  }
  return rows;
}

/**
 * Server field paths (`north_star.contributions[1].contribution`) as form paths
 * (`parties.1.contribution`). An update sends only the changed contributions: `sent` (the
 * request's) and `values` (the form's) turn the request's index into the party's row.
 */
export function formErrorsFromServer(
  errors: Record<string, string>,
  sent?: { north_star?: { contributions?: { organization_id: string }[] } },
  values?: AllianceFormValues,
): Record<string, string> {
  const result: Record<string, string> = {};
  const rowOf = (index: string): string => {
    const org = sent?.north_star?.contributions?.[Number(index)]?.organization_id;
    const row = org && values ? values.parties.findIndex((p) => p.organization_id === org) : -1;
    return row >= 0 ? String(row) : index;
  };
  for (const [field, message] of Object.entries(errors)) {
    let path = field;
    const contribution = /^north_star\.contributions\.(\d+)\.(contribution|expected_value|organization_id)$/.exec(field);
    if (contribution) {
      const row = rowOf(contribution[1]!);
      path = contribution[2] === 'organization_id' ? `parties.${row}.organization_id` : `parties.${row}.${contribution[2]}`;
    } else if (field.startsWith('north_star.')) {
      path = field.slice('north_star.'.length);
    } else if (/^therapeutic_areas\.\d+$/.test(field)) {
      path = 'therapeutic_areas';
    }
    result[path] = message;
  }
  return result;
}
