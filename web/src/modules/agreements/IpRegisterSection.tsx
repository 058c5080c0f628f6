// The IP register: background IP each party brings and foreground IP the alliance creates, who owns
// it (one party, or jointly in shares), the licences granted on it, and its patent dates.
import { ActionIcon, Button, Fieldset, Group, Modal, NumberInput, Paper, Radio, Select, SimpleGrid, Stack, Switch, Table, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconBulb, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { Alliance, Member, Visibility } from '../../api/types';
import { VisibilityBadge } from '../../ui/badges';
import { EmptyState, QueryView } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { options } from '../../ui/labels';
import { DeleteMenuItem, EditMenuItem, RowActionsHeader, RowMenu } from '../../ui/RowMenu';
import { useSession } from '../auth/session';
import { AccessFields } from '../records/AccessFields';
import { canChangeRecord, canWriteRecords, partyName, partyOptions } from '../records/access';
import { accessBody, maxLength, readersRule, requiredText } from '../records/forms';
import { RecordFormFooter, submitRecord, useDeleteRecord, useRecordSave } from '../records/recordForm';
import { patchOf, useStaleEdit, type FieldLabels } from '../records/stale';
import { sharesProblem, sharesText, sharesTotal, type ShareValue } from './ipModel';
import { IP_ASSET_KIND_LABELS, IP_ASSET_KINDS } from './labels';
import { createIpAsset, deleteIpAsset, fetchIpAsset, refreshAgreements, updateIpAsset, useIpAssets } from './queries';
import type { Agreement, IpAsset, IpAssetCreate, IpAssetKind } from './types';

interface LicenceValue {
  licensee_id: string | null;
  field: string;
  territory: string;
  exclusive: boolean;
}

interface IpValues {
  title: string;
  kind: IpAssetKind;
  description: string;
  agreement_id: string | null;
  ownership: 'single' | 'joint';
  owner_party_id: string | null;
  shares: ShareValue[];
  licences: LicenceValue[];
  patent_family: string;
  filing_on: string | null;
  expiry_on: string | null;
  visibility: Visibility;
  readers: string[];
}

function toValues(a: IpAsset): IpValues {
  return {
    title: a.title,
    kind: a.kind,
    description: a.description,
    agreement_id: a.agreement_id,
    ownership: a.owner_party_id ? 'single' : 'joint',
    owner_party_id: a.owner_party_id,
    shares: a.shares.map((s) => ({ organization_id: s.organization_id, percent: s.percent })),
    licences: a.licences.map((l) => ({ licensee_id: l.licensee_id, field: l.field, territory: l.territory, exclusive: l.exclusive })),
    patent_family: a.patent_family,
    filing_on: a.filing_on,
    expiry_on: a.expiry_on,
    visibility: a.visibility,
    readers: [...a.readers],
  };
}

function ipBody(v: IpValues): IpAssetCreate {
  const joint = v.ownership === 'joint';
  return {
    title: v.title.trim(),
    kind: v.kind,
    description: v.description,
    agreement_id: v.agreement_id,
    owner_party_id: joint ? null : v.owner_party_id,
    shares: joint ? v.shares.map((s) => ({ organization_id: s.organization_id ?? '', percent: Number(s.percent) })) : [],
    licences: v.licences.map((l) => ({ licensee_id: l.licensee_id ?? '', field: l.field.trim(), territory: l.territory.trim(), exclusive: l.exclusive })),
    patent_family: v.patent_family.trim(),
    filing_on: v.filing_on,
    expiry_on: v.expiry_on,
    ...accessBody(v),
  };
}

function IpForm({ alliance, members, asset, agreements, onClose }: { alliance: Alliance; members: Member[]; asset: IpAsset | null; agreements: Agreement[]; onClose: () => void }) {
  const stale = useStaleEdit({ record: asset, toValues, fetchLatest: () => fetchIpAsset(alliance.id, asset?.id ?? '') });
  const form = useForm<IpValues>({
    mode: 'controlled',
    initialValues: stale.base?.values ?? {
      title: '',
      kind: 'background',
      description: '',
      agreement_id: null,
      ownership: 'single',
      owner_party_id: alliance.my_party.organization_id,
      shares: alliance.parties.map((p) => ({ organization_id: p.organization_id, percent: Math.floor(100 / alliance.parties.length) })),
      licences: [],
      patent_family: '',
      filing_on: null,
      expiry_on: null,
      visibility: 'alliance',
      readers: [],
    },
    validateInputOnChange: ['title', 'description', 'patent_family'],
    validate: {
      title: requiredText('title', 200),
      description: maxLength(5000),
      patent_family: maxLength(200),
      owner_party_id: (v, values) => (values.ownership === 'single' && !v ? 'Choose the owning party' : null),
      shares: (v, values) => (values.ownership === 'joint' ? sharesProblem(v) : null),
      licences: { licensee_id: (v) => (v ? null : 'Choose the licensee') },
      expiry_on: (v, values) => (v && values.filing_on && v < values.filing_on ? 'The expiry is before the filing' : null),
      readers: readersRule,
    },
  });
  const values = form.values;
  const save = useRecordSave({
    allianceId: alliance.id,
    form,
    stale,
    create: (v) => createIpAsset(alliance.id, ipBody(v)),
    update: asset ? (version, base, v) => updateIpAsset(alliance.id, asset.id, version, patchOf(ipBody(base), ipBody(v))) : null,
    savedMessage: (saved) => `“${saved.title}” is ${asset ? 'saved' : 'in the IP register'}.`,
    onClose,
    refresh: refreshAgreements,
  });
  const fields: FieldLabels<IpValues> = {
    title: { label: 'Title' },
    kind: { label: 'Kind', show: (v) => IP_ASSET_KIND_LABELS[v] },
    description: { label: 'Description' },
    owner_party_id: { label: 'Owner', show: (v) => partyName(alliance, v) },
    shares: { label: 'Shares', show: (v) => v.map((s) => `${partyName(alliance, s.organization_id)} ${s.percent}%`).join(', ') },
    licences: { label: 'Licences', show: (v) => `${v.length}` },
    patent_family: { label: 'Patent family' },
    filing_on: { label: 'Filed', show: formatDate },
    expiry_on: { label: 'Expires', show: formatDate },
    visibility: { label: 'Who can read it' },
  };
  const total = sharesTotal(values.shares);
  return (
    <form noValidate onSubmit={submitRecord(form, stale, save)}>
      <Stack gap="md">
        <TextInput label="Title" required placeholder="e.g. Adherence prediction algorithm" data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Kind" required allowDeselect={false} data={options(IP_ASSET_KINDS, IP_ASSET_KIND_LABELS)} {...form.getInputProps('kind')} />
          <Select label="Agreement" clearable searchable placeholder="None" data={agreements.map((a) => ({ value: a.id, label: a.title }))} {...form.getInputProps('agreement_id')} />
        </SimpleGrid>
        <Textarea label="Description" autosize minRows={2} maxRows={6} {...form.getInputProps('description')} />
        <Radio.Group label="Ownership" required {...form.getInputProps('ownership')}>
          <Group gap="lg" mt={6}>
            <Radio value="single" label="Owned by one party" />
            <Radio value="joint" label="Jointly owned" />
          </Group>
        </Radio.Group>
        {values.ownership === 'single' ? (
          <Select label="Owner" required data={partyOptions(alliance)} {...form.getInputProps('owner_party_id')} />
        ) : (
          <Fieldset legend="Shares" variant="filled">
            <Stack gap="xs">
              {values.shares.map((_, index) => (
                <Group key={index} align="flex-start" gap="xs" wrap="nowrap">
                  <Select label={`Party ${index + 1}`} required data={partyOptions(alliance)} style={{ flex: 2 }} {...form.getInputProps(`shares.${index}.organization_id`)} />
                  <NumberInput label={`Share ${index + 1} (%)`} required min={0} max={100} decimalScale={2} style={{ flex: 1 }} {...form.getInputProps(`shares.${index}.percent`)} />
                  <ActionIcon variant="subtle" color="red" mt={26} aria-label={`Remove share ${index + 1}`} onClick={() => form.removeListItem('shares', index)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              ))}
              <Group justify="space-between">
                <Button variant="default" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => form.insertListItem('shares', { organization_id: null, percent: 0 })}>
                  Add share
                </Button>
                <Text size="sm" c={Math.abs(total - 100) > 0.001 ? 'red.8' : 'dimmed'} role="status">
                  Total: {Math.round(total * 100) / 100}%
                </Text>
              </Group>
              {typeof form.errors.shares === 'string' && (
                <Text size="sm" c="red.8" role="alert">
                  {form.errors.shares}
                </Text>
              )}
            </Stack>
          </Fieldset>
        )}
        <Fieldset legend="Licences" variant="filled">
          <Stack gap="xs">
            {values.licences.length === 0 && (
              <Text size="xs" c="dimmed">
                No licences granted.
              </Text>
            )}
            {values.licences.map((_, index) => (
              <Paper key={index} withBorder p="xs" radius="sm">
                <Group align="flex-start" gap="xs" wrap="nowrap">
                  <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ flex: 1 }}>
                    <Select label={`Licensee ${index + 1}`} required data={partyOptions(alliance)} {...form.getInputProps(`licences.${index}.licensee_id`)} />
                    <Switch label="Exclusive" mt={30} {...form.getInputProps(`licences.${index}.exclusive`, { type: 'checkbox' })} />
                    <TextInput label={`Field ${index + 1}`} {...form.getInputProps(`licences.${index}.field`)} />
                    <TextInput label={`Territory ${index + 1}`} {...form.getInputProps(`licences.${index}.territory`)} />
                  </SimpleGrid>
                  <ActionIcon variant="subtle" color="red" mt={26} aria-label={`Remove licence ${index + 1}`} onClick={() => form.removeListItem('licences', index)}>
                    <IconTrash size={16} />
                  </ActionIcon>
                </Group>
              </Paper>
            ))}
            <Group>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPlus size={14} aria-hidden />}
                disabled={values.licences.length >= 20}
                onClick={() => form.insertListItem('licences', { licensee_id: null, field: '', territory: '', exclusive: false })}
              >
                Add licence
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Patent family" {...form.getInputProps('patent_family')} />
          <DateInput label="Filed on" clearable {...form.getInputProps('filing_on')} />
          <DateInput label="Expires on" clearable {...form.getInputProps('expiry_on')} />
        </SimpleGrid>
        <AccessFields form={form} alliance={alliance} members={members} record={asset} />
        <RecordFormFooter noun="IP asset" fields={fields} form={form} stale={stale} save={save} errorTitle="The IP asset was not saved" submitLabel={asset ? 'Save IP asset' : 'Add IP asset'} onCancel={onClose} />
      </Stack>
    </form>
  );
}

