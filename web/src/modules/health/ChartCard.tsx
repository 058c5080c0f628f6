// A chart and, one click away, the same numbers as a table: the results' charts and the trends.
import { Group, Paper, SegmentedControl, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';

export function ChartCard({
  title,
  description,
  chart,
  table,
  order = 3,
}: {
  title: string;
  description?: string;
  chart: ReactNode;
  table: ReactNode;
  order?: 2 | 3;
}) {
  const [view, setView] = useState<'chart' | 'table'>('chart');
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-label={title} h="100%">
      <Group justify="space-between" gap="sm" mb="sm">
        <Title order={order} size="h5">
          {title}
        </Title>
        <SegmentedControl
          size="xs"
          aria-label={`Show the ${title.toLowerCase()} as`}
          value={view}
          onChange={(v) => setView(v as 'chart' | 'table')}
          data={[
            { value: 'chart', label: 'Chart' },
            { value: 'table', label: 'Table' },
          ]}
        />
      </Group>
      {description && (
        <Text size="xs" c="dimmed" mt={-4} mb="sm">
          {description}
        </Text>
      )}
      {view === 'chart' ? chart : table}
    </Paper>
  );
}
