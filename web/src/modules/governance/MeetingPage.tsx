// One meeting, as it is run: the agenda with the minutes of each item, attendance with the
// quorum check, each party's review of the minutes (and their revisions once final), the
// decisions and actions taken, the parties' briefs, and the calendar entry.
import { Accordion, Alert, Anchor, Badge, Button, Grid, Group, Modal, Paper, SegmentedControl, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowLeft, IconCheck, IconDownload, IconMessage, IconPencil, IconRefresh, IconVideo } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client';
import { problemMessage } from '../../api/problem';
import type { Alliance, Member } from '../../api/types';
import { ErrorAlert, FormActions, PageLoader, QueryView } from '../../ui/feedback';
import { formatDateTime } from '../../ui/format';
import { useSession } from '../auth/session';
import { canChangeRecord, canWriteRecords } from '../records/access';
import { recordFieldErrors } from '../records/forms';
import { useRecordAction } from '../records/recordForm';
import { ActionFormModal, ActionsTable } from './ActionsSection';
import { AgendaSection } from './Agenda';
import { CommitteeRoleBadge, MeetingStatusBadge, MinutesBadge, QuorumBadge, ReviewDecisionBadge } from './badges';
import { BriefsPanel } from './Briefs';
import { ROLE_ORDER } from './committees';
import { DecisionCard, DecisionFormModal } from './Decisions';
import { formatMeetingStart, formatMinutes } from './format';
import { ATTENDANCE_STATUS_LABELS, ATTENDANCE_STATUSES } from './labels';
import { MeetingFormModal } from './MeetingForm';
import { meetingSearch } from './links';
import { MeetingPart } from './MeetingPart';
import { fetchMeeting, meetingIcsUrl, meetingKey, recordAttendance, refreshGovernance, reviewMinutes, startMinutesRevision, useActions, useDecisions, useMeeting, useMinutesRevisions } from './queries';
import type { ActionItem, AttendanceStatus, Committee, CommitteeRole, Decision, Meeting } from './types';
import { LinkifiedParts, LinkifiedText, WRAP_ANYWHERE } from '../../ui/LinkifiedText';

// ------------------------------------------------------------------ attendance

export interface AttendanceRow {
  user_id: string;
  name: string;
  organization_id: string;
  organization_name: string;
  role: CommitteeRole | null;
  voting: boolean;
  /** Null while nothing is recorded for the person. */
  status: AttendanceStatus | null;
  delegate_name: string | null;
}

/**
 * Who is on the attendance list: every current member of the committee (recorded or not), and
 * anyone else recorded (a guest, or a member who has left since). By party, then role.
 */
export function attendanceRows(meeting: Meeting, committee: Committee | undefined, parties: readonly { organization_id: string }[]): AttendanceRow[] {
  const rows = new Map<string, AttendanceRow>();
  for (const m of committee?.members ?? []) {
    if (!m.current) continue;
    rows.set(m.user_id, {
      user_id: m.user_id,
      name: m.name,
      organization_id: m.organization_id,
      organization_name: m.organization_name,
      role: m.role,
      voting: m.voting,
      status: null,
      delegate_name: null,
    });
  }
  for (const a of meeting.attendance) {
    rows.set(a.user_id, {
      user_id: a.user_id,
      name: a.name,
      organization_id: a.organization_id,
      organization_name: a.organization_name,
      role: a.committee_role,
      voting: a.voting,
      status: a.status,
      delegate_name: a.delegate_name,
    });
  }
  const partyIndex = (id: string) => {
    const i = parties.findIndex((p) => p.organization_id === id);
    return i < 0 ? parties.length : i;
  };
  const roleIndex = (role: CommitteeRole | null) => (role ? ROLE_ORDER.indexOf(role) : ROLE_ORDER.length);
  return [...rows.values()].sort(
    (a, b) => partyIndex(a.organization_id) - partyIndex(b.organization_id) || roleIndex(a.role) - roleIndex(b.role) || a.name.localeCompare(b.name),
  );
}

type AttendanceChange = { user_id: string; status: AttendanceStatus; delegate_name?: string };

