// The Health tab: the alliance's health-assessment waves, each with its days, where it stands, how
// many of each party have answered and whether it waits for my answer, and once a wave has closed
// the trends across the closed waves; with `?wave=<id>` in the address, the page of one wave with
// its results.
import { Anchor, Button, Group, Menu, Modal, Paper, Stack, Table, Text } from '@mantine/core';
import { IconHeartbeat, IconLock, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Alliance, Member } from '../../api/types';
import { EmptyState, QueryView } from '../../ui/feedback';
import { DeleteMenuItem, EditMenuItem, RowActionsHeader, RowMenu } from '../../ui/RowMenu';
import { useSession } from '../auth/session';
import { useMembers } from '../team/queries';
import { canScheduleWaves, DELETE_WAVE_MESSAGE, useCloseWave, useDeleteWave, waveRights } from './actions';
import { PrivateWaveBadge, WaveStatusBadge } from './badges';
import { responseRate, waveDays } from './format';
import { waveSearch } from './links';
import { MyAnswer } from './MyAnswer';
import { TrendsSection } from './TrendsSection';
import { useWaves } from './queries';
import type { HealthWave } from './types';
import { WaveForm } from './WaveForm';
import { WavePage } from './WavePage';

function WaveRow({ alliance, wave, onEdit }: { alliance: Alliance; wave: HealthWave; onEdit: () => void }) {
  const { user } = useSession();
  const [params] = useSearchParams();
  const rights = waveRights(alliance, user.id, wave);
  const close = useCloseWave(alliance, wave);
  const remove = useDeleteWave(alliance, wave);
  return (
    <Table.Tr data-wave={wave.title}>
      <Table.Td miw={200}>
        <Anchor component={Link} to={waveSearch(params, wave.id)} fw={600} size="sm">
          {wave.title}
        </Anchor>
        <Group gap={6} mt={2}>
          <Text size="xs" c="dimmed">
            {wave.bank_name}
          </Text>
          {wave.visibility === 'party' && <PrivateWaveBadge size="xs" ownerName={wave.owner_organization_name} />}
        </Group>
      </Table.Td>
      <Table.Td fz="sm" miw={150}>
        {waveDays(wave)}
      </Table.Td>
      <Table.Td>
        <WaveStatusBadge status={wave.status} />
      </Table.Td>
      <Table.Td fz="sm" miw={160}>
        {responseRate(wave.response_counts)}
      </Table.Td>
      <Table.Td>
        <MyAnswer allianceId={alliance.id} wave={wave} />
      </Table.Td>
      <Table.Td>
        {(rights.edit || rights.close || rights.remove) && (
          <RowMenu name={wave.title}>
            {rights.edit && <EditMenuItem onClick={onEdit} />}
            {rights.close && (
              <Menu.Item leftSection={<IconLock size={16} />} onClick={close.confirm}>
                Close now
              </Menu.Item>
            )}
            {rights.remove && <DeleteMenuItem title={`Delete “${wave.title}”?`} message={DELETE_WAVE_MESSAGE} onConfirm={remove} />}
          </RowMenu>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function WavesSection({ alliance, members, membersReady }: { alliance: Alliance; members: Member[]; membersReady: boolean }) {
  const waves = useWaves(alliance.id);
  const [editing, setEditing] = useState<{ wave: HealthWave | null } | null>(null);
  const canSchedule = canScheduleWaves(alliance);
  const newWave = canSchedule && (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ wave: null })} disabled={!membersReady}>
      New wave
    </Button>
  );
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="sm" c="dimmed" maw={640}>
          Each wave asks people of every party the same questions about how the alliance is doing. Answers are anonymous; results show each
          party’s view side by side once the wave closes.
        </Text>
        {newWave}
      </Group>
      <QueryView
        query={waves}
        loaderLabel="Loading the health assessments…"
        empty={
          <EmptyState title="No health assessment yet" icon={<IconHeartbeat aria-hidden />}>
            {canSchedule
              ? 'Schedule a wave to ask people of every party how the alliance is doing: trust, communication, governance and more.'
              : 'When a manager schedules a wave, it appears here, and you can answer it if you are asked.'}
          </EmptyState>
        }
      >
        {(list) => (
          <>
            <Paper withBorder radius="md">
              <Table.ScrollContainer minWidth={780}>
                <Table verticalSpacing="sm" aria-label="Health assessment waves">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Wave</Table.Th>
                      <Table.Th scope="col">Days</Table.Th>
                      <Table.Th scope="col">Status</Table.Th>
                      <Table.Th scope="col">Answered</Table.Th>
                      <Table.Th scope="col">You</Table.Th>
                      <RowActionsHeader />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {/* The API lists them oldest first; the latest wave is the one people look for. */}
                    {[...list].reverse().map((w) => (
                      <WaveRow key={w.id} alliance={alliance} wave={w} onEdit={() => setEditing({ wave: w })} />
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            {list.some((w) => w.status === 'closed') && <TrendsSection allianceId={alliance.id} />}
          </>
        )}
      </QueryView>
      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.wave ? 'Edit wave' : 'New health-assessment wave'} size="xl" centered>
        {editing && <WaveForm alliance={alliance} members={members} wave={editing.wave} onClose={() => setEditing(null)} />}
      </Modal>
    </Stack>
  );
}

export function HealthPanel({ alliance }: { alliance: Alliance }) {
  const [params] = useSearchParams();
  const members = useMembers(alliance.id);
  const waveId = params.get('wave');
  const people = members.data?.items ?? [];
  if (waveId) return <WavePage alliance={alliance} waveId={waveId} members={people} membersReady={members.isSuccess} />;
  return <WavesSection alliance={alliance} members={people} membersReady={members.isSuccess} />;
}
