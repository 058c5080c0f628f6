// Which pages' code the app opens on, by path: what the boot script (src/boot.ts) starts to
// download together with the app's own code, before the app has run and its router has matched the
// path. It mirrors the routes of routes.tsx, whose lazy pages carry the same names
// (`handle.page`); a test holds the two together. A page this misses only loads later, as every
// page did before.
//
// Plain patterns rather than the router's own matching: the boot script must stay a few hundred
// bytes that need nothing else.

/** A page is named after its module and the component it exports (src/pages/PortfolioPage.tsx). */
export const FIRST_PAGES = [
  'AcceptInvitationPage',
  'SignedInLayout',
  'PortfolioPage',
  'NewAlliancePage',
  'EditAlliancePage',
  'AlliancePage',
  'MyActionsPage',
  'MyObligationsPage',
  'SettingsPage',
  'AccountPage',
  'NotFoundPage',
] as const;

export type FirstPage = (typeof FIRST_PAGES)[number];

const SIGNED_IN: [RegExp, FirstPage | null][] = [
  [/^\/$/, null], // the portfolio, after a redirect
  [/^\/alliances$/, 'PortfolioPage'],
  [/^\/alliances\/new$/, 'NewAlliancePage'],
  [/^\/alliances\/[^/]+\/edit$/, 'EditAlliancePage'],
  [/^\/alliances\/[^/]+(\/[^/]+)?$/, 'AlliancePage'],
  [/^\/actions$/, 'MyActionsPage'],
  [/^\/obligations$/, 'MyObligationsPage'],
  [/^\/settings(\/[^/]+)?$/, 'SettingsPage'],
  [/^\/account$/, 'AccountPage'],
];

/** The pages (outermost first) that show `pathname`; none for the sign-in page, which the app carries. */
export function firstPages(pathname: string): FirstPage[] {
  const path = pathname.toLowerCase().replace(/\/+$/, '') || '/';
  if (path === '/login') return [];
  if (path === '/invitations/accept') return ['AcceptInvitationPage'];
  const match = SIGNED_IN.find(([pattern]) => pattern.test(path));
  const page = match ? match[1] : 'NotFoundPage';
  return page ? ['SignedInLayout', page] : ['SignedInLayout'];
}
