// The KPIs of the alliance as cards; measured values are added from each card.
import { ActionIcon, Drawer, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Tooltip, Button, Group } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconGauge, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { problemMessage } from '../../api/problem';
import type { Alliance, Member, Visibility } from '../../api/types';
import { EmptyState, FormActions, QueryView } from '../../ui/feedback';
import { formatDate, today } from '../../ui/format';
import { options } from '../../ui/labels';
import { useSession } from '../auth/session';
import { AccessFields } from '../records/AccessFields';
import { canChangeRecord, canWriteRecords, memberOptions, partyName, partyOptions } from '../records/access';
import { accessBody, maxLength, readersRule, recordFieldErrors, requiredText } from '../records/forms';
import { RecordFormFooter, submitRecord, useRecordSave } from '../records/recordForm';
import { patchOf, useStaleEdit, type FieldLabels } from '../records/stale';
import { formatMeasure } from './format';
import { KpiCard } from './KpiCard';
import { KPI_CADENCE_LABELS, KPI_CADENCES, KPI_DIRECTION_LABELS, KPI_DIRECTIONS, KPI_INDICATOR_LABELS, KPI_INDICATORS, KPI_STATUS_LABELS, KPI_STATUSES } from './labels';
import { addKpiValue, createKpi, deleteKpi, deleteKpiValue, fetchKpi, refreshPlan, updateKpi, useKpis } from './queries';
import type { Kpi, KpiCadence, KpiDirection, KpiIndicator, KpiStatus } from './types';

type Num = number | string;

interface KpiValues {
  name: string;
  description: string;
  unit: string;
  data_source: string;
  direction: KpiDirection;
  indicator: KpiIndicator;
  target: Num;
  amber_threshold: Num;
  red_threshold: Num;
  cadence: KpiCadence;
  party_id: string | null;
  responsible_user_id: string | null;
  visibility: Visibility;
  readers: string[];
}

