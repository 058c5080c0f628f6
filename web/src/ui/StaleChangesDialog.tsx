// Shown when a save meets a newer version (412): what someone else changed meanwhile, next to my
// edits, and the two ways out (reload theirs, or re-apply mine on their version). Alliances and
// plan records both use it; each works out the differences in its own words.
import { Alert, Badge, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

export interface FieldDifference {
  key: string;
  label: string;
  before: string;
  after: string;
}

export function StaleChangesDialog({
  opened,
  noun,
  updatedBy,
  theirChanges,
  myChanges,
  noChangesText,
  minWidth,
  reloadDisabled,
  onReload,
  onReapply,
  onClose,
  reapplying,
}: {
  opened: boolean;
  /** "alliance", "milestone", "KPI"… */
  noun: string;
  updatedBy?: string;
  /** What they changed since I started; null while their version is loading. */
  theirChanges: FieldDifference[] | null;
  myChanges: FieldDifference[];
  noChangesText: string;
  minWidth: number;
  reloadDisabled: boolean;
  onReload: () => void;
  onReapply: () => void;
  onClose: () => void;
  reapplying: boolean;
}) {
  const both = new Set(myChanges.map((c) => c.key).filter((key) => theirChanges?.some((t) => t.key === key)));
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      centered
      title={
        <Group gap="xs">
          <IconAlertTriangle size={20} color="var(--mantine-color-orange-6)" aria-hidden />
          <Text fw={650}>Someone else changed this {noun}</Text>
        </Group>
      }
    >
      <Stack gap="md">
        <Text size="sm">
          While you were editing, the {noun} was saved by {updatedBy ?? 'someone else'}. Nothing of yours has been
          saved yet. Here is what changed in the meantime:
        </Text>
        {!theirChanges ? (
          <Text size="sm" c="dimmed">
            Loading the latest version…
          </Text>
        ) : theirChanges.length === 0 ? (
          <Text size="sm" c="dimmed">
            {noChangesText}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={minWidth}>
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
                  const mine = myChanges.find((c) => c.key === change.key);
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
                      <Table.Td>{mine ? mine.after : <Text span c="dimmed">unchanged</Text>}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {myChanges.length > 0 && <Text size="sm">Your edits: {myChanges.map((c) => c.label).join(', ')}.</Text>}
        {both.size > 0 && (
          <Alert color="orange" variant="light">
            Re-applying keeps your value where you both changed the same field.
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onReload} disabled={reloadDisabled}>
            Reload and discard my edits
          </Button>
          <Button onClick={onReapply} loading={reapplying} disabled={theirChanges === null}>
            Re-apply my changes
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