/** The attendance list to send after one person's change: everyone recorded, with the change. */
export function attendanceEntries(rows: AttendanceRow[], change: AttendanceChange) {
  return rows
    .map((row) => (row.user_id === change.user_id ? { ...row, status: change.status, delegate_name: change.delegate_name ?? null } : row))
    .filter((row): row is AttendanceRow & { status: AttendanceStatus } => row.status !== null)
    .map((row) => (row.status === 'delegate' ? { user_id: row.user_id, status: row.status, delegate_name: row.delegate_name ?? '' } : { user_id: row.user_id, status: row.status }));
}

/** Who was recorded how, in an order that does not matter: to tell whether attendance itself changed. */
function attendanceKey(meeting: Meeting) {
  return meeting.attendance
    .map((a) => `${a.user_id}:${a.status}:${a.delegate_name ?? ''}`)
    .sort()
    .join('|');
}

/**
 * Records one person's attendance against the meeting as the page shows it. When the meeting changed
 * meanwhile but its attendance did not (the jobs marked it held once its day ended, someone moved an
 * agenda item), the change is made again on the fresh meeting: only a change to the attendance itself
 * is someone else's edit to look at first.
 */
export async function recordAttendanceChange(
  alliance: Alliance,
  meeting: Meeting,
  committee: Committee | undefined,
  change: AttendanceChange,
) {
  const send = (m: Meeting) => recordAttendance(alliance.id, m.id, m.version, attendanceEntries(attendanceRows(m, committee, alliance.parties), change));
  try {
    return await send(meeting);
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 412)) throw error;
    const fresh = await fetchMeeting(alliance.id, meeting.id);
    if (attendanceKey(fresh) !== attendanceKey(meeting)) throw error;
    return send(fresh);
  }
}

function AttendanceLine({
  row,
  editable,
  pending,
  onChange,
}: {
  row: AttendanceRow;
  editable: boolean;
  pending: boolean;
  onChange: (change: AttendanceChange) => void;
}) {
  const [choosing, setChoosing] = useState(false);
  const [delegate, setDelegate] = useState(row.delegate_name ?? '');
  const shown = choosing ? 'delegate' : (row.status ?? '');
  return (
    <Stack gap={4} data-attendance={`${row.name}:${row.status ?? 'unrecorded'}`} role="listitem">
      <Group justify="space-between" gap="xs" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Text size="sm">{row.name}</Text>
          <Group gap={4}>
            {row.role ? <CommitteeRoleBadge role={row.role} size="xs" /> : <Badge size="xs" variant="outline" color="gray">Guest</Badge>}
          </Group>
        </div>
        {editable ? (
          <SegmentedControl
            size="xs"
            aria-label={`Attendance of ${row.name}`}
            disabled={pending}
            value={shown}
            data={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: ATTENDANCE_STATUS_LABELS[s] }))}
            onChange={(value) => {
              const status = value as AttendanceStatus;
              if (status === 'delegate') {
                setChoosing(true);
                return;
              }
              setChoosing(false);
              onChange({ user_id: row.user_id, status });
            }}
          />
        ) : (
          <Text size="sm" c={row.status === 'present' || row.status === 'delegate' ? undefined : 'dimmed'}>
            {row.status ? ATTENDANCE_STATUS_LABELS[row.status] : 'Not recorded'}
          </Text>
        )}
      </Group>
      {row.status === 'delegate' && !choosing && (
        <Text size="xs" c="dimmed">
          Represented by {row.delegate_name}
        </Text>
      )}
      {choosing && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!delegate.trim()) return;
            onChange({ user_id: row.user_id, status: 'delegate', delegate_name: delegate.trim() });
            setChoosing(false);
          }}
        >
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <TextInput
              size="xs"
              label={`Delegate for ${row.name}`}
              required
              value={delegate}
              onChange={(event) => setDelegate(event.currentTarget.value)}
              style={{ flex: 1 }}
              autoFocus
            />
            <Button size="xs" type="submit" disabled={!delegate.trim()} loading={pending}>
              Save
            </Button>
            <Button size="xs" variant="default" onClick={() => setChoosing(false)}>
              Cancel
            </Button>
          </Group>
        </form>
      )}
    </Stack>
  );
}

