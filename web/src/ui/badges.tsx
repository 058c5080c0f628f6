// Badges for the values people scan for: stage, tier, visibility, roles.
import { Badge, type BadgeProps, Tooltip } from '@mantine/core';
import { IconEyeOff, IconLock, IconUsersGroup } from '@tabler/icons-react';
import type { Stage, Tier, Visibility } from '../api/types';
import { STAGE_COLORS, STAGE_LABELS, TIER_DESCRIPTIONS, TIER_FIELD_LABEL, TIER_LABELS, TIER_PRIVACY_HINT } from './labels';

export function StageBadge({ stage, ...props }: { stage: Stage } & BadgeProps) {
  return (
    <Badge color={STAGE_COLORS[stage]} variant="light" radius="sm" data-stage={stage} style={{ flexShrink: 0 }} {...props}>
      {STAGE_LABELS[stage]}
    </Badge>
  );
}

const TIER_COLORS: Record<Tier, string> = { 1: 'grape', 2: 'blue', 3: 'gray' };

/** The tier the viewer's own organisation gave the alliance; each party keeps its own, privately. */
export function tierTooltip(tier: Tier): string {
  return `${TIER_FIELD_LABEL} (${TIER_DESCRIPTIONS[tier]}). ${TIER_PRIVACY_HINT}.`;
}

export function TierBadge({ tier, ...props }: { tier: Tier } & BadgeProps) {
  return (
    <Tooltip label={tierTooltip(tier)} withArrow multiline maw={260}>
      <Badge
        // The darkest shade: outline text must reach 4.5:1 on white and on grey panels.
        color={`${TIER_COLORS[tier]}.9`}
        variant="outline"
        radius="sm"
        leftSection={<IconLock size={10} aria-hidden />}
        style={{ flexShrink: 0 }}
        data-tier={tier}
        {...props}
      >
        {TIER_LABELS[tier]}
      </Badge>
    </Tooltip>
  );
}

/** The words shown for a note's visibility: who can read it, in plain language. */
export function visibilityLabel(visibility: Visibility, ownerOrganizationName: string): string {
  switch (visibility) {
    case 'alliance':
      return 'All parties';
    case 'party':
      return `Only ${ownerOrganizationName}`;
    case 'restricted':
      return 'Restricted';
  }
}

const VISIBILITY_HELP: Record<Visibility, string> = {
  alliance: 'Every member of every party of the alliance can read this.',
  party: 'Only members of the owning organisation can read this.',
  restricted: 'Only the author and the named readers can read this.',
};

export function VisibilityBadge({
  visibility,
  ownerOrganizationName,
  ...props
}: { visibility: Visibility; ownerOrganizationName: string } & BadgeProps) {
  const color = visibility === 'alliance' ? 'teal' : visibility === 'party' ? 'blue' : 'orange';
  const Icon =
    visibility === 'alliance' ? IconUsersGroup : visibility === 'party' ? IconLock : IconEyeOff;
  return (
    <Tooltip label={VISIBILITY_HELP[visibility]} withArrow multiline maw={260}>
      <Badge
        color={color}
        variant="light"
        radius="sm"
        leftSection={<Icon size={12} aria-hidden />}
        data-visibility={visibility}
        style={{ flexShrink: 0 }}
        {...props}
      >
        {visibilityLabel(visibility, ownerOrganizationName)}
      </Badge>
    </Tooltip>
  );
}
