// The milestones as a table: filters, dates and slip, why a milestone is late or at risk, status,
// payment, dependencies; and the actions on each (edit, move the forecast by a dependency's slip,
// history, re-baseline, delete).
import { Button, Group, Menu, Paper, SimpleGrid, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import { IconCalendarEvent, IconHistory, IconPlus, IconRefresh, IconTimeline } from '@tabler/icons-react';
import { useState } from 'react';
import type { Alliance, Member } from '../../api/types';
import { VisibilityBadge } from '../../ui/badges';
import { EmptyState, QueryView } from '../../ui/feedback';
import { FilterSelect } from '../../ui/FilterSelect';
import { formatDate, formatMoney } from '../../ui/format';
import { options } from '../../ui/labels';
import { RowMenu, EditMenuItem, DeleteMenuItem } from '../../ui/RowMenu';
import { useSession } from '../auth/session';
import { canChangeRecord, canWriteRecords, partyOptions } from '../records/access';
import { useDeleteRecord } from '../records/recordForm';
import { EarlyWinBadge, MilestoneStatusBadge, SlipText } from './badges';
import { ForecastChangeModal } from './ForecastChangeModal';
import { MILESTONE_KIND_LABELS, MILESTONE_KINDS, MILESTONE_STATUS_LABELS, MILESTONE_STATUSES } from './labels';
import { MilestoneFormModal } from './MilestoneForm';
import { MilestoneHistoryDrawer, RebaselineModal } from './MilestoneHistory';
import { deleteMilestone, refreshPlan, useMilestones, type MilestoneFilters } from './queries';
import { lateSentence, moveBySlip, moveBySlipLabel, riskSentence, type ForecastMove } from './slip';
import type { Milestone, MilestoneKind, MilestoneStatus, Plan } from './types';

/** The currency of the plan's payments (one per plan), if any milestone has one. */
export function planCurrency(milestones: Milestone[]): string | null {
  return milestones.find((m) => m.payment)?.payment?.currency ?? null;
}

function Filters({
  alliance,
  plan,
  filters,
  onChange,
}: {
  alliance: Alliance;
  plan: Plan;
  filters: MilestoneFilters;
  onChange: (filters: MilestoneFilters) => void;
}) {
  const set = (patch: Partial<MilestoneFilters>) => onChange({ ...filters, ...patch });
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm" role="group" aria-label="Filter milestones">
      <FilterSelect
        label="Objective"
        placeholder="Any objective"
        searchable
        data={plan.objectives.map((o) => ({ value: o.id, label: o.title }))}
        value={filters.objective_id}
        onChange={(objective_id) => set({ objective_id })}
      />
      <FilterSelect<MilestoneKind>
        label="Kind"
        placeholder="Any kind"
        data={options(MILESTONE_KINDS, MILESTONE_KIND_LABELS)}
        value={filters.kind}
        onChange={(kind) => set({ kind })}
      />
      <FilterSelect<MilestoneStatus>
        label="Status"
        placeholder="Any status"
        data={options(MILESTONE_STATUSES, MILESTONE_STATUS_LABELS)}
        value={filters.status}
        onChange={(status) => set({ status })}
      />
      <FilterSelect
        label="Responsible party"
        placeholder="Any party"
        data={partyOptions(alliance)}
        value={filters.party_id}
        onChange={(party_id) => set({ party_id })}
      />
      <Switch
        label="Early wins only"
        checked={filters.early_win === true}
        onChange={(event) => set({ early_win: event.currentTarget.checked ? true : undefined })}
        style={{ alignSelf: 'end' }}
        mb={8}
      />
    </SimpleGrid>
  );
}

