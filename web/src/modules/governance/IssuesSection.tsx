// The problem-resolution register: each open issue at a level of its escalation path, with the
// days it has left there before it escalates on its own; raising, escalating by hand, resolving
// with who agreed, and the history of levels.
import { Alert, Badge, Button, Drawer, Group, Menu, Modal, MultiSelect, Paper, Select, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Timeline, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle, IconArrowUpRight, IconCheck, IconCircleCheck, IconFlag, IconHistory, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Alliance, Member, Visibility } from '../../api/types';
import { VisibilityBadge } from '../../ui/badges';
import { EmptyState, FormActions, QueryView } from '../../ui/feedback';
import { FilterSelect } from '../../ui/FilterSelect';
import { formatDate } from '../../ui/format';
import { options } from '../../ui/labels';
import { DeleteMenuItem, EditMenuItem, RowActionsHeader, RowMenu } from '../../ui/RowMenu';
import { useSession } from '../auth/session';
import { AccessFields } from '../records/AccessFields';
import { canChangeRecord, canWriteRecords, partyName, partyOptions, readerOptions } from '../records/access';
import { accessBody, maxLength, readersRule, recordFieldErrors, requiredText } from '../records/forms';
import { RecordFormFooter, submitRecord, useDeleteRecord, useRecordAction, useRecordSave } from '../records/recordForm';
import { patchOf, useStaleEdit, type FieldLabels } from '../records/stale';
import { Countdown, EscalationPath, SeverityBadge } from './badges';
import { formatEscalationPath } from './format';
import { issueStepTitle, ISSUE_SEVERITIES, ISSUE_SEVERITY_LABELS, ISSUE_STATUS_LABELS, ISSUE_STATUSES } from './labels';
import { createIssue, deleteIssue, escalateIssue, fetchIssue, refreshGovernance, resolveIssue, updateIssue, useDecisionRights, useIssue, useIssueHistory, useIssues, type IssueFilters } from './queries';
import type { GovernanceIssue, IssueSeverity, IssueStatus } from './types';
import { LinkifiedText } from '../../ui/LinkifiedText';

interface IssueValues {
  title: string;
  description: string;
  severity: IssueSeverity;
  party_ids: string[];
  decision_right_id: string | null;
  party_id: string | null;
  visibility: Visibility;
  readers: string[];
}

function issueToValues(i: GovernanceIssue): IssueValues {
  return {
    title: i.title,
    description: i.description,
    severity: i.severity,
    party_ids: [...i.party_ids],
    decision_right_id: i.decision_right_id,
    party_id: i.party_id,
    visibility: i.visibility,
    readers: [...i.readers],
  };
}

function issueUpdateBody(v: IssueValues) {
  return { title: v.title.trim(), description: v.description, severity: v.severity, party_ids: v.party_ids, party_id: v.party_id ?? undefined, ...accessBody(v) };
}

