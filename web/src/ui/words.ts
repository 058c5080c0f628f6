// The words people read for values, from docs/words.json: the one mapping the server's exports and
// notifications read too. A group is named `<record>.<field>` ("alliance.stage") and gives each
// value of that enumeration its word; `field.<record_type>` groups give a record's fields as they
// read inside a sentence ("forecast date"), which `capitalise` turns into a label.
// src/ui/words.test.ts checks every enumeration of the API against these groups.
import words from '../../../docs/words.json';

type Words = typeof words;

/** Every group of words (every entry of the file but its `about`). */
export type WordGroup = { [G in keyof Words]: Words[G] extends Record<string, string> ? G : never }[keyof Words];

/**
 * The words of one group, typed by its values: assigning them to `Record<Stage, string>` fails to
 * compile when a stage has no word.
 */
export function wordsOf<G extends WordGroup>(group: G): Words[G] {
  return words[group];
}

const groups: Readonly<Record<string, unknown>> = words;

/** The words of a group named at run time ("milestone.status"), or undefined when there is none. */
export function wordsIn(group: string): Readonly<Record<string, string>> | undefined {
  if (!Object.hasOwn(groups, group)) return undefined;
  const found = groups[group];
  return typeof found === 'object' && found !== null ? (found as Record<string, string>) : undefined;
}

/** The word for `value` in `group`, or undefined when the group has none. */
export function wordFor(group: string, value: string): string | undefined {
  const found = wordsIn(group);
  return found && Object.hasOwn(found, value) ? found[value] : undefined;
}

/** The names of the groups that start with `prefix` ("field."), in the file's order. */
export function groupsStartingWith(prefix: string): string[] {
  return Object.keys(groups).filter((name) => name.startsWith(prefix) && wordsIn(name) !== undefined);
}

/** A word as a label or at the start of a sentence: "forecast date" → "Forecast date". */
export function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Every word of a group capitalised, for labels: `alliance type` → `Alliance type`. */
export function capitalised<T extends Record<string, string>>(group: T): T {
  return Object.fromEntries(Object.entries(group).map(([value, word]) => [value, capitalise(word)])) as T;
}
