// The answers the boot script (src/boot.ts) asked for with the page, handed to the app's first
// requests for the same URLs instead of asking again.
//
// The boot script is an entry of its own and shares no module with the app, so the hand-over is a
// property of `window`. Each answer is taken once, and none after the app has opened its first page:
// a later request asks the server, as every request did before.

declare global {
  interface Window {
    /**
     * By URL (path and query): the boot script's request, or null when it did not ask (someone
     * signed out). Written by src/boot.ts, read here.
     */
    northstarFirstAnswers?: Map<string, Promise<Response | null>>;
  }
}

/** The boot script's answer to this request, if it asked for it and no one has taken it yet. */
export function takeFirstAnswer(request: Request): Promise<Response | null> | undefined {
  const answers = typeof window === 'undefined' ? undefined : window.northstarFirstAnswers;
  if (!answers || request.method !== 'GET') return undefined;
  const url = new URL(request.url);
  if (url.origin !== window.location.origin) return undefined;
  const key = url.pathname + url.search;
  const answer = answers.get(key);
  answers.delete(key);
  return answer;
}

/** Once the first page is open: what is left would be out of date. */
export function forgetFirstAnswers(): void {
  if (typeof window !== 'undefined') delete window.northstarFirstAnswers;
}
