// The frame of every signed-in page: the header with navigation and the signed-in person.
import { AppShell, Avatar, Burger, Container, Group, Menu, NavLink, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBriefcase, IconChecklist, IconChevronDown, IconClipboardHeart, IconListCheck, IconLogout, IconSettings, IconUserCircle } from '@tabler/icons-react';
import { NavLink as RouterNavLink, Outlet, useNavigate } from 'react-router';
import { useSession, useSignOut } from '../modules/auth/session';
import { useSurveysToAnswer } from '../modules/health/mySurveys';
import { NotificationsBell } from '../modules/notifications/NotificationsBell';
import { ORG_ROLE_LABELS, ORGANIZATION_TYPE_LABELS } from '../ui/labels';
import { Logo } from './Logo';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part.charAt(0).toUpperCase())
    .join('');
}

const NAV = [
  { to: '/alliances', label: 'Portfolio', icon: IconBriefcase },
  { to: '/actions', label: 'My actions', icon: IconChecklist },
  { to: '/obligations', label: 'My obligations', icon: IconListCheck },
  { to: '/surveys', label: 'Surveys', icon: IconClipboardHeart },
  { to: '/settings', label: 'Settings', icon: IconSettings },
];

/** How many surveys wait for my answer, beside "Surveys": read as "Surveys 2 to answer". */
function SurveysCount({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    // A plain counter rather than Mantine's Badge: the header is on every page's first load, and
    // the Badge's code would come with it.
    <>
      {' '}
      <span className="nav-count" data-testid="surveys-count">
        {count > 99 ? '99+' : count}
        {' '}
        <span className="visually-hidden">to answer</span>
      </span>
    </>
  );
}

export function AppLayout() {
  const { user, organization } = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const [opened, { toggle, close }] = useDisclosure(false);
  const surveys = useSurveysToAnswer();
  const countOf = (to: string) => (to === '/surveys' ? <SurveysCount count={surveys} /> : null);

  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { desktop: true, mobile: !opened } }} padding={0}>
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <AppShell.Header withBorder style={{ boxShadow: '0 1px 2px rgba(16, 24, 40, 0.04)' }}>
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group gap="lg" wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Open navigation" />
              <UnstyledButton component={RouterNavLink} to="/alliances" aria-label="Northstar home">
                <Logo />
              </UnstyledButton>
              <Group gap={4} visibleFrom="sm" component="nav" aria-label="Main" wrap="nowrap">
                {NAV.map((item) => (
                  <RouterNavLink key={item.to} to={item.to} className="top-nav-link">
                    {item.label}
                    {countOf(item.to)}
                  </RouterNavLink>
                ))}
              </Group>
            </Group>
            <Group gap="sm" wrap="nowrap">
              <NotificationsBell />
              <Menu position="bottom-end" width={260} withinPortal>
                {/* Named by the text it shows (WCAG 2.5.3): the initials repeat the name and are hidden
                    from screen readers; below laptop width, where the navigation needs the room, the name
                    is hidden from view only. */}
                <Menu.Target>
                  <UnstyledButton className="user-button" data-testid="user-menu">
                    <Group gap="sm" wrap="nowrap">
                      <Avatar color="indigo" radius="xl" size={34} aria-hidden>
                        {initials(user.name)}
                      </Avatar>
                      <Stack gap={0} className="user-button-name" style={{ lineHeight: 1.2 }}>
                        <Text size="sm" fw={600} lh={1.25}>
                          {user.name}
                        </Text>
                        <Text size="xs" c="dimmed" lh={1.25}>
                          {organization.name}
                        </Text>
                      </Stack>
                      <IconChevronDown size={14} aria-hidden />
                    </Group>
                  </UnstyledButton>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Label>
                    {user.email}
                    <br />
                    {organization.name} · {ORGANIZATION_TYPE_LABELS[organization.type]}
                    <br />
                    {ORG_ROLE_LABELS[user.org_role]}
                  </Menu.Label>
                  <Menu.Divider />
                  <Menu.Item leftSection={<IconUserCircle size={16} />} onClick={() => navigate('/account')}>
                    Your account
                  </Menu.Item>
                  <Menu.Item leftSection={<IconSettings size={16} />} onClick={() => navigate('/settings')}>
                    Organisation settings
                  </Menu.Item>
                  <Menu.Divider />
                  <Menu.Item
                    leftSection={<IconLogout size={16} />}
                    onClick={() => void signOut()}
                  >
                    Sign out
                  </Menu.Item>
                </Menu.Dropdown>
              </Menu>
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Navbar p="sm" hiddenFrom="sm" aria-label="Main">
        {NAV.map((item) => (
          <NavLink
            key={item.to}
            component={RouterNavLink}
            to={item.to}
            label={item.label}
            leftSection={<item.icon size={18} aria-hidden />}
            rightSection={countOf(item.to)}
            onClick={close}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1} bg="var(--mantine-color-gray-0)" style={{ minHeight: '100vh', outline: 'none' }}>
        <Container size="xl" py={{ base: 'md', sm: 'xl' }}>
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}
