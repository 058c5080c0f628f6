import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, ME } from '../test/utils';
import { api, unwrap } from './client';
import { forgetFirstAnswers } from './firstAnswers';

afterEach(() => {
  forgetFirstAnswers();
  vi.unstubAllGlobals();
});

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('the answers the boot script asked for with the page', () => {
  it('are taken once by the app’s request for the same path and query; the next one asks the server', async () => {
    const seen = fakeApi({ 'GET /api/v1/me/notifications': { status: 200, body: { items: [], unread: 0 } } });
    window.northstarFirstAnswers = new Map([['/api/v1/me/notifications?limit=20', Promise.resolve(json({ items: [], unread: 7 }))]]);
    const first = await unwrap(api.GET('/api/v1/me/notifications', { params: { query: { limit: 20 } } }));
    expect(first).toMatchObject({ unread: 7 });
    expect(seen).toEqual([]);

    const again = await unwrap(api.GET('/api/v1/me/notifications', { params: { query: { limit: 20 } } }));
    expect(again).toMatchObject({ unread: 0 });
    expect(seen.map((r) => r.path)).toEqual(['/api/v1/me/notifications']);
  });

  it('that were not asked for (someone signed out) leave the request to the server', async () => {
    const seen = fakeApi({ 'GET /api/v1/me': { status: 200, body: ME } });
    window.northstarFirstAnswers = new Map([['/api/v1/me', Promise.resolve(null)]]);
    await expect(unwrap(api.GET('/api/v1/me'))).resolves.toMatchObject({ user: { email: ME.user.email } });
    expect(seen.map((r) => r.path)).toEqual(['/api/v1/me']);
  });

  it('are not taken by other URLs, by changes, or once the first page is open', async () => {
    const seen = fakeApi({
      'GET /api/v1/me/notifications': { status: 200, body: { items: [], unread: 0 } },
      'POST /api/v1/me/notifications/read-all': { status: 204 },
    });
    const unread = () => json({ items: [], unread: 7 });
    window.northstarFirstAnswers = new Map([
      ['/api/v1/me/notifications?limit=20', Promise.resolve(unread())],
      ['/api/v1/me/notifications/read-all', Promise.resolve(unread())],
    ]);
    await unwrap(api.GET('/api/v1/me/notifications', { params: { query: { limit: 50 } } }));
    await api.POST('/api/v1/me/notifications/read-all');
    forgetFirstAnswers();
    await unwrap(api.GET('/api/v1/me/notifications', { params: { query: { limit: 20 } } }));
    expect(seen.map((r) => `${r.method} ${r.path}?${r.search}`)).toEqual([
      'GET /api/v1/me/notifications?limit=50',
      'POST /api/v1/me/notifications/read-all?',
      'GET /api/v1/me/notifications?limit=20',
    ]);
  });
});
