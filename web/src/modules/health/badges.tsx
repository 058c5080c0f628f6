// Badges for what people scan a wave for: where it stands, and whether I have answered it.
import { Badge, type BadgeProps, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconEyeOff, IconLock } from '@tabler/icons-react';
import { WAVE_STATUS_COLORS, WAVE_STATUS_LABELS } from './labels';
import type { HealthWaveStatus } from './types';

const tight = { flexShrink: 0, minWidth: 'max-content' } as const;

export function WaveStatusBadge({ status, ...props }: { status: HealthWaveStatus } & BadgeProps) {
  return (
    <Badge color={WAVE_STATUS_COLORS[status]} variant="light" radius="sm" data-status={status} style={tight} {...props}>
      {WAVE_STATUS_LABELS[status]}
    </Badge>
  );
}

export function AnsweredBadge(props: BadgeProps) {
  return (
    <Badge color="teal" variant="light" radius="sm" leftSection={<IconCheck size={12} aria-hidden />} style={tight} {...props}>
      Answered
    </Badge>
  );
}

/** "Hidden", with why, for a slice under the anonymity threshold: focusable, so the reason reaches a keyboard. */
export function HiddenScore({ explanation, noteId }: { explanation: string; noteId?: string }) {
  return (
    <Tooltip label={explanation} withArrow multiline maw={300} events={{ hover: true, focus: true, touch: true }}>
      <Text span size="sm" c="dimmed" fs="italic" tabIndex={0} aria-describedby={noteId} data-hidden-score style={{ whiteSpace: 'nowrap', cursor: 'help' }}>
        <IconEyeOff size={13} aria-hidden style={{ verticalAlign: -2, marginRight: 3 }} />
        hidden
      </Text>
    </Tooltip>
  );
}

/** A private wave: only my party sees it, the other parties not even that it exists. */
export function PrivateWaveBadge({ ownerName, ...props }: { ownerName: string } & BadgeProps) {
  return (
    <Tooltip label={`A private wave of ${ownerName}: it asks only their people, and the other parties never see it.`} withArrow multiline maw={280}>
      <Badge color="blue" variant="light" radius="sm" leftSection={<IconLock size={12} aria-hidden />} data-private style={tight} {...props}>
        Private
      </Badge>
    </Tooltip>
  );
}
