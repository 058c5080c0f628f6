// How the alliances in view spread over the lifecycle; a click on a bar filters by that stage.
import { Group, Paper, Text } from '@mantine/core';
import { useMemo } from 'react';
import type { Alliance, Stage } from '../../api/types';
import { EChart } from '../../ui/EChart';
import { STAGE_LABELS, STAGES } from '../../ui/labels';

const BAR_COLOR = '#4c6ef5';

export function stageCounts(alliances: Alliance[]): { stage: Stage; count: number }[] {
  const counts = new Map<Stage, number>();
  for (const alliance of alliances) counts.set(alliance.stage, (counts.get(alliance.stage) ?? 0) + 1);
  return STAGES.map((stage) => ({ stage, count: counts.get(stage) ?? 0 }));
}

export function StageChart({
  alliances,
  complete,
  onStageClick,
}: {
  alliances: Alliance[];
  complete: boolean;
  onStageClick: (stage: Stage) => void;
}) {
  const counts = useMemo(() => stageCounts(alliances), [alliances]);
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 8, right: 8, top: 16, bottom: 4, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: {
        type: 'category',
        data: counts.map((c) => STAGE_LABELS[c.stage]),
        axisLabel: { interval: 0, fontSize: 11, color: '#495057', hideOverlap: true },
        axisTick: { show: false },
        axisLine: { lineStyle: { color: '#ced4da' } },
      },
      yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: '#f1f3f5' } } },
      series: [
        {
          type: 'bar',
          data: counts.map((c) => c.count),
          itemStyle: { color: BAR_COLOR, borderRadius: [4, 4, 0, 0] },
          barMaxWidth: 36,
          cursor: 'pointer',
        },
      ],
    }),
    [counts],
  );
  const summary = counts
    .filter((c) => c.count > 0)
    .map((c) => `${STAGE_LABELS[c.stage]}: ${c.count}`)
    .join(', ');
  const byLabel = new Map(STAGES.map((s) => [STAGE_LABELS[s], s] as const));
  return (
    <Paper withBorder radius="md" p="md" mb="md">
      <Group justify="space-between" mb={4}>
        <Text fw={600} size="sm">
          Alliances by stage
        </Text>
        <Text size="xs" c="dimmed">
          {complete ? `${alliances.length} in view` : `First ${alliances.length} in view`} · click a bar to filter
        </Text>
      </Group>
      <EChart
        option={option}
        height={180}
        label={`Alliances by stage. ${summary}`}
        onItemClick={(name) => {
          const stage = byLabel.get(name);
          if (stage) onStageClick(stage);
        }}
      />
    </Paper>
  );
}
