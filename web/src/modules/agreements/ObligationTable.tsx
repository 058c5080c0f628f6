// The obligations themselves (not their due dates): the clause each comes from, who owes it, who
// sees to it, how it falls due and when next, and the "Consider an amendment" signal. The register
// view of the Obligations section and an agreement's page both show it.
import { Button, Group, Table, Text } from '@mantine/core';
import { IconListCheck, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import type { Alliance, Member } from '../../api/types';
import { VisibilityBadge } from '../../ui/badges';
import { EmptyState, QueryView } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { DeleteMenuItem, EditMenuItem, RowActionsHeader, RowMenu } from '../../ui/RowMenu';
import { useSession } from '../auth/session';
import { canChangeRecord, canWriteRecords } from '../records/access';
import { useDeleteRecord } from '../records/recordForm';
import { ConsiderAmendmentBadge, OccurrenceStatusBadge } from './badges';
import { DetailSection } from './DetailSection';
import { JOINT_WORD, OBLIGATION_CATEGORY_LABELS } from './labels';
import { ObligationFormModal } from './ObligationForm';
import { deleteObligation, refreshAgreements, useObligations } from './queries';
import { describeSchedule } from './schedule';
import type { Agreement, Obligation } from './types';
import { ClauseTitle } from './ClauseTitle';

/** "Meridian → Pulsewise", or "Joint". */
export function owedText(o: Pick<Obligation, 'direction' | 'owed_by_name' | 'owed_to_name'>): string {
  return o.direction === 'joint' ? JOINT_WORD : `${o.owed_by_name ?? '?'} → ${o.owed_to_name ?? '?'}`;
}

function ObligationRow({ alliance, obligation, canChange, showAgreement, onEdit }: { alliance: Alliance; obligation: Obligation; canChange: boolean; showAgreement: boolean; onEdit: () => void }) {
  const remove = useDeleteRecord(alliance.id, obligation.title, () => deleteObligation(alliance.id, obligation.id), refreshAgreements);
  return (
    <Table.Tr data-obligation={obligation.title}>
      <Table.Td miw={220}>
        <Group gap={6}>
          <ClauseTitle clause={obligation.clause_ref} title={obligation.title} />
          {obligation.signal.consider_amendment && <ConsiderAmendmentBadge reason={obligation.signal.reason} size="xs" />}
          {obligation.visibility !== 'alliance' && <VisibilityBadge size="xs" visibility={obligation.visibility} ownerOrganizationName={obligation.owner_organization_name} />}
        </Group>
        <Text size="xs" c="dimmed">
          {showAgreement ? `${obligation.agreement_title} · ` : ''}
          {OBLIGATION_CATEGORY_LABELS[obligation.category]}
        </Text>
      </Table.Td>
      <Table.Td fz="sm">{owedText(obligation)}</Table.Td>
      <Table.Td fz="sm">{obligation.responsible_name ?? '—'}</Table.Td>
      <Table.Td fz="sm">{describeSchedule(obligation)}</Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {obligation.next_due ? (
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{formatDate(obligation.next_due.due_on)}</Text>
            <OccurrenceStatusBadge status={obligation.next_due.status} size="sm" />
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {obligation.schedule === 'milestone' ? 'When the milestone is achieved' : 'Nothing open'}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {canChange && (
          <RowMenu name={obligation.title}>
            <EditMenuItem onClick={onEdit} />
            <DeleteMenuItem
              title="Delete this obligation?"
              message={<>“{obligation.title}” will be deleted. An obligation with recorded occurrences cannot be deleted: waive them instead.</>}
              onConfirm={() => remove.mutate()}
            />
          </RowMenu>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

export function ObligationTable({
  alliance,
  obligations,
  onEdit,
  showAgreement = true,
  label = 'Obligations',
}: {
  alliance: Alliance;
  obligations: Obligation[];
  onEdit: (obligation: Obligation) => void;
  showAgreement?: boolean;
  label?: string;
}) {
  const { user } = useSession();
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table verticalSpacing="sm" aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Obligation</Table.Th>
            <Table.Th scope="col">Owed</Table.Th>
            <Table.Th scope="col">Responsible</Table.Th>
            <Table.Th scope="col">Schedule</Table.Th>
            <Table.Th scope="col">Next due</Table.Th>
            <RowActionsHeader />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {obligations.map((o) => (
            <ObligationRow key={o.id} alliance={alliance} obligation={o} canChange={canChangeRecord(alliance, user.id, o)} showAgreement={showAgreement} onEdit={() => onEdit(o)} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The obligations of one agreement, on its page: a card with "New obligation" for it in its header. */
export function AgreementObligations({ alliance, members, agreement, agreements }: { alliance: Alliance; members: Member[]; agreement: Agreement; agreements: Agreement[] }) {
  const obligations = useObligations(alliance.id, { agreement_id: agreement.id });
  const [editing, setEditing] = useState<{ obligation: Obligation | null } | null>(null);
  return (
    <DetailSection
      title="Obligations"
      action={
        canWriteRecords(alliance) && (
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => setEditing({ obligation: null })}>
            New obligation
          </Button>
        )
      }
    >
      <QueryView
        query={obligations}
        loaderLabel="Loading the obligations…"
        empty={
          <EmptyState title="No obligations yet" icon={<IconListCheck aria-hidden />}>
            Add what this agreement requires of the parties — reports, payments, diligence — and Northstar tracks each due date.
          </EmptyState>
        }
      >
        {(list) => <ObligationTable alliance={alliance} obligations={list} onEdit={(obligation) => setEditing({ obligation })} showAgreement={false} label={`Obligations of ${agreement.title}`} />}
      </QueryView>
      <ObligationFormModal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        alliance={alliance}
        members={members}
        obligation={editing?.obligation ?? null}
        agreements={agreements}
        defaultAgreementId={agreement.id}
      />
    </DetailSection>
  );
}
