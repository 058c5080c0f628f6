// A titled card of the Agreements tab: a region named by its heading, with an optional action.
import { Group, Paper, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';

export function DetailSection({ title, children, action, fill = false }: { title: string; children: ReactNode; action?: ReactNode; /** Fill the height of a grid cell. */ fill?: boolean }) {
  const id = useId();
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={id} h={fill ? '100%' : undefined}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={3} size="h5" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </Paper>
  );
}
