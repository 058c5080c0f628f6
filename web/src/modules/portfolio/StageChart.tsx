// How the alliances in view spread over the lifecycle; a click on a bar filters by that stage.
// Plain HTML bars, not a chart library: the portfolio is the first page most people open, and
// each bar is a button that a keyboard and a screen reader reach too.
import { Box, Group, Paper, Text, UnstyledButton } from '@mantine/core';
import { useMemo } from 'react';
import type { Alliance, Stage } from '../../api/types';
import { STAGE_LABELS, STAGES } from '../../ui/labels';
import classes from './StageChart.module.css';

export function stageCounts(alliances: Alliance[]): { stage: Stage; count: number }[] {
  const counts = new Map<Stage, number>();
  for (const alliance of alliances) counts.set(alliance.stage, (counts.get(alliance.stage) ?? 0) + 1);
  return STAGES.map((stage) => ({ stage, count: counts.get(stage) ?? 0 }));
}

const BAR_AREA_PX = 120;

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
  const most = Math.max(1, ...counts.map((c) => c.count));
  return (
    <Paper withBorder radius="md" p="md" mb="md" component="section" aria-labelledby="stage-chart-title">
      <Group justify="space-between" mb="xs">
        <Text fw={600} size="sm" id="stage-chart-title">
          Alliances by stage
        </Text>
        <Text size="xs" c="dimmed">
          {complete ? `${alliances.length} in view` : `First ${alliances.length} in view`} · click a bar to filter
        </Text>
      </Group>
      <Box className={classes.chart}>
        {counts.map(({ stage, count }) => {
          const label = `${STAGE_LABELS[stage]}: ${count} ${count === 1 ? 'alliance' : 'alliances'}`;
          return (
            // The browser's own tooltip (title): ten floating tooltips measured the page on load.
            <UnstyledButton
                key={stage}
                title={label}
                className={classes.column}
                disabled={count === 0}
                aria-label={count === 0 ? label : `${label}. Show only these`}
                onClick={() => onStageClick(stage)}
                data-testid={`stage-bar-${stage}`}
              >
                <Text component="span" className={classes.count} aria-hidden>
                  {count}
                </Text>
                <span
                  className={classes.bar}
                  style={{ height: count === 0 ? 1 : Math.max(4, Math.round((count / most) * BAR_AREA_PX)) }}
                  aria-hidden
                />
                <Text component="span" className={classes.label} aria-hidden>
                  {STAGE_LABELS[stage]}
                </Text>
              </UnstyledButton>
          );
        })}
      </Box>
    </Paper>
  );
}