function IssueForm({ alliance, members, issue, onClose }: { alliance: Alliance; members: Member[]; issue: GovernanceIssue | null; onClose: () => void }) {
  const rights = useDecisionRights(alliance.id);
  const stale = useStaleEdit({ record: issue, toValues: issueToValues, fetchLatest: () => fetchIssue(alliance.id, issue?.id ?? '') });
  const form = useForm<IssueValues>({
    mode: 'controlled',
    initialValues: stale.base?.values ?? {
      title: '',
      description: '',
      severity: 'medium',
      party_ids: alliance.parties.map((p) => p.organization_id),
      decision_right_id: null,
      party_id: alliance.my_party.organization_id,
      visibility: 'alliance',
      readers: [],
    },
    validateInputOnChange: ['title', 'description'],
    validate: {
      title: requiredText('title', 200),
      description: maxLength(5000),
      party_ids: (v) => (v.length ? null : 'Choose the parties involved'),
      decision_right_id: (v) => (issue || v ? null : 'Choose the decision right whose path the issue follows'),
      readers: readersRule,
    },
  });
  const save = useRecordSave({
    allianceId: alliance.id,
    form,
    stale,
    create: (v) => createIssue(alliance.id, { ...issueUpdateBody(v), decision_right_id: v.decision_right_id ?? '' }),
    update: issue ? (version, base, values) => updateIssue(alliance.id, issue.id, version, patchOf(issueUpdateBody(base), issueUpdateBody(values))) : null,
    savedMessage: (saved) => (issue ? `“${saved.title}” is saved.` : `“${saved.title}” is raised at ${saved.current_level_name}.`),
    onClose,
    refresh: refreshGovernance,
  });
  const right = rights.data?.find((r) => r.id === form.values.decision_right_id);
  const fields: FieldLabels<IssueValues> = {
    title: { label: 'Title' },
    description: { label: 'Description' },
    severity: { label: 'Severity', show: (v) => ISSUE_SEVERITY_LABELS[v] },
    party_ids: { label: 'Parties involved', show: (v) => v.map((id) => partyName(alliance, id)).join(', ') },
    visibility: { label: 'Who can read it' },
  };
  return (
    <form noValidate onSubmit={submitRecord(form, stale, save)}>
      <Stack gap="md">
        <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select label="Severity" required allowDeselect={false} data={options(ISSUE_SEVERITIES, ISSUE_SEVERITY_LABELS)} {...form.getInputProps('severity')} />
          <MultiSelect label="Parties involved" required data={partyOptions(alliance)} {...form.getInputProps('party_ids')} />
        </SimpleGrid>
        <Textarea label="Description" autosize minRows={2} maxRows={8} {...form.getInputProps('description')} />
        {issue ? (
          <div>
            <Text size="sm" fw={500}>
              Escalation path
            </Text>
            <Text size="xs" c="dimmed" mb={4}>
              Set when the issue was raised.
            </Text>
            <EscalationPath levels={issue.levels} current={issue.current_level} />
          </div>
        ) : (
          <Stack gap={6}>
            <Select
              label="Decision right"
              description="The issue follows this right’s escalation path, starting at its first level."
              required
              searchable
              placeholder={rights.data?.length === 0 ? 'Add decision rights first' : 'Choose a decision right'}
              data={(rights.data ?? []).map((r) => ({ value: r.id, label: `${r.decision_type} — ${formatEscalationPath(r.levels)}` }))}
              {...form.getInputProps('decision_right_id')}
            />
            {right && <EscalationPath levels={right.levels} current={0} />}
          </Stack>
        )}
        <Select label="Owner party" required allowDeselect={false} data={partyOptions(alliance)} {...form.getInputProps('party_id')} />
        <AccessFields form={form} alliance={alliance} members={members} record={issue} />
        <RecordFormFooter
          noun="issue"
          fields={fields}
          form={form}
          stale={stale}
          save={save}
          errorTitle="The issue was not saved"
          submitLabel={issue ? 'Save issue' : 'Raise issue'}
          onCancel={onClose}
        />
      </Stack>
    </form>
  );
}

function EscalateForm({ alliance, issue, onClose }: { alliance: Alliance; issue: GovernanceIssue; onClose: () => void }) {
  const next = issue.levels[issue.current_level + 1];
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '' },
    validate: { reason: (v: string) => (!v.trim() ? 'Say why it cannot wait' : v.length > 2000 ? 'Use at most 2,000 characters' : null) },
  });
  const escalate = useRecordAction({
    allianceId: alliance.id,
    action: (reason: string) => escalateIssue(alliance.id, issue.id, issue.version, reason),
    done: (saved) => `“${saved.title}” is now at ${saved.current_level_name}.`,
    failed: null,
    onSuccess: onClose,
    onError: (error) => form.setErrors(recordFieldErrors(error)),
    refresh: refreshGovernance,
  });
  if (!next) {
    return (
      <Stack gap="md">
        <Alert color="orange" variant="light">
          “{issue.title}” is at the last level of its path ({issue.current_level_name}): it can only be resolved there.
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>Close</Button>
        </Group>
      </Stack>
    );
  }
  return (
    <form noValidate onSubmit={form.onSubmit((v) => escalate.mutate(v.reason.trim()))}>
      <Stack gap="md">
        <Text size="sm">
          “{issue.title}” moves now from <strong>{issue.current_level_name}</strong> to <strong>{next.name}</strong>, which has {next.days} days to settle it.
        </Text>
        <EscalationPath levels={issue.levels} current={issue.current_level} />
        <Textarea label="Reason" required autosize minRows={2} data-autofocus {...form.getInputProps('reason')} />
        <FormActions error={escalate.isError ? escalate.error : null} errorTitle="Not escalated" onCancel={onClose} submitLabel="Escalate" pending={escalate.isPending} />
      </Stack>
    </form>
  );
}

