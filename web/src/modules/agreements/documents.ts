// Agreement documents in words: sizes, short fingerprints, what the upload accepts and why the
// server refused a file. Pure functions.
import { ApiError } from '../../api/client';
import { problemMessage, sentence } from '../../api/problem';

/** The extensions the server accepts (the input's `accept`). */
export const ACCEPTED_EXTENSIONS = '.pdf,.docx,.xlsx,.pptx,.doc,.xls,.csv,.txt';

/** 2048 → "2 KB", 10485760 → "10 MB": binary units, as the upload limit is set. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} ${units[unit]}`;
}

/** The first 12 hex digits of a SHA-256: enough to tell versions apart at a glance. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

/**
 * Why an upload was refused. For a file that is too large (413) or not accepted (422) the server
 * says exactly what is wrong ("executable files are not accepted"), so its words are shown.
 */
export function uploadErrorMessage(error: unknown): string {
  if (error instanceof ApiError && (error.status === 413 || error.status === 422)) {
    const messages = [error.problem?.detail, ...error.fieldErrors.map((e) => e.message)]
      .filter((m): m is string => !!m && !!m.trim())
      .map(sentence);
    const unique = [...new Set(messages)];
    if (unique.length > 0) return unique.join(' ');
    if (error.status === 413) return 'The file is larger than the server accepts.';
  }
  return problemMessage(error);
}
