// What the alliance's records say beside a dimension's scores, over the wave's evidence period:
// each signal in words with its figure ("Meetings held: 3 of 4 the cadences call for"), what it
// counts, and whether it is behind what the alliance set out to do.
import { Badge, Stack, Text } from '@mantine/core';
import { BEHIND_PLAN, SIGNAL_WORDS } from './resultLabels';
import { behindPlan, signalText } from './signals';
import type { HealthSignal } from './types';

export function EvidenceList({ signals, dimensionName }: { signals: readonly HealthSignal[]; dimensionName: string }) {
  if (signals.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        The alliance’s records hold nothing to count for this dimension: only what people answered speaks for it.
      </Text>
    );
  }
  return (
    <Stack component="ul" gap={8} p={0} m={0} aria-label={`Evidence for ${dimensionName}`}>
      {signals.map((signal) => {
        const { label, figure } = signalText(signal);
        const behind = behindPlan(signal);
        return (
          <li key={signal.key} style={{ listStyle: 'none' }} data-signal={signal.key}>
            <Text size="sm">
              <Text span fw={600}>
                {label}:
              </Text>{' '}
              <Text span c={signal.value === null && !signal.by_party ? 'dimmed' : undefined} fs={signal.value === null && !signal.by_party ? 'italic' : undefined}>
                {figure}
              </Text>
              {behind && (
                <Badge ml={6} size="xs" color="orange" variant="light" radius="sm" style={{ verticalAlign: 1 }}>
                  {BEHIND_PLAN}
                </Badge>
              )}
            </Text>
            <Text size="xs" c="dimmed">
              {SIGNAL_WORDS[signal.key].counts}
            </Text>
          </li>
        );
      })}
    </Stack>
  );
}
