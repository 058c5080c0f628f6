// Creating or editing an agreement: what it is and where it sits in the tree (a master, or a
// sub-agreement or amendment of another), its parties, status and dates, and its key terms; for an
// amendment, the terms it changes and what it changes in the parent's obligations.
import { ActionIcon, Button, Fieldset, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { type GetInputPropsReturnType, useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { Alliance, Member } from '../../api/types';
import { formatDate } from '../../ui/format';
import { options } from '../../ui/labels';
import { AccessFields } from '../records/AccessFields';
import { partyName, partyOptions } from '../records/access';
import { maxLength, readersRule, requiredText } from '../records/forms';
import { RecordFormFooter, submitRecord, useRecordSave } from '../records/recordForm';
import { patchOf, useStaleEdit, type FieldLabels } from '../records/stale';
import { agreementBody, agreementToValues, newAgreementValues, reminderRule, type AgreementValues } from './agreementModel';
import {
  AGREEMENT_KIND_LABELS,
  AGREEMENT_KINDS,
  AGREEMENT_RELATION_LABELS,
  AGREEMENT_RELATIONS,
  AGREEMENT_STATUS_LABELS,
  AGREEMENT_STATUSES,
  EXCLUSIVITIES,
  EXCLUSIVITY_LABELS,
} from './labels';
import { createAgreement, fetchAgreement, refreshAgreements, updateAgreement, useObligations } from './queries';
import { parentCandidates } from './tree';
import type { Agreement, AgreementRelation } from './types';

/** A field's description under its input, so that the inputs of a row line up when only some have one. */
const BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

export interface AgreementDefaults {
  relation?: AgreementRelation;
  parent_id?: string | null;
}

function AgreementForm({
  alliance,
  members,
  agreement,
  agreements,
  defaults,
  onClose,
}: {
  alliance: Alliance;
  members: Member[];
  agreement: Agreement | null;
  /** Every agreement the caller may read: the candidates for a parent. */
  agreements: Agreement[];
  defaults?: AgreementDefaults;
  onClose: () => void;
}) {
  const stale = useStaleEdit({ record: agreement, toValues: agreementToValues, fetchLatest: () => fetchAgreement(alliance.id, agreement?.id ?? '') });
  const parentOf = (id: string | null | undefined) => agreements.find((a) => a.id === id);
  const form = useForm<AgreementValues>({
    mode: 'controlled',
    initialValues:
      stale.base?.values ??
      newAgreementValues({
        relation: defaults?.relation,
        parent_id: defaults?.parent_id ?? null,
        party_ids: parentOf(defaults?.parent_id)?.party_ids ?? alliance.parties.map((p) => p.organization_id),
      }),
    validateInputOnChange: ['title', 'summary', 'reminder_days'],
    validate: {
      title: requiredText('title', 200),
      parent_id: (v, values) => (values.relation !== 'master' && !v ? `Choose the agreement this ${values.relation === 'amendment' ? 'amends' : 'belongs to'}` : null),
      party_ids: (v) => (v.length ? null : 'Choose at least one party'),
      expiry_on: (v, values) =>
        v && values.effective_on && values.effective_on > v ? 'Dates out of order: the expiry is before the effective date' : v && values.signed_on && values.signed_on > v ? 'Dates out of order: the expiry is before the signature' : null,
      governing_law: maxLength(200),
      field: maxLength(1000),
      territory: maxLength(500),
      summary: maxLength(10000),
      reminder_days: reminderRule(1, 730),
      obligation_changes: {
        obligation_id: (v) => (v ? null : 'Choose the obligation'),
        change: requiredText('change', 1000),
      },
      readers: readersRule,
    },
  });
  const values = form.values;
  const amendment = values.relation === 'amendment';
  const parentObligations = useObligations(alliance.id, { agreement_id: values.parent_id ?? undefined }, amendment && !!values.parent_id);
  const save = useRecordSave({
    allianceId: alliance.id,
    form,
    stale,
    create: (v) => createAgreement(alliance.id, agreementBody(v)),
    update: agreement ? (version, base, v) => updateAgreement(alliance.id, agreement.id, version, patchOf(agreementBody(base), agreementBody(v))) : null,
    savedMessage: (saved) => (agreement ? `“${saved.title}” is saved.` : `“${saved.title}” is added to the agreements.`),
    onClose,
    refresh: refreshAgreements,
  });
  const candidates = parentCandidates(agreements, agreement?.id ?? null);
  const fields: FieldLabels<AgreementValues> = {
    title: { label: 'Title' },
    kind: { label: 'Kind', show: (v) => AGREEMENT_KIND_LABELS[v] },
    relation: { label: 'Relation', show: (v) => AGREEMENT_RELATION_LABELS[v] },
    parent_id: { label: 'Parent agreement', show: (v) => parentOf(v)?.title ?? '' },
    party_ids: { label: 'Parties', show: (v) => v.map((id) => partyName(alliance, id)).join(', ') },
    status: { label: 'Status', show: (v) => AGREEMENT_STATUS_LABELS[v] },
    signed_on: { label: 'Signed on', show: formatDate },
    effective_on: { label: 'Effective from', show: formatDate },
    expiry_on: { label: 'Expires on', show: formatDate },
    notice_period_days: { label: 'Notice period (days)' },
    governing_law: { label: 'Governing law' },
    field: { label: 'Field' },
    territory: { label: 'Territory' },
    exclusivity: { label: 'Exclusivity', show: (v) => EXCLUSIVITY_LABELS[v] },
    summary: { label: 'Summary' },
    reminder_days: { label: 'Reminders' },
    visibility: { label: 'Who can read it' },
  };
  const setRelation = (relation: AgreementRelation) => {
    form.setFieldValue('relation', relation);
    if (relation === 'master') form.setFieldValue('parent_id', null);
  };
  return (
    <form noValidate onSubmit={submitRecord(form, stale, save)}>
      <Stack gap="md">
        <TextInput label="Title" required placeholder="e.g. Collaboration and licence agreement" data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Select label="Kind" required allowDeselect={false} data={options(AGREEMENT_KINDS, AGREEMENT_KIND_LABELS)} {...form.getInputProps('kind')} />
          <Select
            label="Relation"
            required
            allowDeselect={false}
            data={options(AGREEMENT_RELATIONS, AGREEMENT_RELATION_LABELS)}
            {...form.getInputProps('relation')}
            onChange={(v) => v && setRelation(v as AgreementRelation)}
          />
          <Select label="Status" required allowDeselect={false} data={options(AGREEMENT_STATUSES, AGREEMENT_STATUS_LABELS)} {...form.getInputProps('status')} />
        </SimpleGrid>
        {values.relation !== 'master' && (
          <Select
            label="Parent agreement"
            description={amendment ? 'The agreement this amends.' : 'The master agreement this belongs to.'}
            required
            searchable
            placeholder={candidates.length === 0 ? 'Add a master agreement first' : 'Choose an agreement'}
            data={candidates.map((a) => ({ value: a.id, label: a.title }))}
            {...form.getInputProps('parent_id')}
          />
        )}
        <MultiSelect label="Parties" required data={partyOptions(alliance)} {...form.getInputProps('party_ids')} />
        <SimpleGrid cols={{ base: 1, sm: amendment ? 2 : 3 }}>
          <DateInput label="Signed on" clearable {...form.getInputProps('signed_on')} />
          <DateInput label="Effective from" clearable {...form.getInputProps('effective_on')} />
          {!amendment && <DateInput label="Expires on" clearable {...form.getInputProps('expiry_on')} />}
        </SimpleGrid>
        {!amendment && (
          <>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NumberInput
                label="Notice period (days)"
                description="To terminate or not renew."
                inputWrapperOrder={BELOW}
                min={0} max={3650} allowDecimal={false} {...form.getInputProps('notice_period_days')} />
              <TextInput label="Governing law" placeholder="e.g. England and Wales" {...form.getInputProps('governing_law')} />
              <Select label="Exclusivity" required allowDeselect={false} data={options(EXCLUSIVITIES, EXCLUSIVITY_LABELS)} {...form.getInputProps('exclusivity')} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <Textarea label="Field" description="The field of use." inputWrapperOrder={BELOW} autosize minRows={1} maxRows={4} {...form.getInputProps('field')} />
              <Textarea label="Territory" autosize minRows={1} maxRows={4} {...form.getInputProps('territory')} />
            </SimpleGrid>
            <TagsInput
              label="Reminders (days before)"
              description="Reminders before the last day to give notice and before expiry; up to five."
              placeholder="Type a number and press Enter"
              {...form.getInputProps('reminder_days')}
            />
          </>
        )}
        {amendment && <AmendmentFields form={form} obligations={parentObligations.data ?? []} />}
        <Textarea label="Summary" autosize minRows={2} maxRows={8} {...form.getInputProps('summary')} />
        <AccessFields form={form} alliance={alliance} members={members} record={agreement} />
        <RecordFormFooter
          noun="agreement"
          fields={fields}
          form={form}
          stale={stale}
          save={save}
          errorTitle="The agreement was not saved"
          submitLabel={agreement ? 'Save agreement' : 'Add agreement'}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

/** What the amendment fields need of the form. */
interface AgreementFormApi {
  values: AgreementValues;
  getInputProps: (path: string) => GetInputPropsReturnType;
  insertListItem: (path: 'obligation_changes', item: AgreementValues['obligation_changes'][number]) => void;
  removeListItem: (path: 'obligation_changes', index: number) => void;
}

/** An amendment's changes: the new value of each term it changes, and the parent's obligations it changes. */
function AmendmentFields({ form, obligations }: { form: AgreementFormApi; obligations: { id: string; title: string; clause_ref: string }[] }) {
  const changes = form.values.obligation_changes;
  return (
    <>
      <Fieldset legend="Term changes" variant="filled">
        <Text size="xs" c="dimmed" mb="xs">
          The new values; leave a term empty to keep the parent’s.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DateInput label="New expiry date" clearable {...form.getInputProps('term_changes.expiry_on')} />
          <NumberInput label="New notice period (days)" min={0} max={3650} allowDecimal={false} {...form.getInputProps('term_changes.notice_period_days')} />
          <Select label="New exclusivity" clearable placeholder="Unchanged" data={options(EXCLUSIVITIES, EXCLUSIVITY_LABELS)} {...form.getInputProps('term_changes.exclusivity')} />
          <TextInput label="New governing law" placeholder="Unchanged" {...form.getInputProps('term_changes.governing_law')} />
          <TextInput label="New field" placeholder="Unchanged" {...form.getInputProps('term_changes.field')} />
          <TextInput label="New territory" placeholder="Unchanged" {...form.getInputProps('term_changes.territory')} />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend="Obligation changes" variant="filled">
        <Stack gap="xs">
          {changes.length === 0 && (
            <Text size="xs" c="dimmed">
              {obligations.length === 0 ? 'The parent agreement has no obligations you can see.' : 'None: add one for each obligation this amendment changes.'}
            </Text>
          )}
          {changes.map((_, index) => (
            <Group key={index} align="flex-start" gap="xs" wrap="nowrap">
              <Select
                label={`Obligation ${index + 1}`}
                required
                searchable
                data={obligations.map((o) => ({ value: o.id, label: o.clause_ref ? `${o.clause_ref} ${o.title}` : o.title }))}
                style={{ flex: 1 }}
                {...form.getInputProps(`obligation_changes.${index}.obligation_id`)}
              />
              <TextInput label={`Change ${index + 1}`} required style={{ flex: 2 }} {...form.getInputProps(`obligation_changes.${index}.change`)} />
              <ActionIcon
                variant="subtle"
                color="red"
                mt={26}
                aria-label={`Remove obligation change ${index + 1}`}
                onClick={() => form.removeListItem('obligation_changes', index)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              disabled={obligations.length === 0}
              onClick={() => form.insertListItem('obligation_changes', { obligation_id: null, change: '' })}
            >
              Add obligation change
            </Button>
          </Group>
        </Stack>
      </Fieldset>
    </>
  );
}

export function AgreementFormModal({
  opened,
  onClose,
  ...props
}: { opened: boolean; onClose: () => void } & Omit<Parameters<typeof AgreementForm>[0], 'onClose'>) {
  const relation = props.agreement?.relation ?? props.defaults?.relation ?? 'master';
  const noun = relation === 'amendment' ? 'amendment' : relation === 'sub_agreement' ? 'sub-agreement' : 'agreement';
  return (
    <Modal opened={opened} onClose={onClose} title={props.agreement ? `Edit ${noun}` : `New ${noun}`} size="xl" centered>
      {opened && <AgreementForm {...props} onClose={onClose} />}
    </Modal>
  );
}
