// The rules behind the health screens, without a screen: how a response rate and a score read,
// what a sheet sends and what is left, which item a server's error is about, and the gaps' order.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { DIMENSIONS, makeResults } from '../../test/health';
import shippedBank from '../../../../db/health/default-bank.json';
import { formatGap, formatScore, responseRate } from './format';
import { DEFAULT_BANK_DIMENSION_NAMES, defaultDimensionName } from './resultLabels';
import { gapRows, gapSummary } from './results';
import { answersBody, answersFromDraft, itemErrors, NO_ANSWER_MESSAGE, unanswered } from './sheet';
import { behindPlan, movementOf, signalText } from './signals';
import type { HealthSignal } from './types';

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

describe('a dimension’s movement and evidence in words', () => {
  const previous = { wave_id: 'w', title: 'Spring check', closed_on: '2026-05-31', score: 60.4 };
  const overall = (score: number | null) => ({ key: 'all', name: 'All parties', hidden: score === null, score, answers: 6, dont_know: 0 });

  it('reads a move as the difference of the two scores as they read, with a real minus sign', () => {
    expect(movementOf({ overall: overall(72.6), previous })?.text).toBe('+13 since Spring check');
    expect(movementOf({ overall: overall(55.2), previous })).toEqual({ change: -5, text: '−5 since Spring check' });
    expect(movementOf({ overall: overall(59.6), previous })?.text).toBe('No change since Spring check');
    expect(movementOf({ overall: overall(null), previous })).toBeNull();
    expect(movementOf({ overall: overall(50), previous: { ...previous, score: null } })).toBeNull();
    expect(movementOf({ overall: overall(50), previous: null })).toBeNull();
  });

  const signal = (s: Partial<HealthSignal>): HealthSignal => ({ key: 'slip_days', value: 1, expected: null, unit: 'days', better: 'lower', by_party: null, ...s });

  it('writes each figure in its unit, and says when there was nothing to measure', () => {
    expect(signalText(signal({ value: 1 }))).toEqual({ label: 'Days milestones slipped', figure: '1 day' });
    expect(signalText(signal({ value: 12.4 })).figure).toBe('12 days');
    expect(signalText(signal({ value: null })).figure).toBe('nothing to measure');
    expect(signalText(signal({ key: 'kpis_red', unit: 'count', value: 0 }))).toEqual({ label: 'KPIs in the red', figure: '0' });
    const rate = signal({ key: 'on_time_rate', unit: 'percent', better: 'higher', value: 80, by_party: [{ party_id: 'a', party_name: 'Meridian', value: 91.5 }, { party_id: 'b', party_name: 'Pulsewise', value: null }] });
    expect(signalText(rate).figure).toBe('Meridian 92 %, Pulsewise: nothing to measure');
  });

  it('marks a figure behind what was set out only when worse, whichever way is better', () => {
    const meetings = (value: number) => signal({ key: 'meetings_held', unit: 'count', better: 'higher', value, expected: 4 });
    expect(signalText(meetings(3)).figure).toBe('3 of 4 the cadences call for');
    expect(behindPlan(meetings(3))).toBe(true);
    expect(behindPlan(meetings(5))).toBe(false);
    expect(behindPlan(signal({ value: 12, expected: 10 }))).toBe(true);
    expect(behindPlan(signal({ value: 12, expected: null }))).toBe(false);
  });
});

describe('the shipped bank’s dimension names', () => {
  it('are the names db/health/default-bank.json gives, key by key', () => {
    expect(DEFAULT_BANK_DIMENSION_NAMES).toEqual(Object.fromEntries(shippedBank.dimensions.map((d) => [d.key, d.name])));
    expect(defaultDimensionName('trust')).toBe('Trust');
    expect(defaultDimensionName('toString')).toBeNull();
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
