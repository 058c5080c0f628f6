// Restrictions: what the agreements forbid or limit (exclusivity, non-compete, field, territory,
// change of control), whom they bind and in what scope; and the conflict check of this alliance or
// of a proposed deal against the restrictions binding the caller's organisation.
import { Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconPlus, IconShieldLock } from '@tabler/icons-react';
import { useState } from 'react';
import type { Alliance, Member, Visibility } from '../../api/types';
import { VisibilityBadge } from '../../ui/badges';
import { EmptyState, QueryView } from '../../ui/feedback';
import { FilterSelect } from '../../ui/FilterSelect';
import { options } from '../../ui/labels';
import { DeleteMenuItem, EditMenuItem, RowActionsHeader, RowMenu } from '../../ui/RowMenu';
import { useSession } from '../auth/session';
import { AccessFields } from '../records/AccessFields';
import { canChangeRecord, canWriteRecords } from '../records/access';
import { accessBody, maxLength, readersRule } from '../records/forms';
import { RecordFormFooter, submitRecord, useDeleteRecord, useRecordSave } from '../records/recordForm';
import { patchOf, useStaleEdit, type FieldLabels } from '../records/stale';
import { periodText } from './AgreementsSection';
import { ConflictCheckCard } from './ConflictCheck';
import { RESTRICTION_KIND_LABELS, RESTRICTION_KINDS } from './labels';
import { createRestriction, deleteRestriction, fetchRestriction, refreshAgreements, updateRestriction, useRestrictions, type RestrictionFilters } from './queries';
import type { Agreement, Restriction, RestrictionCreate, RestrictionKind } from './types';
import { LinkifiedText } from '../../ui/LinkifiedText';

interface RestrictionValues {
  agreement_id: string | null;
  kind: RestrictionKind;
  clause_ref: string;
  description: string;
  restricted_party_id: string | null;
  therapeutic_areas: string[];
  modalities: string[];
  territories: string[];
  counterparties: string[];
  starts_on: string | null;
  ends_on: string | null;
  visibility: Visibility;
  readers: string[];
}

function toValues(r: Restriction): RestrictionValues {
  return {
    agreement_id: r.agreement_id,
    kind: r.kind,
    clause_ref: r.clause_ref,
    description: r.description,
    restricted_party_id: r.restricted_party_id,
    therapeutic_areas: [...r.therapeutic_areas],
    modalities: [...r.modalities],
    territories: [...r.territories],
    counterparties: [...r.counterparties],
    starts_on: r.starts_on,
    ends_on: r.ends_on,
    visibility: r.visibility,
    readers: [...r.readers],
  };
}

function restrictionBody(v: RestrictionValues): RestrictionCreate {
  return {
    agreement_id: v.agreement_id ?? '',
    kind: v.kind,
    clause_ref: v.clause_ref.trim(),
    description: v.description,
    restricted_party_id: v.restricted_party_id,
    therapeutic_areas: v.therapeutic_areas,
    modalities: v.modalities,
    territories: v.territories,
    counterparties: v.counterparties,
    starts_on: v.starts_on,
    ends_on: v.ends_on,
    ...accessBody(v),
  };
}

const scopeRule = (values: string[]) =>
  values.length > 50 ? 'Use at most 50 values' : values.some((v) => v.length > 200) ? 'Use at most 200 characters for each value' : null;