function ResolveForm({ alliance, members, issue, onClose }: { alliance: Alliance; members: Member[]; issue: GovernanceIssue; onClose: () => void }) {
  const form = useForm({
    mode: 'controlled',
    initialValues: { outcome: '', agreed_by: [] as string[] },
    validate: {
      outcome: requiredText('outcome', 5000),
      agreed_by: (v: string[]) => (v.length ? null : 'Choose at least one person who agreed'),
    },
  });
  const resolve = useRecordAction({
    allianceId: alliance.id,
    action: (v: { outcome: string; agreed_by: string[] }) => resolveIssue(alliance.id, issue.id, issue.version, v),
    done: (saved) => `“${saved.title}” is resolved.`,
    failed: null,
    onSuccess: onClose,
    onError: (error) => form.setErrors(recordFieldErrors(error)),
    refresh: refreshGovernance,
  });
  return (
    <form noValidate onSubmit={form.onSubmit((v) => resolve.mutate({ outcome: v.outcome.trim(), agreed_by: v.agreed_by }))}>
      <Stack gap="md">
        <Textarea label="Outcome" description="What was agreed." required autosize minRows={3} data-autofocus {...form.getInputProps('outcome')} />
        <MultiSelect
          label="Agreed by"
          description="The people who agreed to the outcome, ideally from every party involved."
          required
          searchable
          data={readerOptions(alliance, members)}
          {...form.getInputProps('agreed_by')}
        />
        <FormActions error={resolve.isError ? resolve.error : null} errorTitle="Not resolved" onCancel={onClose} submitLabel="Resolve issue" pending={resolve.isPending} />
      </Stack>
    </form>
  );
}

/** How the issue moved along its path: raised, escalated (by whom, or automatically), resolved. */
export function IssueHistoryDrawer({ alliance, issue, onClose }: { alliance: Alliance; issue: GovernanceIssue | null; onClose: () => void }) {
  const history = useIssueHistory(alliance.id, issue?.id ?? null);
  return (
    <Drawer opened={issue !== null} onClose={onClose} position="right" size="md" title={issue ? `History of “${issue.title}”` : ''}>
      {issue && (
        <Stack gap="md">
          {issue.description && <LinkifiedText size="sm" text={issue.description} />}
          <EscalationPath levels={issue.levels} current={issue.status === 'open' ? issue.current_level : undefined} />
          {issue.resolution && (
            <Paper withBorder p="sm" radius="md" bg="var(--mantine-color-green-0)">
              <Text size="sm" fw={600}>
                Resolved {formatDate(issue.resolution.resolved_on)}
              </Text>
              <LinkifiedText size="sm" text={issue.resolution.outcome} />
              <Text size="xs" c="dimmed" mt={4}>
                Agreed by {issue.resolution.agreed_by.map((a) => `${a.name}${partyName(alliance, a.organization_id) ? ` (${partyName(alliance, a.organization_id)})` : ''}`).join(', ')}
              </Text>
            </Paper>
          )}
          <QueryView
            query={history}
            isEmpty={(data) => data.items.length === 0}
            empty={<EmptyState title="No history recorded" />}
          >
            {(data) => (
              <Timeline active={data.items.length - 1} bulletSize={22} lineWidth={2} aria-label="Levels, oldest first">
                {data.items.map((entry, i) => (
                  <Timeline.Item
                    key={`${entry.entered_on}-${i}`}
                    color={entry.reason === 'resolved' ? 'green' : entry.reason === 'automatic' ? 'red' : entry.reason === 'manual' ? 'orange' : 'indigo'}
                    bullet={entry.reason === 'resolved' ? <IconCheck size={12} aria-hidden /> : entry.reason === 'raised' ? <IconFlag size={12} aria-hidden /> : <IconArrowUpRight size={12} aria-hidden />}
                    title={
                      <Text size="sm" fw={600} component="div">
                        {issueStepTitle(entry.reason, entry.level_name)}
                      </Text>
                    }
                  >
                    <Text size="xs" c="dimmed">
                      {formatDate(entry.entered_on)}
                      {entry.reason !== 'resolved' ? ` · due ${formatDate(entry.due_on)}` : ''}
                      {entry.by_name ? ` · ${entry.by_name}` : entry.reason === 'automatic' ? ' · Northstar' : ''}
                    </Text>
                    {entry.note && (
                      <LinkifiedText size="sm" mt={2} text={entry.note} />
                    )}
                  </Timeline.Item>
                ))}
              </Timeline>
            )}
          </QueryView>
        </Stack>
      )}
    </Drawer>
  );
}

