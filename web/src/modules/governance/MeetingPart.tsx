// A part of the meeting page (the agenda, the briefs, the decisions, the actions): its heading,
// an optional line under it, the button that adds to it, then its body.
import { Button, Group, Stack, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export function MeetingPart({
  id,
  title,
  description,
  addLabel,
  onAdd,
  children,
}: {
  /** The heading's id, which names the section. */
  id: string;
  title: string;
  /** Under the heading, e.g. a `<Text size="xs">`. */
  description?: ReactNode;
  addLabel: string;
  /** Without it (the person may not add), there is no button. */
  onAdd?: () => void;
  children: ReactNode;
}) {
  const heading = (
    <Title order={3} size="h5" id={id}>
      {title}
    </Title>
  );
  return (
    <Stack gap="sm" component="section" aria-labelledby={id}>
      <Group justify="space-between">
        {description ? (
          <div>
            {heading}
            {description}
          </div>
        ) : (
          heading
        )}
        {onAdd && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} aria-hidden />} onClick={onAdd}>
            {addLabel}
          </Button>
        )}
      </Group>
      {children}
    </Stack>
  );
}
