// A respondent's sheet while it is being filled in: the answers by item (a value, don't know, or
// nothing yet, and a comment), what is left, what to send, and which item a server's field error
// is about.
import { ApiError } from '../../api/client';
import { sentence } from '../../api/problem';
import type { HealthAnswer, HealthAnswerInput, HealthDimension, HealthItem } from './types';

/** An item's answer: a value on its scale, null for don't know, undefined for none yet. */
export interface ItemAnswer {
  value: number | null | undefined;
  comment: string;
}

export type SheetAnswers = Readonly<Record<string, ItemAnswer>>;

export const DONT_KNOW = 'dont_know';

/** The radio value of an answer: "3", "75" or "dont_know"; "" for none. */
export function choiceOf(value: number | null | undefined): string {
  if (value === undefined) return '';
  return value === null ? DONT_KNOW : String(value);
}

export function valueOf(choice: string): number | null {
  return choice === DONT_KNOW ? null : Number(choice);
}

/** The saved draft as the sheet's answers. */
export function answersFromDraft(draft: readonly HealthAnswer[]): SheetAnswers {
  return Object.fromEntries(draft.map((a) => [a.item, { value: a.value, comment: a.comment }]));
}

export function itemsOf(dimensions: readonly HealthDimension[]): HealthItem[] {
  return dimensions.flatMap((d) => d.items);
}

/** The items without an answer yet (don't know is an answer), in the bank's order. */
export function unanswered(dimensions: readonly HealthDimension[], answers: SheetAnswers): HealthItem[] {
  return itemsOf(dimensions).filter((item) => answers[item.key]?.value === undefined);
}

/**
 * What the API takes: every answered item, in the bank's order, with its comment when there is
 * one. A comment on an item not answered yet waits for its answer (the API takes no comment alone).
 */
export function answersBody(dimensions: readonly HealthDimension[], answers: SheetAnswers): HealthAnswerInput[] {
  const body: HealthAnswerInput[] = [];
  for (const item of itemsOf(dimensions)) {
    const answer = answers[item.key];
    if (!answer || answer.value === undefined) continue;
    const comment = answer.comment.trim();
    body.push(comment ? { item: item.key, value: answer.value, comment } : { item: item.key, value: answer.value });
  }
  return body;
}

/** The message shown beside an item the server says has no answer. */
export const NO_ANSWER_MESSAGE = 'Choose an answer, or “Don’t know” when you cannot say.';

/**
 * A 422's field errors by the item they are about, worded for the person answering: an error on
 * `answers[3].value` is about the fourth item sent; "has no answer to "trust.good_faith"" on
 * `answers` about that item. `rest` holds what names no item.
 */
export function itemErrors(error: unknown, sent: readonly HealthAnswerInput[]): { byItem: Record<string, string>; rest: string[] } {
  const byItem: Record<string, string> = {};
  const rest: string[] = [];
  if (!(error instanceof ApiError)) return { byItem, rest };
  for (const { field, message } of error.fieldErrors) {
    const at = /^answers\[(\d+)\]\.(\w+)$/.exec(field);
    const item = at ? sent[Number(at[1])]?.item : undefined;
    if (at && item) {
      byItem[item] = at[2] === 'comment' ? sentence(`the comment ${message}`) : NO_ANSWER_MESSAGE;
      continue;
    }
    const missing = field === 'answers' ? /"([^"]+)"/.exec(message)?.[1] : undefined;
    if (missing) byItem[missing] = NO_ANSWER_MESSAGE;
    else rest.push(message);
  }
  return { byItem, rest };
}
