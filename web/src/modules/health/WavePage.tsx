// One wave inside the Health tab: what it asks, of whom, when, how many of each party have
// answered, what I can do with it (answer, edit, close, delete), and its results once it has
// closed; until then, when they open.
import { Alert, Anchor, Button, Group, Modal, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconLock, IconPencil, IconTrash } from '@tabler/icons-react';
import { modals } from '@mantine/modals';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Alliance, Member } from '../../api/types';
import { ErrorAlert, PageLoader } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { useSession } from '../auth/session';
import { DELETE_WAVE_MESSAGE, useCloseWave, useDeleteWave, waveRights } from './actions';
import { PrivateWaveBadge, WaveStatusBadge } from './badges';
import { resultsOpenText, waveDays } from './format';
import { RESPONDENT_ROLE_LABELS } from './labels';
import { waveSearch } from './links';
import { MyAnswer } from './MyAnswer';
import { useWave } from './queries';
import type { HealthWave } from './types';
import { WaveForm } from './WaveForm';
import { WaveResults } from './WaveResults';

/** Per party: how many were asked and how many have answered; never who. */
export function ResponseCounts({ wave }: { wave: HealthWave }) {
  return (
    <Table.ScrollContainer minWidth={360}>
      <Table verticalSpacing={6} aria-label="Answers so far" maw={520}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Party</Table.Th>
            <Table.Th scope="col" ta="right">
              Asked
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Answered
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {wave.response_counts.map((c) => (
            <Table.Tr key={c.party_id} data-party={c.party_name}>
              <Table.Th scope="row" fw={500} fz="sm">
                {c.party_name}
              </Table.Th>
              <Table.Td ta="right">{c.invited}</Table.Td>
              <Table.Td ta="right">{c.submitted}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** Until the wave closes: when the results open, and how many have answered so far. */
function ResultsPending({ wave }: { wave: HealthWave }) {
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="wave-results-title">
      <Title order={3} size="h4" id="wave-results-title" mb={4}>
        Results
      </Title>
      <Text size="sm" mb="sm">
        {wave.status === 'scheduled' ? `The wave opens on ${formatDate(wave.opens_on)}. ` : ''}
        {resultsOpenText(wave)} Until then only how many people have answered is shown, never who.
      </Text>
      <ResponseCounts wave={wave} />
    </Paper>
  );
}

function WaveView({ alliance, wave, members, membersReady, back }: { alliance: Alliance; wave: HealthWave; members: Member[]; membersReady: boolean; back: string }) {
  const { user } = useSession();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const rights = waveRights(alliance, user.id, wave);
  const close = useCloseWave(alliance, wave);
  const remove = useDeleteWave(alliance, wave, () => navigate(back, { replace: true }));
  const asked = wave.respondents.length;
  return (
    <Stack gap="md" data-wave-page={wave.title}>
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={6} style={{ minWidth: 0, flex: '1 1 320px' }}>
            <Title order={2} size="h3">
              {wave.title}
            </Title>
            <Group gap="xs">
              <WaveStatusBadge status={wave.status} />
              {wave.visibility === 'party' && <PrivateWaveBadge ownerName={wave.owner_organization_name} />}
            </Group>
            <Text size="sm">
              {wave.bank_name} · {waveDays(wave)}
            </Text>
            <Text size="xs" c="dimmed">
              {asked} {asked === 1 ? 'person' : 'people'} asked
              {wave.my_role ? `, you among them as ${RESPONDENT_ROLE_LABELS[wave.my_role].toLowerCase()}` : ''}. Scheduled by {wave.author_name}.
            </Text>
          </Stack>
          <Group gap="xs">
            <MyAnswer allianceId={alliance.id} wave={wave} />
            {rights.edit && (
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)} disabled={!membersReady}>
                Edit wave
              </Button>
            )}
            {rights.close && (
              <Button variant="default" leftSection={<IconLock size={16} aria-hidden />} onClick={close.confirm} loading={close.pending}>
                Close now
              </Button>
            )}
            {rights.remove && (
              <Button
                variant="subtle"
                color="red"
                leftSection={<IconTrash size={16} aria-hidden />}
                onClick={() =>
                  modals.openConfirmModal({
                    title: `Delete “${wave.title}”?`,
                    children: <Text size="sm">{DELETE_WAVE_MESSAGE}</Text>,
                    labels: { confirm: 'Delete', cancel: 'Cancel' },
                    confirmProps: { color: 'red' },
                    onConfirm: remove,
                  })
                }
              >
                Delete
              </Button>
            )}
          </Group>
        </Group>
        {wave.locked && wave.status !== 'closed' && rights.edit && (
          <Alert color="gray" variant="light" mt="sm" role="note">
            People have started answering: the questions, the people asked and the thresholds are fixed.
          </Alert>
        )}
      </Paper>
      {wave.status === 'closed' ? <WaveResults alliance={alliance} wave={wave} members={members} membersReady={membersReady} /> : <ResultsPending wave={wave} />}
      <Modal opened={editing} onClose={() => setEditing(false)} title="Edit wave" size="xl" centered>
        {editing && <WaveForm alliance={alliance} members={members} wave={wave} onClose={() => setEditing(false)} />}
      </Modal>
    </Stack>
  );
}

export function WavePage({ alliance, waveId, members, membersReady }: { alliance: Alliance; waveId: string; members: Member[]; membersReady: boolean }) {
  const [params] = useSearchParams();
  const wave = useWave(alliance.id, waveId);
  const back = waveSearch(params, null);
  const backLink = (
    <Anchor component={Link} to={back} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        All waves
      </Group>
    </Anchor>
  );
  return (
    <Stack gap="sm">
      {backLink}
      {wave.isPending ? (
        <PageLoader label="Opening the wave…" />
      ) : wave.isError ? (
        <ErrorAlert error={wave.error} title="This wave could not be opened" onRetry={() => void wave.refetch()} />
      ) : (
        <WaveView alliance={alliance} wave={wave.data} members={members} membersReady={membersReady} back={back} />
      )}
    </Stack>
  );
}
