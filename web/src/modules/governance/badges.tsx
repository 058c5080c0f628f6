// Badges for what governance people scan for: committee roles, quorum, minutes, decision states,
// issue severity and countdown, action status, stakeholder attitude,
// and the escalation path as chips.
import { Badge, type BadgeProps, Group, Text, type TextProps, Tooltip } from '@mantine/core';
import { IconArrowRight, IconCheck, IconClock, IconMessage, IconUsersGroup, IconX } from '@tabler/icons-react';
import { countdownColor, countdownText, formatEscalationPath, levelLabel } from './format';
import {
  ACTION_STATUS_COLORS,
  ACTION_STATUS_LABELS,
  ATTITUDE_COLORS,
  ATTITUDE_LABELS,
  COMMITTEE_ROLE_COLORS,
  COMMITTEE_ROLE_LABELS,
  DECISION_STATE_COLORS,
  DECISION_STATE_LABELS,
  ISSUE_SEVERITY_COLORS,
  ISSUE_SEVERITY_LABELS,
  MEETING_STATUS_COLORS,
  MEETING_STATUS_LABELS,
  MINUTES_REVIEW_DECISION_LABELS,
  QUADRANT_COLORS,
  QUADRANT_LABELS,
} from './labels';
import type {
  ActionStatus,
  Attitude,
  CommitteeRole,
  DecisionState,
  IssueSeverity,
  MeetingMinutes,
  MeetingStatus,
  Quadrant,
  Quorum,
} from './types';

const tight = { flexShrink: 0, minWidth: 'max-content' } as const;

export function CommitteeRoleBadge({ role, ...props }: { role: CommitteeRole } & BadgeProps) {
  return (
    <Badge color={COMMITTEE_ROLE_COLORS[role]} variant={role === 'chair' ? 'filled' : 'light'} radius="sm" data-role={role} style={tight} {...props}>
      {COMMITTEE_ROLE_LABELS[role]}
    </Badge>
  );
}

