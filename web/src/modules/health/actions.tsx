// What may be done with a wave, and doing it: edit (its author or a manager of its party), close
// early (a manager, after a confirmation), delete (only before the first answer).
import { Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { Alliance } from '../../api/types';
import { canChangeRecord } from '../records/access';
import { useDeleteRecord, useRecordAction } from '../records/recordForm';
import { closeWave, deleteWave, refreshHealth } from './queries';
import type { HealthWave } from './types';

export function waveRights(alliance: Alliance, userId: string, wave: HealthWave) {
  const change = canChangeRecord(alliance, userId, wave);
  return {
    edit: change,
    close: change && alliance.my_role === 'manager' && wave.status !== 'closed',
    remove: change && !wave.locked,
  };
}

/** Managers schedule waves. */
export function canScheduleWaves(alliance: Alliance): boolean {
  return alliance.my_role === 'manager';
}

export function useCloseWave(alliance: Alliance, wave: HealthWave) {
  const close = useRecordAction({
    allianceId: alliance.id,
    action: () => closeWave(alliance.id, wave.id, wave.version),
    done: () => `“${wave.title}” is closed: its results are open.`,
    failed: 'The wave was not closed',
    refresh: refreshHealth,
  });
  const confirm = () =>
    modals.openConfirmModal({
      title: `Close “${wave.title}” now?`,
      children: (
        <Text size="sm">
          No more answers are taken, and the results open to everyone who can see the wave. {wave.i_submitted || wave.locked ? '' : 'Nobody has answered yet. '}
          A closed wave cannot be opened again.
        </Text>
      ),
      labels: { confirm: 'Close the wave', cancel: 'Keep it open' },
      onConfirm: () => close.mutate(undefined),
    });
  return { confirm, pending: close.isPending };
}

export function useDeleteWave(alliance: Alliance, wave: HealthWave, onDeleted?: () => void) {
  const remove = useDeleteRecord(alliance.id, wave.title, () => deleteWave(alliance.id, wave.id), (queryClient, allianceId) => {
    refreshHealth(queryClient, allianceId);
    onDeleted?.();
  });
  return () => remove.mutate();
}

export const DELETE_WAVE_MESSAGE = 'The people asked are no longer asked, and any answers they started are thrown away.';
