import { Button, Chip, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
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

// The filters are the browser's own selects: cheap to draw (five of Mantine's comboboxes were a
// third of the portfolio's first-load main-thread time on a phone) and native pickers on phones.
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
        <NativeSelect
          label="Stage"
          data={[{ value: '', label: 'Any stage' }, ...options(STAGES, STAGE_LABELS)]}
          value={filters.stage ?? ''}
          onChange={(e) => onChange({ stage: (e.currentTarget.value as Stage) || null })}
          w={{ base: '47%', sm: 160 }}
        />
        <NativeSelect
          label="Type"
          data={[{ value: '', label: 'Any type' }, ...options(ALLIANCE_TYPES, ALLIANCE_TYPE_LABELS)]}
          value={filters.type ?? ''}
          onChange={(e) => onChange({ type: (e.currentTarget.value as AllianceType) || null })}
          w={{ base: '47%', sm: 200 }}
        />
        <NativeSelect
          label={TIER_FIELD_LABEL}
          data={[{ value: '', label: 'Any tier' }, ...options(TIERS, TIER_LABELS)]}
          value={filters.tier ? String(filters.tier) : ''}
          onChange={(e) => onChange({ tier: e.currentTarget.value ? (Number(e.currentTarget.value) as Tier) : null })}
          w={{ base: '47%', sm: 120 }}
        />
        <OrganizationSelect
          label="Partner"
          placeholder="Any organisation"
          value={filters.party}
          onChange={(org) => onChange({ party: org?.id ?? null })}
          // Its list is not kept in the page while closed: a kept list has its floating position
          // computed, and the page's style recalculated, on every render of the portfolio.
          comboboxProps={{ keepMounted: false }}
          w={{ base: '47%', sm: 220 }}
        />
        <NativeSelect
          label="Status"
          data={[
            { value: 'false', label: 'Active' },
            { value: 'true', label: 'Archived' },
            { value: 'all', label: 'Active and archived' },
          ]}
          value={filters.archived}
          onChange={(e) => onChange({ archived: e.currentTarget.value as PortfolioFilters['archived'] })}
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
          <NativeSelect
            aria-label="Sort by"
            data={[
              { value: 'name', label: 'Sort by name (A–Z)' },
              { value: '-name', label: 'Sort by name (Z–A)' },
              { value: '-updated_at', label: 'Recently updated first' },
              { value: 'updated_at', label: 'Least recently updated first' },
              { value: 'health', label: 'Lowest health score first' },
              { value: '-health', label: 'Highest health score first' },
            ]}
            value={filters.sort}
            onChange={(e) => onChange({ sort: e.currentTarget.value as PortfolioSort })}
            w={230}
          />
          {/* Two chips rather than a segmented control: its sliding indicator measures the page's
              layout on every render, a cost the portfolio's first load showed. */}
          <Chip.Group value={filters.view} onChange={(v) => onChange({ view: v === 'cards' ? 'cards' : 'table' })}>
            <Group gap={4} wrap="nowrap" role="radiogroup" aria-label="Show alliances as">
              <Chip value="table" icon={<IconList size={14} aria-hidden />} variant="outline">
                Table
              </Chip>
              <Chip value="cards" icon={<IconLayoutGrid size={14} aria-hidden />} variant="outline">
                Cards
              </Chip>
            </Group>
          </Chip.Group>
        </Group>
      </Group>
    </Stack>
  );
}
