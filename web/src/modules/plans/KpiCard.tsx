// One KPI at a glance: its RAG status, the latest value against the target, and its trend.
import { Button, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { IconChartLine, IconList, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo } from 'react';
import { VisibilityBadge } from '../../ui/badges';
import { EChart } from '../../ui/EChart';
import { formatDate } from '../../ui/format';
import { RowMenu, EditMenuItem } from '../../ui/RowMenu';
import { IndicatorBadge, KpiStatusBadge } from './badges';
import { formatMeasure } from './format';
import { KPI_CADENCE_LABELS, KPI_DIRECTION_LABELS } from './labels';
import type { Kpi } from './types';

const RAG_LINE: Record<Kpi['status'], string> = { green: '#2f9e44', amber: '#f08c00', red: '#e03131', no_data: '#868e96' };

export function sparklineOption(kpi: Kpi) {
  return {
    animation: false,
    grid: { left: 2, right: 2, top: 6, bottom: 2 },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params: { dataIndex: number }[]) => {
        const value = kpi.values[params[0]?.dataIndex ?? -1];
        return value ? `${formatDate(value.measured_on)}: ${formatMeasure(value.value, kpi.unit)}` : '';
      },
    },
    xAxis: { type: 'category', show: false, boundaryGap: false, data: kpi.values.map((v) => v.measured_on) },
    yAxis: { type: 'value', show: false, scale: true },
    series: [
      {
        type: 'line',
        data: kpi.values.map((v) => v.value),
        smooth: true,
        symbol: 'circle',
        symbolSize: 4,
        lineStyle: { color: RAG_LINE[kpi.status], width: 2 },
        itemStyle: { color: RAG_LINE[kpi.status] },
        areaStyle: { color: RAG_LINE[kpi.status], opacity: 0.08 },
        markLine: {
          silent: true,
          symbol: ['none', 'none'],
          label: { show: false },
          lineStyle: { color: '#868e96', type: 'dotted', width: 1 },
          data: [{ yAxis: kpi.target }],
        },
      },
    ],
  };
}

function thresholds(kpi: Kpi): string {
  const parts: string[] = [];
  if (kpi.amber_threshold !== null) parts.push(`amber ${formatMeasure(kpi.amber_threshold, kpi.unit)}`);
  if (kpi.red_threshold !== null) parts.push(`red ${formatMeasure(kpi.red_threshold, kpi.unit)}`);
  return parts.join(', ');
}

export function KpiCard({
  kpi,
  canAddValue,
  canChange,
  onAddValue,
  onEdit,
  onDelete,
  onValues,
}: {
  kpi: Kpi;
  canAddValue: boolean;
  canChange: boolean;
  onAddValue: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onValues: () => void;
}) {
  const option = useMemo(() => sparklineOption(kpi), [kpi]);
  const trend = kpi.values.map((v) => formatMeasure(v.value, kpi.unit)).join(', ');
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={kpi.name} data-kpi={kpi.name} h="100%">
      <Stack gap="xs" h="100%">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={3} size="h5" lh={1.3}>
              {kpi.name}
            </Title>
            <Group gap={4}>
              <KpiStatusBadge status={kpi.status} />
              <IndicatorBadge indicator={kpi.indicator} />
              {kpi.visibility !== 'alliance' && <VisibilityBadge visibility={kpi.visibility} ownerOrganizationName={kpi.owner_organization_name} />}
            </Group>
          </Stack>
          <RowMenu name={kpi.name}>
            <Menu.Item leftSection={<IconList size={16} />} onClick={onValues}>
              All values
            </Menu.Item>
            {canChange && (
              <EditMenuItem onClick={onEdit} />
            )}
            {canChange && (
              <Menu.Item color="red" leftSection={<IconTrash size={16} />} onClick={onDelete}>
                Delete
              </Menu.Item>
            )}
          </RowMenu>
        </Group>
        <Group gap="lg" align="flex-end">
          <div>
            <Text size="xs" c="dimmed">
              Latest
            </Text>
            {kpi.latest ? (
              <>
                <Text fw={700} size="xl" lh={1.2} data-testid="kpi-latest">
                  {formatMeasure(kpi.latest.value, kpi.unit)}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatDate(kpi.latest.measured_on)}
                </Text>
              </>
            ) : (
              <Text size="sm" c="dimmed" fs="italic">
                No value yet
              </Text>
            )}
          </div>
          <div>
            <Text size="xs" c="dimmed">
              Target
            </Text>
            <Text fw={600} size="sm">
              {formatMeasure(kpi.target, kpi.unit)}
            </Text>
            <Text size="xs" c="dimmed">
              {KPI_DIRECTION_LABELS[kpi.direction]}
            </Text>
          </div>
        </Group>
        {kpi.values.length > 1 ? (
          <EChart option={option} height={56} label={`Trend of ${kpi.name}, oldest first: ${trend}. Target ${formatMeasure(kpi.target, kpi.unit)}.`} />
        ) : (
          <Group gap={6} h={56} c="dimmed">
            <IconChartLine size={16} aria-hidden />
            <Text size="xs">The trend appears from the second value.</Text>
          </Group>
        )}
        <Text size="xs" c="dimmed">
          {[KPI_CADENCE_LABELS[kpi.cadence], kpi.party_name, kpi.responsible_user_name, thresholds(kpi), kpi.data_source && `source: ${kpi.data_source}`]
            .filter(Boolean)
            .join(' · ')}
        </Text>
        {canAddValue && (
          <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={onAddValue} mt="auto" aria-label={`Add a value to “${kpi.name}”`}>
            Add a value
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
