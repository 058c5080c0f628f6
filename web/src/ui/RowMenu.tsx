// The "…" menu at the end of a row or card: Edit, Delete (after a confirmation) and the like.
import { ActionIcon, Menu, Table, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDots, IconPencil, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** `name` is the record's own name, for the button's accessible name ("Actions for “…”"). */
export function RowMenu({ name, children }: { name: string; children: ReactNode }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={`Actions for “${name}”`}>
          <IconDots size={18} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>{children}</Menu.Dropdown>
    </Menu>
  );
}

/** The header of a table's last column, where each row has its menu (and other buttons). */
export function RowActionsHeader({ width = 48 }: { width?: number }) {
  return (
    <Table.Th scope="col" w={width}>
      <span className="visually-hidden">Actions</span>
    </Table.Th>
  );
}

export function EditMenuItem({ onClick, label = 'Edit' }: { onClick: () => void; label?: string }) {
  return (
    <Menu.Item leftSection={<IconPencil size={16} />} onClick={onClick}>
      {label}
    </Menu.Item>
  );
}

/** Asks first: `title` is the confirmation's question, `message` what deleting does. */
export function DeleteMenuItem({ title, message, onConfirm }: { title: string; message: ReactNode; onConfirm: () => void }) {
  return (
    <Menu.Item
      color="red"
      leftSection={<IconTrash size={16} />}
      onClick={() =>
        modals.openConfirmModal({
          title,
          children: <Text size="sm">{message}</Text>,
          labels: { confirm: 'Delete', cancel: 'Cancel' },
          confirmProps: { color: 'red' },
          onConfirm,
        })
      }
    >
      Delete
    </Menu.Item>
  );
}
