// A person in a table row: the name, a "You" badge for the signed-in person, the e-mail below.
import { Badge, Table, Text } from '@mantine/core';

export function PersonCell({ name, email, isMe }: { name: string; email: string; isMe: boolean }) {
  return (
    <Table.Td>
      <Text size="sm" fw={500}>
        {name}
        {isMe && (
          <Badge ml={6} size="xs" variant="light">
            You
          </Badge>
        )}
      </Text>
      <Text size="xs" c="dimmed">
        {email}
      </Text>
    </Table.Td>
  );
}
