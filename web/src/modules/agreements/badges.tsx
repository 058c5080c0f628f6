// Badges for what contract managers scan for: agreement status and relation, occurrence status,
// the "Consider an amendment" signal, and a dataset's destruction status.
import { Badge, type BadgeProps, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import {
  AGREEMENT_RELATION_LABELS,
  AGREEMENT_STATUS_COLORS,
  AGREEMENT_STATUS_LABELS,
  DESTRUCTION_STATUS_COLORS,
  DESTRUCTION_STATUS_LABELS,
  OCCURRENCE_STATUS_COLORS,
  OCCURRENCE_STATUS_LABELS,
} from './labels';
import type { AgreementRelation, AgreementStatus, DestructionStatus, OccurrenceStatus } from './types';

const tight = { flexShrink: 0, minWidth: 'max-content' } as const;

export function AgreementStatusBadge({ status, ...props }: { status: AgreementStatus } & BadgeProps) {
  return (
    <Badge color={AGREEMENT_STATUS_COLORS[status]} variant={status === 'active' ? 'filled' : 'light'} radius="sm" data-agreement-status={status} style={tight} autoContrast {...props}>
      {AGREEMENT_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Sub-agreements and amendments say what they are; masters need no badge. */
export function RelationBadge({ relation, ...props }: { relation: AgreementRelation } & BadgeProps) {
  if (relation === 'master') return null;
  return (
    <Badge color={relation === 'amendment' ? 'violet' : 'indigo'} variant="outline" radius="sm" data-relation={relation} style={tight} {...props}>
      {AGREEMENT_RELATION_LABELS[relation]}
    </Badge>
  );
}

export function OccurrenceStatusBadge({ status, ...props }: { status: OccurrenceStatus } & BadgeProps) {
  return (
    <Badge
      color={OCCURRENCE_STATUS_COLORS[status]}
      variant={status === 'overdue' ? 'filled' : 'light'}
      radius="sm"
      data-occurrence-status={status}
      style={tight}
      autoContrast
      {...props}
    >
      {OCCURRENCE_STATUS_LABELS[status]}
    </Badge>
  );
}

/** The signal on an obligation that keeps being late or waived; the reason in the tooltip. */
export function ConsiderAmendmentBadge({ reason, ...props }: { reason: string } & BadgeProps) {
  return (
    <Tooltip label={reason || 'Often late or waived lately'} withArrow multiline maw={300}>
      <Badge
        color="orange"
        variant="light"
        radius="sm"
        leftSection={<IconAlertTriangle size={12} aria-hidden />}
        data-signal="consider-amendment"
        style={tight}
        {...props}
      >
        Consider an amendment
      </Badge>
    </Tooltip>
  );
}

export function DestructionStatusBadge({ status, ...props }: { status: DestructionStatus } & BadgeProps) {
  return (
    <Badge
      color={DESTRUCTION_STATUS_COLORS[status]}
      variant={status === 'overdue' ? 'filled' : 'light'}
      radius="sm"
      data-destruction-status={status}
      style={tight}
      autoContrast
      {...props}
    >
      {DESTRUCTION_STATUS_LABELS[status]}
    </Badge>
  );
}