function IssueRow({
  alliance,
  issue,
  canChange,
  canWrite,
  onEdit,
  onEscalate,
  onResolve,
  onHistory,
}: {
  alliance: Alliance;
  issue: GovernanceIssue;
  canChange: boolean;
  canWrite: boolean;
  onEdit: () => void;
  onEscalate: () => void;
  onResolve: () => void;
  onHistory: () => void;
}) {
  const remove = useDeleteRecord(alliance.id, issue.title, () => deleteIssue(alliance.id, issue.id), refreshGovernance);
  const open = issue.status === 'open';
  const last = issue.current_level >= issue.levels.length - 1;
  return (
    <Table.Tr data-issue={issue.title}>
      <Table.Td miw={200}>
        <Group gap={6}>
          <Text size="sm" fw={600}>
            {issue.title}
          </Text>
          {issue.visibility !== 'alliance' && <VisibilityBadge size="xs" visibility={issue.visibility} ownerOrganizationName={issue.owner_organization_name} />}
        </Group>
        <Text size="xs" c="dimmed">
          Raised {formatDate(issue.raised_on)} by {issue.raised_by_name}
        </Text>
      </Table.Td>
      <Table.Td>
        <SeverityBadge severity={issue.severity} />
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {issue.party_ids.map((id) => (
            <Badge key={id} size="sm" variant="outline" color="gray" radius="sm" tt="none">
              {partyName(alliance, id) || 'Another party'}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{issue.current_level_name}</Text>
        <Text size="xs" c="dimmed">
          Level {issue.current_level + 1} of {issue.levels.length}
        </Text>
      </Table.Td>
      <Table.Td>
        {open ? (
          <Tooltip label={`Due ${formatDate(issue.level_due_on)}${last ? ' (last level)' : ', then it escalates'}`} withArrow>
            <span tabIndex={0}>
              <Countdown daysLeft={issue.days_left} />
            </span>
          </Tooltip>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge color={open ? 'blue' : 'green'} variant="light" radius="sm" leftSection={open ? undefined : <IconCircleCheck size={12} aria-hidden />}>
          {ISSUE_STATUS_LABELS[issue.status]}
        </Badge>
      </Table.Td>
      <Table.Td>
        <RowMenu name={issue.title}>
          <Menu.Item leftSection={<IconHistory size={16} />} onClick={onHistory}>
            History
          </Menu.Item>
          {open && canWrite && !last && (
            <Menu.Item leftSection={<IconArrowUpRight size={16} />} onClick={onEscalate}>
              Escalate
            </Menu.Item>
          )}
          {open && canWrite && (
            <Menu.Item leftSection={<IconCheck size={16} />} onClick={onResolve}>
              Resolve
            </Menu.Item>
          )}
          {open && canChange && <EditMenuItem onClick={onEdit} />}
          {canChange && (
            <DeleteMenuItem title="Delete this issue?" message={<>“{issue.title}” and its history will be removed from the register.</>} onConfirm={() => remove.mutate()} />
          )}
        </RowMenu>
      </Table.Td>
    </Table.Tr>
  );
}

type Dialog = { kind: 'edit'; issue: GovernanceIssue | null } | { kind: 'escalate' | 'resolve'; issue: GovernanceIssue };

export function IssuesSection({ alliance, members }: { alliance: Alliance; members: Member[] }) {
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const [filters, setFilters] = useState<IssueFilters>({ status: 'open' });
  const issues = useIssues(alliance.id, filters);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const canWrite = canWriteRecords(alliance);
  // `?issue=<id>` (the link of an escalation notification) opens the issue's history.
  const historyId = params.get('issue');
  const listed = historyId ? issues.data?.find((i) => i.id === historyId) : undefined;
  const linked = useIssue(alliance.id, historyId && issues.data && !listed ? historyId : null);
  const history = historyId ? (listed ?? linked.data ?? null) : null;
  const showHistory = (id: string | null) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (id) next.set('issue', id);
        else next.delete('issue');
        return next;
      },
      { replace: true },
    );
  const current = dialog ? (issues.data?.find((i) => i.id === dialog.issue?.id) ?? dialog.issue) : null;
  const filtered = filters.status !== undefined || filters.severity !== undefined;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" role="group" aria-label="Filter issues">
          <FilterSelect<IssueStatus>
            label="Status"
            placeholder="Any status"
            data={options(ISSUE_STATUSES, ISSUE_STATUS_LABELS)}
            value={filters.status}
            onChange={(status) => setFilters({ ...filters, status })}
          />
          <FilterSelect<IssueSeverity>
            label="Severity"
            placeholder="Any severity"
            data={options(ISSUE_SEVERITIES, ISSUE_SEVERITY_LABELS)}
            value={filters.severity}
            onChange={(severity) => setFilters({ ...filters, severity })}
          />
        </SimpleGrid>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'edit', issue: null })}>
            Raise an issue
          </Button>
        )}
      </Group>
      <QueryView
        query={issues}
        loaderLabel="Loading the issue register…"
        empty={
          <EmptyState title={filtered ? 'No issues here' : 'No issues raised'} icon={<IconAlertTriangle aria-hidden />}>
            {filters.status === 'open'
              ? 'No open issue. When the parties disagree, raise an issue: it follows the escalation path of its decision right until it is resolved.'
              : 'Try other filters.'}
          </EmptyState>
        }
      >
        {(list) => (
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" aria-label="Issues">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Issue</Table.Th>
                  <Table.Th scope="col">Severity</Table.Th>
                  <Table.Th scope="col">Parties</Table.Th>
                  <Table.Th scope="col">Level</Table.Th>
                  <Table.Th scope="col">Time left</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <RowActionsHeader />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((issue) => (
                  <IssueRow
                    key={issue.id}
                    alliance={alliance}
                    issue={issue}
                    canChange={canChangeRecord(alliance, user.id, issue)}
                    canWrite={canWrite}
                    onEdit={() => setDialog({ kind: 'edit', issue })}
                    onEscalate={() => setDialog({ kind: 'escalate', issue })}
                    onResolve={() => setDialog({ kind: 'resolve', issue })}
                    onHistory={() => showHistory(issue.id)}
                  />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryView>
      <Modal
        opened={dialog?.kind === 'edit'}
        onClose={() => setDialog(null)}
        title={dialog?.kind === 'edit' && dialog.issue ? 'Edit issue' : 'Raise an issue'}
        size="lg"
        centered
      >
        {dialog?.kind === 'edit' && <IssueForm alliance={alliance} members={members} issue={dialog.issue} onClose={() => setDialog(null)} />}
      </Modal>
      <Modal opened={dialog?.kind === 'escalate'} onClose={() => setDialog(null)} title="Escalate the issue" size="lg" centered>
        {dialog?.kind === 'escalate' && current && <EscalateForm alliance={alliance} issue={current} onClose={() => setDialog(null)} />}
      </Modal>
      <Modal opened={dialog?.kind === 'resolve'} onClose={() => setDialog(null)} title="Resolve the issue" size="lg" centered>
        {dialog?.kind === 'resolve' && current && <ResolveForm alliance={alliance} members={members} issue={current} onClose={() => setDialog(null)} />}
      </Modal>
      <IssueHistoryDrawer alliance={alliance} issue={history} onClose={() => showHistory(null)} />
    </Stack>
  );
}
