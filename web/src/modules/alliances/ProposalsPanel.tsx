// Proposed changes on the alliance's overview. A shared field (name, type, territory, parties…)
// changes only when every other party's manager accepts: each proposal shows who proposed what and
// why, field by field before and after, where each party's decision stands, and the buttons to
// accept, reject (with a reason) or withdraw. A notification's `?proposal=<id>` scrolls to it.
import { Alert, Badge, Button, Group, Modal, Paper, Stack, Table, Text, Textarea, ThemeIcon, Title, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconArrowBackUp, IconCheck, IconGitPullRequest, IconHourglass, IconX } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { fieldErrorsOf, problemMessage } from '../../api/problem';
import type { Alliance, Proposal, ProposalPartyDecision } from '../../api/types';
import { ErrorAlert, FormActions, LoadMore, PageLoader } from '../../ui/feedback';
import { formatDateTime, formatRelative } from '../../ui/format';
import {
  PARTY_DECISION_LABELS,
  PROPOSAL_STATUS_COLORS,
  PROPOSAL_STATUS_HELP,
  PROPOSAL_STATUS_LABELS,
} from '../../ui/labels';
import { changeRows, decisionSentence, joinNames, waitingFor } from './proposalModel';
import { decideProposal, refreshAfterProposal, useProposal, useProposals, withdrawProposal } from './proposals';
import { LinkifiedParts, LinkifiedText, WRAP_ANYWHERE } from '../../ui/LinkifiedText';

const DECISION_COLORS: Record<ProposalPartyDecision['decision'], string> = { pending: 'yellow', accepted: 'teal', rejected: 'red' };

function Nothing() {
  return (
    <Text span size="sm" c="dimmed" fs="italic">
      (empty)
    </Text>
  );
}

export function ProposalStatusBadge({ status }: { status: Proposal['status'] }) {
  return (
    <Tooltip label={PROPOSAL_STATUS_HELP[status]} withArrow multiline maw={280}>
      <Badge color={PROPOSAL_STATUS_COLORS[status]} variant="light" radius="sm" data-status={status} style={{ flexShrink: 0 }}>
        {PROPOSAL_STATUS_LABELS[status]}
      </Badge>
    </Tooltip>
  );
}

/** The field-by-field table: what each shared field was when proposed and what it would become. */
export function ProposalChangesTable({ proposal }: { proposal: Proposal }) {
  const rows = changeRows(proposal.changes);
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table verticalSpacing={6} horizontalSpacing="sm" withTableBorder aria-label="Proposed changes, before and after" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" w="24%">
              Field
            </Table.Th>
            <Table.Th scope="col">Before</Table.Th>
            <Table.Th scope="col" w={28} aria-hidden />
            <Table.Th scope="col">After</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key} data-change={row.key}>
              <Table.Th scope="row" fw={600}>
                <Text size="sm" fw={600}>
                  {row.label}
                </Text>
                {row.detail && (
                  <Text size="xs" c="dimmed" fw={400}>
                    {row.detail}
                  </Text>
                )}
              </Table.Th>
              <Table.Td>
                {row.before ? (
                  <LinkifiedText size="sm" c="dimmed" text={row.before} />
                ) : (
                  <Nothing />
                )}
              </Table.Td>
              <Table.Td aria-hidden c="dimmed">
                →
              </Table.Td>
              <Table.Td>
                {row.after ? (
                  <LinkifiedText size="sm" fw={500} text={row.after} />
                ) : (
                  <Nothing />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Decisions({ proposal }: { proposal: Proposal }) {
  if (proposal.decisions.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        No other party had to agree.
      </Text>
    );
  }
  return (
    <Stack gap={6} role="list" aria-label="Decisions by party">
      {proposal.decisions.map((d) => (
        <Group key={d.organization_id} gap="xs" wrap="nowrap" align="flex-start" role="listitem" data-decision={`${d.organization_name}:${d.decision}`}>
          <Badge
            color={DECISION_COLORS[d.decision]}
            variant={d.decision === 'pending' ? 'light' : 'filled'}
            radius="sm"
            autoContrast
            leftSection={
              d.decision === 'accepted' ? <IconCheck size={11} aria-hidden /> : d.decision === 'rejected' ? <IconX size={11} aria-hidden /> : <IconHourglass size={11} aria-hidden />
            }
            style={{ flexShrink: 0, minWidth: 'max-content' }}
          >
            {d.organization_name}: {PARTY_DECISION_LABELS[d.decision]}
          </Badge>
          {d.decision !== 'pending' && (
            <Text size="xs" c="dimmed" mt={2}>
              {decisionSentence(d)}
              {d.decision === 'rejected' && d.reason ? `: “${d.reason}”` : ''}
            </Text>
          )}
        </Group>
      ))}
    </Stack>
  );
}

function RejectForm({
  proposal,
  pending,
  error,
  onReject,
  onCancel,
}: {
  proposal: Proposal;
  pending: boolean;
  error: unknown;
  onReject: (reason: string) => void;
  onCancel: () => void;
}) {
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: {
      reason: (v: string) => (!v.trim() ? `Say why, so that ${proposal.organization_name} can follow the decision` : v.length > 2000 ? 'Use at most 2,000 characters' : null),
    },
  });
  const serverErrors = fieldErrorsOf(error);
  return (
    <form noValidate onSubmit={form.onSubmit((v) => onReject(v.reason.trim()))}>
      <Stack gap="md">
        <Text size="sm">
          The alliance stays as it is, and the proposal closes. {proposal.proposed_by_name} of {proposal.organization_name} reads your reason.
        </Text>
        <Textarea label="Reason" required autosize minRows={3} data-autofocus {...form.getInputProps('reason')} error={form.errors.reason ?? serverErrors.reason} />
        <FormActions
          error={error && !serverErrors.reason ? error : null}
          errorTitle="The decision was not recorded"
          onCancel={onCancel}
          submitLabel="Reject change"
          pending={pending}
        />
      </Stack>
    </form>
  );
}

