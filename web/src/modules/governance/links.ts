// Addresses inside the Governance tab: the section and the open meeting live in the query string,
// so that a meeting page can be shared and reloaded.

/** The address of a meeting's page (or, with null, of the meeting list), keeping the rest of the query. */
export function meetingSearch(current: URLSearchParams, meetingId: string | null): string {
  const next = new URLSearchParams(current);
  next.set('section', 'meetings');
  if (meetingId) next.set('meeting', meetingId);
  else next.delete('meeting');
  return `?${next.toString()}`;
}
