// What the plan's forms share: server field errors on the right inputs, and form-level checks.
import { fieldErrorsOf } from '../../api/problem';

/**
 * A 422's field errors keyed by form path. `depends_on[1]` and `readers[0]` land on the list
 * input; `aliases` renames the rest (`payment.amount_minor` → `amount`).
 */
export function planFieldErrors(error: unknown, aliases: Record<string, string> = {}): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [path, message] of Object.entries(fieldErrorsOf(error))) {
    const list = path.replace(/\.\d+$/, '');
    result[aliases[path] ?? aliases[list] ?? list] = message;
  }
  return result;
}

export function requiredText(label: string, max: number) {
  return (value: string) => (!value.trim() ? `Enter the ${label}` : value.length > max ? `Use at most ${max.toLocaleString()} characters` : null);
}

export function maxLength(max: number) {
  return (value: string) => (value.length > max ? `Use at most ${max.toLocaleString()} characters (now ${value.length.toLocaleString()})` : null);
}

export function readersRule(value: string[], values: { visibility: string }) {
  return values.visibility === 'restricted' && value.length === 0 ? 'Choose at least one reader' : null;
}

/** Only with restricted visibility does the API accept readers. */
export function accessBody(values: { visibility: 'alliance' | 'party' | 'restricted'; readers: string[] }) {
  return values.visibility === 'restricted' ? { visibility: values.visibility, readers: values.readers } : { visibility: values.visibility };
}
