// Addresses inside the Agreements tab: the section and an open agreement live in the query string,
// so that an agreement can be shared and reloaded, and notifications can link to it.

/** The address of an agreement's page (or, with null, of the agreement tree), keeping the rest of the query. */
export function agreementSearch(current: URLSearchParams, agreementId: string | null): string {
  const next = new URLSearchParams(current);
  next.delete('section');
  if (agreementId) next.set('agreement', agreementId);
  else next.delete('agreement');
  const search = next.toString();
  return search ? `?${search}` : '?';
}

/** The Agreements tab of an alliance, at a section: where "My obligations" and conflict hits link to. */
export function agreementsTabPath(allianceId: string, section?: string, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams(section ? { section, ...extra } : extra).toString();
  return `/alliances/${allianceId}/agreements${query ? `?${query}` : ''}`;
}
