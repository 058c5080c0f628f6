import { Text } from '@mantine/core';

/** An obligation's title after its clause reference (dimmed), with a real space between them. */
export function ClauseTitle({ clause, title }: { clause: string; title: string }) {
  return (
    <Text size="sm" fw={600}>
      {clause && (
        <>
          <Text span c="dimmed" fw={500}>
            {clause}
          </Text>{' '}
        </>
      )}
      {title}
    </Text>
  );
}