function AttendancePanel({ alliance, meeting, committee, editable }: { alliance: Alliance; meeting: Meeting; committee: Committee | undefined; editable: boolean }) {
  const queryClient = useQueryClient();
  const rows = attendanceRows(meeting, committee, alliance.parties);
  const save = useRecordAction({
    allianceId: alliance.id,
    action: (change: AttendanceChange) => recordAttendanceChange(alliance, meeting, committee, change),
    done: () => null,
    failed: 'Attendance not saved',
    onSuccess: (saved) => queryClient.setQueryData(meetingKey(alliance.id, meeting.id), saved),
    refresh: refreshGovernance,
  });
  const quorum = meeting.quorum;
  const byParty = new Map<string, AttendanceRow[]>();
  for (const row of rows) byParty.set(row.organization_name, [...(byParty.get(row.organization_name) ?? []), row]);
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="attendance-title">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5" id="attendance-title">
          Attendance
        </Title>
        <QuorumBadge quorum={quorum} />
      </Group>
      <Stack gap={2} mb="sm" role="status" aria-live="polite">
        {quorum.detail && (
          <Text size="xs" c={quorum.met ? 'dimmed' : 'red.8'}>
            {quorum.detail}
          </Text>
        )}
        {quorum.present_voting_by_party.map((p) => (
          <Text key={p.organization_id} size="xs" c="dimmed" data-quorum-party={p.organization_name}>
            {p.organization_name}: {p.present} of {p.voting_members} voting {p.voting_members === 1 ? 'member' : 'members'} present
          </Text>
        ))}
      </Stack>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          The committee has no members yet.
        </Text>
      ) : (
        <Stack gap="md">
          {[...byParty.entries()].map(([party, people]) => (
            <Stack key={party} gap={6} role="list" aria-label={`Attendance of ${party}`}>
              <Text size="xs" fw={700} tt="uppercase" c="dimmed">
                {party}
              </Text>
              {people.map((row) => (
                <AttendanceLine key={row.user_id} row={row} editable={editable} pending={save.isPending} onChange={(change) => save.mutate(change)} />
              ))}
            </Stack>
          ))}
        </Stack>
      )}
    </Paper>
  );
}

// ------------------------------------------------------------------ minutes review

function ReasonForm({
  label,
  description,
  submitLabel,
  onSubmit,
  pending,
  error,
  onClose,
}: {
  label: string;
  description?: string;
  submitLabel: string;
  onSubmit: (text: string) => void;
  pending: boolean;
  error: unknown;
  onClose: () => void;
}) {
  const form = useForm({
    mode: 'controlled',
    initialValues: { text: '' },
    validate: { text: (v: string) => (!v.trim() ? `Enter the ${label.toLowerCase()}` : v.length > 5000 ? 'Use at most 5,000 characters' : null) },
  });
  const errors = recordFieldErrors(error);
  const fieldError = Object.values(errors)[0];
  return (
    <form noValidate onSubmit={form.onSubmit((v) => onSubmit(v.text.trim()))}>
      <Stack gap="md">
        <Textarea label={label} description={description} required autosize minRows={3} data-autofocus {...form.getInputProps('text')} error={form.errors.text ?? fieldError} />
        <FormActions error={error && !fieldError ? error : null} onCancel={onClose} submitLabel={submitLabel} pending={pending} />
      </Stack>
    </form>
  );
}

function RevisionsList({ alliance, meeting }: { alliance: Alliance; meeting: Meeting }) {
  const revisions = useMinutesRevisions(alliance.id, meeting.id, meeting.minutes.revision > 1);
  if (meeting.minutes.revision <= 1) return null;
  if (revisions.isPending) return <PageLoader label="Loading earlier revisions…" />;
  if (revisions.isError) return <ErrorAlert error={revisions.error} onRetry={() => void revisions.refetch()} />;
  if (revisions.data.items.length === 0) return null;
  return (
    <Stack gap={4}>
      <Text size="xs" fw={600}>
        Earlier revisions
      </Text>
      <Accordion variant="separated" radius="md" chevronPosition="left">
        {[...revisions.data.items]
          .sort((a, b) => b.revision - a.revision)
          .map((r) => (
            <Accordion.Item key={r.revision} value={String(r.revision)}>
              <Accordion.Control>
                <Text size="sm">
                  Revision {r.revision} · final {formatDateTime(r.final_at)}
                </Text>
              </Accordion.Control>
              <Accordion.Panel>
                <Stack gap="xs">
                  {r.reason && (
                    <Text size="xs" c="dimmed" style={WRAP_ANYWHERE}>
                      Reopened because: <LinkifiedParts text={r.reason} />
                    </Text>
                  )}
                  {r.agenda.map((item, i) => (
                    <div key={`${item.title}-${i}`}>
                      <Text size="sm" fw={600}>
                        {i + 1}. {item.title}
                      </Text>
                      <LinkifiedText size="sm" c={item.minutes ? undefined : 'dimmed'} text={item.minutes || 'No minutes.'} />
                    </div>
                  ))}
                </Stack>
              </Accordion.Panel>
            </Accordion.Item>
          ))}
      </Accordion>
    </Stack>
  );
}

