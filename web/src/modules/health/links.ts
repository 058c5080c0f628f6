// Addresses of health assessments: a wave inside the Health tab (`?wave=<id>`, so that its results
// can be shared and reloaded), a wave's answer sheet (a page of its own), and my surveys.

/** The Health tab's address for a wave (or, with null, for the list), keeping the rest of the query. */
export function waveSearch(current: URLSearchParams, waveId: string | null): string {
  const next = new URLSearchParams(current);
  if (waveId) next.set('wave', waveId);
  else next.delete('wave');
  const query = next.toString();
  return query ? `?${query}` : '?';
}

export function healthTabPath(allianceId: string, waveId?: string): string {
  return `/alliances/${allianceId}/health${waveId ? `?wave=${waveId}` : ''}`;
}

export function answerPath(allianceId: string, waveId: string): string {
  return `/alliances/${allianceId}/health/${waveId}/answer`;
}

export const SURVEYS_PATH = '/surveys';
