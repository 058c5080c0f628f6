// Picks an organisation from the directory, searching the server as the person types.
import { Group, Select, Text, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import type { Organization } from '../../api/types';
import { ORGANIZATION_TYPE_LABELS } from '../../ui/labels';
import { useOrganization, useOrganizationSearch } from './queries';

export type OrganizationOption = Pick<Organization, 'id' | 'name' | 'type'>;

export function OrganizationSelect({
  value,
  onChange,
  exclude = [],
  known = [],
  ...props
}: {
  value: string | null;
  onChange: (organization: OrganizationOption | null) => void;
  /** Organisations that may not be chosen (already parties). */
  exclude?: string[];
  /** Organisations whose names are already known (so the selected one shows at once). */
  known?: OrganizationOption[];
} & Omit<SelectProps, 'value' | 'onChange' | 'data'>) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 200);
  // The directory is asked only once someone opens the list or types: a page with a filter by
  // organisation does not pay for a search nobody made.
  const [wanted, setWanted] = useState(false);
  const results = useOrganizationSearch(debounced, wanted || search !== '');
  const selected = useOrganization(value && !known.some((o) => o.id === value) ? value : null);

  const byId = useMemo(() => {
    const map = new Map<string, OrganizationOption>();
    for (const o of known) map.set(o.id, o);
    if (selected.data) map.set(selected.data.id, selected.data);
    for (const o of results.data?.items ?? []) map.set(o.id, o);
    return map;
  }, [known, selected.data, results.data]);

  const data = useMemo(() => {
    const list = [...byId.values()].filter((o) => o.id === value || !exclude.includes(o.id));
    return list.map((o) => ({ value: o.id, label: o.name }));
  }, [byId, exclude, value]);

  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={results.isFetching ? 'Searching…' : 'No organisation with that name'}
      {...props}
      data={data}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onDropdownOpen={() => {
        setWanted(true);
        props.onDropdownOpen?.();
      }}
      // The server already filtered by name; keep the list as it came.
      filter={({ options }) => options}
      onChange={(id) => onChange(id ? (byId.get(id) ?? null) : null)}
      renderOption={({ option }) => {
        const org = byId.get(option.value);
        return (
          <Group justify="space-between" wrap="nowrap" w="100%">
            <Text size="sm">{option.label}</Text>
            {org && (
              <Text size="xs" c="dimmed">
                {ORGANIZATION_TYPE_LABELS[org.type]}
              </Text>
            )}
          </Group>
        );
      }}
    />
  );
}
