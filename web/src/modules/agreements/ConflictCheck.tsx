// The conflict check: would this alliance, or a proposed deal, touch a restriction that binds the
// caller's organisation in another agreement (exclusivity, non-compete …)? Each hit names the
// clause, the agreement and its alliance, and what overlapped.
import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { IconCircleCheck, IconShieldSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import type { Alliance } from '../../api/types';
import { ErrorAlert, FormActions } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { recordFieldErrors } from '../records/forms';
import { RESTRICTION_KIND_LABELS } from './labels';
import { agreementsTabPath } from './links';
import { checkAllianceConflicts, checkConflicts } from './queries';
import type { ConflictCheck, ConflictCheckRequest } from './types';
import { LinkifiedText } from '../../ui/LinkifiedText';

/** The result in one sentence. */
export function conflictSummary(check: ConflictCheck): string {
  const n = check.hits.length;
  if (n === 0) return `No conflicts: no restriction binding ${check.organization_name} may touch this (checked ${formatDate(check.checked_on)}).`;
  return `${n} ${n === 1 ? 'restriction' : 'restrictions'} binding ${check.organization_name} may touch this (checked ${formatDate(check.checked_on)}).`;
}

export function ConflictHits({ check }: { check: ConflictCheck }) {
  const clean = check.hits.length === 0;
  return (
    <Stack gap="sm" data-conflict-result={clean ? 'clear' : 'hits'}>
      <Alert color={clean ? 'green' : 'orange'} variant="light" icon={clean ? <IconCircleCheck aria-hidden /> : <IconShieldSearch aria-hidden />} role="status">
        {conflictSummary(check)}
      </Alert>
      {!clean && (
        <Stack component="ul" gap="xs" p={0} m={0} aria-label="Conflict check hits">
          {check.hits.map((hit) => (
            <Paper component="li" key={hit.restriction.id} withBorder radius="sm" p="sm" style={{ listStyle: 'none' }} data-hit={hit.agreement_title}>
              <Group gap="xs" mb={4}>
                <Badge color="orange" variant="light" radius="sm">
                  {RESTRICTION_KIND_LABELS[hit.restriction.kind]}
                </Badge>
                <Text size="sm" fw={600}>
                  {hit.clause_ref ? `${hit.clause_ref} · ` : ''}
                  {hit.agreement_title}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                In{' '}
                <Anchor component={Link} to={agreementsTabPath(hit.alliance_id, 'restrictions')} size="xs">
                  {hit.alliance_name}
                </Anchor>
                {hit.restriction.restricted_party_name ? ` · binds ${hit.restriction.restricted_party_name}` : ' · binds every party'}
              </Text>
              {hit.restriction.description && (
                <LinkifiedText size="sm" mt={4} lineClamp={3} text={hit.restriction.description} />
              )}
              <Group gap={4} mt={6} aria-label="Matched">
                {hit.matched.map((m) => (
                  <Badge key={m} size="sm" variant="outline" color="gray" radius="sm" tt="none">
                    {m}
                  </Badge>
                ))}
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

interface ProposalValues {
  therapeutic_areas: string[];
  modalities: string[];
  territories: string[];
  counterparty: string;
  starts_on: string | null;
  ends_on: string | null;
}

export function proposalBody(v: ProposalValues): ConflictCheckRequest {
  const body: ConflictCheckRequest = { therapeutic_areas: v.therapeutic_areas, modalities: v.modalities, territories: v.territories };
  if (v.counterparty.trim()) body.counterparty = v.counterparty.trim();
  if (v.starts_on) body.starts_on = v.starts_on;
  if (v.ends_on) body.ends_on = v.ends_on;
  return body;
}

function ProposalForm({ onChecked, onCancel }: { onChecked: (check: ConflictCheck) => void; onCancel: () => void }) {
  const form = useForm<ProposalValues>({
    mode: 'controlled',
    initialValues: { therapeutic_areas: [], modalities: [], territories: [], counterparty: '', starts_on: null, ends_on: null },
    validate: { ends_on: (v, values) => (v && values.starts_on && v < values.starts_on ? 'The end is before the start' : null) },
  });
  const check = useMutation({
    mutationFn: (values: ProposalValues) => checkConflicts(proposalBody(values)),
    onSuccess: onChecked,
    onError: (error) => form.setErrors(recordFieldErrors(error)),
  });
  return (
    <form noValidate onSubmit={form.onSubmit((values) => check.mutate(values))} aria-label="Proposed deal">
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TagsInput label="Therapeutic areas" placeholder="Press Enter after each" {...form.getInputProps('therapeutic_areas')} />
          <TagsInput label="Modalities" placeholder="Press Enter after each" {...form.getInputProps('modalities')} />
          <TagsInput label="Territories" placeholder="Press Enter after each" {...form.getInputProps('territories')} />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Counterparty" placeholder="The prospective partner" {...form.getInputProps('counterparty')} />
          <DateInput label="Starts on" description="Empty: today." clearable {...form.getInputProps('starts_on')} />
          <DateInput label="Ends on" clearable {...form.getInputProps('ends_on')} />
        </SimpleGrid>
        <FormActions error={check.isError ? check.error : null} errorTitle="Not checked" onCancel={onCancel} submitLabel="Check the proposed deal" pending={check.isPending} />
      </Stack>
    </form>
  );
}

export function ConflictCheckCard({ alliance }: { alliance: Alliance }) {
  const [result, setResult] = useState<{ what: string; check: ConflictCheck } | null>(null);
  const [proposing, { toggle, close }] = useDisclosure(false);
  const checkAlliance = useMutation({
    mutationFn: () => checkAllianceConflicts(alliance.id),
    onSuccess: (check) => setResult({ what: 'This alliance', check }),
  });
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby="conflict-check-title">
      <Group justify="space-between" align="flex-start" gap="sm" mb="sm">
        <div>
          <Title order={3} size="h5" id="conflict-check-title">
            Conflict check
          </Title>
          <Text size="xs" c="dimmed" maw={620}>
            Checks the restrictions that bind {alliance.my_party.organization_name} in its signed and active agreements: this alliance’s therapeutic areas, territory and partners, or a deal you
            describe.
          </Text>
        </div>
        <Group gap="xs">
          <Button variant="default" size="sm" onClick={toggle} aria-expanded={proposing}>
            Check a proposed deal
          </Button>
          <Button size="sm" leftSection={<IconShieldSearch size={16} aria-hidden />} loading={checkAlliance.isPending} onClick={() => checkAlliance.mutate()}>
            Check this alliance
          </Button>
        </Group>
      </Group>
      {proposing && (
        <Paper bg="var(--mantine-color-gray-0)" p="sm" radius="sm" mb="sm">
          <ProposalForm
            onChecked={(check) => {
              setResult({ what: 'The proposed deal', check });
              close();
            }}
            onCancel={close}
          />
        </Paper>
      )}
      {checkAlliance.isError && <ErrorAlert error={checkAlliance.error} title="Not checked" onRetry={() => checkAlliance.mutate()} />}
      {result && (
        <Stack gap={6} aria-live="polite">
          <Text size="sm" fw={600}>
            {result.what}
          </Text>
          <ConflictHits check={result.check} />
        </Stack>
      )}
    </Paper>
  );
}