export function ProposalCard({ alliance, proposal, highlighted = false }: { alliance: Alliance; proposal: Proposal; highlighted?: boolean }) {
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState(false);
  const mine = alliance.my_party.organization_name;
  // A notification's link lands here: bring the card into view once it is on the page.
  const scrollHere = useCallback((element: HTMLElement | null) => {
    element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, []);

  const onStale = (error: unknown) => {
    refreshAfterProposal(queryClient, alliance.id);
    if (error instanceof ApiError && error.status === 412) {
      notifications.show({
        color: 'orange',
        title: 'This proposed change has moved on',
        message: 'Someone decided on it or withdrew it while you were reading. It now shows as it is; look again before you decide.',
      });
      return true;
    }
    return false;
  };

  const decide = useMutation({
    mutationFn: (input: { decision: 'accept' | 'reject'; reason?: string }) => decideProposal(alliance.id, proposal, input.decision, input.reason),
    onSuccess: (saved, input) => {
      refreshAfterProposal(queryClient, alliance.id);
      setRejecting(false);
      const waiting = waitingFor(saved);
      notifications.show({
        color: input.decision === 'accept' ? 'teal' : 'gray',
        title: input.decision === 'accept' ? 'Accepted' : 'Rejected',
        message:
          input.decision === 'reject'
            ? 'The proposed change is rejected; the alliance stays as it is.'
            : saved.status === 'applied'
              ? 'Every party agreed: the change is applied to the alliance.'
              : `You accepted for ${mine}. Still waiting for ${joinNames(waiting)}.`,
      });
    },
    onError: (error, input) => {
      if (onStale(error)) {
        setRejecting(false);
        return;
      }
      // A rejection's problem shows in its dialog.
      if (input.decision === 'accept') notifications.show({ color: 'red', title: 'Not accepted', message: problemMessage(error) });
    },
  });

  const withdraw = useMutation({
    mutationFn: () => withdrawProposal(alliance.id, proposal),
    onSuccess: () => {
      refreshAfterProposal(queryClient, alliance.id);
      notifications.show({ color: 'gray', title: 'Withdrawn', message: 'The proposed change is withdrawn; the alliance stays as it is.' });
    },
    onError: (error) => {
      if (!onStale(error)) notifications.show({ color: 'red', title: 'Not withdrawn', message: problemMessage(error) });
    },
  });

  const waiting = waitingFor(proposal);
  const confirmAccept = () =>
    modals.openConfirmModal({
      title: 'Accept this change?',
      children: (
        <Text size="sm">
          {mine} agrees to the {proposal.changes.length === 1 ? 'change' : 'changes'} shown.{' '}
          {waiting.length <= 1
            ? 'Yours is the last decision needed: the change applies at once.'
            : `It applies once ${joinNames(waiting.filter((name) => name !== mine))} accept too.`}
        </Text>
      ),
      labels: { confirm: 'Accept change', cancel: 'Cancel' },
      confirmProps: { color: 'teal' },
      onConfirm: () => decide.mutate({ decision: 'accept' }),
    });
  const confirmWithdraw = () =>
    modals.openConfirmModal({
      title: 'Withdraw this proposed change?',
      children: <Text size="sm">The other parties will no longer be asked to decide, and the alliance stays as it is.</Text>,
      labels: { confirm: 'Withdraw', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () => withdraw.mutate(),
    });

  return (
    <Paper
      ref={highlighted ? scrollHere : undefined}
      withBorder
      radius="md"
      p="md"
      component="article"
      aria-label={`Change proposed by ${proposal.proposed_by_name}`}
      aria-current={highlighted ? 'true' : undefined}
      data-proposal-id={proposal.id}
      data-proposal-status={proposal.status}
      data-highlighted={highlighted || undefined}
      style={
        highlighted
          ? { borderColor: 'var(--mantine-color-indigo-5)', boxShadow: '0 0 0 2px var(--mantine-color-indigo-2)', scrollMarginTop: 80 }
          : undefined
      }
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text size="sm">
              <b>{proposal.proposed_by_name}</b> of {proposal.organization_name} proposed {proposal.changes.length === 1 ? 'a change' : 'changes'}
            </Text>
            <Text size="xs" c="dimmed" title={formatDateTime(proposal.created_at)}>
              {formatRelative(proposal.created_at)} · {formatDateTime(proposal.created_at)}
              {proposal.closed_at ? ` · closed ${formatDateTime(proposal.closed_at)}` : ''}
            </Text>
          </Stack>
          <ProposalStatusBadge status={proposal.status} />
        </Group>
        <Text size="sm" style={WRAP_ANYWHERE}>
          <Text span size="sm" fw={600}>
            Why:{' '}
          </Text>
          {proposal.reason ? (
            <LinkifiedParts text={proposal.reason} />
          ) : (
            <Text span size="sm" c="dimmed" fs="italic">
              no reason given
            </Text>
          )}
        </Text>
        <ProposalChangesTable proposal={proposal} />
        <Stack gap={6}>
          <Text size="xs" fw={600}>
            Decisions
          </Text>
          <Decisions proposal={proposal} />
        </Stack>
        {(proposal.can_decide || proposal.can_withdraw) && (
          <Group gap="xs" justify="flex-end">
            {proposal.can_withdraw && (
              <Button variant="default" size="xs" leftSection={<IconArrowBackUp size={14} aria-hidden />} onClick={confirmWithdraw} loading={withdraw.isPending}>
                Withdraw
              </Button>
            )}
            {proposal.can_decide && (
              <>
                <Button color="red" variant="light" size="xs" leftSection={<IconX size={14} aria-hidden />} onClick={() => setRejecting(true)} disabled={decide.isPending}>
                  Reject
                </Button>
                <Button color="teal" size="xs" leftSection={<IconCheck size={14} aria-hidden />} onClick={confirmAccept} loading={decide.isPending && !rejecting}>
                  Accept
                </Button>
              </>
            )}
          </Group>
        )}
      </Stack>
      <Modal opened={rejecting} onClose={() => setRejecting(false)} title="Reject the proposed change" centered>
        {rejecting && (
          <RejectForm
            proposal={proposal}
            pending={decide.isPending}
            error={decide.isError ? decide.error : null}
            onReject={(reason) => decide.mutate({ decision: 'reject', reason })}
            onCancel={() => setRejecting(false)}
          />
        )}
      </Modal>
    </Paper>
  );
}

function ClosedProposals({ alliance, exclude }: { alliance: Alliance; exclude: string | null }) {
  const closed = useProposals(alliance.id, 'closed');
  if (closed.isPending) return <PageLoader label="Loading closed proposals…" />;
  if (closed.isError) return <ErrorAlert error={closed.error} onRetry={() => void closed.refetch()} />;
  const items = closed.data.pages.flatMap((p) => p.items).filter((p) => p.id !== exclude);
  return (
    <Stack gap="sm" aria-label="Closed proposals" role="region">
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          No proposal has been closed yet.
        </Text>
      ) : (
        items.map((p) => <ProposalCard key={p.id} alliance={alliance} proposal={p} />)
      )}
      <LoadMore
        hasMore={!!closed.hasNextPage}
        loading={closed.isFetchingNextPage}
        onLoadMore={() => void closed.fetchNextPage()}
        shown={items.length}
        noun="closed proposal"
      />
    </Stack>
  );
}

