import type { RouteObject } from 'react-router';
import { Navigate } from 'react-router';
import { RequireAuth } from '../modules/auth/RequireAuth';
import { AcceptInvitationPage } from '../pages/AcceptInvitationPage';
import { AccountPage } from '../pages/AccountPage';
import { CrashPage } from '../pages/CrashPage';
import { AlliancePage } from '../pages/AlliancePage';
import { EditAlliancePage } from '../pages/EditAlliancePage';
import { LoginPage } from '../pages/LoginPage';
import { MyActionsPage } from '../pages/MyActionsPage';
import { MyObligationsPage } from '../pages/MyObligationsPage';
import { NewAlliancePage } from '../pages/NewAlliancePage';
import { NotFoundPage } from '../pages/NotFoundPage';
import { PortfolioPage } from '../pages/PortfolioPage';
import { SettingsPage } from '../pages/SettingsPage';
import { AppLayout } from './AppLayout';

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage />, errorElement: <CrashPage /> },
  { path: '/invitations/accept', element: <AcceptInvitationPage />, errorElement: <CrashPage /> },
  {
    errorElement: <CrashPage />,
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <Navigate to="/alliances" replace /> },
      { path: '/alliances', element: <PortfolioPage /> },
      { path: '/alliances/new', element: <NewAlliancePage /> },
      { path: '/alliances/:id/edit', element: <EditAlliancePage /> },
      { path: '/alliances/:id/:tab?', element: <AlliancePage /> },
      { path: '/actions', element: <MyActionsPage /> },
      { path: '/obligations', element: <MyObligationsPage /> },
      { path: '/settings/:section?', element: <SettingsPage /> },
      { path: '/account', element: <AccountPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
