// Badges for what planners scan for: milestone status, KPI RAG, approvals, early wins, slip.
import { Badge, type BadgeProps, Group, Text, type TextProps, Tooltip } from '@mantine/core';
import { IconCheck, IconClock, IconStarFilled, IconX } from '@tabler/icons-react';
import { formatDateTime } from '../../ui/format';
import { formatSlip, slipColor } from './format';
import {
  APPROVAL_DECISION_COLORS,
  APPROVAL_DECISION_LABELS,
  APPROVAL_STATE_COLORS,
  APPROVAL_STATE_LABELS,
  KPI_INDICATOR_LABELS,
  KPI_STATUS_COLORS,
  KPI_STATUS_LABELS,
  MILESTONE_STATUS_COLORS,
  MILESTONE_STATUS_LABELS,
} from './labels';
import type { ApprovalState, Communication, KpiIndicator, KpiStatus, MilestoneStatus } from './types';

const STATUS_HELP: Record<MilestoneStatus, string> = {
  planned: 'Forecast more than 90 days away and on its baseline.',
  on_track: 'Forecast within 90 days and on its baseline.',
  at_risk: 'Forecast after its baseline, or a dependency lands after it.',
  late: 'Forecast date has passed without an actual date.',
  achieved: 'Done: it has an actual date.',
  missed: 'Marked as missed.',
  cancelled: 'Cancelled: no longer part of the plan.',
};

/** A milestone's status; "set by hand" in the tooltip when a person chose it rather than the dates. */
export function MilestoneStatusBadge({
  status,
  derived = true,
  ...props
}: { status: MilestoneStatus; derived?: boolean } & BadgeProps) {
  return (
    <Tooltip label={`${STATUS_HELP[status]}${derived ? '' : ' Set by hand.'}`} withArrow multiline maw={260}>
      <Badge
        color={MILESTONE_STATUS_COLORS[status]}
        variant={status === 'missed' ? 'filled' : 'light'}
        radius="sm"
        td={status === 'cancelled' ? 'line-through' : undefined}
        data-status={status}
        style={{ flexShrink: 0, minWidth: 'max-content' }}
        {...props}
      >
        {MILESTONE_STATUS_LABELS[status]}
      </Badge>
    </Tooltip>
  );
}

/** Red/amber/green of a KPI, with its word so that colour is never the only signal. */
export function KpiStatusBadge({ status, ...props }: { status: KpiStatus } & BadgeProps) {
  return (
    <Badge
      color={KPI_STATUS_COLORS[status]}
      variant={status === 'no_data' ? 'outline' : 'filled'}
      radius="sm"
      data-rag={status}
      style={{ flexShrink: 0, minWidth: 'max-content' }}
      autoContrast
      {...props}
    >
      {KPI_STATUS_LABELS[status]}
    </Badge>
  );
}

export function IndicatorBadge({ indicator, ...props }: { indicator: KpiIndicator } & BadgeProps) {
  return (
    <Tooltip
      label={indicator === 'leading' ? 'Leading: predicts results to come.' : 'Lagging: measures results achieved.'}
      withArrow
    >
      <Badge color={indicator === 'leading' ? 'cyan' : 'grape'} variant="outline" radius="sm" style={{ flexShrink: 0, minWidth: 'max-content' }} {...props}>
        {KPI_INDICATOR_LABELS[indicator]}
      </Badge>
    </Tooltip>
  );
}

export function EarlyWinBadge(props: BadgeProps) {
  return (
    <Badge color="yellow" variant="light" radius="sm" leftSection={<IconStarFilled size={10} aria-hidden />} style={{ flexShrink: 0, minWidth: 'max-content' }} {...props}>
      Early win
    </Badge>
  );
}

export function ApprovalStateBadge({ state, ...props }: { state: ApprovalState } & BadgeProps) {
  return (
    <Badge color={APPROVAL_STATE_COLORS[state]} variant="light" radius="sm" data-approval-state={state} style={{ flexShrink: 0, minWidth: 'max-content' }} {...props}>
      {APPROVAL_STATE_LABELS[state]}
    </Badge>
  );
}

/** One badge per party: its decision, and in the tooltip who decided, when, and why. */
export function ApprovalBadges({ communication }: { communication: Communication }) {
  return (
    <Group gap={4} wrap="wrap">
      {communication.approvals.map((approval) => {
        const Icon = approval.decision === 'approved' ? IconCheck : approval.decision === 'rejected' ? IconX : IconClock;
        const who = approval.decided_by_name ? ` by ${approval.decided_by_name}, ${formatDateTime(approval.decided_at)}` : '';
        const why = approval.reason ? `: “${approval.reason}”` : '';
        const label = `${approval.organization_name}: ${APPROVAL_DECISION_LABELS[approval.decision]}${who}${why}`;
        return (
          <Tooltip key={approval.organization_id} label={label} withArrow multiline maw={320} events={{ hover: true, focus: true, touch: true }}>
            <Badge
              color={APPROVAL_DECISION_COLORS[approval.decision]}
              variant="light"
              radius="sm"
              leftSection={<Icon size={11} aria-hidden />}
              data-approval={`${approval.organization_name}:${approval.decision}`}
              aria-label={label}
              tabIndex={0}
              style={{ minWidth: 'max-content' }}
            >
              {approval.organization_name}
            </Badge>
          </Tooltip>
        );
      })}
    </Group>
  );
}

/** Slip in days, coloured by how late. */
export function SlipText({ days, ...props }: { days: number } & TextProps) {
  return (
    <Text span size="sm" c={slipColor(days)} fw={days > 0 ? 600 : 400} style={{ whiteSpace: 'nowrap' }} {...props}>
      {formatSlip(days)}
    </Text>
  );
}
