// "Who can read it" for a plan, governance or agreements record, worded exactly as for journal
// entries.
import { MultiSelect, Radio, Stack } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import type { Alliance, Member, Visibility } from '../../api/types';
import { readerOptions } from './access';

/** What `form.getInputProps(path)` returns, as far as these fields need it. */
interface InputProps<T> {
  value?: T;
  onChange: (value: T) => void;
  error?: ReactNode;
}

/**
 * The record form's `visibility` and `readers` fields. The record's owner organisation names the
 * internal choice: the caller's own party for a new record.
 */
export function AccessFields({
  form,
  alliance,
  members,
  record,
  allianceOnly = false,
  withRestricted = true,
  descriptions,
  disabled = false,
}: {
  form: { getInputProps: (path: 'visibility' | 'readers') => GetInputPropsReturnType };
  alliance: Alliance;
  /** The alliance's members: who may be named a reader. */
  members: Member[];
  /** The record being edited; null for a new one. */
  record: { owner_organization_name: string } | null;
  /** External communications are always visible to every party. */
  allianceOnly?: boolean;
  /** False for a record that is for all parties or for one party only (a health-assessment wave). */
  withRestricted?: boolean;
  /** What each choice means for this kind of record, instead of the general words. */
  descriptions?: { alliance: string; party: string };
  /** Fixed: shown, not changed. */
  disabled?: boolean;
}) {
  const visibility: InputProps<Visibility> = form.getInputProps('visibility');
  const readers: InputProps<string[]> = form.getInputProps('readers');
  const ownerName = record?.owner_organization_name ?? alliance.my_party.organization_name;
  return (
    <>
      <Radio.Group
        label="Who can read it"
        required
        value={visibility.value ?? 'alliance'}
        onChange={(v) => visibility.onChange(v as Visibility)}
        error={visibility.error}
        description={allianceOnly ? 'External communications need every party’s approval, so every party can read them.' : undefined}
      >
        <Stack gap={8} mt={6}>
          <Radio value="alliance" label="All parties" description={descriptions?.alliance ?? 'Every member of every party of the alliance.'} disabled={disabled} />
          <Radio
            value="party"
            label={`Only ${ownerName}`}
            description={descriptions?.party ?? `Internal: members of ${ownerName} only. Partners never see it.`}
            disabled={allianceOnly || disabled}
          />
          {withRestricted && <Radio value="restricted" label="Restricted" description="Only the author and the people named." disabled={allianceOnly || disabled} />}
        </Stack>
      </Radio.Group>
      {visibility.value === 'restricted' && (
        <MultiSelect
          label="Readers"
          placeholder="Choose alliance members"
          searchable
          data={readerOptions(alliance, members)}
          value={readers.value ?? []}
          onChange={readers.onChange}
          error={readers.error}
        />
      )}
    </>
  );
}