function RestrictionForm({ alliance, members, restriction, agreements, onClose }: { alliance: Alliance; members: Member[]; restriction: Restriction | null; agreements: Agreement[]; onClose: () => void }) {
  const stale = useStaleEdit({ record: restriction, toValues, fetchLatest: () => fetchRestriction(alliance.id, restriction?.id ?? '') });
  const form = useForm<RestrictionValues>({
    mode: 'controlled',
    initialValues: stale.base?.values ?? {
      agreement_id: agreements.length === 1 ? (agreements[0]?.id ?? null) : null,
      kind: 'exclusivity',
      clause_ref: '',
      description: '',
      restricted_party_id: null,
      therapeutic_areas: [],
      modalities: [],
      territories: [],
      counterparties: [],
      starts_on: null,
      ends_on: null,
      visibility: 'alliance',
      readers: [],
    },
    validateInputOnChange: ['description', 'clause_ref'],
    validate: {
      agreement_id: (v) => (v ? null : 'Choose the agreement that imposes it'),
      clause_ref: maxLength(100),
      description: maxLength(5000),
      therapeutic_areas: scopeRule,
      modalities: scopeRule,
      territories: scopeRule,
      counterparties: scopeRule,
      ends_on: (v, values) => (v && values.starts_on && v < values.starts_on ? 'The end is before the start' : null),
      readers: readersRule,
    },
  });
  const agreement = agreements.find((a) => a.id === form.values.agreement_id);
  const save = useRecordSave({
    allianceId: alliance.id,
    form,
    stale,
    create: (v) => createRestriction(alliance.id, restrictionBody(v)),
    update: restriction ? (version, base, v) => updateRestriction(alliance.id, restriction.id, version, patchOf(restrictionBody(base), restrictionBody(v))) : null,
    savedMessage: (saved) => `The ${RESTRICTION_KIND_LABELS[saved.kind].toLowerCase()} restriction is ${restriction ? 'saved' : 'recorded'}.`,
    onClose,
    refresh: refreshAgreements,
  });
  const fields: FieldLabels<RestrictionValues> = {
    agreement_id: { label: 'Agreement', show: (v) => agreements.find((a) => a.id === v)?.title ?? '' },
    kind: { label: 'Kind', show: (v) => RESTRICTION_KIND_LABELS[v] },
    clause_ref: { label: 'Clause' },
    description: { label: 'Description' },
    restricted_party_id: { label: 'Binds', show: (v) => agreement?.parties.find((p) => p.organization_id === v)?.organization_name ?? 'Every party' },
    therapeutic_areas: { label: 'Therapeutic areas' },
    modalities: { label: 'Modalities' },
    territories: { label: 'Territories' },
    counterparties: { label: 'Counterparties' },
    starts_on: { label: 'Starts on' },
    ends_on: { label: 'Ends on' },
    visibility: { label: 'Who can read it' },
  };
  return (
    <form noValidate onSubmit={submitRecord(form, stale, save)}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label="Agreement" required searchable data={agreements.map((a) => ({ value: a.id, label: a.title }))} data-autofocus {...form.getInputProps('agreement_id')} />
          <Select label="Kind" required allowDeselect={false} data={options(RESTRICTION_KINDS, RESTRICTION_KIND_LABELS)} {...form.getInputProps('kind')} />
          <TextInput label="Clause" placeholder="e.g. §12.1" {...form.getInputProps('clause_ref')} />
        </SimpleGrid>
        <Select
          label="Restricted party"
          description="The party of the agreement it binds."
          clearable
          placeholder="Every party of the agreement"
          data={(agreement?.parties ?? []).map((p) => ({ value: p.organization_id, label: p.organization_name }))}
          {...form.getInputProps('restricted_party_id')}
        />
        <Textarea label="Description" autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
        <Text size="xs" c="dimmed">
          Scope: leave a list empty for “any”. Press Enter after each value.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TagsInput label="Therapeutic areas" placeholder="e.g. Heart failure" {...form.getInputProps('therapeutic_areas')} />
          <TagsInput label="Modalities" placeholder="e.g. Small molecule" {...form.getInputProps('modalities')} />
          <TagsInput label="Territories" placeholder="e.g. EU, Worldwide" {...form.getInputProps('territories')} />
          <TagsInput label="Counterparties" placeholder="e.g. a competitor’s name" {...form.getInputProps('counterparties')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <DateInput label="Starts on" description="Empty: from the agreement’s effective date." clearable {...form.getInputProps('starts_on')} />
          <DateInput label="Ends on" description="Empty: until the agreement expires." clearable {...form.getInputProps('ends_on')} />
        </SimpleGrid>
        <AccessFields form={form} alliance={alliance} members={members} record={restriction} />
        <RecordFormFooter
          noun="restriction"
          fields={fields}
          form={form}
          stale={stale}
          save={save}
          errorTitle="The restriction was not saved"
          submitLabel={restriction ? 'Save restriction' : 'Add restriction'}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

/** The scope as chips per dimension; an empty dimension reads "any". */
export function ScopeChips({ r }: { r: Pick<Restriction, 'therapeutic_areas' | 'modalities' | 'territories' | 'counterparties'> }) {
  const dims: [string, string[]][] = [
    ['Areas', r.therapeutic_areas],
    ['Modalities', r.modalities],
    ['Territories', r.territories],
    ['Counterparties', r.counterparties],
  ];
  return (
    <Stack gap={2}>
      {dims.map(([name, values]) => (
        <Group key={name} gap={4}>
          <Text size="xs" c="dimmed" w={92}>
            {name}
          </Text>
          {values.length === 0 ? (
            <Text size="xs" c="dimmed">
              any
            </Text>
          ) : (
            values.map((v) => (
              <Badge key={v} size="xs" variant="outline" color="gray" radius="sm" tt="none">
                {v}
              </Badge>
            ))
          )}
        </Group>
      ))}
    </Stack>
  );
}

function RestrictionRow({ alliance, restriction: r, canChange, onEdit }: { alliance: Alliance; restriction: Restriction; canChange: boolean; onEdit: () => void }) {
  const remove = useDeleteRecord(alliance.id, `The ${RESTRICTION_KIND_LABELS[r.kind].toLowerCase()} restriction`, () => deleteRestriction(alliance.id, r.id), refreshAgreements);
  const name = `${RESTRICTION_KIND_LABELS[r.kind]}${r.clause_ref ? ` ${r.clause_ref}` : ''}, ${r.agreement_title}`;
  return (
    <Table.Tr data-restriction={name}>
      <Table.Td miw={200}>
        <Group gap={6}>
          <Text size="sm" fw={600}>
            {RESTRICTION_KIND_LABELS[r.kind]}
          </Text>
          {r.visibility !== 'alliance' && <VisibilityBadge size="xs" visibility={r.visibility} ownerOrganizationName={r.owner_organization_name} />}
        </Group>
        <Text size="xs" c="dimmed">
          {r.clause_ref ? `${r.clause_ref} · ` : ''}
          {r.agreement_title}
        </Text>
        {r.description && (
          <LinkifiedText size="xs" lineClamp={2} text={r.description} />
        )}
      </Table.Td>
      <Table.Td fz="sm">{r.restricted_party_name ?? 'Every party'}</Table.Td>
      <Table.Td>
        <ScopeChips r={r} />
      </Table.Td>
      <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {r.starts_on || r.ends_on ? periodText(r.starts_on, r.ends_on) : 'The agreement’s term'}
      </Table.Td>
      <Table.Td>
        {canChange && (
          <RowMenu name={name}>
            <EditMenuItem onClick={onEdit} />
            <DeleteMenuItem title="Delete this restriction?" message="It will no longer be considered by conflict checks." onConfirm={() => remove.mutate()} />
          </RowMenu>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function RestrictionsSection({ alliance, members, agreements }: { alliance: Alliance; members: Member[]; agreements: Agreement[] }) {
  const { user } = useSession();
  const [filters, setFilters] = useState<RestrictionFilters>({});
  const restrictions = useRestrictions(alliance.id, filters);
  const [editing, setEditing] = useState<{ restriction: Restriction | null } | null>(null);
  const filtered = Object.values(filters).some((v) => v !== undefined);
  return (
    <Stack gap="md">
      <ConflictCheckCard alliance={alliance} />
      <Group justify="space-between" align="flex-end" gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" role="group" aria-label="Filter restrictions">
          <FilterSelect
            label="Agreement"
            placeholder="Any agreement"
            searchable
            data={agreements.map((a) => ({ value: a.id, label: a.title }))}
            value={filters.agreement_id}
            onChange={(agreement_id) => setFilters({ ...filters, agreement_id })}
          />
          <FilterSelect<RestrictionKind> label="Kind" placeholder="Any kind" data={options(RESTRICTION_KINDS, RESTRICTION_KIND_LABELS)} value={filters.kind} onChange={(kind) => setFilters({ ...filters, kind })} />
        </SimpleGrid>
        {canWriteRecords(alliance) && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ restriction: null })} disabled={agreements.length === 0}>
            New restriction
          </Button>
        )}
      </Group>
      <QueryView
        query={restrictions}
        loaderLabel="Loading the restrictions…"
        empty={
          <EmptyState title={filtered ? 'No restriction matches' : 'No restrictions yet'} icon={<IconShieldLock aria-hidden />}>
            {filtered ? 'Try other filters.' : 'Record the exclusivity, non-compete and other limits the agreements impose, so that new deals can be checked against them.'}
          </EmptyState>
        }
      >
        {(list) => (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={820}>
              <Table verticalSpacing="sm" aria-label="Restrictions">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Restriction</Table.Th>
                    <Table.Th scope="col">Binds</Table.Th>
                    <Table.Th scope="col">Scope</Table.Th>
                    <Table.Th scope="col">Period</Table.Th>
                    <RowActionsHeader />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((r) => (
                    <RestrictionRow key={r.id} alliance={alliance} restriction={r} canChange={canChangeRecord(alliance, user.id, r)} onEdit={() => setEditing({ restriction: r })} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </QueryView>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.restriction ? 'Edit restriction' : 'New restriction'} size="xl" centered>
        {editing && <RestrictionForm alliance={alliance} members={members} restriction={editing.restriction} agreements={agreements} onClose={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
