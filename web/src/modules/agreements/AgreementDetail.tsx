// The page of one agreement (`?agreement=<id>`): its key terms, the terms as amended today and the
// amendments that made them, its documents, the owning party's internal notes, and its obligations.
import { Anchor, Badge, Button, Grid, Group, List, Stack, Table, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconFilePlus, IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Alliance, Member } from '../../api/types';
import { VisibilityBadge } from '../../ui/badges';
import { ErrorAlert, PageLoader } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { useSession } from '../auth/session';
import { canChangeRecord, canWriteRecords } from '../records/access';
import { describeTermChanges } from './agreementModel';
import { DetailSection as Section } from './DetailSection';
import type { AgreementDefaults } from './AgreementForm';
import { AgreementNotes } from './AgreementNotes';
import { AgreementStatusBadge, RelationBadge } from './badges';
import { DocumentsCard } from './DocumentsCard';
import { AGREEMENT_KIND_LABELS, EXCLUSIVITY_LABELS } from './labels';
import { agreementSearch } from './links';
import { AgreementObligations } from './ObligationTable';
import { useAgreement } from './queries';
import type { Agreement, AgreementTerms } from './types';
import { LinkifiedParts, LinkifiedText, WRAP_ANYWHERE } from '../../ui/LinkifiedText';

function noticeText(days: number | null): string {
  return days === null ? '—' : `${days} ${days === 1 ? 'day' : 'days'}`;
}

