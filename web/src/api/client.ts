// The typed API client: every request and response is checked against docs/openapi.yaml
// (src/api/schema.d.ts is generated from it by `npm run generate`), so a contract change
// breaks `tsc` rather than the user.
import createClient, { type Middleware } from 'openapi-fetch';
import { takeFirstAnswer } from './firstAnswers';
import type { components, paths } from './schema';

export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];

let csrfToken: string | null = null;

/** Remembers the CSRF token from sign-in, /me or an accepted invitation. */
export function setCsrfToken(token: string | null | undefined): void {
  csrfToken = token ?? null;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

const csrfMiddleware: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && request.method !== 'HEAD' && csrfToken) {
      request.headers.set('X-CSRF-Token', csrfToken);
    }
    return request;
  },
};

function baseUrl(): string {
  return typeof window !== 'undefined' && window.location ? window.location.origin : 'http://localhost';
}

export const api = createClient<paths>({
  baseUrl: baseUrl(),
  credentials: 'same-origin',
  // Looked up at call time so that tests can stub the global fetch. The app's first requests take
  // the answers the boot script asked for with the page (./firstAnswers.ts).
  fetch: async (request) => (await takeFirstAnswer(request)) ?? globalThis.fetch(request),
});
api.use(csrfMiddleware);

/** A failed API call: the HTTP status and the RFC 9457 problem the server sent, if any. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  readonly retryAfterSeconds: number | null;

  constructor(status: number, problem: Problem | null, retryAfterSeconds: number | null = null) {
    super(problem?.detail ?? problem?.title ?? `Request failed with status ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Field errors of a 422, keyed by the server's field path (`parties[0].role`). */
  get fieldErrors(): { field: string; message: string }[] {
    return this.problem?.errors ?? [];
  }
}

function asProblem(error: unknown): Problem | null {
  if (error && typeof error === 'object' && 'status' in error && 'title' in error) {
    return error as Problem;
  }
  return null;
}

type Result<T> = { data?: T; error?: unknown; response: Response };

async function settle<T>(call: Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await call;
  } catch (cause) {
    if (cause instanceof ApiError) throw cause;
    // fetch rejects only when the server cannot be reached at all.
    throw new ApiError(0, null);
  }
}

function failure(result: Result<unknown>): ApiError {
  const retry = result.response.headers.get('Retry-After');
  return new ApiError(result.response.status, asProblem(result.error), retry ? Number(retry) : null);
}

/** Returns the body of a successful call or throws an ApiError. */
export async function unwrap<T>(call: Promise<Result<T>>): Promise<T> {
  const result = await settle(call);
  if (!result.response.ok) throw failure(result);
  return result.data as T;
}

/** For calls that answer 204 No Content. */
export async function unwrapEmpty(call: Promise<Result<unknown>>): Promise<void> {
  const result = await settle(call);
  if (!result.response.ok) throw failure(result);
}

/** The `If-Match` header for a record's version. */
export function ifMatch(version: number): { 'If-Match': string } {
  return { 'If-Match': `"${version}"` };
}
