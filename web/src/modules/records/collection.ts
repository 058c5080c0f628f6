// One collection of an alliance's records (objectives, issues, obligations…) as the API serves it:
// the whole list, one record, create, update against the version the edit started from
// (If-Match) and delete. Each collection is declared once, by its two paths, in collections.ts;
// the feature that owns it keeps only what is its own. Every list lives under its area's root key,
// so the owning feature's one invalidation after a change (`refreshPlan`…) refreshes it too.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, ifMatch, unwrap, unwrapEmpty } from '../../api/client';
import type { paths } from '../../api/schema';

const PAGE = 200;
const MAX_PAGES = 25;

/** Every page of a cursor-paginated list; an alliance's records are few enough to hold whole. */
export async function fetchAll<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; next_cursor?: string | null }>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let i = 0; i < MAX_PAGES; i += 1) {
    const result = await page(cursor);
    items.push(...result.items);
    if (!result.next_cursor) break;
    cursor = result.next_cursor;
  }
  return items;
}

// What the contract says about a collection's operations, read from src/api/schema.d.ts.
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Answer<Op> = Op extends { responses: infer R } ? Json<R[keyof R & (200 | 201)]> : never;
type RequestBody<Op> = Op extends { requestBody: { content: { 'application/json': infer B } } } ? B : never;
type ListQuery<Op> = Op extends { parameters: { query?: infer Q } } ? Omit<NonNullable<Q>, 'limit' | 'cursor'> : never;

/** An alliance's collection: listed page by page and added to. */
type CollectionPath = {
  [P in keyof paths]: P extends `/api/v1/alliances/{id}/${string}`
    ? paths[P] extends { get: { responses: { 200: { content: { 'application/json': { items: unknown[] } } } } }; post: object }
      ? P
      : never
    : never;
}[keyof paths];

/** The name of the path parameter that picks one record of the collection at `L`. */
type IdParam<L extends string> = {
  [P in keyof paths]: P extends `${L}/{${infer K}}` ? (K extends `${string}/${string}` ? never : K) : never;
}[keyof paths];

type UntypedCall = (
  path: string,
  init: { params: { path: Record<string, string>; query?: object; header?: object }; body?: unknown },
) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
type UntypedClient = Record<'GET' | 'POST' | 'PATCH' | 'DELETE', UntypedCall>;

type ItemPath<L extends string, K extends string> = Extract<`${L}/{${K}}`, keyof paths>;

export type CollectionItem<L extends CollectionPath> = Answer<paths[L]['get']> extends { items: (infer T)[] } ? T : never;
export type CollectionFilters<L extends CollectionPath> = ListQuery<paths[L]['get']>;

/**
 * Declares the collection at `path` (`/api/v1/alliances/{id}/objectives`), one record of which is
 * at `path/{idParam}`. Its list's query key is `[...root(allianceId), name]`, with the filters
 * after it when a list is filtered.
 */
export function recordCollection<L extends CollectionPath, K extends IdParam<L>>(spec: {
  root: (allianceId: string) => readonly unknown[];
  name: string;
  path: L;
  idParam: K;
}) {
  type Item = CollectionItem<L>;
  type Filters = CollectionFilters<L>;
  type Create = RequestBody<paths[L]['post']>;
  type Update = RequestBody<paths[ItemPath<L, K>]['patch']>;

  const { root, name, path, idParam } = spec;
  const item = `${path}/{${idParam}}`;
  const at = (allianceId: string, id: string) => ({ id: allianceId, [idParam]: id });

  // openapi-fetch checks a call against a literal path; these paths are type parameters, so the
  // calls go through an untyped view of the same client (same middleware, same fetch). Callers
  // see the types above, read from the contract.
  const client = api as unknown as UntypedClient;

  /** Every record the caller may read, in the server's order. */
  function list(allianceId: string, filters?: Filters): Promise<Item[]> {
    type Page = { items: Item[]; next_cursor?: string | null };
    return fetchAll((cursor) =>
      unwrap(client.GET(path, { params: { path: { id: allianceId }, query: { ...filters, limit: PAGE, cursor } } })) as Promise<Page>,
    );
  }

  /**
   * The list as a query. With filters the key carries them, and the list shown stays while the
   * next filter's loads; without, nothing is shown until it loads (never another alliance's).
   */
  function listQuery(allianceId: string, filters?: Filters) {
    return queryOptions({
      queryKey: filters === undefined ? [...root(allianceId), name] : [...root(allianceId), name, filters],
      queryFn: () => list(allianceId, filters),
      placeholderData: filters === undefined ? undefined : (previous: Item[] | undefined) => previous,
    });
  }

  return {
    list,
    listQuery,
    useList: (allianceId: string, filters?: Filters) => useQuery(listQuery(allianceId, filters)),
    fetch: (allianceId: string, id: string) =>
      unwrap(client.GET(item, { params: { path: at(allianceId, id) } })) as Promise<Answer<paths[ItemPath<L, K>]['get']>>,
    create: (allianceId: string, body: Create) =>
      unwrap(client.POST(path, { params: { path: { id: allianceId } }, body })) as Promise<Answer<paths[L]['post']>>,
    update: (allianceId: string, id: string, version: number, body: Update) =>
      unwrap(client.PATCH(item, { params: { path: at(allianceId, id), header: ifMatch(version) }, body })) as Promise<
        Answer<paths[ItemPath<L, K>]['patch']>
      >,
    remove: (allianceId: string, id: string) => unwrapEmpty(client.DELETE(item, { params: { path: at(allianceId, id) } })),
  };
}
