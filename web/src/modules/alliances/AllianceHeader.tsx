import { Badge, Button, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArrowBackUp, IconChevronDown, IconGitPullRequest, IconPencil } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { problemMessage } from '../../api/problem';
import type { Alliance } from '../../api/types';
import { StageBadge, TierBadge } from '../../ui/badges';
import {
  ALLIANCE_ROLE_LABELS,
  ALLIANCE_TYPE_LABELS,
  ORGANIZATION_TYPE_LABELS,
  PARTY_ROLE_LABELS,
  TIER_FIELD_LABEL,
  TIER_LABELS,
} from '../../ui/labels';
import { archiveAlliance, refreshAlliance } from './queries';

export function AllianceHeader({ alliance }: { alliance: Alliance }) {
  const queryClient = useQueryClient();
  const isManager = alliance.my_role === 'manager';
  const archive = useMutation({
    mutationFn: (toArchive: boolean) => archiveAlliance(alliance.id, alliance.version, toArchive),
    onSuccess: (saved) => {
      refreshAlliance(queryClient, saved);
      notifications.show({ color: 'teal', message: saved.archived ? 'The alliance is archived.' : 'The alliance is active again.' });
    },
    onError: (error) => notifications.show({ color: 'red', title: 'Not changed', message: problemMessage(error) }),
  });

  const confirmArchive = () =>
    modals.openConfirmModal({
      title: 'Archive this alliance?',
      children: (
        <Text size="sm">
          It leaves the portfolio’s active list for every party. Nothing is deleted, and a manager can restore it at any time.
        </Text>
      ),
      labels: { confirm: 'Archive', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => archive.mutate(true),
    });

  return (
    <Paper withBorder radius="md" p={{ base: 'md', sm: 'lg' }} mb="md">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={6} style={{ flex: '1 1 360px', minWidth: 0 }}>
            <Group gap="xs">
              <StageBadge stage={alliance.stage} size="lg" />
              <TierBadge tier={alliance.tier} size="lg" aria-label={`${TIER_FIELD_LABEL}: ${TIER_LABELS[alliance.tier]}`} />
              {alliance.open_proposals > 0 && (
                <Badge
                  component={Link}
                  to={`/alliances/${alliance.id}`}
                  color="yellow"
                  variant="light"
                  size="lg"
                  radius="sm"
                  leftSection={<IconGitPullRequest size={14} aria-hidden />}
                  style={{ cursor: 'pointer', textTransform: 'none' }}
                  data-testid="open-proposals"
                >
                  {alliance.open_proposals === 1 ? '1 proposed change waiting' : `${alliance.open_proposals} proposed changes waiting`}
                </Badge>
              )}
              {alliance.archived && (
                <Badge color="gray" variant="filled" size="lg">
                  Archived
                </Badge>
              )}
              <Text size="sm" c="dimmed">
                {ALLIANCE_TYPE_LABELS[alliance.type]}
              </Text>
            </Group>
            <Title order={1} size="h2" fw={650}>
              {alliance.name}
            </Title>
          </Stack>
          {isManager && (
            <Group gap="xs">
              <Button component={Link} to={`/alliances/${alliance.id}/edit`} leftSection={<IconPencil size={16} aria-hidden />}>
                Edit
              </Button>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button variant="default" rightSection={<IconChevronDown size={14} aria-hidden />}>
                    More
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {alliance.archived ? (
                    <Menu.Item leftSection={<IconArrowBackUp size={16} />} onClick={() => archive.mutate(false)}>
                      Restore alliance
                    </Menu.Item>
                  ) : (
                    <Menu.Item color="red" leftSection={<IconArchive size={16} />} onClick={confirmArchive}>
                      Archive alliance
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            </Group>
          )}
        </Group>
        <Group gap="lg" wrap="wrap" aria-label="Parties">
          {alliance.parties.map((party) => {
            const mine = party.organization_id === alliance.my_party.organization_id;
            return (
              <Group key={party.organization_id} gap={8} wrap="nowrap" data-party={party.organization_name}>
                <div>
                  <Text size="sm" fw={600}>
                    {party.organization_name}
                    {mine && (
                      <Badge ml={6} size="xs" variant="light" color="indigo">
                        You
                      </Badge>
                    )}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {PARTY_ROLE_LABELS[party.role]} · {ORGANIZATION_TYPE_LABELS[party.organization_type]}
                  </Text>
                </div>
              </Group>
            );
          })}
          <Text size="xs" c="dimmed" ml="auto">
            Your role: {ALLIANCE_ROLE_LABELS[alliance.my_role]}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}
