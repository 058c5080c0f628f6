import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { Navigate } from 'react-router';
import { allianceQuery } from '../modules/alliances/queries';
import { proposalsQuery } from '../modules/alliances/proposals';
import { meQuery } from '../modules/auth/session';
import { mySurveysQuery } from '../modules/health/mySurveys';
import { notificationsQuery } from '../modules/notifications/queries';
import { planSummaryQuery } from '../modules/plans/queries';
import { parseFilters } from '../modules/portfolio/filters';
import { allianceListQuery } from '../modules/portfolio/queries';
import { CrashPage } from '../pages/CrashPage';
import { LoginPage } from '../pages/LoginPage';
import { PageLoader } from '../ui/feedback';
import type { FirstPage } from './firstPage';

// Each page is its own chunk, loaded by the router before it shows the page, so that the first
// load brings only the page it shows: signing in does not download the workspace, and the
// portfolio does not download an alliance's tabs. Sign-in stays in the entry chunk: it is small
// and is the first page of most visits. The page's name (its module's and component's) is the
// route's `handle`, by which the boot script finds the code to download first (./firstPage.ts).
function page<K extends FirstPage>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return { lazy: async () => ({ Component: (await load())[name] }), handle: { page: name } };
}

// What a page shows first is asked for by its route, while the page's code is still on its way,
// instead of after the page has rendered: on a slow phone connection that is a round trip or two
// less before anything useful shows. Only for a signed-in person (one `/me` answers that). When the
// app opens, the first page waits for its answers (or their failure) and then draws once, in
// slices a slow phone's main thread can take; later pages show at once and fill in as answers come.
export function prefetching(
  queryClient: QueryClient,
  then: (args: LoaderFunctionArgs) => Promise<unknown>[] = () => [],
) {
  return (args: LoaderFunctionArgs) => {
    const opening = queryClient.getQueryData(meQuery.queryKey) === undefined;
    const answered = queryClient
      .ensureQueryData(meQuery)
      .then((me) => (me ? Promise.all(then(args)) : undefined))
      .then(
        () => null,
        () => null,
      );
    return opening ? answered : null;
  };
}

export function makeRoutes(queryClient: QueryClient): RouteObject[] {
  const prefetch = prefetching.bind(null, queryClient);
  return [
    {
      errorElement: <CrashPage />,
      hydrateFallbackElement: <PageLoader label="Opening Northstar…" />,
      children: [
        { path: '/login', element: <LoginPage /> },
        { path: '/invitations/accept', ...page(() => import('../pages/AcceptInvitationPage'), 'AcceptInvitationPage') },
        {
          ...page(() => import('./SignedInLayout'), 'SignedInLayout'),
          // The header's bell and its Surveys count: drawn with the first page, not a moment after.
          loader: prefetch(() => [queryClient.prefetchQuery(notificationsQuery), queryClient.prefetchQuery(mySurveysQuery)]),
          children: [
            { index: true, element: <Navigate to="/alliances" replace /> },
            {
              path: '/alliances',
              ...page(() => import('../pages/PortfolioPage'), 'PortfolioPage'),
              loader: prefetch(({ request }) => [
                queryClient.prefetchInfiniteQuery(allianceListQuery(parseFilters(new URL(request.url).searchParams))),
              ]),
            },
            { path: '/alliances/new', ...page(() => import('../pages/NewAlliancePage'), 'NewAlliancePage') },
            { path: '/alliances/:id/edit', ...page(() => import('../pages/EditAlliancePage'), 'EditAlliancePage') },
            { path: '/alliances/:id/health/:waveId/answer', ...page(() => import('../pages/HealthAnswerPage'), 'HealthAnswerPage') },
            {
              path: '/alliances/:id/:tab?',
              ...page(() => import('../pages/AlliancePage'), 'AlliancePage'),
              loader: prefetch(({ params }) =>
                !params.id
                  ? []
                  : [
                      queryClient.prefetchQuery(allianceQuery(params.id)),
                      ...(params.tab && params.tab !== 'overview'
                        ? []
                        : [
                            queryClient.prefetchInfiniteQuery(proposalsQuery(params.id, 'open')),
                            queryClient.prefetchQuery(planSummaryQuery(params.id)),
                          ]),
                    ],
              ),
            },
            { path: '/actions', ...page(() => import('../pages/MyActionsPage'), 'MyActionsPage') },
            { path: '/obligations', ...page(() => import('../pages/MyObligationsPage'), 'MyObligationsPage') },
            { path: '/surveys', ...page(() => import('../pages/MySurveysPage'), 'MySurveysPage') },
            { path: '/settings/:section?', ...page(() => import('../pages/SettingsPage'), 'SettingsPage') },
            { path: '/account', ...page(() => import('../pages/AccountPage'), 'AccountPage') },
            { path: '*', ...page(() => import('../pages/NotFoundPage'), 'NotFoundPage') },
          ],
        },
      ],
    },
  ];
}