function numberOrNull(value: Num): number | null {
  if (value === '' || value === null) return null;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Thresholds sit on the worse side of the target, red beyond amber. Null when in order. */
export function thresholdProblem(direction: KpiDirection, target: number | null, amber: number | null, red: number | null): string | null {
  const worse = (a: number, b: number) => (direction === 'higher_is_better' ? a <= b : a >= b);
  const side = direction === 'higher_is_better' ? 'at or below' : 'at or above';
  if (target !== null && amber !== null && !worse(amber, target)) return `The amber threshold must be ${side} the target`;
  if (red !== null && amber !== null && !worse(red, amber)) return `The red threshold must be ${side} the amber threshold`;
  if (target !== null && red !== null && !worse(red, target)) return `The red threshold must be ${side} the target`;
  return null;
}

function kpiToValues(k: Kpi): KpiValues {
  return {
    name: k.name,
    description: k.description,
    unit: k.unit,
    data_source: k.data_source,
    direction: k.direction,
    indicator: k.indicator,
    target: k.target,
    amber_threshold: k.amber_threshold ?? '',
    red_threshold: k.red_threshold ?? '',
    cadence: k.cadence,
    party_id: k.party_id,
    responsible_user_id: k.responsible_user_id,
    visibility: k.visibility,
    readers: [...k.readers],
  };
}

function kpiBody(v: KpiValues) {
  return {
    name: v.name.trim(),
    description: v.description,
    unit: v.unit.trim(),
    data_source: v.data_source.trim(),
    direction: v.direction,
    indicator: v.indicator,
    target: numberOrNull(v.target) ?? 0,
    amber_threshold: numberOrNull(v.amber_threshold),
    red_threshold: numberOrNull(v.red_threshold),
    cadence: v.cadence,
    party_id: v.party_id ?? undefined,
    responsible_user_id: v.responsible_user_id,
    ...accessBody(v),
  };
}

function KpiForm({ alliance, members, kpi, onClose }: { alliance: Alliance; members: Member[]; kpi: Kpi | null; onClose: () => void }) {
  const stale = useStaleEdit({ record: kpi, toValues: kpiToValues, fetchLatest: () => fetchKpi(alliance.id, kpi?.id ?? '') });
  const form = useForm<KpiValues>({
    mode: 'controlled',
    initialValues: stale.base?.values ?? {
      name: '',
      description: '',
      unit: '',
      data_source: '',
      direction: 'higher_is_better',
      indicator: 'leading',
      target: '',
      amber_threshold: '',
      red_threshold: '',
      cadence: 'monthly',
      party_id: alliance.my_party.organization_id,
      responsible_user_id: null,
      visibility: 'alliance',
      readers: [],
    },
    validateInputOnChange: ['name', 'unit', 'target', 'amber_threshold', 'red_threshold'],
    validate: {
      name: requiredText('name', 200),
      unit: (v) => (!v.trim() ? 'Enter the unit, such as patients or %' : v.length > 50 ? 'Use at most 50 characters' : null),
      description: maxLength(5000),
      data_source: maxLength(200),
      target: (v) => (numberOrNull(v) === null ? 'Enter the target' : null),
      amber_threshold: (v, values) =>
        thresholdProblem(values.direction, numberOrNull(values.target), numberOrNull(v), null),
      red_threshold: (v, values) =>
        thresholdProblem(values.direction, numberOrNull(values.target), numberOrNull(values.amber_threshold), numberOrNull(v)),
      readers: readersRule,
    },
  });
  const save = useRecordSave({
    allianceId: alliance.id,
    form,
    stale,
    create: (values) => createKpi(alliance.id, kpiBody(values)),
    update: kpi ? (version, base, values) => updateKpi(alliance.id, kpi.id, version, patchOf(kpiBody(base), kpiBody(values))) : null,
    savedMessage: (saved) => `“${saved.name}” is saved.`,
    onClose,
    refresh: refreshPlan,
  });
  const fields: FieldLabels<KpiValues> = {
    name: { label: 'Name' },
    unit: { label: 'Unit' },
    data_source: { label: 'Data source' },
    target: { label: 'Target' },
    amber_threshold: { label: 'Amber threshold' },
    red_threshold: { label: 'Red threshold' },
    direction: { label: 'Direction', show: (v) => KPI_DIRECTION_LABELS[v] },
    indicator: { label: 'Indicator', show: (v) => KPI_INDICATOR_LABELS[v] },
    cadence: { label: 'Cadence', show: (v) => KPI_CADENCE_LABELS[v] },
    party_id: { label: 'Responsible party', show: (v) => partyName(alliance, v) },
    description: { label: 'Description' },
    visibility: { label: 'Who can read it' },
  };
  const better = form.values.direction === 'higher_is_better' ? 'below' : 'above';
  return (
    <form
      noValidate
      onSubmit={submitRecord(form, stale, save)}
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Name" required data-autofocus style={{ gridColumn: 'span 2' }} {...form.getInputProps('name')} />
          <TextInput label="Unit" required placeholder="patients, %, days…" {...form.getInputProps('unit')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label="Direction" required allowDeselect={false} data={options(KPI_DIRECTIONS, KPI_DIRECTION_LABELS)} {...form.getInputProps('direction')} />
          <Select label="Indicator" required allowDeselect={false} data={options(KPI_INDICATORS, KPI_INDICATOR_LABELS)} {...form.getInputProps('indicator')} />
          <Select label="Cadence" required allowDeselect={false} data={options(KPI_CADENCES, KPI_CADENCE_LABELS)} {...form.getInputProps('cadence')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput label="Target" required hideControls {...form.getInputProps('target')} />
          <NumberInput label="Amber threshold" description={`Amber ${better} the target, down to here.`} hideControls {...form.getInputProps('amber_threshold')} />
          <NumberInput label="Red threshold" description="Red at or beyond this value." hideControls {...form.getInputProps('red_threshold')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Responsible party"
            required
            allowDeselect={false}
            data={partyOptions(alliance)}
            {...form.getInputProps('party_id')}
            onChange={(party) => {
              form.setFieldValue('party_id', party);
              form.setFieldValue('responsible_user_id', null);
            }}
          />
          <Select
            label="Responsible person"
            placeholder="Nobody named"
            clearable
            searchable
            data={memberOptions(members, form.values.party_id)}
            {...form.getInputProps('responsible_user_id')}
          />
        </SimpleGrid>
        <TextInput
          label="Data source"
          description="Where the values come from: a system, a report or a person."
          placeholder="Site monitoring report"
          {...form.getInputProps('data_source')}
        />
        <Textarea label="Description" autosize minRows={2} maxRows={8} {...form.getInputProps('description')} />
        <AccessFields form={form} alliance={alliance} members={members} record={kpi} />
        <RecordFormFooter
          noun="KPI"
          fields={fields}
          form={form}
          stale={stale}
          save={save}
          errorTitle="The KPI was not saved"
          submitLabel={kpi ? 'Save KPI' : 'Add KPI'}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

function KpiValueForm({ alliance, kpi, onClose }: { alliance: Alliance; kpi: Kpi; onClose: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<{ measured_on: string | null; value: Num; note: string }>({
    mode: 'controlled',
    initialValues: { measured_on: today(), value: '', note: '' },
    validateInputOnChange: ['measured_on'],
    validate: {
      measured_on: (v) => (!v ? 'Choose the day it was measured' : v > today() ? 'The day cannot be in the future' : null),
      value: (v) => (numberOrNull(v) === null ? 'Enter the measured value' : null),
      note: maxLength(1000),
    },
  });
  const save = useMutation({
    mutationFn: (v: { measured_on: string | null; value: Num; note: string }) =>
      addKpiValue(alliance.id, kpi.id, {
        // Validation requires the day: never send a day other than the one the person chose.
        measured_on: v.measured_on ?? '',
        value: numberOrNull(v.value) ?? 0,
        ...(v.note.trim() ? { note: v.note.trim() } : {}),
      }),
    onSuccess: (saved) => {
      refreshPlan(queryClient, alliance.id);
      notifications.show({ color: 'teal', message: `${formatMeasure(saved.value, kpi.unit)} recorded for “${kpi.name}”.` });
      onClose();
    },
    onError: (error) => form.setErrors(recordFieldErrors(error)),
  });
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.stopPropagation();
        form.onSubmit((v) => save.mutate(v))(event);
      }}
    >
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          Target {formatMeasure(kpi.target, kpi.unit)} ({KPI_DIRECTION_LABELS[kpi.direction].toLowerCase()}).
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          {/* Future days are greyed out in the calendar, but a typed one is kept and refused with a message:
              `maxDate` would silently put the previous day (today) back instead. */}
          <DateInput
            label="Measured on"
            required
            excludeDate={(day) => day > today()}
            {...form.getInputProps('measured_on')}
          />
          <NumberInput label={`Value (${kpi.unit})`} required hideControls data-autofocus {...form.getInputProps('value')} />
        </SimpleGrid>
        <Textarea label="Note" autosize minRows={2} {...form.getInputProps('note')} />
        <FormActions error={save.isError ? save.error : null} onCancel={onClose} submitLabel="Add value" pending={save.isPending} />
      </Stack>
    </form>
  );
}

function KpiValuesDrawer({ alliance, kpi, onClose }: { alliance: Alliance; kpi: Kpi | null; onClose: () => void }) {
  const { user } = useSession();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (valueId: string) => deleteKpiValue(alliance.id, kpi?.id ?? '', valueId),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: 'The value was deleted.' });
      refreshPlan(queryClient, alliance.id);
      onClose();
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not deleted', message: problemMessage(error) }),
  });
  const isOwnerManager = kpi !== null && alliance.my_role === 'manager' && kpi.owner_organization_id === alliance.my_party.organization_id;
  const values = kpi ? [...kpi.values].reverse() : [];
  return (
    <Drawer opened={kpi !== null} onClose={onClose} position="right" size="md" title={kpi ? `Values of “${kpi.name}”` : ''}>
      {kpi &&
        (values.length === 0 ? (
          <EmptyState title="No values yet" />
        ) : (
          <Stack gap="xs">
            <Text size="xs" c="dimmed">
              The last {values.length} values, newest first.
            </Text>
            <Table.ScrollContainer minWidth={380}>
              <Table verticalSpacing="xs" aria-label={`Values of ${kpi.name}`}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Measured on</Table.Th>
                    <Table.Th scope="col">Value</Table.Th>
                    <Table.Th scope="col">By</Table.Th>
                    <Table.Th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {values.map((value) => (
                    <Table.Tr key={value.id}>
                      <Table.Td>{formatDate(value.measured_on)}</Table.Td>
                      <Table.Td>
                        <Text size="sm" fw={600}>
                          {formatMeasure(value.value, kpi.unit)}
                        </Text>
                        {value.note && (
                          <Text size="xs" c="dimmed">
                            {value.note}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="xs">{value.entered_by_name}</Text>
                      </Table.Td>
                      <Table.Td w={40}>
                        {(value.entered_by === user.id || isOwnerManager) && (
                          <Tooltip label="Delete this value" withArrow>
                            <ActionIcon
                              variant="subtle"
                              color="red"
                              aria-label={`Delete the value of ${formatDate(value.measured_on)}`}
                              loading={remove.isPending && remove.variables === value.id}
                              onClick={() => remove.mutate(value.id)}
                            >
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        ))}
    </Drawer>
  );
}

export function KpisSection({ alliance, members }: { alliance: Alliance; members: Member[] }) {
  const { user } = useSession();
  const queryClient = useQueryClient();
  const kpis = useKpis(alliance.id);
  const [status, setStatus] = useState<KpiStatus | 'any'>('any');
  const [editing, setEditing] = useState<{ kpi: Kpi | null } | null>(null);
  const [adding, setAdding] = useState<Kpi | null>(null);
  const [valuesOf, setValuesOf] = useState<Kpi | null>(null);
  const canWrite = canWriteRecords(alliance);
  const remove = useMutation({
    mutationFn: (kpi: Kpi) => deleteKpi(alliance.id, kpi.id),
    onSuccess: (_, kpi) => {
      notifications.show({ color: 'teal', message: `“${kpi.name}” was deleted.` });
      refreshPlan(queryClient, alliance.id);
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not deleted', message: problemMessage(error) }),
  });
  const all = kpis.data ?? [];
  const items = all.filter((k) => status === 'any' || k.status === status);
  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <SegmentedControl
          aria-label="Show KPIs by status"
          value={status}
          onChange={(v) => setStatus(v as KpiStatus | 'any')}
          data={[
            { value: 'any', label: `All (${all.length})` },
            ...KPI_STATUSES.map((s) => ({ value: s, label: `${KPI_STATUS_LABELS[s]} (${all.filter((k) => k.status === s).length})` })),
          ]}
        />
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ kpi: null })}>
            New KPI
          </Button>
        )}
      </Group>
      <QueryView
        query={kpis}
        isEmpty={() => items.length === 0}
        empty={
          <EmptyState title={status === 'any' ? 'No KPIs yet' : 'No KPI with this status'} icon={<IconGauge aria-hidden />}>
            {status !== 'any'
              ? 'Choose another status to see more.'
              : canWrite
                ? 'Agree with your partners how you will measure success: a target, thresholds for amber and red, and how often you measure.'
                : 'KPIs that alliance members add will appear here.'}
          </EmptyState>
        }
      >
        {() => (
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
            {items.map((kpi) => (
              <KpiCard
                key={kpi.id}
                kpi={kpi}
                canAddValue={canWrite}
                canChange={canChangeRecord(alliance, user.id, kpi)}
                onAddValue={() => setAdding(kpi)}
                onEdit={() => setEditing({ kpi })}
                onValues={() => setValuesOf(kpi)}
                onDelete={() =>
                  modals.openConfirmModal({
                    title: 'Delete this KPI?',
                    children: <Text size="sm">“{kpi.name}” and all its measured values will be removed. The activity log keeps a record.</Text>,
                    labels: { confirm: 'Delete', cancel: 'Cancel' },
                    confirmProps: { color: 'red' },
                    onConfirm: () => remove.mutate(kpi),
                  })
                }
              />
            ))}
          </SimpleGrid>
        )}
      </QueryView>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.kpi ? 'Edit KPI' : 'New KPI'} size="xl" centered>
        {editing && <KpiForm alliance={alliance} members={members} kpi={editing.kpi} onClose={() => setEditing(null)} />}
      </Modal>
      <Modal opened={adding !== null} onClose={() => setAdding(null)} title={adding ? `Add a value to “${adding.name}”` : ''} centered>
        {adding && <KpiValueForm alliance={alliance} kpi={adding} onClose={() => setAdding(null)} />}
      </Modal>
      <KpiValuesDrawer alliance={alliance} kpi={valuesOf} onClose={() => setValuesOf(null)} />
    </Stack>
  );
}