function MilestoneRow({
  alliance,
  milestone,
  titles,
  canChange,
  isManager,
  onEdit,
  onHistory,
  onRebaseline,
  onMoveForecast,
}: {
  alliance: Alliance;
  milestone: Milestone;
  titles: Map<string, string>;
  canChange: boolean;
  isManager: boolean;
  onEdit: () => void;
  onHistory: () => void;
  onRebaseline: () => void;
  onMoveForecast: (move: ForecastMove) => void;
}) {
  const remove = useDeleteRecord(alliance.id, milestone.title, () => deleteMilestone(alliance.id, milestone.id), refreshPlan);
  const m = milestone;
  const dependencies = m.depends_on.map((id) => titles.get(id) ?? 'A milestone you cannot see');
  const late = lateSentence(m);
  const risk = riskSentence(m);
  const move = canChange ? moveBySlip(m) : null;
  return (
    <Table.Tr data-milestone={m.title}>
      <Table.Td miw={200}>
        <Text size="sm" fw={600} td={m.status === 'cancelled' ? 'line-through' : undefined}>
          {m.title}
        </Text>
        <Text size="xs" c="dimmed">
          {m.objective_title ?? '—'}
        </Text>
        <Text size="xs" c="dimmed" hiddenFrom="lg">
          {m.party_name}
          {m.responsible_user_name ? ` · ${m.responsible_user_name}` : ''}
        </Text>
        {dependencies.length > 0 && (
          <Text size="xs" c="dimmed" hiddenFrom="lg">
            Depends on {dependencies.join(', ')}
          </Text>
        )}
        <Group gap={4} mt={4}>
          {m.early_win && <EarlyWinBadge size="xs" />}
          {m.visibility !== 'alliance' && <VisibilityBadge size="xs" visibility={m.visibility} ownerOrganizationName={m.owner_organization_name} />}
        </Group>
      </Table.Td>
      <Table.Td visibleFrom="lg">
        <Text size="sm">{MILESTONE_KIND_LABELS[m.kind]}</Text>
      </Table.Td>
      <Table.Td visibleFrom="lg">
        <Text size="sm">{m.party_name}</Text>
        {m.responsible_user_name && (
          <Text size="xs" c="dimmed">
            {m.responsible_user_name}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }} visibleFrom="md">
        <Text size="sm">{formatDate(m.planned_date)}</Text>
        {m.baseline_count > 1 && (
          <Text size="xs" c="dimmed">
            first {formatDate(m.original_date)}
          </Text>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }} visibleFrom="md">
        <Text size="sm">{formatDate(m.forecast_date)}</Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }} visibleFrom="md">
        <Text size="sm">{formatDate(m.actual_date)}</Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }} hiddenFrom="md">
        <Text size="xs">Planned {formatDate(m.planned_date)}</Text>
        <Text size="xs">Forecast {formatDate(m.forecast_date)}</Text>
        {m.actual_date && <Text size="xs">Actual {formatDate(m.actual_date)}</Text>}
      </Table.Td>
      <Table.Td>
        <SlipText days={m.slip_days} />
      </Table.Td>
      <Table.Td maw={260}>
        <MilestoneStatusBadge status={m.status} derived={m.status_derived} />
        {late && (
          <Text size="xs" c="red.8" fw={600} mt={4} data-testid="late-sentence">
            {late}
          </Text>
        )}
        {risk && (
          <Text size="xs" c="orange.8" mt={4} data-testid="risk-sentence">
            {risk}
          </Text>
        )}
        {move && (
          <Button
            size="compact-xs"
            variant="light"
            color="orange"
            mt={4}
            leftSection={<IconCalendarEvent size={14} aria-hidden />}
            onClick={() => onMoveForecast(move)}
          >
            {moveBySlipLabel(m)}
          </Button>
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {m.payment ? (
          <Tooltip label={`${m.payment.payer_party_name} pays ${m.payment.payee_party_name}`} withArrow events={{ hover: true, focus: true, touch: true }}>
            <Text size="sm" tabIndex={0}>
              {formatMoney(m.payment.amount_minor, m.payment.currency)}
            </Text>
          </Tooltip>
        ) : (
          <Text size="sm" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td visibleFrom="lg" maw={220}>
        <Text size="xs">{dependencies.length ? dependencies.join(', ') : '—'}</Text>
      </Table.Td>
      <Table.Td w={48}>
        <RowMenu name={m.title}>
          <Menu.Item leftSection={<IconHistory size={16} />} onClick={onHistory}>
            Forecast history
          </Menu.Item>
          {canChange && (
            <EditMenuItem onClick={onEdit} />
          )}
          {isManager && (
            <Menu.Item leftSection={<IconRefresh size={16} />} onClick={onRebaseline} disabled={m.forecast_date === m.planned_date}>
              Re-baseline to the forecast
            </Menu.Item>
          )}
          {canChange && (
            <DeleteMenuItem
            title="Delete this milestone?"
            message={<>“{m.title}” will be removed from the plan. The activity log keeps a record.</>}
            onConfirm={() => remove.mutate()}
          />
          )}
        </RowMenu>
      </Table.Td>
    </Table.Tr>
  );
}

export function MilestonesSection({ alliance, plan, members }: { alliance: Alliance; plan: Plan; members: Member[] }) {
  const { user } = useSession();
  const [filters, setFilters] = useState<MilestoneFilters>({});
  const list = useMilestones(alliance.id, filters);
  const [editing, setEditing] = useState<{ milestone: Milestone | null } | null>(null);
  const [historyOf, setHistoryOf] = useState<Milestone | null>(null);
  const [rebaselining, setRebaselining] = useState<Milestone | null>(null);
  const [moving, setMoving] = useState<{ milestone: Milestone; move: ForecastMove } | null>(null);
  const canWrite = canWriteRecords(alliance);
  const titles = new Map(plan.milestones.map((m) => [m.id, m.title]));
  const filtered = Object.values(filters).some((v) => v !== undefined);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed">
          Ordered by forecast date. Slip is the forecast (or actual) date against the current baseline.
        </Text>
        {canWrite && (
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => setEditing({ milestone: null })}
            disabled={plan.objectives.length === 0}
            title={plan.objectives.length === 0 ? 'Add an objective first' : undefined}
          >
            New milestone
          </Button>
        )}
      </Group>
      <Paper withBorder radius="md" p="md">
        <Filters alliance={alliance} plan={plan} filters={filters} onChange={setFilters} />
      </Paper>
      <QueryView
        query={list}
        empty={
          <EmptyState title={filtered ? 'No milestone matches these filters' : 'No milestones yet'} icon={<IconTimeline aria-hidden />}>
            {filtered
              ? 'Clear a filter to see more.'
              : plan.objectives.length === 0
                ? 'Milestones serve objectives: add an objective first, then the milestones that lead to it.'
                : canWrite
                  ? 'Add the milestones that lead to your objectives, with their planned dates.'
                  : 'Milestones that alliance members add will appear here.'}
          </EmptyState>
        }
      >
        {(items) => (
          <Paper withBorder radius="md">
            <Table.ScrollContainer minWidth={640}>
              <Table verticalSpacing="sm" highlightOnHover aria-label="Milestones" aria-busy={list.isFetching}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Milestone</Table.Th>
                    <Table.Th scope="col" visibleFrom="lg">
                      Kind
                    </Table.Th>
                    <Table.Th scope="col" visibleFrom="lg">
                      Party
                    </Table.Th>
                    <Table.Th scope="col" visibleFrom="md">
                      Planned
                    </Table.Th>
                    <Table.Th scope="col" visibleFrom="md">
                      Forecast
                    </Table.Th>
                    <Table.Th scope="col" visibleFrom="md">
                      Actual
                    </Table.Th>
                    <Table.Th scope="col" hiddenFrom="md">
                      Dates
                    </Table.Th>
                    <Table.Th scope="col">Slip</Table.Th>
                    <Table.Th scope="col">Status</Table.Th>
                    <Table.Th scope="col">Payment</Table.Th>
                    <Table.Th scope="col" visibleFrom="lg">
                      Depends on
                    </Table.Th>
                    <Table.Th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((milestone) => (
                    <MilestoneRow
                      key={milestone.id}
                      alliance={alliance}
                      milestone={milestone}
                      titles={titles}
                      canChange={canChangeRecord(alliance, user.id, milestone)}
                      isManager={alliance.my_role === 'manager'}
                      onEdit={() => setEditing({ milestone })}
                      onHistory={() => setHistoryOf(milestone)}
                      onRebaseline={() => setRebaselining(milestone)}
                      onMoveForecast={(move) => setMoving({ milestone, move })}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
        )}
      </QueryView>
      <MilestoneFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        alliance={alliance}
        members={members}
        milestone={editing?.milestone ?? null}
        objectives={plan.objectives}
        milestones={plan.milestones}
        planCurrency={planCurrency(plan.milestones)}
        defaultObjectiveId={filters.objective_id ?? plan.objectives[0]?.id ?? null}
      />
      <MilestoneHistoryDrawer alliance={alliance} milestone={historyOf} onClose={() => setHistoryOf(null)} />
      <RebaselineModal alliance={alliance} milestone={rebaselining} onClose={() => setRebaselining(null)} />
      <ForecastChangeModal alliance={alliance} milestone={moving?.milestone ?? null} proposal={moving?.move ?? null} onClose={() => setMoving(null)} />
    </Stack>
  );
}
