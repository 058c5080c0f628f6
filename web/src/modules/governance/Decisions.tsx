// A decision as the log and the meeting page show it: what was decided, by which body, and each
// party's consent (its position and its voting members' votes); voting, and for managers
// deferring, escalating and reopening. Also the form to propose or edit a decision.
import { Anchor, Autocomplete, Badge, Button, Group, Modal, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowBackUp, IconArrowUpRight, IconCheck, IconClockPause, IconMinus, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Alliance } from '../../api/types';
import { formatDate } from '../../ui/format';
import { DeleteMenuItem, EditMenuItem, RowMenu } from '../../ui/RowMenu';
import { useSession } from '../auth/session';
import { canChangeRecord } from '../records/access';
import { maxLength, recordFieldErrors, requiredText } from '../records/forms';
import { RecordFormFooter, submitRecord, useDeleteRecord, useRecordAction, useRecordSave } from '../records/recordForm';
import { patchOf, useStaleEdit, type FieldLabels } from '../records/stale';
import { FormActions } from '../../ui/feedback';
import { DecisionStateBadge } from './badges';
import { committeeOptions, isVotingMember } from './committees';
import { DECISION_STATE_LABELS, POSITION_COLORS, POSITION_LABELS, VOTE_LABELS } from './labels';
import { createDecision, deleteDecision, fetchDecision, refreshGovernance, setDecisionState, updateDecision, useDecisionRights, voteOnDecision } from './queries';
import type { AgendaItem, Committee, Decision, DecisionPartyVotes, VoteChoice } from './types';
import { LinkifiedParts, LinkifiedText, WRAP_ANYWHERE } from '../../ui/LinkifiedText';

interface DecisionValues {
  committee_id: string | null;
  title: string;
  decision_type: string;
  description: string;
  rationale: string;
  agenda_item_id: string | null;
}

function decisionToValues(d: Decision): DecisionValues {
  return {
    committee_id: d.committee_id,
    title: d.title,
    decision_type: d.decision_type,
    description: d.description,
    rationale: d.rationale,
    agenda_item_id: d.agenda_item_id,
  };
}

function decisionUpdateBody(v: DecisionValues) {
  return { title: v.title.trim(), decision_type: v.decision_type.trim(), description: v.description, rationale: v.rationale };
}

