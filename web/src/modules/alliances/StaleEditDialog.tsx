// Shown when a save meets a newer version (412): what changed meanwhile, and the two ways out.
import { StaleChangesDialog } from '../../ui/StaleChangesDialog';
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
  return (
    <StaleChangesDialog
      opened={opened}
      noun="alliance"
      updatedBy={updatedBy}
      theirChanges={theirs ? differences(base, theirs) : null}
      myChanges={differences(base, mine)}
      noChangesText="No field you can edit here changed (for example, only the stage moved)."
      minWidth={560}
      reloadDisabled={false}
      onReload={onReload}
      onReapply={onReapply}
      onClose={onClose}
      reapplying={reapplying}
    />
  );
}
