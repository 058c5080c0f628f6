import { Tabs } from '@mantine/core';
import { IconCalendarShare, IconKey, IconUsers } from '@tabler/icons-react';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useSession } from '../modules/auth/session';
import { CalendarFeedSettings } from '../modules/settings/CalendarFeedSettings';
import { OrganizationProfile } from '../modules/settings/OrganizationProfile';
import { PeopleSettings } from '../modules/settings/PeopleSettings';
import { TokenSettings } from '../modules/settings/TokenSettings';
import { PageHeader } from '../ui/PageHeader';
import { ORGANIZATION_TYPE_LABELS } from '../ui/labels';

export function SettingsPage() {
  const { section = 'people' } = useParams();
  const navigate = useNavigate();
  const { organization, user } = useSession();
  if (section !== 'people' && section !== 'tokens' && section !== 'calendar') return <Navigate to="/settings" replace />;
  return (
    <>
      <PageHeader
        title="Organisation settings"
        description={`${organization.name} · ${ORGANIZATION_TYPE_LABELS[organization.type]}${user.org_role === 'admin' ? ' · you are an organisation admin' : ''}`}
      />
      <Tabs value={section} onChange={(v) => navigate(v === 'people' ? '/settings' : `/settings/${v}`)} keepMounted={false} variant="outline" radius="md">
        <Tabs.List mb="md">
          <Tabs.Tab value="people" leftSection={<IconUsers size={16} aria-hidden />}>
            People
          </Tabs.Tab>
          <Tabs.Tab value="tokens" leftSection={<IconKey size={16} aria-hidden />}>
            API tokens
          </Tabs.Tab>
          <Tabs.Tab value="calendar" leftSection={<IconCalendarShare size={16} aria-hidden />}>
            Calendar feed
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="people">
          <OrganizationProfile key={organization.version} />
          <PeopleSettings />
        </Tabs.Panel>
        <Tabs.Panel value="tokens">
          <TokenSettings />
        </Tabs.Panel>
        <Tabs.Panel value="calendar">
          <CalendarFeedSettings />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
