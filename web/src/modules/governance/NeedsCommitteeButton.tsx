// The button that adds a record belonging to a committee (a decision right, a meeting, a
// decision): disabled, saying why, while the alliance has no committee.
import { Button, Tooltip } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export function NeedsCommitteeButton({ committees, onClick, children }: { committees: readonly unknown[]; onClick: () => void; children: ReactNode }) {
  return (
    <Tooltip label="Add a committee first" disabled={committees.length > 0} withArrow>
      <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onClick} disabled={committees.length === 0}>
        {children}
      </Button>
    </Tooltip>
  );
}
