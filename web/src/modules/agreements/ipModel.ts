// The IP register's ownership rules in the browser (the server has the last word): one owning
// party, or joint ownership by at least two parties whose shares add up to 100%. Pure functions.

export interface ShareValue {
  organization_id: string | null;
  percent: number | string;
}

/** The shares' total, in percent. */
export function sharesTotal(shares: readonly ShareValue[]): number {
  return shares.reduce((sum, s) => sum + (Number(s.percent) || 0), 0);
}

/** What is wrong with joint shares, or null: at least two parties, each once, each 0 < p ≤ 100, 100 in all. */
export function sharesProblem(shares: readonly ShareValue[]): string | null {
  if (shares.length < 2) return 'Joint ownership needs at least two parties';
  if (shares.some((s) => !s.organization_id)) return 'Choose the party of each share';
  if (new Set(shares.map((s) => s.organization_id)).size !== shares.length) return 'Name each party once';
  if (shares.some((s) => !(Number(s.percent) > 0 && Number(s.percent) <= 100))) return 'Each share is more than 0% and at most 100%';
  const total = sharesTotal(shares);
  if (Math.abs(total - 100) > 0.001) return `The shares add up to ${Math.round(total * 100) / 100}%, not 100%`;
  return null;
}

/** "Meridian 60%, Pulsewise 40%". */
export function sharesText(shares: readonly { organization_name: string; percent: number }[]): string {
  return shares.map((s) => `${s.organization_name} ${s.percent}%`).join(', ');
}
