// The North Star: what the alliance is for, for whom, and what each party gives and gets; above
// it, the changes proposed to its shared fields and how the alliance stands against its plan;
// below, its details and the viewer's own organisation's priority (tier and internal note).
// The plan's summary is the plan's to draw: the page that composes the alliance's workspace
// passes it in, so that this panel knows no other feature.
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconLock, IconStar } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Alliance } from '../../api/types';
import { TierBadge } from '../../ui/badges';
import { formatDateTime } from '../../ui/format';
import {
  ALLIANCE_TYPE_LABELS,
  ORGANIZATION_TYPE_LABELS,
  PARTY_ROLE_LABELS,
  PRIORITY_NOTE_LABEL,
  TIER_DESCRIPTIONS,
  TIER_FIELD_LABEL,
} from '../../ui/labels';
import { ProposalsPanel } from './ProposalsPanel';
import { LinkifiedText } from '../../ui/LinkifiedText';

function Empty({ children }: { children: string }) {
  return (
    <Text size="sm" c="dimmed" fs="italic">
      {children}
    </Text>
  );
}

export function OverviewPanel({ alliance, planSummary }: { alliance: Alliance; planSummary?: ReactNode }) {
  const { north_star: ns } = alliance;
  const contributions = new Map(ns.contributions.map((c) => [c.organization_id, c]));
  const canEdit = alliance.my_role === 'manager';
  return (
    <Stack gap="md">
      <ProposalsPanel alliance={alliance} />
      {planSummary}
      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} style={{ borderTop: '3px solid var(--mantine-color-indigo-5)' }}>
        <Stack gap="md">
          <Group gap="xs">
            <IconStar size={18} color="var(--mantine-color-indigo-6)" aria-hidden />
            <Title order={2} size="h4">
              North Star
            </Title>
          </Group>
          {ns.statement ? (
            <Text size="lg" fw={500} lh={1.45} data-testid="north-star-statement">
              {ns.statement}
            </Text>
          ) : (
            <Empty>{canEdit ? 'No statement yet. Edit the alliance to say what it is meant to achieve.' : 'No statement yet.'}</Empty>
          )}
          <div>
            <Text size="xs" tt="uppercase" fw={700} c="dimmed" lts={0.4}>
              For whom
            </Text>
            {ns.beneficiaries ? <Text size="sm">{ns.beneficiaries}</Text> : <Empty>Not described yet.</Empty>}
          </div>
        </Stack>
      </Paper>

      <SimpleGrid cols={{ base: 1, sm: Math.min(alliance.parties.length, 3) }} spacing="md" aria-label="What each party brings and expects">
        {alliance.parties.map((party) => {
          const c = contributions.get(party.organization_id);
          return (
            <Paper key={party.organization_id} withBorder radius="md" p="md" data-party-card={party.organization_name}>
              <Stack gap="sm">
                <div>
                  <Text fw={650}>{party.organization_name}</Text>
                  <Text size="xs" c="dimmed">
                    {PARTY_ROLE_LABELS[party.role]} · {ORGANIZATION_TYPE_LABELS[party.organization_type]}
                  </Text>
                </div>
                <div>
                  <Text size="xs" tt="uppercase" fw={700} c="dimmed" lts={0.4}>
                    Contributes
                  </Text>
                  {c?.contribution ? <Text size="sm">{c.contribution}</Text> : <Empty>Not described yet.</Empty>}
                </div>
                <div>
                  <Text size="xs" tt="uppercase" fw={700} c="dimmed" lts={0.4}>
                    Expects
                  </Text>
                  {c?.expected_value ? <Text size="sm">{c.expected_value}</Text> : <Empty>Not described yet.</Empty>}
                </div>
              </Stack>
            </Paper>
          );
        })}
      </SimpleGrid>

      <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }}>
        <Title order={2} size="h5" mb="sm">
          Details
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
          <div>
            <Text size="xs" c="dimmed">Type</Text>
            <Text size="sm">{ALLIANCE_TYPE_LABELS[alliance.type]}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">Therapeutic areas</Text>
            {alliance.therapeutic_areas.length ? (
              <Group gap={4} mt={2}>
                {alliance.therapeutic_areas.map((area) => (
                  <Badge key={area} variant="default" size="sm" tt="none">
                    {area}
                  </Badge>
                ))}
              </Group>
            ) : (
              <Text size="sm">—</Text>
            )}
          </div>
          <div>
            <Text size="xs" c="dimmed">Territory</Text>
            <Text size="sm">{alliance.territory || '—'}</Text>
          </div>
          <div>
            <Text size="xs" c="dimmed">Last updated</Text>
            <Text size="sm">{formatDateTime(alliance.updated_at)}</Text>
          </div>
        </SimpleGrid>
        {alliance.description && (
          <LinkifiedText size="sm" mt="md" text={alliance.description} />
        )}
      </Paper>

      <OwnPriority alliance={alliance} />
    </Stack>
  );
}

/** The tier and note of the viewer's own organisation: the server sends no other party's. */
function OwnPriority({ alliance }: { alliance: Alliance }) {
  const organization = alliance.my_party.organization_name;
  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} bg="var(--mantine-color-gray-0)" aria-labelledby="own-priority-title" component="section">
      <Group justify="space-between" align="flex-start" gap="sm" mb="sm">
        <Group gap="xs">
          <IconLock size={16} color="var(--mantine-color-gray-6)" aria-hidden />
          <Title order={2} size="h5" id="own-priority-title">
            Your organisation’s priority
          </Title>
        </Group>
        <Text size="xs" c="dimmed">
          Only {organization} sees this
        </Text>
      </Group>
      <Group gap="xl" align="flex-start" wrap="wrap">
        <div style={{ flex: '0 0 auto' }}>
          <Text size="xs" c="dimmed">
            {TIER_FIELD_LABEL}
          </Text>
          <Group gap={6} mt={2}>
            <TierBadge tier={alliance.tier} />
            <Text size="sm">{TIER_DESCRIPTIONS[alliance.tier]}</Text>
          </Group>
        </div>
        <div style={{ flex: '1 1 280px', minWidth: 0 }}>
          <Text size="xs" c="dimmed">
            {PRIORITY_NOTE_LABEL}
          </Text>
          {alliance.priority_note ? (
            <LinkifiedText size="sm" data-testid="priority-note" text={alliance.priority_note} />
          ) : (
            <Empty>{alliance.my_role === 'manager' ? 'No note yet. Edit the alliance to say why it has this tier.' : 'No note yet.'}</Empty>
          )}
        </div>
      </Group>
    </Paper>
  );
}
