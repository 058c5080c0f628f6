// Saving a record someone else changed meanwhile (412). As for alliances
// (alliances/StaleEditDialog): show what they changed, then reload or re-apply my changes on
// their version. The form values are plain objects, compared field by field.
import { useState } from 'react';
import { ApiError } from '../../api/client';
import { StaleChangesDialog, type FieldDifference } from '../../ui/StaleChangesDialog';

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields of `next` that differ from `base`: the body of a PATCH. */
export function patchOf<T extends object>(base: T, next: T): Partial<T> {
  const result: Partial<T> = {};
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (!same(base[key], next[key])) result[key] = next[key];
  }
  return result;
}

/** Their version, with every field I changed (against the version I started from) set to mine. */
export function reapply<V extends object>(base: V, mine: V, theirs: V): V {
  const result = { ...theirs };
  for (const key of Object.keys(mine) as (keyof V)[]) {
    if (!same(mine[key], base[key])) result[key] = mine[key];
  }
  return result;
}

export type { FieldDifference };

/** How to show each form field in the dialog; fields without an entry are not compared. */
export type FieldLabels<V> = { [K in keyof V]?: { label: string; show?: (value: V[K]) => string } };

function shown<V, K extends keyof V>(spec: { show?: (value: V[K]) => string }, value: V[K]): string {
  if (spec.show) return spec.show(value);
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(', ');
  return String(value);
}

export function differences<V extends object>(fields: FieldLabels<V>, a: V, b: V): FieldDifference[] {
  const rows: FieldDifference[] = [];
  for (const key of Object.keys(fields) as (keyof V)[]) {
    const spec = fields[key];
    if (!spec || same(a[key], b[key])) continue;
    rows.push({ key: String(key), label: spec.label, before: shown(spec, a[key]) || '(empty)', after: shown(spec, b[key]) || '(empty)' });
  }
  return rows;
}

interface Conflict<V> {
  mine: V;
  theirs: V | null;
  theirVersion: number | null;
  updatedBy?: string;
}

/**
 * The version an edit started from, and what to do when a save meets a newer one. `onError`
 * returns true when it took care of a 412.
 */
export function useStaleEdit<R extends { version: number; updated_at: string }, V extends object>({
  record,
  toValues,
  fetchLatest,
}: {
  record: R | null;
  toValues: (record: R) => V;
  fetchLatest: () => Promise<R>;
}) {
  const [base, setBase] = useState(() => (record ? { values: toValues(record), version: record.version } : null));
  const [conflict, setConflict] = useState<Conflict<V> | null>(null);

  const onError = (error: unknown, mine: V): boolean => {
    if (!(error instanceof ApiError) || error.status !== 412 || !record) return false;
    setConflict({ mine, theirs: null, theirVersion: null });
    fetchLatest().then(
      (latest) => setConflict({ mine, theirs: toValues(latest), theirVersion: latest.version }),
      () => setConflict({ mine, theirs: null, theirVersion: null }),
    );
    return true;
  };

  /** Takes their version as the new starting point; returns its values for the form. */
  const reload = (): V | null => {
    if (!conflict?.theirs || conflict.theirVersion === null) return null;
    setBase({ values: conflict.theirs, version: conflict.theirVersion });
    setConflict(null);
    return conflict.theirs;
  };

  /** My changes on their version: what to put in the form and save, and the new starting point. */
  const reapplyMine = (): { base: V; values: V; version: number } | null => {
    if (!conflict?.theirs || conflict.theirVersion === null || !base) return null;
    const merged = reapply(base.values, conflict.mine, conflict.theirs);
    const next = { values: conflict.theirs, version: conflict.theirVersion };
    setBase(next);
    return { base: next.values, values: merged, version: next.version };
  };

  /** After my own save (or when nothing is edited): start again from this version. */
  const rebase = (latest: R) => setBase({ values: toValues(latest), version: latest.version });

  return { base, conflict, onError, reload, reapplyMine, rebase, dismiss: () => setConflict(null) };
}

export function StaleRecordDialog<V extends object>({
  noun,
  fields,
  base,
  conflict,
  onReload,
  onReapply,
  onClose,
  reapplying,
}: {
  /** "milestone", "KPI"… */
  noun: string;
  fields: FieldLabels<V>;
  base: V;
  conflict: { mine: V; theirs: V | null } | null;
  onReload: () => void;
  onReapply: () => void;
  onClose: () => void;
  reapplying: boolean;
}) {
  const theirs = conflict?.theirs ?? null;
  return (
    <StaleChangesDialog
      opened={conflict !== null}
      noun={noun}
      theirChanges={theirs ? differences(fields, base, theirs) : null}
      myChanges={conflict ? differences(fields, base, conflict.mine) : []}
      noChangesText="No field you can edit here changed."
      minWidth={520}
      reloadDisabled={!theirs}
      onReload={onReload}
      onReapply={onReapply}
      onClose={onClose}
      reapplying={reapplying}
    />
  );
}
