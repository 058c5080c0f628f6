import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { fieldErrorsOf, problemMessage } from './problem';

const problem = (status: number, extra: Record<string, unknown> = {}) => ({
  type: 'https://northstar.dev/problems/x',
  title: 'T',
  status,
  request_id: 'r',
  ...extra,
});

describe('problemMessage', () => {
  it('uses the server’s sentence for wrong credentials', () => {
    const error = new ApiError(401, problem(401, { detail: 'The e-mail address or password is wrong.' }));
    expect(problemMessage(error)).toBe('The e-mail address or password is wrong.');
  });

  it('says that the session ended when a signed-in call gets 401', () => {
    expect(problemMessage(new ApiError(401, problem(401, { detail: 'Sign in to continue.' })))).toBe(
      'Your session has ended. Sign in again to continue.',
    );
  });

  it('never leaks JSON, even when the detail contains some', () => {
    const error = new ApiError(409, problem(409, { detail: '{"constraint":"uq_org_name"}' }));
    expect(problemMessage(error)).toBe('This conflicts with an existing record.');
  });

  it('turns a single field error into a sentence', () => {
    const error = new ApiError(422, problem(422, { errors: [{ field: 'name', message: 'must not be empty' }] }));
    expect(problemMessage(error)).toBe('Must not be empty.');
  });

  it('counts several field errors', () => {
    const errors = [
      { field: 'name', message: 'must not be empty' },
      { field: 'tier', message: 'must be between 1 and 3' },
    ];
    expect(problemMessage(new ApiError(422, problem(422, { errors })))).toBe('2 fields need attention.');
  });

  it('explains a stale version and sign-in back-off', () => {
    expect(problemMessage(new ApiError(412, problem(412)))).toMatch(/changed this record since you opened it/);
    expect(problemMessage(new ApiError(429, problem(429), 120))).toBe('Too many attempts. Try again in 2 minutes.');
  });

  it('explains an unreachable server and browser bugs', () => {
    expect(problemMessage(new ApiError(0, null))).toMatch(/could not be reached/);
    expect(problemMessage(new TypeError('x is undefined'))).toMatch(/Reload the page/);
  });

  it('explains a CSRF failure without jargon', () => {
    const error = new ApiError(403, problem(403, { type: 'https://northstar.dev/problems/csrf', detail: 'The X-CSRF-Token header is missing' }));
    expect(problemMessage(error)).toBe('Your session could not be verified. Reload the page and try again.');
  });
});

describe('fieldErrorsOf', () => {
  it('maps the server’s field paths to form paths', () => {
    const error = new ApiError(
      422,
      problem(422, {
        errors: [
          { field: 'parties[1].role', message: 'must be one of: lead, member' },
          { field: 'north_star.statement', message: 'too long' },
        ],
      }),
    );
    expect(fieldErrorsOf(error)).toEqual({
      'parties.1.role': 'Must be one of: lead, member.',
      'north_star.statement': 'Too long.',
    });
  });

  it('is empty for anything but an API error', () => {
    expect(fieldErrorsOf(new Error('boom'))).toEqual({});
  });
});
