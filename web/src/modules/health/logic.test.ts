// The rules behind the health screens, without a screen: how a response rate and a score read,
// what a sheet sends and what is left, which item a server's error is about, and the gaps' order.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { DIMENSIONS, makeResults } from '../../test/health';
import { formatGap, formatScore, responseRate } from './format';
import { gapRows, gapSummary } from './results';
import { answersBody, answersFromDraft, itemErrors, NO_ANSWER_MESSAGE, unanswered } from './sheet';

describe('a wave in words', () => {
  it('reads who has answered per party, never who', () => {
    expect(
      responseRate([
        { party_id: 'a', party_name: 'Meridian', invited: 4, submitted: 3 },
        { party_id: 'b', party_name: 'Pulsewise', invited: 2, submitted: 1 },
      ]),
    ).toBe('Meridian 3 of 4 · Pulsewise 1 of 2');
  });

  it('reads scores on their own scale: 0–100 whole, agreement to one decimal, nothing as a dash', () => {
    expect(formatScore(62.4)).toBe('62');
    expect(formatScore(3.66, 'agreement')).toBe('3.7');
    expect(formatScore(null)).toBe('–');
    expect(formatGap(null)).toBe('–');
    expect(formatGap(1.25, 'agreement')).toBe('1.3');
  });
});

describe('a sheet being filled in', () => {
  const draft = answersFromDraft([
    { item: 'governance.speed', value: 2, comment: '  Slow. ' },
    { item: 'trust.good_faith', value: null, comment: '' },
  ]);

  it('sends the answered items in the bank’s order, don’t know as null, a comment only when there is one', () => {
    expect(answersBody(DIMENSIONS, draft)).toEqual([
      { item: 'trust.good_faith', value: null },
      { item: 'governance.speed', value: 2, comment: 'Slow.' },
    ]);
  });

  it('keeps a comment on an unanswered item back until it has an answer', () => {
    expect(answersBody(DIMENSIONS, { ...draft, 'trust.keeps_word': { value: undefined, comment: 'Later' } })).toHaveLength(2);
  });

  it('counts don’t know as an answer when working out what is left', () => {
    expect(unanswered(DIMENSIONS, draft).map((i) => i.key)).toEqual(['trust.keeps_word', 'governance.escalation']);
  });

  it('puts a 422 beside the item it is about, whether named by position or by key', () => {
    const sent = answersBody(DIMENSIONS, draft);
    const error = new ApiError(422, {
      type: 'x',
      title: 'Invalid',
      status: 422,
      request_id: 'test',
      errors: [
        { field: 'answers[1].comment', message: 'must be at most 2000 characters' },
        { field: 'answers[0].value', message: 'must be 1, 2, 3, 4 or 5, or null for don’t know' },
        { field: 'answers', message: 'has no answer to "governance.escalation"' },
        { field: 'answers', message: 'is required' },
      ],
    });
    expect(itemErrors(error, sent)).toEqual({
      byItem: {
        'governance.speed': 'The comment must be at most 2000 characters.',
        'trust.good_faith': NO_ANSWER_MESSAGE,
        'governance.escalation': NO_ANSWER_MESSAGE,
      },
      rest: ['is required'],
    });
  });
});

describe('the perception gaps', () => {
  it('come largest first, those without a gap last, and read the same in words', () => {
    const rows = gapRows(makeResults().dimensions);
    expect(rows.map((r) => [r.name, r.gap, r.flagged])).toEqual([
      ['Trust', 40, true],
      ['Governance and decision making', null, false],
    ]);
    expect(gapSummary(rows)).toBe(
      'Perception gap by dimension, largest first: Trust 40 (flagged); no gap for Governance and decision making (fewer than two parties shown).',
    );
  });
});