export function MinutesReviewPanel({ alliance, meeting }: { alliance: Alliance; meeting: Meeting }) {
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<'comment' | 'revision' | null>(null);
  const minutes = meeting.minutes;
  const final = minutes.state === 'final';
  const canRevise = minutes.can_revise;
  const nothingYet = meeting.agenda.length === 0;
  const setMeeting = (saved: Meeting) => queryClient.setQueryData(meetingKey(alliance.id, meeting.id), saved);
  const review = useRecordAction({
    allianceId: alliance.id,
    action: (input: { decision: 'approve' | 'comment'; comment?: string }) => reviewMinutes(alliance.id, meeting.id, meeting.version, input.decision, input.comment),
    done: (saved, input) =>
      input.decision === 'comment'
        ? `Your comment on the minutes is recorded for ${alliance.my_party.organization_name}.`
        : saved.minutes.state === 'final'
          ? 'Every party approved: the minutes are final.'
          : `You approved the minutes for ${alliance.my_party.organization_name}.`,
    failed: null,
    onSuccess: (saved) => {
      setMeeting(saved);
      setDialog(null);
    },
    refresh: refreshGovernance,
  });
  const revise = useRecordAction({
    allianceId: alliance.id,
    action: (reason: string) => startMinutesRevision(alliance.id, meeting.id, meeting.version, reason),
    done: (saved) => `Revision ${saved.minutes.revision} of the minutes is open for changes.`,
    failed: null,
    onSuccess: (saved) => {
      setMeeting(saved);
      setDialog(null);
    },
    refresh: refreshGovernance,
  });
  const stale = review.error instanceof ApiError && review.error.status === 412;
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="minutes-review-title">
      <Group justify="space-between" mb="xs" gap="xs">
        <Title order={3} size="h5" id="minutes-review-title">
          Minutes review
        </Title>
        <MinutesBadge minutes={minutes} />
      </Group>
      <Text size="xs" c="dimmed" mb="sm">
        {final
          ? `Final since ${formatDateTime(minutes.final_at)}: every party approved revision ${minutes.revision}.`
          : 'Each party’s chair, co-chair or secretary approves the minutes; they become final when every party has. Changing an item’s minutes asks every party again.'}
      </Text>
      <Stack gap="xs" role="list" aria-label="Reviews by party">
        {minutes.reviews.map((r) => (
          <Stack key={r.organization_id} gap={2} role="listitem" data-review={`${r.organization_name}:${r.decision ?? 'pending'}`}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" fw={500}>
                {r.organization_name}
              </Text>
              <ReviewDecisionBadge decision={r.decision} />
            </Group>
            {r.by_name && (
              <Text size="xs" c="dimmed">
                {r.by_name}
                {r.at ? `, ${formatDateTime(r.at)}` : ''}
              </Text>
            )}
            {r.comment && (
              <Text size="xs" style={WRAP_ANYWHERE}>
                “<LinkifiedParts text={r.comment} />”
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
      {!final && nothingYet && (
        <Text size="xs" c="dimmed" mt="sm">
          Nothing to approve yet: the meeting has no agenda and no minutes.
        </Text>
      )}
      {!final && !nothingYet && (
        <Stack gap={4} mt="sm">
          <Group gap="xs">
            <Button
              size="xs"
              color="green"
              leftSection={<IconCheck size={14} aria-hidden />}
              disabled={!minutes.can_review}
              loading={review.isPending && review.variables?.decision === 'approve'}
              onClick={() => review.mutate({ decision: 'approve' })}
            >
              Approve minutes
            </Button>
            <Button size="xs" variant="default" leftSection={<IconMessage size={14} aria-hidden />} disabled={!minutes.can_review} onClick={() => setDialog('comment')}>
              Comment
            </Button>
          </Group>
          {!minutes.can_review && (
            <Text size="xs" c="dimmed">
              Only your party’s chair, co-chair or secretary on the committee (or, without one, its alliance managers) reviews the minutes.
            </Text>
          )}
          {review.isError && dialog === null && (
            <Text size="xs" c="red.8" role="alert">
              {stale ? 'The meeting changed while you were reviewing: look at the minutes again, then approve.' : problemMessage(review.error)}
            </Text>
          )}
        </Stack>
      )}
      {final && canRevise && (
        <Button mt="sm" size="xs" variant="light" leftSection={<IconRefresh size={14} aria-hidden />} onClick={() => setDialog('revision')}>
          Start a new revision
        </Button>
      )}
      <Stack mt="sm">
        <RevisionsList alliance={alliance} meeting={meeting} />
      </Stack>
      <Modal opened={dialog === 'comment'} onClose={() => setDialog(null)} title="Comment on the minutes" centered>
        {dialog === 'comment' && (
          <ReasonForm
            label="Comment"
            description={`What ${alliance.my_party.organization_name} wants changed before approving.`}
            submitLabel="Send comment"
            pending={review.isPending}
            error={review.isError ? review.error : null}
            onSubmit={(comment) => review.mutate({ decision: 'comment', comment })}
            onClose={() => setDialog(null)}
          />
        )}
      </Modal>
      <Modal opened={dialog === 'revision'} onClose={() => setDialog(null)} title="Start a new revision of the minutes" centered>
        {dialog === 'revision' && (
          <ReasonForm
            label="Reason"
            description="The final text of this revision is kept; every party reviews the new one."
            submitLabel="Start revision"
            pending={revise.isPending}
            error={revise.isError ? revise.error : null}
            onSubmit={(reason) => revise.mutate(reason)}
            onClose={() => setDialog(null)}
          />
        )}
      </Modal>
    </Paper>
  );
}

// ------------------------------------------------------------------ decisions and actions of the meeting

function MeetingDecisions({
  alliance,
  meeting,
  committees,
  canWrite,
  deciding,
  setDeciding,
}: {
  alliance: Alliance;
  meeting: Meeting;
  committees: Committee[];
  canWrite: boolean;
  deciding: { agendaItemId: string | null; decision: Decision | null } | null;
  setDeciding: (value: { agendaItemId: string | null; decision: Decision | null } | null) => void;
}) {
  const decisions = useDecisions(alliance.id, { meeting_id: meeting.id });
  const itemTitle = (id: string | null) => meeting.agenda.find((i) => i.id === id)?.title;
  return (
    <MeetingPart
      id="meeting-decisions-title"
      title="Decisions"
      addLabel="Record a decision"
      onAdd={canWrite ? () => setDeciding({ agendaItemId: null, decision: null }) : undefined}
    >
      <QueryView
        query={decisions}
        empty={
          <Text size="sm" c="dimmed">
            No decision recorded in this meeting yet.
          </Text>
        }
      >
        {(list) =>
          list.map((d) => (
            <Stack key={d.id} gap={2}>
              {d.agenda_item_id && itemTitle(d.agenda_item_id) && (
                <Text size="xs" c="dimmed">
                  On “{itemTitle(d.agenda_item_id)}”
                </Text>
              )}
              <DecisionCard alliance={alliance} decision={d} committees={committees} showMeetingLink={false} onEdit={() => setDeciding({ agendaItemId: d.agenda_item_id, decision: d })} />
            </Stack>
          ))
        }
      </QueryView>
      <DecisionFormModal
        opened={deciding !== null}
        onClose={() => setDeciding(null)}
        alliance={alliance}
        committees={committees}
        decision={deciding?.decision ?? null}
        meeting={{ id: meeting.id, committee_id: meeting.committee_id, agenda: meeting.agenda, agendaItemId: deciding?.agendaItemId ?? null }}
      />
    </MeetingPart>
  );
}

function MeetingActions({ alliance, meeting, members, canWrite }: { alliance: Alliance; meeting: Meeting; members: Member[]; canWrite: boolean }) {
  const actions = useActions(alliance.id, { meeting_id: meeting.id });
  const [editing, setEditing] = useState<{ action: ActionItem | null } | null>(null);
  return (
    <MeetingPart
      id="meeting-actions-title"
      title="Actions"
      addLabel="Add action"
      onAdd={canWrite ? () => setEditing({ action: null }) : undefined}
    >
      <QueryView
        query={actions}
        empty={
          <Text size="sm" c="dimmed">
            No action from this meeting yet.
          </Text>
        }
      >
        {(list) => <ActionsTable alliance={alliance} items={list} onEdit={(action) => setEditing({ action })} label="Actions from this meeting" minWidth={560} />}
      </QueryView>
      <ActionFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        alliance={alliance}
        members={members}
        action={editing?.action ?? null}
        link={{ meeting_id: meeting.id }}
      />
    </MeetingPart>
  );
}

// ------------------------------------------------------------------ the page

export function MeetingPage({ alliance, meetingId, committees, members }: { alliance: Alliance; meetingId: string; committees: Committee[]; members: Member[] }) {
  const { user } = useSession();
  const [params] = useSearchParams();
  const meeting = useMeeting(alliance.id, meetingId);
  const [editing, setEditing] = useState(false);
  const [deciding, setDeciding] = useState<{ agendaItemId: string | null; decision: Decision | null } | null>(null);
  const back = (
    <Anchor component={Link} to={meetingSearch(params, null)} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        All meetings
      </Group>
    </Anchor>
  );
  if (meeting.isPending) return <PageLoader label="Opening the meeting…" />;
  if (meeting.isError) {
    return (
      <Stack gap="sm">
        {back}
        <ErrorAlert error={meeting.error} title="This meeting could not be opened" onRetry={() => void meeting.refetch()} />
      </Stack>
    );
  }
  const m = meeting.data;
  const committee = committees.find((c) => c.id === m.committee_id);
  const canChange = canChangeRecord(alliance, user.id, m);
  const canWrite = canWriteRecords(alliance);
  return (
    <Stack gap="md" data-meeting-page={m.title}>
      {back}
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={6} style={{ minWidth: 0 }}>
            <Title order={2} size="h3">
              {m.title}
            </Title>
            <Group gap="xs">
              <MeetingStatusBadge status={m.status} />
              <QuorumBadge quorum={m.quorum} />
              <MinutesBadge minutes={m.minutes} />
            </Group>
            <Text size="sm">
              {m.committee_name} · {formatMeetingStart(m.starts_at, m.time_zone)} · {formatMinutes(m.duration_minutes)}
              {m.location ? ` · ${m.location}` : ''}
            </Text>
            <Text size="xs" c="dimmed">
              Your time: {formatDateTime(m.starts_at)}
            </Text>
          </Stack>
          <Group gap="xs">
            {m.link && (
              <Button component="a" href={m.link} target="_blank" rel="noopener noreferrer" variant="light" leftSection={<IconVideo size={16} aria-hidden />}>
                Join online
              </Button>
            )}
            <Button component="a" href={meetingIcsUrl(alliance.id, m.id)} download variant="default" leftSection={<IconDownload size={16} aria-hidden />}>
              Download .ics
            </Button>
            {canChange && (
              <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
                Edit meeting
              </Button>
            )}
          </Group>
        </Group>
        {m.status === 'cancelled' && (
          <Alert color="gray" variant="light" mt="sm">
            This meeting was cancelled.
          </Alert>
        )}
      </Paper>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <AgendaSection
            alliance={alliance}
            meeting={m}
            members={members}
            canEdit={canChange}
            canWriteMinutes={m.minutes.can_write}
            canRevise={m.minutes.can_revise}
            canDecide={canWrite && committee !== undefined}
            onDecide={(agendaItemId) => setDeciding({ agendaItemId, decision: null })}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <AttendancePanel alliance={alliance} meeting={m} committee={committee} editable={m.minutes.can_write} />
            <MinutesReviewPanel alliance={alliance} meeting={m} />
          </Stack>
        </Grid.Col>
      </Grid>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <MeetingDecisions alliance={alliance} meeting={m} committees={committees} canWrite={canWrite && committee !== undefined} deciding={deciding} setDeciding={setDeciding} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 6 }}>
          <MeetingActions alliance={alliance} meeting={m} members={members} canWrite={canWrite} />
        </Grid.Col>
      </Grid>
      <BriefsPanel alliance={alliance} meeting={m} members={members} />
      <MeetingFormModal opened={editing} onClose={() => setEditing(false)} alliance={alliance} members={members} committees={committees} meeting={m} />
    </Stack>
  );
}
