import { Button, Group, SegmentedControl, Select, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconLayoutGrid, IconList, IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { AllianceType, Stage, Tier } from '../../api/types';
import {
  ALLIANCE_TYPE_LABELS,
  ALLIANCE_TYPES,
  STAGE_LABELS,
  STAGES,
  TIER_FIELD_LABEL,
  TIER_LABELS,
  TIERS,
  options,
} from '../../ui/labels';
import { OrganizationSelect } from '../organizations/OrganizationSelect';
import { activeFilterCount, DEFAULT_FILTERS, type PortfolioFilters, type PortfolioSort } from './filters';

export function PortfolioToolbar({
  filters,
  onChange,
  summary,
}: {
  filters: PortfolioFilters;
  onChange: (change: Partial<PortfolioFilters>) => void;
  summary?: string;
}) {
  // The text box answers every keystroke; the URL (and the query) follow a moment later.
  const [text, setText] = useState(filters.q);
  useEffect(() => setText(filters.q), [filters.q]);
  const commitText = useDebouncedCallback((q: string) => onChange({ q }), 300);
  const active = activeFilterCount(filters);

  return (
    <Stack gap="sm" mb="md">
      <Group gap="sm" align="flex-end" wrap="wrap" role="search" aria-label="Filter alliances">
        <TextInput
          label="Search"
          placeholder="Name, description, area…"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            commitText(event.currentTarget.value);
          }}
          w={{ base: '100%', sm: 250 }}
        />
        <Select
          label="Stage"
          placeholder="Any stage"
          data={options(STAGES, STAGE_LABELS)}
          value={filters.stage}
          onChange={(v) => onChange({ stage: (v as Stage | null) ?? null })}
          clearable
          w={{ base: '47%', sm: 160 }}
        />
        <Select
          label="Type"
          placeholder="Any type"
          data={options(ALLIANCE_TYPES, ALLIANCE_TYPE_LABELS)}
          value={filters.type}
          onChange={(v) => onChange({ type: (v as AllianceType | null) ?? null })}
          clearable
          w={{ base: '47%', sm: 200 }}
          comboboxProps={{ width: 280, position: 'bottom-start' }}
        />
        <Select
          label={TIER_FIELD_LABEL}
          placeholder="Any tier"
          data={options(TIERS, TIER_LABELS)}
          value={filters.tier ? String(filters.tier) : null}
          onChange={(v) => onChange({ tier: v ? (Number(v) as Tier) : null })}
          clearable
          w={{ base: '47%', sm: 120 }}
        />
        <OrganizationSelect
          label="Partner"
          placeholder="Any organisation"
          value={filters.party}
          onChange={(org) => onChange({ party: org?.id ?? null })}
          w={{ base: '47%', sm: 220 }}
        />
        <Select
          label="Status"
          data={[
            { value: 'false', label: 'Active' },
            { value: 'true', label: 'Archived' },
            { value: 'all', label: 'Active and archived' },
          ]}
          value={filters.archived}
          onChange={(v) => onChange({ archived: (v as PortfolioFilters['archived']) ?? 'false' })}
          allowDeselect={false}
          w={{ base: '47%', sm: 180 }}
        />
      </Group>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="sm">
          {summary && (
            <Text size="sm" c="dimmed" role="status">
              {summary}
            </Text>
          )}
          {active > 0 && (
            <Button
              variant="subtle"
              color="gray"
              size="compact-sm"
              leftSection={<IconX size={14} aria-hidden />}
              onClick={() => {
                setText('');
                onChange({ ...DEFAULT_FILTERS, view: filters.view, sort: filters.sort });
              }}
            >
              Clear filters ({active})
            </Button>
          )}
        </Group>
        <Group gap="sm">
          <Select
            aria-label="Sort by"
            data={[
              { value: 'name', label: 'Sort by name (A–Z)' },
              { value: '-name', label: 'Sort by name (Z–A)' },
              { value: '-updated_at', label: 'Recently updated first' },
              { value: 'updated_at', label: 'Least recently updated first' },
            ]}
            value={filters.sort}
            onChange={(v) => onChange({ sort: (v as PortfolioSort) ?? 'name' })}
            allowDeselect={false}
            w={230}
          />
          <VisuallyHidden id="view-label">Show alliances as</VisuallyHidden>
          <SegmentedControl
            aria-labelledby="view-label"
            value={filters.view}
            onChange={(v) => onChange({ view: v === 'cards' ? 'cards' : 'table' })}
            data={[
              {
                value: 'table',
                label: (
                  <Group gap={6} wrap="nowrap">
                    <IconList size={16} aria-hidden /> Table
                  </Group>
                ),
              },
              {
                value: 'cards',
                label: (
                  <Group gap={6} wrap="nowrap">
                    <IconLayoutGrid size={16} aria-hidden /> Cards
                  </Group>
                ),
              },
            ]}
          />
        </Group>
      </Group>
    </Stack>
  );
}