function DecisionForm({
  alliance,
  committees,
  decision,
  meeting,
  onClose,
}: {
  alliance: Alliance;
  committees: Committee[];
  decision: Decision | null;
  /** When the decision is taken in a meeting: its committee is the default and its agenda items can be named. */
  meeting?: { id: string; committee_id: string; agenda: AgendaItem[]; agendaItemId?: string | null } | null;
  onClose: () => void;
}) {
  const rights = useDecisionRights(alliance.id);
  const stale = useStaleEdit({
    record: decision,
    toValues: decisionToValues,
    fetchLatest: () => fetchDecision(alliance.id, decision?.id ?? ''),
  });
  const form = useForm<DecisionValues>({
    mode: 'controlled',
    initialValues: stale.base?.values ?? {
      committee_id: meeting?.committee_id ?? null,
      title: '',
      decision_type: '',
      description: '',
      rationale: '',
      agenda_item_id: meeting?.agendaItemId ?? null,
    },
    validateInputOnChange: ['title', 'description', 'rationale', 'decision_type'],
    validate: {
      committee_id: (v) => (v ? null : 'Choose the body that decides'),
      title: requiredText('decision', 200),
      decision_type: maxLength(200),
      description: maxLength(5000),
      rationale: maxLength(5000),
    },
  });
  const save = useRecordSave({
    allianceId: alliance.id,
    form,
    stale,
    create: (v) =>
      createDecision(alliance.id, {
        committee_id: v.committee_id ?? '',
        title: v.title.trim(),
        decision_type: v.decision_type.trim(),
        description: v.description,
        rationale: v.rationale,
        meeting_id: meeting?.id ?? null,
        agenda_item_id: meeting ? v.agenda_item_id : null,
        visibility: 'alliance',
      }),
    update: decision ? (version, base, values) => updateDecision(alliance.id, decision.id, version, patchOf(decisionUpdateBody(base), decisionUpdateBody(values))) : null,
    savedMessage: (saved) => (decision ? `“${saved.title}” is saved.` : `“${saved.title}” is proposed: the voting members can vote now.`),
    onClose,
    refresh: refreshGovernance,
  });
  const types = Array.from(new Set((rights.data ?? []).map((r) => r.decision_type)));
  const fields: FieldLabels<DecisionValues> = {
    title: { label: 'Decision' },
    decision_type: { label: 'Decision type' },
    description: { label: 'Description' },
    rationale: { label: 'Rationale' },
  };
  return (
    <form noValidate onSubmit={submitRecord(form, stale, save)}>
      <Stack gap="md">
        <TextInput label="Decision" required placeholder="e.g. Move to phase II in the EU" data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Decided by"
            required
            disabled={!!decision}
            searchable
            data={committeeOptions(committees)}
            {...form.getInputProps('committee_id')}
          />
          <Autocomplete label="Decision type" placeholder="From the decision rights, or your own" data={types} {...form.getInputProps('decision_type')} />
          {meeting && !decision && (
            <Select
              label="Agenda item"
              placeholder="Not tied to an item"
              clearable
              data={meeting.agenda.map((item) => ({ value: item.id, label: item.title }))}
              {...form.getInputProps('agenda_item_id')}
            />
          )}
        </SimpleGrid>
        <Textarea label="Description" autosize minRows={2} maxRows={8} {...form.getInputProps('description')} />
        <Textarea label="Rationale" description="Why: what a reader in a year needs to understand the decision." autosize minRows={2} maxRows={8} {...form.getInputProps('rationale')} />
        <Text size="xs" c="dimmed">
          Every party can read decisions: each party with voting members on the committee must consent.
        </Text>
        <RecordFormFooter
          noun="decision"
          fields={fields}
          form={form}
          stale={stale}
          save={save}
          errorTitle="The decision was not saved"
          submitLabel={decision ? 'Save decision' : 'Propose decision'}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

export function DecisionFormModal({
  opened,
  onClose,
  ...props
}: { opened: boolean; onClose: () => void } & Omit<Parameters<typeof DecisionForm>[0], 'onClose'>) {
  return (
    <Modal opened={opened} onClose={onClose} title={props.decision ? 'Edit decision' : 'Propose a decision'} size="lg" centered>
      {opened && <DecisionForm {...props} onClose={onClose} />}
    </Modal>
  );
}

/** Each party's position and the votes behind it, as a list a reader can follow. */
export function PartyConsent({ votes }: { votes: DecisionPartyVotes[] }) {
  if (votes.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        No party has voting members on this committee yet.
      </Text>
    );
  }
  return (
    <Stack gap={6} role="list" aria-label="Consent by party">
      {votes.map((party) => (
        <Group key={party.organization_id} gap="xs" wrap="nowrap" align="flex-start" role="listitem" data-consent={`${party.organization_name}:${party.position}`}>
          <Badge
            color={POSITION_COLORS[party.position]}
            variant={party.position === 'pending' ? 'light' : 'filled'}
            radius="sm"
            autoContrast
            leftSection={party.position === 'approved' ? <IconCheck size={11} aria-hidden /> : party.position === 'rejected' ? <IconX size={11} aria-hidden /> : undefined}
            style={{ flexShrink: 0, minWidth: 'max-content' }}
          >
            {party.organization_name}: {POSITION_LABELS[party.position]}
          </Badge>
          <Text size="xs" c="dimmed" mt={2}>
            {party.votes.length === 0
              ? 'No votes yet'
              : party.votes.map((v) => `${v.name}: ${VOTE_LABELS[v.vote].toLowerCase()}${v.comment ? ` (“${v.comment}”)` : ''}`).join(' · ')}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

function VoteForm({ alliance, decision, vote: initial, onClose }: { alliance: Alliance; decision: Decision; vote: VoteChoice; onClose: () => void }) {
  const form = useForm({ mode: 'controlled', initialValues: { vote: initial as string, comment: '' }, validate: { comment: maxLength(2000) } });
  const cast = useRecordAction({
    allianceId: alliance.id,
    action: (v: { vote: VoteChoice; comment: string }) => voteOnDecision(alliance.id, decision.id, decision.version, v.vote, v.comment.trim() || undefined),
    done: (saved, v) => `You voted ${VOTE_LABELS[v.vote].toLowerCase()} on “${decision.title}”${saved.state !== 'proposed' ? `: it is now ${DECISION_STATE_LABELS[saved.state].toLowerCase()}` : ''}.`,
    failed: null,
    onSuccess: onClose,
    onError: (error) => form.setErrors(recordFieldErrors(error)),
    refresh: refreshGovernance,
  });
  return (
    <form noValidate onSubmit={form.onSubmit((v) => cast.mutate({ vote: v.vote as VoteChoice, comment: v.comment }))}>
      <Stack gap="md">
        <Text size="sm">“{decision.title}” · {decision.committee_name}</Text>
        <SegmentedControl
          aria-label="Your vote"
          data={(['approve', 'reject', 'abstain'] as const).map((v) => ({ value: v, label: VOTE_LABELS[v] }))}
          {...form.getInputProps('vote')}
        />
        <Textarea label="Comment" description="Optional: say why, especially when you reject." autosize minRows={2} data-autofocus {...form.getInputProps('comment')} />
        <FormActions error={cast.isError ? cast.error : null} errorTitle="Your vote was not recorded" onCancel={onClose} submitLabel="Cast vote" pending={cast.isPending} />
      </Stack>
    </form>
  );
}

type StateChange = 'deferred' | 'escalated' | 'proposed';

const STATE_CHANGE_VERBS: Record<StateChange, string> = { deferred: 'Defer', escalated: 'Escalate', proposed: 'Reopen' };

function StateChangeForm({ alliance, decision, state, onClose }: { alliance: Alliance; decision: Decision; state: StateChange; onClose: () => void }) {
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: { reason: (v: string) => (!v.trim() ? 'Say why, for the decision log' : v.length > 2000 ? 'Use at most 2,000 characters' : null) },
  });
  const change = useRecordAction({
    allianceId: alliance.id,
    action: (reason: string) => setDecisionState(alliance.id, decision.id, decision.version, state, reason),
    done: (saved) => `“${saved.title}” is now ${DECISION_STATE_LABELS[saved.state].toLowerCase()}.`,
    failed: null,
    onSuccess: onClose,
    onError: (error) => form.setErrors(recordFieldErrors(error)),
    refresh: refreshGovernance,
  });
  return (
    <form noValidate onSubmit={form.onSubmit((v) => change.mutate(v.reason.trim()))}>
      <Stack gap="md">
        <Text size="sm">
          {state === 'proposed'
            ? `“${decision.title}” goes back to the voting members.`
            : state === 'deferred'
              ? `“${decision.title}” is put off; it can be reopened later.`
              : `“${decision.title}” goes to a higher body to decide.`}
        </Text>
        <Textarea label="Reason" required autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
        <FormActions error={change.isError ? change.error : null} onCancel={onClose} submitLabel={STATE_CHANGE_VERBS[state]} pending={change.isPending} />
      </Stack>
    </form>
  );
}

/** Which state changes a manager may make from a state. */
export function stateChangesFrom(state: Decision['state']): StateChange[] {
  switch (state) {
    case 'proposed':
      return ['deferred', 'escalated'];
    case 'deferred':
      return ['proposed', 'escalated'];
    case 'escalated':
      return ['proposed', 'deferred'];
    default:
      return [];
  }
}

const STATE_CHANGE_ICONS = { deferred: IconClockPause, escalated: IconArrowUpRight, proposed: IconArrowBackUp } as const;

export function DecisionCard({
  alliance,
  decision,
  committees,
  showMeetingLink = true,
  onEdit,
}: {
  alliance: Alliance;
  decision: Decision;
  committees: Committee[];
  showMeetingLink?: boolean;
  onEdit: () => void;
}) {
  const { user } = useSession();
  const [voting, setVoting] = useState<VoteChoice | null>(null);
  const [changing, setChanging] = useState<StateChange | null>(null);
  const remove = useDeleteRecord(alliance.id, decision.title, () => deleteDecision(alliance.id, decision.id), refreshGovernance);
  const committee = committees.find((c) => c.id === decision.committee_id);
  const canVote = decision.state === 'proposed' && isVotingMember(committee, user.id);
  const isManager = alliance.my_role === 'manager';
  const canChange = canChangeRecord(alliance, user.id, decision);
  const myVote = decision.votes.flatMap((p) => p.votes).find((v) => v.user_id === user.id);
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={decision.title} data-decision={decision.title}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Title order={3} size="h5">
              {decision.title}
            </Title>
            <DecisionStateBadge state={decision.state} />
            {decision.decision_type && (
              <Badge variant="outline" color="gray" radius="sm" tt="none">
                {decision.decision_type}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {decision.committee_name} · proposed {formatDate(decision.proposed_on)}
            {decision.decided_on ? ` · decided ${formatDate(decision.decided_on)}` : ''}
            {showMeetingLink && decision.meeting_id && (
              <>
                {' · '}
                <Anchor component={Link} to={`?section=meetings&meeting=${decision.meeting_id}`} size="xs">
                  from a meeting
                </Anchor>
              </>
            )}
          </Text>
        </Stack>
        {canChange && (
          <RowMenu name={decision.title}>
            {decision.state === 'proposed' && <EditMenuItem onClick={onEdit} />}
            <DeleteMenuItem title="Delete this decision?" message={<>“{decision.title}” and its votes will be removed from the log.</>} onConfirm={() => remove.mutate()} />
          </RowMenu>
        )}
      </Group>
      {decision.description && (
        <LinkifiedText size="sm" mt="xs" text={decision.description} />
      )}
      {decision.rationale && (
        <Text size="sm" mt="xs" style={WRAP_ANYWHERE}>
          <Text span fw={600} size="sm">
            Rationale:{' '}
          </Text>
          <LinkifiedParts text={decision.rationale} />
        </Text>
      )}
      <Stack gap={6} mt="sm">
        <Text size="xs" fw={600}>
          Consent
        </Text>
        <PartyConsent votes={decision.votes} />
      </Stack>
      {(canVote || (isManager && stateChangesFrom(decision.state).length > 0)) && (
        <Group gap="xs" mt="sm" justify="space-between">
          {canVote ? (
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                {myVote ? `You voted ${VOTE_LABELS[myVote.vote].toLowerCase()}. Change:` : 'Your vote:'}
              </Text>
              <Button size="compact-xs" color="green" variant="light" leftSection={<IconCheck size={12} aria-hidden />} onClick={() => setVoting('approve')} aria-label={`Vote approve on “${decision.title}”`}>
                Approve
              </Button>
              <Button size="compact-xs" color="red" variant="light" leftSection={<IconX size={12} aria-hidden />} onClick={() => setVoting('reject')} aria-label={`Vote reject on “${decision.title}”`}>
                Reject
              </Button>
              <Button size="compact-xs" color="gray" variant="light" leftSection={<IconMinus size={12} aria-hidden />} onClick={() => setVoting('abstain')} aria-label={`Abstain on “${decision.title}”`}>
                Abstain
              </Button>
            </Group>
          ) : (
            <span />
          )}
          {isManager && (
            <Group gap={6}>
              {stateChangesFrom(decision.state).map((state) => {
                const Icon = STATE_CHANGE_ICONS[state];
                return (
                  <Button
                    key={state}
                    size="compact-xs"
                    variant="default"
                    leftSection={<Icon size={12} aria-hidden />}
                    onClick={() => setChanging(state)}
                    aria-label={`${STATE_CHANGE_VERBS[state]} “${decision.title}”`}
                  >
                    {STATE_CHANGE_VERBS[state]}
                  </Button>
                );
              })}
            </Group>
          )}
        </Group>
      )}
      <Modal opened={voting !== null} onClose={() => setVoting(null)} title="Your vote" centered>
        {voting && <VoteForm alliance={alliance} decision={decision} vote={voting} onClose={() => setVoting(null)} />}
      </Modal>
      <Modal opened={changing !== null} onClose={() => setChanging(null)} title={changing ? `${STATE_CHANGE_VERBS[changing]} the decision` : ''} centered>
        {changing && <StateChangeForm alliance={alliance} decision={decision} state={changing} onClose={() => setChanging(null)} />}
      </Modal>
    </Paper>
  );
}
