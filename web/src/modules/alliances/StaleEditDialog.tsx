// Shown when a save meets a newer version (412): what changed meanwhile, and the two ways out.
import { Alert, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { differences, type AllianceFormValues } from './formModel';

export function StaleEditDialog({
  opened,
  base,
  mine,
  theirs,
  updatedBy,
  onReload,
  onReapply,
  onClose,
  reapplying,
}: {
  opened: boolean;
  base: AllianceFormValues;
  mine: AllianceFormValues;
  theirs: AllianceFormValues | null;
  updatedBy?: string;
  onReload: () => void;
  onReapply: () => void;
  onClose: () => void;
  reapplying: boolean;
}) {
  const theirChanges = theirs ? differences(base, theirs) : [];
  const myChanges = differences(base, mine);
  const both = new Set(myChanges.map((c) => c.key).filter((key) => theirChanges.some((t) => t.key === key)));
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      centered
      title={
        <Group gap="xs">
          <IconAlertTriangle size={20} color="var(--mantine-color-orange-6)" aria-hidden />
          <Text fw={650}>Someone else changed this alliance</Text>
        </Group>
      }
    >
      <Stack gap="md">
        <Text size="sm">
          While you were editing, the alliance was saved by {updatedBy ?? 'someone else'}. Nothing of yours has been
          saved yet. Here is what changed in the meantime:
        </Text>
        {!theirs ? (
          <Text size="sm" c="dimmed">
            Loading the latest version…
          </Text>
        ) : theirChanges.length === 0 ? (
          <Text size="sm" c="dimmed">
            No field you can edit here changed (for example, only the stage moved).
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={560}>
            <Table withTableBorder verticalSpacing="xs" aria-label="Changes made by someone else">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Field</Table.Th>
                  <Table.Th scope="col">When you opened it</Table.Th>
                  <Table.Th scope="col">Now</Table.Th>
                  <Table.Th scope="col">Your edit</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {theirChanges.map((change) => {
                  const mineChange = myChanges.find((c) => c.key === change.key);
                  return (
                    <Table.Tr key={change.key}>
                      <Table.Td fw={500}>
                        {change.label}
                        {both.has(change.key) && (
                          <Badge ml="xs" size="xs" color="orange">
                            both changed
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td c="dimmed">{change.before}</Table.Td>
                      <Table.Td>{change.after}</Table.Td>
                      <Table.Td>{mineChange ? mineChange.after : <Text span c="dimmed">unchanged</Text>}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {myChanges.length > 0 && (
          <Text size="sm">
            Your edits: {myChanges.map((c) => c.label).join(', ')}.
          </Text>
        )}
        {both.size > 0 && (
          <Alert color="orange" variant="light">
            Re-applying keeps your value where you both changed the same field.
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onReload}>
            Reload and discard my edits
          </Button>
          <Button onClick={onReapply} loading={reapplying} disabled={!theirs}>
            Re-apply my changes
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
