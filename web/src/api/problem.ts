// Turns failed calls into sentences a person can act on. Nothing here ever shows raw JSON.
import { ApiError } from './client';

/** "file too large" → "File too large.": a server message as a sentence. */
export function sentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return trimmed;
  const first = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

function looksLikeSentence(text: string | undefined): text is string {
  return !!text && !/[{}[\]]/.test(text) && text.length < 400;
}

function humanDuration(seconds: number): string {
  if (seconds < 90) return `${Math.max(1, Math.round(seconds))} seconds`;
  const minutes = Math.round(seconds / 60);
  return minutes === 1 ? 'a minute' : `${minutes} minutes`;
}

/** Field errors of a 422 as `{form path: message}`; `parties[1].role` becomes `parties.1.role`. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  const result: Record<string, string> = {};
  for (const { field, message } of error.fieldErrors) {
    const path = field.replace(/\[(\d+)\]/g, '.$1');
    result[path] = sentence(message);
  }
  return result;
}

/** One sentence that explains what went wrong and, where possible, what to do next. */
export function problemMessage(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return 'Something went wrong in the browser. Reload the page and try again.';
  }
  const detail = error.problem?.detail;
  switch (error.status) {
    case 0:
      return 'Northstar could not be reached. Check your connection and try again.';
    case 400:
      return 'The request was not understood. Reload the page and try again.';
    case 401:
      return looksLikeSentence(detail) && detail !== 'Sign in to continue.'
        ? sentence(detail)
        : 'Your session has ended. Sign in again to continue.';
    case 403:
      if (error.problem?.type?.endsWith('/csrf')) {
        return 'Your session could not be verified. Reload the page and try again.';
      }
      return looksLikeSentence(detail) ? sentence(detail) : 'You are not allowed to do this.';
    case 404:
      return 'This record does not exist or is not visible to you.';
    case 409:
      return looksLikeSentence(detail) ? sentence(detail) : 'This conflicts with an existing record.';
    case 412:
      return 'Someone else changed this record since you opened it. Reload it and try again.';
    case 413:
      return 'This is too large to save. Shorten it and try again.';
    case 422: {
      const errors = error.fieldErrors;
      if (errors.length === 1 && errors[0]) {
        return sentence(errors[0].message);
      }
      if (errors.length > 1) return `${errors.length} fields need attention.`;
      return looksLikeSentence(detail) ? sentence(detail) : 'Some of the input is not valid.';
    }
    case 428:
      return 'This change needs the version you are editing. Reload the page and try again.';
    case 429:
      return error.retryAfterSeconds
        ? `Too many attempts. Try again in ${humanDuration(error.retryAfterSeconds)}.`
        : 'Too many attempts. Wait a moment and try again.';
    case 503:
      return 'The database is not available right now. Try again in a moment.';
    default:
      return 'The server could not complete the request. Try again in a moment.';
  }
}