function IpRow({ alliance, asset, canChange, onEdit }: { alliance: Alliance; asset: IpAsset; canChange: boolean; onEdit: () => void }) {
  const remove = useDeleteRecord(alliance.id, asset.title, () => deleteIpAsset(alliance.id, asset.id), refreshAgreements);
  return (
    <Table.Tr data-ip-asset={asset.title}>
      <Table.Td miw={200}>
        <Group gap={6}>
          <Text size="sm" fw={600}>
            {asset.title}
          </Text>
          {asset.visibility !== 'alliance' && <VisibilityBadge size="xs" visibility={asset.visibility} ownerOrganizationName={asset.owner_organization_name} />}
        </Group>
        <Text size="xs" c="dimmed">
          {IP_ASSET_KIND_LABELS[asset.kind]}
          {asset.patent_family ? ` · ${asset.patent_family}` : ''}
        </Text>
      </Table.Td>
      <Table.Td fz="sm">{asset.owner_party_id ? asset.owner_party_name : `Joint: ${sharesText(asset.shares)}`}</Table.Td>
      <Table.Td fz="sm">
        {asset.licences.length === 0
          ? '—'
          : asset.licences.map((l) => `${l.licensee_name}${l.exclusive ? ' (exclusive)' : ''}${l.field ? `, ${l.field}` : ''}${l.territory ? `, ${l.territory}` : ''}`).join('; ')}
      </Table.Td>
      <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDate(asset.filing_on)}
      </Table.Td>
      <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDate(asset.expiry_on)}
      </Table.Td>
      <Table.Td>
        {canChange && (
          <RowMenu name={asset.title}>
            <EditMenuItem onClick={onEdit} />
            <DeleteMenuItem title="Delete this IP asset?" message={<>“{asset.title}” will be removed from the register.</>} onConfirm={() => remove.mutate()} />
          </RowMenu>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function IpRegisterSection({ alliance, members, agreements }: { alliance: Alliance; members: Member[]; agreements: Agreement[] }) {
  const { user } = useSession();
  const assets = useIpAssets(alliance.id);
  const [editing, setEditing] = useState<{ asset: IpAsset | null } | null>(null);
  return (
    <Stack gap="md">
      {canWriteRecords(alliance) && (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ asset: null })}>
            New IP asset
          </Button>
        </Group>
      )}
      <QueryView
        query={assets}
        loaderLabel="Loading the IP register…"
        empty={
          <EmptyState title="No IP recorded yet" icon={<IconBulb aria-hidden />}>
            Record the background IP each party brings and the foreground IP the alliance creates, with its owners and licences.
          </EmptyState>
        }
      >
        {(list) => (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={800}>
              <Table verticalSpacing="sm" aria-label="IP register">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">IP</Table.Th>
                    <Table.Th scope="col">Owner</Table.Th>
                    <Table.Th scope="col">Licences</Table.Th>
                    <Table.Th scope="col">Filed</Table.Th>
                    <Table.Th scope="col">Expires</Table.Th>
                    <RowActionsHeader />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((a) => (
                    <IpRow key={a.id} alliance={alliance} asset={a} canChange={canChangeRecord(alliance, user.id, a)} onEdit={() => setEditing({ asset: a })} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </QueryView>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.asset ? 'Edit IP asset' : 'New IP asset'} size="xl" centered>
        {editing && <IpForm alliance={alliance} members={members} asset={editing.asset} agreements={agreements} onClose={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}
