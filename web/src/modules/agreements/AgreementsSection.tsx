// The agreement tree: each master agreement with its sub-agreements and amendments nested under it,
// with status, kind, parties and dates; and, with `?agreement=<id>` in the address, the page of
// one agreement.
import { Anchor, Box, Button, Group, Menu, Paper, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconCornerDownRight, IconFilePlus, IconFileText, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Alliance, Member } from '../../api/types';
import { VisibilityBadge } from '../../ui/badges';
import { EmptyState } from '../../ui/feedback';
import { FilterSelect } from '../../ui/FilterSelect';
import { formatDate } from '../../ui/format';
import { options } from '../../ui/labels';
import { DeleteMenuItem, EditMenuItem, RowActionsHeader, RowMenu } from '../../ui/RowMenu';
import { useSession } from '../auth/session';
import { canChangeRecord, canWriteRecords } from '../records/access';
import { useDeleteRecord } from '../records/recordForm';
import { AgreementDetail } from './AgreementDetail';
import { type AgreementDefaults, AgreementFormModal } from './AgreementForm';
import { AgreementStatusBadge, RelationBadge } from './badges';
import { AGREEMENT_KIND_LABELS, AGREEMENT_KINDS, AGREEMENT_STATUS_LABELS, AGREEMENT_STATUSES } from './labels';
import { agreementSearch } from './links';
import { deleteAgreement, refreshAgreements } from './queries';
import { buildTree, flattenTree } from './tree';
import type { Agreement, AgreementKind, AgreementStatus } from './types';

export interface AgreementEditing {
  agreement: Agreement | null;
  defaults?: AgreementDefaults;
}

/** "1 Jan 2026 – 31 Dec 2030", "From 1 Jan 2026", "Until …", or a dash. */
export function periodText(from: string | null, to: string | null): string {
  if (from && to) return `${formatDate(from)} – ${formatDate(to)}`;
  if (from) return `From ${formatDate(from)}`;
  if (to) return `Until ${formatDate(to)}`;
  return '—';
}

