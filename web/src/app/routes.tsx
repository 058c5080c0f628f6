import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { Navigate } from 'react-router';
import { CrashPage } from '../pages/CrashPage';
import { LoginPage } from '../pages/LoginPage';
import { PageLoader } from '../ui/feedback';

// Each page is its own chunk, loaded by the router before it shows the page, so that the first
// load brings only the page it shows: signing in does not download the workspace, and the
// portfolio does not download an alliance's tabs. Sign-in stays in the entry chunk: it is small
// and is the first page of most visits.
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return async () => ({ Component: (await load())[name] });
}

export const routes: RouteObject[] = [
  {
    errorElement: <CrashPage />,
    hydrateFallbackElement: <PageLoader label="Opening Northstar…" />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/invitations/accept', lazy: page(() => import('../pages/AcceptInvitationPage'), 'AcceptInvitationPage') },
      {
        lazy: page(() => import('./SignedInLayout'), 'SignedInLayout'),
        children: [
          { index: true, element: <Navigate to="/alliances" replace /> },
          { path: '/alliances', lazy: page(() => import('../pages/PortfolioPage'), 'PortfolioPage') },
          { path: '/alliances/new', lazy: page(() => import('../pages/NewAlliancePage'), 'NewAlliancePage') },
          { path: '/alliances/:id/edit', lazy: page(() => import('../pages/EditAlliancePage'), 'EditAlliancePage') },
          { path: '/alliances/:id/:tab?', lazy: page(() => import('../pages/AlliancePage'), 'AlliancePage') },
          { path: '/actions', lazy: page(() => import('../pages/MyActionsPage'), 'MyActionsPage') },
          { path: '/obligations', lazy: page(() => import('../pages/MyObligationsPage'), 'MyObligationsPage') },
          { path: '/settings/:section?', lazy: page(() => import('../pages/SettingsPage'), 'SettingsPage') },
          { path: '/account', lazy: page(() => import('../pages/AccountPage'), 'AccountPage') },
          { path: '*', lazy: page(() => import('../pages/NotFoundPage'), 'NotFoundPage') },
        ],
      },
    ],
  },
];
