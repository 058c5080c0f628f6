// Test helpers: the app's providers around a component, a signed-in person, and a fake API.
import { DateInput, type DateInputProps } from '@mantine/dates';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { vi } from 'vitest';
import { setCsrfToken } from '../api/client';
import type { Alliance, Me } from '../api/types';
import { Providers } from '../app/Providers';
import { makeQueryClient } from '../app/queryClient';
import { SessionContext } from '../modules/auth/session';

export const ME: Me = {
  user: {
    id: '01a1ffd0-bd08-7c43-abcb-5d2963d33b26',
    email: 'alice@meridian.example',
    name: 'Alice Moreau',
    organization_id: '01a1ffd0-bcea-78b5-b41d-dca7f05f14ad',
    org_role: 'admin',
    active: true,
    version: 1,
    created_at: '2026-11-21T20:33:52.392Z',
  },
  organization: {
    id: '01a1ffd0-bcea-78b5-b41d-dca7f05f14ad',
    name: 'Meridian Therapeutics',
    type: 'pharma',
    website: null,
    version: 1,
    created_at: '2026-11-21T20:33:52.362Z',
  },
  csrf_token: 'csrf-test-token',
};

export const PARTNER_ID = '01a1ffd0-bceb-7965-bd16-5256244f6038';

export function makeAlliance(overrides: Partial<Alliance> = {}): Alliance {
  return {
    id: '01a1ffd0-bf36-7cee-b537-e15daeea8071',
    name: 'Meridian × Pulsewise adherence',
    type: 'co_development',
    therapeutic_areas: ['cardiology'],
    territory: 'EU and US',
    tier: 1,
    description: '',
    stage: 'scouting',
    archived: false,
    parties: [
      { organization_id: ME.organization.id, organization_name: 'Meridian Therapeutics', organization_type: 'pharma', role: 'co_developer' },
      { organization_id: PARTNER_ID, organization_name: 'Pulsewise Health', organization_type: 'startup', role: 'co_developer' },
    ],
    north_star: {
      statement: 'Fewer readmissions',
      beneficiaries: 'Heart-failure patients',
      contributions: [
        { organization_id: ME.organization.id, organization_name: 'Meridian Therapeutics', contribution: 'Trial sites', expected_value: 'Evidence', can_edit: true },
        { organization_id: PARTNER_ID, organization_name: 'Pulsewise Health', contribution: 'The app', expected_value: 'Revenue', can_edit: true },
      ],
    },
    my_role: 'manager',
    my_party: { organization_id: ME.organization.id, organization_name: 'Meridian Therapeutics', organization_type: 'pharma', role: 'co_developer' },
    priority_note: '',
    consent_required: false,
    open_proposals: 0,
    health: null,
    version: 3,
    created_at: '2026-11-21T20:33:52.950Z',
    updated_at: '2026-11-21T20:33:52.952Z',
    ...overrides,
  };
}

export interface Recorded {
  method: string;
  path: string;
  search: URLSearchParams;
  headers: Headers;
  body: unknown;
}

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
type Handler = (request: Recorded) => Reply | Promise<Reply>;

/** A JSON body as data; anything else (an uploaded file) as its text. */
function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** Replaces fetch with handlers keyed by "METHOD /path"; returns the requests it saw. */
export function fakeApi(handlers: Record<string, Handler | Reply>): Recorded[] {
  const seen: Recorded[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: Request) => {
      const url = new URL(input.url);
      const text = input.method === 'GET' ? '' : await input.text();
      const recorded: Recorded = {
        method: input.method,
        path: url.pathname,
        search: url.searchParams,
        headers: input.headers,
        body: text ? parseBody(text) : undefined,
      };
      seen.push(recorded);
      const handler = handlers[`${input.method} ${url.pathname}`];
      if (!handler) {
        return new Response(JSON.stringify({ type: 'x/not-found', title: 'Not found', status: 404, request_id: 't' }), {
          status: 404,
          headers: { 'content-type': 'application/problem+json' },
        });
      }
      const reply = typeof handler === 'function' ? await handler(recorded) : handler;
      const isProblem = reply.status >= 400;
      return new Response(reply.status === 204 ? null : JSON.stringify(reply.body ?? {}), {
        status: reply.status,
        headers: { 'content-type': isProblem ? 'application/problem+json' : 'application/json', ...reply.headers },
      });
    }),
  );
  return seen;
}

export function problem(status: number, detail: string, errors?: { field: string; message: string }[]) {
  const suffix: Record<number, string> = { 401: 'unauthenticated', 404: 'not-found', 409: 'conflict', 412: 'stale', 422: 'validation' };
  return {
    status,
    body: { type: `https://northstar.dev/problems/${suffix[status] ?? 'error'}`, title: 'Problem', status, detail, request_id: 'test', ...(errors ? { errors } : {}) },
  };
}

/** Renders `ui` at `route` inside the app's providers, signed in as `me`. */
export function renderPage(ui: ReactNode, { route = '/', path = '*', me = ME }: { route?: string; path?: string; me?: Me | null } = {}) {
  const queryClient = makeQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Infinity } });
  queryClient.setQueryData(['me'], me);
  setCsrfToken(me?.csrf_token);
  const router = createMemoryRouter(
    [{ path, element: me ? <SessionContext.Provider value={me}>{ui}</SessionContext.Provider> : ui }],
    { initialEntries: [route] },
  );
  const result = render(
    <Providers queryClient={queryClient}>
      <RouterProvider router={router} />
    </Providers>,
  );
  return { ...result, router, queryClient };
}

/** One date field in the app's providers (its theme gives the reader's day pattern), labelled "Day". */
export function renderDateField(props: Partial<DateInputProps> = {}) {
  return render(
    <Providers queryClient={makeQueryClient()}>
      <DateInput label="Day" {...props} />
    </Providers>,
  );
}
