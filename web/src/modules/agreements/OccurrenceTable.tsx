// Due dates of obligations in a table: when, what (clause and agreement), who owes it and who sees
// to it, its status with what was recorded, and "Mark fulfilled". Overdue rows stand out in red.
import { Anchor, Group, Menu, Stack, Table, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDate } from '../../ui/format';
import { RowActionsHeader } from '../../ui/RowMenu';
import { ConsiderAmendmentBadge, OccurrenceStatusBadge } from './badges';
import { OBLIGATION_CATEGORY_LABELS } from './labels';
import { agreementsTabPath } from './links';
import { OccurrenceActions } from './OccurrenceActions';
import { occurrenceKey } from './occurrences';
import { owedText } from './ObligationTable';
import type { MyOccurrence, Obligation, Occurrence } from './types';
import { ClauseTitle } from './ClauseTitle';
import { LinkifiedParts, WRAP_ANYWHERE } from '../../ui/LinkifiedText';

/** What was recorded: when it was fulfilled (and whether late) with the evidence, or the reason. */
export function RecordedText({ occurrence: o }: { occurrence: Occurrence }) {
  if (o.status === 'fulfilled') {
    return (
      <Text size="xs" c="dimmed" style={WRAP_ANYWHERE}>
        {o.fulfilled_on ? `${formatDate(o.fulfilled_on)}${o.on_time === false ? ' (late)' : ''}` : ''}
        {o.evidence ? (
          <>
            {' · '}
            <LinkifiedParts text={o.evidence} />
          </>
        ) : (
          ''
        )}
      </Text>
    );
  }
  if (o.status === 'waived' || o.status === 'in_dispute') {
    return (
      <Text size="xs" c="dimmed" style={WRAP_ANYWHERE}>
        {o.status === 'waived' && o.approver_name ? `By ${o.approver_name}: ` : ''}
        <LinkifiedParts text={o.reason ?? ''} />
      </Text>
    );
  }
  return null;
}

export function OccurrenceStatusCell({ occurrence }: { occurrence: Occurrence }) {
  return (
    <Table.Td>
      <Stack gap={2}>
        <OccurrenceStatusBadge status={occurrence.status} />
        <RecordedText occurrence={occurrence} />
      </Stack>
    </Table.Td>
  );
}

/** The row background of an overdue occurrence. */
export function overdueRow(o: Pick<Occurrence, 'status'>) {
  return o.status === 'overdue' ? { 'data-overdue': true, bg: 'var(--mantine-color-red-0)' } : {};
}

export function OccurrenceTable({
  allianceId,
  occurrences,
  obligations = [],
  canRecord,
  canChangeObligation,
  onEditObligation,
  label,
  alliances = false,
}: {
  allianceId: string;
  occurrences: (Occurrence | MyOccurrence)[];
  /** The obligations, for their signal and for editing them from a row. */
  obligations?: Obligation[];
  canRecord: boolean;
  canChangeObligation?: (o: Obligation) => boolean;
  onEditObligation?: (o: Obligation) => void;
  label: string;
  /** My obligations: a column with each occurrence's alliance instead of the responsible person (me). */
  alliances?: boolean;
}) {
  const byId = new Map(obligations.map((o) => [o.id, o]));
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Due</Table.Th>
            <Table.Th scope="col">Obligation</Table.Th>
            {alliances && <Table.Th scope="col">Alliance</Table.Th>}
            <Table.Th scope="col">Owed</Table.Th>
            {!alliances && <Table.Th scope="col">Responsible</Table.Th>}
            <Table.Th scope="col">Status</Table.Th>
            <RowActionsHeader width={160} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {occurrences.map((o) => {
            const obligation = byId.get(o.obligation_id);
            const rowAlliance = 'alliance_id' in o ? o.alliance_id : allianceId;
            let menuItems: ReactNode = null;
            if (obligation && onEditObligation && canChangeObligation?.(obligation)) {
              menuItems = (
                <>
                  <Menu.Divider />
                  <Menu.Item leftSection={<IconPencil size={16} />} onClick={() => onEditObligation(obligation)}>
                    Edit obligation
                  </Menu.Item>
                </>
              );
            }
            return (
              <Table.Tr key={occurrenceKey(o)} data-occurrence={`${o.obligation_title} ${o.due_on}`} {...overdueRow(o)}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="sm" fw={o.status === 'overdue' ? 650 : 400} c={o.status === 'overdue' ? 'red.8' : undefined}>
                    {formatDate(o.due_on)}
                  </Text>
                </Table.Td>
                <Table.Td miw={220}>
                  <Group gap={6}>
                    <ClauseTitle clause={o.clause_ref} title={o.obligation_title} />
                    {obligation?.signal.consider_amendment && <ConsiderAmendmentBadge reason={obligation.signal.reason} size="xs" />}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {o.agreement_title} · {OBLIGATION_CATEGORY_LABELS[o.category]}
                  </Text>
                </Table.Td>
                {alliances && (
                  <Table.Td>
                    {'alliance_id' in o && (
                      <Anchor component={Link} to={agreementsTabPath(o.alliance_id, 'obligations')} size="sm">
                        {o.alliance_name}
                      </Anchor>
                    )}
                  </Table.Td>
                )}
                <Table.Td fz="sm">{owedText(o)}</Table.Td>
                {!alliances && <Table.Td fz="sm">{o.responsible_name ?? '—'}</Table.Td>}
                <OccurrenceStatusCell occurrence={o} />
                <Table.Td>
                  <OccurrenceActions allianceId={rowAlliance} occurrence={o} canRecord={canRecord} menuItems={menuItems} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