/** The "Proposed changes" card of the overview; nothing while change control is not in play. */
export function ProposalsPanel({ alliance }: { alliance: Alliance }) {
  const [params] = useSearchParams();
  const linkedId = params.get('proposal');
  const [showClosed, setShowClosed] = useState(false);
  const open = useProposals(alliance.id, 'open');
  const openItems = open.data?.pages.flatMap((p) => p.items) ?? [];
  const linkedIsOpen = openItems.some((p) => p.id === linkedId);
  // A link to a proposal that is closed by now (applied, rejected…): show that one on its own.
  const linked = useProposal(alliance.id, linkedId && open.data && !linkedIsOpen ? linkedId : null);
  const linkedClosed = linkedIsOpen ? null : (linked.data ?? null);

  if (open.isPending) return alliance.open_proposals > 0 ? <PageLoader label="Loading proposed changes…" /> : null;
  if (open.isError) return <ErrorAlert error={open.error} title="Proposed changes could not be loaded" onRetry={() => void open.refetch()} />;
  if (openItems.length === 0 && !linkedClosed && !alliance.consent_required && !showClosed) return null;

  const others = alliance.parties.filter((p) => p.organization_id !== alliance.my_party.organization_id).map((p) => p.organization_name);
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="proposals-title" style={openItems.length ? { borderTop: '3px solid var(--mantine-color-yellow-5)' } : undefined}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Group gap="xs" wrap="nowrap" align="flex-start">
            <ThemeIcon variant="light" color={openItems.length ? 'yellow' : 'gray'} radius="xl" aria-hidden>
              <IconGitPullRequest size={16} />
            </ThemeIcon>
            <div>
              <Group gap="xs">
                <Title order={2} size="h4" id="proposals-title">
                  Proposed changes
                </Title>
                {openItems.length > 0 && (
                  <Badge color="yellow" variant="filled" radius="sm" autoContrast aria-label={`${openItems.length} waiting`}>
                    {openItems.length}
                  </Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed">
                {openItems.length > 0
                  ? 'The shared fields change once every other party’s manager accepts.'
                  : `No proposed change is waiting. Changes to the shared fields need the agreement of ${joinNames(others) || 'the other parties'}.`}
              </Text>
            </div>
          </Group>
          <Button variant="subtle" size="compact-sm" onClick={() => setShowClosed((v) => !v)} aria-expanded={showClosed}>
            {showClosed ? 'Hide closed proposals' : 'Show closed proposals'}
          </Button>
        </Group>
        {linkedClosed && (
          <Stack gap={6}>
            {linkedClosed.status !== 'open' && (
              <Alert variant="light" color="indigo" p="xs">
                <Text size="sm">The proposed change you followed is closed: {PROPOSAL_STATUS_HELP[linkedClosed.status]}</Text>
              </Alert>
            )}
            <ProposalCard alliance={alliance} proposal={linkedClosed} highlighted />
          </Stack>
        )}
        {openItems.map((p) => (
          <ProposalCard key={p.id} alliance={alliance} proposal={p} highlighted={p.id === linkedId} />
        ))}
        {open.hasNextPage && (
          <LoadMore hasMore loading={open.isFetchingNextPage} onLoadMore={() => void open.fetchNextPage()} shown={openItems.length} noun="open proposal" />
        )}
        {showClosed && <ClosedProposals alliance={alliance} exclude={linkedClosed?.id ?? null} />}
      </Stack>
    </Paper>
  );
}
