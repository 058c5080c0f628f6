// What the app opens on, by path: the pages' code and the first answers from the server, which the
// boot script (src/boot.ts) asks for together with the app's own code, before the app has run and
// its router has matched the path. It mirrors routes.tsx: its lazy pages carry the same names
// (`handle.page`) and its loaders ask for the same answers, which a test holds together. What this
// misses only loads later, as everything did before.
//
// Plain patterns rather than the router's own matching: the boot script must stay a kilobyte that
// needs nothing else.

/** A page is named after its module and the component it exports (src/pages/PortfolioPage.tsx). */
export const FIRST_PAGES = [
  'AcceptInvitationPage',
  'SignedInLayout',
  'PortfolioPage',
  'NewAlliancePage',
  'EditAlliancePage',
  'AlliancePage',
  'HealthAnswerPage',
  'MyActionsPage',
  'MyObligationsPage',
  'MySurveysPage',
  'SettingsPage',
  'AccountPage',
  'NotFoundPage',
] as const;

export type FirstPage = (typeof FIRST_PAGES)[number];

const SIGNED_IN: [RegExp, FirstPage | null][] = [
  [/^\/$/, null], // a redirect to the portfolio, whose code the redirect then loads
  [/^\/alliances$/, 'PortfolioPage'],
  [/^\/alliances\/new$/, 'NewAlliancePage'],
  [/^\/alliances\/[^/]+\/edit$/, 'EditAlliancePage'],
  [/^\/alliances\/[^/]+\/health\/[^/]+\/answer$/, 'HealthAnswerPage'],
  [/^\/alliances\/[^/]+(\/[^/]+)?$/, 'AlliancePage'],
  [/^\/actions$/, 'MyActionsPage'],
  [/^\/obligations$/, 'MyObligationsPage'],
  [/^\/surveys$/, 'MySurveysPage'],
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

const ALLIANCE = /^\/alliances\/([0-9A-Za-z-]+)(?:\/([^/]+))?$/;

/**
 * The answers the routes' loaders ask for when the app opens on `pathname` with `search`, as the
 * app's API client writes them: for the pages people open most, when nothing in the path needs
 * reading first (an unfiltered portfolio, an alliance by its id). Whether someone is signed in is
 * not known yet: for someone signed out these are refused (401) like the preloaded /me.
 */
export function firstAnswers(pathname: string, search: string): string[] {
  const pages = firstPages(pathname);
  if (!pages.includes('SignedInLayout')) return [];
  const answers = ['/api/v1/me/notifications?limit=20', '/api/v1/me/surveys'];
  const path = pathname.replace(/\/+$/, '');
  if (pages.includes('PortfolioPage') && search === '') answers.push('/api/v1/alliances?archived=false&sort=name&limit=25');
  const alliance = pages.includes('AlliancePage') ? ALLIANCE.exec(path) : null;
  if (alliance) {
    const url = `/api/v1/alliances/${alliance[1]}`;
    answers.push(url);
    if (!alliance[2] || alliance[2] === 'overview') answers.push(`${url}/proposals?status=open&limit=20`, `${url}/plan/summary`);
  }
  return answers;
}
