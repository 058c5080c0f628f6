// Where an action comes from and who follows it up, under its title: the committee, in words, and
// for an action plan made from a health result, the dimension it answers, linked to that wave's
// results.
import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { defaultDimensionName, FROM_HEALTH_ASSESSMENT } from '../health/resultLabels';
import { healthTabPath } from '../health/links';
import type { ActionItem, Committee } from './types';

/**
 * "From the health assessment: Trust", linked to the wave's results. Lists name the dimension by the
 * shipped bank's words, without loading each wave's results; a detail view passes the name its
 * wave's results give (`dimensionName`), which also covers a bank of the organisation's own.
 */
export function HealthOrigin({
  allianceId,
  health,
  dimensionName,
}: {
  allianceId: string;
  health: NonNullable<ActionItem['health']>;
  dimensionName?: string | null;
}) {
  const name = dimensionName ?? defaultDimensionName(health.dimension_key);
  return (
    <Text size="xs">
      <Anchor component={Link} to={healthTabPath(allianceId, health.wave_id)} size="xs" data-health-origin>
        {FROM_HEALTH_ASSESSMENT}
        {name ? `: ${name}` : ''}
      </Anchor>
    </Text>
  );
}

/** The committee's name, or why there is none to name; null while the committees load. */
export function committeeWords(committeeId: string | null, committees: readonly Pick<Committee, 'id' | 'name'>[] | undefined): string | null {
  if (committeeId === null) return null;
  if (!committees) return null;
  return committees.find((c) => c.id === committeeId)?.name ?? 'a committee you cannot see';
}

export function FollowedUpBy({ name }: { name: string | null }) {
  if (!name) return null;
  return (
    <Text size="xs" c="dimmed">
      Followed up by {name}
    </Text>
  );
}
