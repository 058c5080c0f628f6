// What the record forms share: server field errors on the right inputs (and off them once the
// input is fixed), and form-level checks.
import { useEffect, useRef, type ReactNode } from 'react';
import { fieldErrorsOf } from '../../api/problem';

/**
 * A 422's field errors keyed by form path. `depends_on[1]` and `readers[0]` land on the list
 * input; `aliases` renames the rest (`payment.amount_minor` → `amount`).
 */
export function recordFieldErrors(error: unknown, aliases: Record<string, string> = {}): Record<string, string> {
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

/** The value at a form path (`parties.1.role`). */
function valueAt(values: unknown, path: string): unknown {
  let value = values;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** The messages of a 422's field errors, as the form shows them. */
function serverMessages(error: unknown): Set<unknown> {
  return new Set(Object.values(fieldErrorsOf(error)));
}

/**
 * Clears a field's error from the server once the field's value changes, whichever way it
 * changed (typing, a list's add or remove button, another field's handler). Mantine clears an
 * input's error only when that very input changes; a client rule's error is left alone.
 */
export function useClearServerErrorsOnChange<V>(
  form: { values: V; errors: Record<string, ReactNode>; clearFieldError: (path: string) => void },
  serverError: unknown,
) {
  const previous = useRef(form.values);
  useEffect(() => {
    const before = previous.current;
    previous.current = form.values;
    if (before === form.values || !serverError) return;
    const fromServer = serverMessages(serverError);
    for (const [path, message] of Object.entries(form.errors)) {
      if (fromServer.has(message) && JSON.stringify(valueAt(before, path)) !== JSON.stringify(valueAt(form.values, path))) {
        form.clearFieldError(path);
      }
    }
  });
}

/**
 * Whether the summary of a failed save still has something to say: not when it was a 422 whose
 * field errors have all been fixed (the summary repeats them).
 */
export function saveErrorStillShown(error: unknown, errors: Record<string, ReactNode>): boolean {
  const fromServer = serverMessages(error);
  if (fromServer.size === 0) return true;
  return Object.values(errors).some((message) => fromServer.has(message));
}
