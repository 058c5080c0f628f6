// Trends on the Health tab: how the overall score and each dimension's overall score moved across
// the alliance's closed waves, as a line chart (its code loads only when drawn) with the same
// numbers one click away as a table: a row per dimension, a column per wave.
import { Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { EChart } from '../../ui/EChart';
import { formatDate } from '../../ui/format';
import { QueryView } from '../../ui/feedback';
import { HiddenScore } from './badges';
import { ChartCard } from './ChartCard';
import { useTrends } from './queries';
import { pointText, trendLines, trendOption, trendSummary, type TrendLine } from './trends';
import type { HealthTrendWave } from './types';

const HIDDEN = 'Hidden to keep the answers anonymous: too few people answered in that wave to show it without giving someone away.';

function TrendTable({ waves, lines }: { waves: readonly HealthTrendWave[]; lines: readonly TrendLine[] }) {
  return (
    <Table.ScrollContainer minWidth={240 + waves.length * 120}>
      <Table verticalSpacing={6} aria-label="Scores across waves">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Dimension</Table.Th>
            {waves.map((w) => (
              <Table.Th scope="col" ta="right" key={w.wave_id}>
                {w.title}
                <Text size="xs" c="dimmed" fw={400}>
                  {formatDate(w.closed_on)}
                </Text>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.key} data-line={line.name}>
              <Table.Th scope="row" fw={line.key === 'all' ? 700 : 500} fz="sm">
                {line.name}
              </Table.Th>
              {line.points.map((point, i) => (
                <Table.Td ta="right" key={waves[i]?.wave_id ?? i} fw={line.key === 'all' ? 700 : undefined}>
                  {point && (point.hidden || point.score === null) ? (
                    <HiddenScore explanation={HIDDEN} />
                  ) : point ? (
                    pointText(point)
                  ) : (
                    <Text span size="xs" c="dimmed">
                      {pointText(point)}
                    </Text>
                  )}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function TrendsBody({ waves }: { waves: HealthTrendWave[] }) {
  const lines = useMemo(() => trendLines(waves), [waves]);
  const option = useMemo(() => trendOption(waves, lines), [waves, lines]);
  return (
    <ChartCard
      title="Trends"
      order={2}
      description={`The overall score and each dimension’s overall score in ${waves.length === 1 ? 'the one closed wave' : `the ${waves.length} closed waves`} you can see, oldest first, from 0 to 100. A hidden score is a gap in its line, not a zero.`}
      chart={<EChart option={option} height={380} label={trendSummary(waves, lines)} />}
      table={<TrendTable waves={waves} lines={lines} />}
    />
  );
}

/** Shown once the alliance has a closed wave. */
export function TrendsSection({ allianceId }: { allianceId: string }) {
  const trends = useTrends(allianceId, true);
  return (
    <QueryView query={trends} loaderLabel="Loading the trends…">
      {(data) => (data.waves.length > 0 ? <TrendsBody waves={data.waves} /> : null)}
    </QueryView>
  );
}
