// "Who can read it" for a plan record, worded exactly as for journal entries.
import { MultiSelect, Radio, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Visibility } from '../../api/types';

/** What `form.getInputProps(path)` returns, as far as these fields need it. */
interface InputProps<T> {
  value?: T;
  onChange: (value: T) => void;
  error?: ReactNode;
}

export function AccessFields({
  visibility,
  readers,
  ownerName,
  readerOptions,
  allianceOnly = false,
}: {
  visibility: InputProps<Visibility>;
  readers: InputProps<string[]>;
  /** The organisation that owns the record: the caller's for a new one. */
  ownerName: string;
  readerOptions: { value: string; label: string }[];
  /** External communications are always visible to every party. */
  allianceOnly?: boolean;
}) {
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
          <Radio value="alliance" label="All parties" description="Every member of every party of the alliance." />
          <Radio
            value="party"
            label={`Only ${ownerName}`}
            description={`Internal: members of ${ownerName} only. Partners never see it.`}
            disabled={allianceOnly}
          />
          <Radio value="restricted" label="Restricted" description="Only the author and the people named." disabled={allianceOnly} />
        </Stack>
      </Radio.Group>
      {visibility.value === 'restricted' && (
        <MultiSelect
          label="Readers"
          placeholder="Choose alliance members"
          searchable
          data={readerOptions}
          value={readers.value ?? []}
          onChange={readers.onChange}
          error={readers.error}
        />
      )}
    </>
  );
}