export function MeetingStatusBadge({ status, ...props }: { status: MeetingStatus } & BadgeProps) {
  return (
    <Badge
      color={MEETING_STATUS_COLORS[status]}
      variant="light"
      radius="sm"
      td={status === 'cancelled' ? 'line-through' : undefined}
      data-meeting-status={status}
      style={tight}
      {...props}
    >
      {MEETING_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Whether the meeting is quorate, in words; the reason (e.g. a party with nobody present) in the tooltip. */
export function QuorumBadge({ quorum, ...props }: { quorum: Quorum } & BadgeProps) {
  const label = quorum.met ? 'Quorum met' : 'No quorum';
  return (
    <Tooltip label={quorum.detail || label} withArrow multiline maw={300} disabled={!quorum.detail}>
      <Badge
        color={quorum.met ? 'teal.9' : 'red.9'}
        variant={quorum.met ? 'light' : 'filled'}
        radius="sm"
        leftSection={quorum.met ? <IconUsersGroup size={12} aria-hidden /> : <IconX size={12} aria-hidden />}
        data-quorum={quorum.met ? 'met' : 'not-met'}
        aria-label={quorum.detail ? `${label}: ${quorum.detail}` : label}
        style={tight}
        {...props}
      >
        {label}
      </Badge>
    </Tooltip>
  );
}

/** "Minutes final", or in draft how many parties approved. */
export function minutesLabel(minutes: MeetingMinutes): string {
  const revision = minutes.revision > 1 ? ` (revision ${minutes.revision})` : '';
  if (minutes.state === 'final') return `Minutes final${revision}`;
  const approved = minutes.reviews.filter((r) => r.decision === 'approved').length;
  return `Minutes draft${revision}: ${approved} of ${minutes.reviews.length} approved`;
}

export function MinutesBadge({ minutes, ...props }: { minutes: MeetingMinutes } & BadgeProps) {
  const final = minutes.state === 'final';
  return (
    <Badge
      color={final ? 'green' : 'yellow'}
      variant={final ? 'filled' : 'light'}
      radius="sm"
      leftSection={final ? <IconCheck size={12} aria-hidden /> : <IconClock size={12} aria-hidden />}
      data-minutes={minutes.state}
      style={tight}
      autoContrast
      {...props}
    >
      {minutesLabel(minutes)}
    </Badge>
  );
}

export function DecisionStateBadge({ state, ...props }: { state: DecisionState } & BadgeProps) {
  return (
    <Badge color={DECISION_STATE_COLORS[state]} variant={state === 'approved' || state === 'rejected' ? 'filled' : 'light'} radius="sm" data-decision-state={state} style={tight} autoContrast {...props}>
      {DECISION_STATE_LABELS[state]}
    </Badge>
  );
}

export function SeverityBadge({ severity, ...props }: { severity: IssueSeverity } & BadgeProps) {
  return (
    <Badge color={ISSUE_SEVERITY_COLORS[severity]} variant={severity === 'critical' ? 'filled' : 'light'} radius="sm" data-severity={severity} style={tight} autoContrast {...props}>
      {ISSUE_SEVERITY_LABELS[severity]}
    </Badge>
  );
}

/** "3 days left" / "2 days overdue", coloured by urgency. */
export function Countdown({ daysLeft, ...props }: { daysLeft: number } & TextProps) {
  return (
    <Text span size="sm" c={countdownColor(daysLeft)} fw={daysLeft < 0 ? 650 : 400} style={{ whiteSpace: 'nowrap' }} data-days-left={daysLeft} {...props}>
      {countdownText(daysLeft)}
    </Text>
  );
}

export function ActionStatusBadge({ status, ...props }: { status: ActionStatus } & BadgeProps) {
  return (
    <Badge color={ACTION_STATUS_COLORS[status]} variant="light" radius="sm" data-action-status={status} style={tight} {...props}>
      {ACTION_STATUS_LABELS[status]}
    </Badge>
  );
}

export function OverdueBadge(props: BadgeProps) {
  return (
    <Badge color="red" variant="filled" radius="sm" style={tight} {...props}>
      Overdue
    </Badge>
  );
}

export function AttitudeBadge({ attitude, ...props }: { attitude: Attitude } & BadgeProps) {
  return (
    <Badge color={ATTITUDE_COLORS[attitude]} variant="light" radius="sm" data-attitude={attitude} style={tight} {...props}>
      {ATTITUDE_LABELS[attitude]}
    </Badge>
  );
}

export function QuadrantBadge({ quadrant, ...props }: { quadrant: Quadrant } & BadgeProps) {
  return (
    <Badge color={QUADRANT_COLORS[quadrant]} variant="outline" radius="sm" data-quadrant={quadrant} style={tight} {...props}>
      {QUADRANT_LABELS[quadrant]}
    </Badge>
  );
}

/** The escalation path as chips, "Team (10 d) → JDC (14 d) → …"; the current level stands out. */
export function EscalationPath({ levels, current }: { levels: readonly { name: string; days: number }[]; current?: number }) {
  return (
    <Group gap={4} wrap="wrap" role="list" aria-label={`Escalation path: ${formatEscalationPath(levels)}`} data-path={formatEscalationPath(levels)}>
      {levels.map((level, i) => (
        <Group key={`${level.name}-${i}`} gap={4} wrap="nowrap" role="listitem">
          {i > 0 && <IconArrowRight size={12} aria-hidden color="var(--mantine-color-dimmed)" />}
          <Badge
            variant={i === current ? 'filled' : 'outline'}
            color={i === current ? 'orange' : i < (current ?? -1) ? 'gray' : 'indigo'}
            radius="xl"
            tt="none"
            aria-current={i === current ? 'step' : undefined}
            style={tight}
          >
            {levelLabel(level)}
          </Badge>
        </Group>
      ))}
    </Group>
  );
}

export function ReviewDecisionBadge({ decision }: { decision: 'approved' | 'commented' | null }) {
  if (decision === 'approved') {
    return (
      <Badge color="green" variant="light" radius="sm" leftSection={<IconCheck size={11} aria-hidden />} style={tight}>
        {MINUTES_REVIEW_DECISION_LABELS.approved}
      </Badge>
    );
  }
  if (decision === 'commented') {
    return (
      <Badge color="orange" variant="light" radius="sm" leftSection={<IconMessage size={11} aria-hidden />} style={tight}>
        {MINUTES_REVIEW_DECISION_LABELS.commented}
      </Badge>
    );
  }
  return (
    <Badge color="yellow" variant="light" radius="sm" leftSection={<IconClock size={11} aria-hidden />} style={tight}>
      Awaiting review
    </Badge>
  );
}