function AgreementRow({
  alliance,
  agreement,
  depth,
  canChange,
  canWrite,
  onEdit,
  onAdd,
}: {
  alliance: Alliance;
  agreement: Agreement;
  depth: number;
  canChange: boolean;
  canWrite: boolean;
  onEdit: () => void;
  onAdd: (defaults: AgreementDefaults) => void;
}) {
  const [params] = useSearchParams();
  const remove = useDeleteRecord(alliance.id, agreement.title, () => deleteAgreement(alliance.id, agreement.id), refreshAgreements);
  const canAddChildren = canWrite && agreement.relation !== 'amendment';
  return (
    <Table.Tr data-agreement={agreement.title} data-depth={depth}>
      <Table.Td miw={240}>
        <Box pl={depth * 24}>
          <Group gap={6} wrap="wrap">
            {depth > 0 && <IconCornerDownRight size={14} color="var(--mantine-color-gray-5)" aria-hidden />}
            <Anchor component={Link} to={agreementSearch(params, agreement.id)} fw={600} size="sm">
              {agreement.title}
            </Anchor>
            <RelationBadge relation={agreement.relation} size="xs" />
            {agreement.visibility !== 'alliance' && <VisibilityBadge size="xs" visibility={agreement.visibility} ownerOrganizationName={agreement.owner_organization_name} />}
          </Group>
          <Text size="xs" c="dimmed" pl={depth > 0 ? 20 : 0}>
            {AGREEMENT_KIND_LABELS[agreement.kind]}
            {agreement.obligation_count > 0 ? ` · ${agreement.obligation_count} ${agreement.obligation_count === 1 ? 'obligation' : 'obligations'}` : ''}
            {agreement.document_count > 0 ? ` · ${agreement.document_count} ${agreement.document_count === 1 ? 'document' : 'documents'}` : ''}
          </Text>
        </Box>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{agreement.parties.map((p) => p.organization_name).join(', ')}</Text>
      </Table.Td>
      <Table.Td>
        <AgreementStatusBadge status={agreement.status} />
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        {/* An amendment has no term of its own: it takes effect. */}
        <Text size="sm">{agreement.relation === 'amendment' ? periodText(agreement.effective_on, null) : periodText(agreement.effective_on, agreement.as_amended.expiry_on)}</Text>
        {agreement.relation !== 'amendment' && agreement.as_amended.notice_deadline && (
          <Text size="xs" c="dimmed">
            Notice by {formatDate(agreement.as_amended.notice_deadline)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {(canChange || canAddChildren) && (
          <RowMenu name={agreement.title}>
            {canAddChildren && (
              <Menu.Item leftSection={<IconFilePlus size={16} />} onClick={() => onAdd({ relation: 'sub_agreement', parent_id: agreement.id })}>
                Add sub-agreement
              </Menu.Item>
            )}
            {canAddChildren && (
              <Menu.Item leftSection={<IconFilePlus size={16} />} onClick={() => onAdd({ relation: 'amendment', parent_id: agreement.id })}>
                Add amendment
              </Menu.Item>
            )}
            {canChange && <EditMenuItem onClick={onEdit} />}
            {canChange && (
              <DeleteMenuItem
                title="Delete this agreement?"
                message={<>“{agreement.title}” will be deleted. Agreements with sub-agreements, amendments, obligations, restrictions or documents cannot be deleted.</>}
                onConfirm={() => remove.mutate()}
              />
            )}
          </RowMenu>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The agreements as a tree in a table: children indented under their parent. */
export function AgreementTree({
  alliance,
  agreements,
  onEdit,
  onAdd,
}: {
  alliance: Alliance;
  agreements: Agreement[];
  onEdit: (agreement: Agreement) => void;
  onAdd: (defaults: AgreementDefaults) => void;
}) {
  const { user } = useSession();
  const rows = useMemo(() => flattenTree(buildTree(agreements)), [agreements]);
  const canWrite = canWriteRecords(alliance);
  return (
    <Paper withBorder radius="md">
      <Table.ScrollContainer minWidth={760}>
        <Table verticalSpacing="sm" aria-label="Agreements">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Agreement</Table.Th>
              <Table.Th scope="col">Parties</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Term</Table.Th>
              <RowActionsHeader />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ item, depth }) => (
              <AgreementRow
                key={item.id}
                alliance={alliance}
                agreement={item}
                depth={depth}
                canChange={canChangeRecord(alliance, user.id, item)}
                canWrite={canWrite}
                onEdit={() => onEdit(item)}
                onAdd={onAdd}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

export function AgreementsSection({ alliance, members, agreements }: { alliance: Alliance; members: Member[]; agreements: Agreement[] }) {
  const [params] = useSearchParams();
  const [kind, setKind] = useState<AgreementKind | undefined>();
  const [status, setStatus] = useState<AgreementStatus | undefined>();
  const [editing, setEditing] = useState<AgreementEditing | null>(null);
  const canWrite = canWriteRecords(alliance);
  const open = params.get('agreement');

  const modal = (
    <AgreementFormModal
      opened={editing !== null}
      onClose={() => setEditing(null)}
      alliance={alliance}
      members={members}
      agreement={editing?.agreement ?? null}
      agreements={agreements}
      defaults={editing?.defaults}
    />
  );

  if (open) {
    return (
      <>
        <AgreementDetail
          alliance={alliance}
          members={members}
          agreementId={open}
          agreements={agreements}
          onEdit={(agreement) => setEditing({ agreement })}
          onAdd={(defaults) => setEditing({ agreement: null, defaults })}
        />
        {modal}
      </>
    );
  }

  const shown = agreements.filter((a) => (!kind || a.kind === kind) && (!status || a.status === status));
  const filtered = kind !== undefined || status !== undefined;
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" role="group" aria-label="Filter agreements">
          <FilterSelect<AgreementKind> label="Kind" placeholder="Any kind" data={options(AGREEMENT_KINDS, AGREEMENT_KIND_LABELS)} value={kind} onChange={setKind} />
          <FilterSelect<AgreementStatus> label="Status" placeholder="Any status" data={options(AGREEMENT_STATUSES, AGREEMENT_STATUS_LABELS)} value={status} onChange={setStatus} />
        </SimpleGrid>
        {canWrite && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ agreement: null, defaults: { relation: 'master' } })}>
            New agreement
          </Button>
        )}
      </Group>
      {shown.length === 0 ? (
        <EmptyState title={filtered ? 'No agreement matches' : 'No agreements yet'} icon={<IconFileText aria-hidden />}>
          {filtered
            ? 'Try other filters.'
            : 'Record the alliance’s contracts here: the master agreement, its sub-agreements and amendments, with their key terms, documents and obligations.'}
        </EmptyState>
      ) : (
        <AgreementTree alliance={alliance} agreements={shown} onEdit={(agreement) => setEditing({ agreement })} onAdd={(defaults) => setEditing({ agreement: null, defaults })} />
      )}
      {modal}
    </Stack>
  );
}