/** A two-column table of terms: the name as a row header, the value beside it. */
function TermsTable({ label, rows }: { label: string; rows: { name: string; value: ReactNode; amended?: boolean }[] }) {
  return (
    <Table aria-label={label} verticalSpacing={6} withRowBorders={false}>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row.name} data-term={row.name}>
            <Table.Th scope="row" w={180} fw={500} c="dimmed" fz="sm" style={{ verticalAlign: 'top' }}>
              {row.name}
            </Table.Th>
            <Table.Td fz="sm" style={WRAP_ANYWHERE}>
              {row.value === '' || row.value === null ? '—' : typeof row.value === 'string' ? <LinkifiedParts text={row.value} /> : row.value}
              {row.amended && (
                <Badge ml="xs" size="xs" color="violet" variant="light">
                  Amended
                </Badge>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function KeyTerms({ agreement }: { agreement: Agreement }) {
  const rows = [
    { name: 'Kind', value: AGREEMENT_KIND_LABELS[agreement.kind] },
    { name: 'Parties', value: agreement.parties.map((p) => p.organization_name).join(', ') },
    { name: 'Signed', value: formatDate(agreement.signed_on) },
    { name: 'Effective', value: formatDate(agreement.effective_on) },
  ];
  if (agreement.relation !== 'amendment') {
    rows.push(
      { name: 'Expires', value: formatDate(agreement.expiry_on) },
      { name: 'Notice period', value: noticeText(agreement.notice_period_days) },
      { name: 'Governing law', value: agreement.governing_law },
      { name: 'Field', value: agreement.field },
      { name: 'Territory', value: agreement.territory },
      { name: 'Exclusivity', value: EXCLUSIVITY_LABELS[agreement.exclusivity] },
      { name: 'Reminders', value: agreement.reminder_days.length ? agreement.reminder_days.map((d) => `${d} days`).join(', ') + ' before' : 'None' },
    );
  }
  return (
    <Section title="Key terms">
      <TermsTable label="Key terms" rows={rows} />
      {agreement.summary && (
        <LinkifiedText size="sm" mt="sm" text={agreement.summary} />
      )}
    </Section>
  );
}

/** The terms today: the agreement's own with the changes of every amendment in force applied. */
function AsAmended({ agreement }: { agreement: Agreement }) {
  const terms: AgreementTerms = agreement.as_amended;
  const applied = agreement.amendments.filter((a) => terms.applied_amendment_ids.includes(a.id));
  const rows = [
    { name: 'Expires', value: formatDate(terms.expiry_on), amended: terms.expiry_on !== agreement.expiry_on },
    { name: 'Notice period', value: noticeText(terms.notice_period_days), amended: terms.notice_period_days !== agreement.notice_period_days },
    { name: 'Last day to give notice', value: formatDate(terms.notice_deadline) },
    { name: 'Governing law', value: terms.governing_law, amended: terms.governing_law !== agreement.governing_law },
    { name: 'Field', value: terms.field, amended: terms.field !== agreement.field },
    { name: 'Territory', value: terms.territory, amended: terms.territory !== agreement.territory },
    { name: 'Exclusivity', value: EXCLUSIVITY_LABELS[terms.exclusivity], amended: terms.exclusivity !== agreement.exclusivity },
  ];
  return (
    <Section title="As amended today">
      <TermsTable label="As amended today" rows={rows} />
      <Text size="xs" c="dimmed" mt="xs" data-applied>
        {applied.length === 0 ? 'No amendment is in force today: these are the agreement’s own terms.' : `With ${applied.map((a) => `“${a.title}”`).join(', ')} applied.`}
      </Text>
    </Section>
  );
}

function History({ agreement }: { agreement: Agreement }) {
  const [params] = useSearchParams();
  return (
    <Section title="History">
      {agreement.amendments.length === 0 ? (
        <Text size="sm" c="dimmed">
          No amendments yet.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing="xs" aria-label="Amendments, oldest first">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Amendment</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Effective</Table.Th>
                <Table.Th scope="col">Changes</Table.Th>
                <Table.Th scope="col">In force</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agreement.amendments.map((a) => {
                const changes = describeTermChanges(a.term_changes, { date: formatDate, exclusivity: (e) => EXCLUSIVITY_LABELS[e] });
                const obligations = a.obligation_changes.length;
                return (
                  <Table.Tr key={a.id} data-amendment={a.title}>
                    <Table.Td>
                      <Anchor component={Link} to={agreementSearch(params, a.id)} size="sm" fw={600}>
                        {a.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <AgreementStatusBadge status={a.status} size="sm" />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(a.effective_on)}</Table.Td>
                    <Table.Td fz="sm">
                      {[...changes, ...(obligations ? [`${obligations} ${obligations === 1 ? 'obligation' : 'obligations'} changed`] : [])].join('; ') || '—'}
                    </Table.Td>
                    <Table.Td>
                      <Badge color={a.in_force ? 'green' : 'gray'} variant="light" radius="sm" data-in-force={a.in_force} style={{ flexShrink: 0, minWidth: 'max-content' }}>
                        {a.in_force ? 'In force' : 'Not in force'}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Section>
  );
}

/** What an amendment changes: new term values and changes to the parent's obligations. */
function AmendmentChanges({ agreement }: { agreement: Agreement }) {
  const changes = describeTermChanges(agreement.term_changes, { date: formatDate, exclusivity: (e) => EXCLUSIVITY_LABELS[e] });
  return (
    <Section title="Changes">
      {changes.length === 0 && agreement.obligation_changes.length === 0 ? (
        <Text size="sm" c="dimmed">
          This amendment records no term or obligation changes.
        </Text>
      ) : (
        <List size="sm" spacing={4} aria-label="Changes">
          {changes.map((c) => (
            <List.Item key={c}>{c}</List.Item>
          ))}
          {agreement.obligation_changes.map((c) => (
            <List.Item key={c.obligation_id}>Obligation: {c.change}</List.Item>
          ))}
        </List>
      )}
    </Section>
  );
}

export function AgreementDetail({
  alliance,
  members,
  agreementId,
  agreements,
  onEdit,
  onAdd,
}: {
  alliance: Alliance;
  members: Member[];
  agreementId: string;
  agreements: Agreement[];
  onEdit: (agreement: Agreement) => void;
  onAdd: (defaults: AgreementDefaults) => void;
}) {
  const [params] = useSearchParams();
  const { user } = useSession();
  const query = useAgreement(alliance.id, agreementId);
  const back = (
    <Anchor component={Link} to={agreementSearch(params, null)} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        All agreements
      </Group>
    </Anchor>
  );
  if (query.isPending) return <PageLoader label="Opening the agreement…" />;
  if (query.isError) {
    return (
      <Stack gap="sm">
        {back}
        <ErrorAlert error={query.error} title="This agreement could not be opened" onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  const agreement = query.data;
  const parent = agreements.find((a) => a.id === agreement.parent_id);
  const children = agreements.filter((a) => a.parent_id === agreement.id && a.relation === 'sub_agreement');
  const canChange = canChangeRecord(alliance, user.id, agreement);
  const canAdd = canWriteRecords(alliance) && agreement.relation !== 'amendment';
  return (
    <Stack gap="md">
      {back}
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={2} size="h3">
              {agreement.title}
            </Title>
            <AgreementStatusBadge status={agreement.status} />
            <RelationBadge relation={agreement.relation} />
            {agreement.visibility !== 'alliance' && <VisibilityBadge visibility={agreement.visibility} ownerOrganizationName={agreement.owner_organization_name} />}
          </Group>
          {parent && (
            <Text size="sm" c="dimmed">
              {agreement.relation === 'amendment' ? 'Amends ' : 'Under '}
              <Anchor component={Link} to={agreementSearch(params, parent.id)} size="sm">
                {parent.title}
              </Anchor>
            </Text>
          )}
        </Stack>
        <Group gap="xs">
          {canAdd && (
            <Button variant="default" size="sm" leftSection={<IconFilePlus size={16} aria-hidden />} onClick={() => onAdd({ relation: 'amendment', parent_id: agreement.id })}>
              Add amendment
            </Button>
          )}
          {canAdd && (
            <Button variant="default" size="sm" leftSection={<IconFilePlus size={16} aria-hidden />} onClick={() => onAdd({ relation: 'sub_agreement', parent_id: agreement.id })}>
              Add sub-agreement
            </Button>
          )}
          {canChange && (
            <Button size="sm" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => onEdit(agreement)}>
              Edit agreement
            </Button>
          )}
        </Group>
      </Group>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            <KeyTerms agreement={agreement} />
            {children.length > 0 && (
              <Section title="Sub-agreements">
                <List size="sm" spacing={4}>
                  {children.map((c) => (
                    <List.Item key={c.id}>
                      <Anchor component={Link} to={agreementSearch(params, c.id)} size="sm">
                        {c.title}
                      </Anchor>{' '}
                      <AgreementStatusBadge status={c.status} size="xs" />
                    </List.Item>
                  ))}
                </List>
              </Section>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Stack gap="md">
            {agreement.relation === 'amendment' ? (
              <AmendmentChanges agreement={agreement} />
            ) : (
              <>
                <AsAmended agreement={agreement} />
                <History agreement={agreement} />
              </>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      <AgreementObligations alliance={alliance} members={members} agreement={agreement} agreements={agreements} />
      <DocumentsCard alliance={alliance} agreement={agreement} />
      <AgreementNotes alliance={alliance} members={members} agreement={agreement} />
    </Stack>
  );
}
