// Orders and colours for the health-assessment API's values; their words come from docs/words.json,
// which the server's exports read too. The words of the results that only the web app reads (the
// evidence signals, the shipped bank's dimension names) are in ./resultLabels.ts.
import { capitalise, wordsOf } from '../../ui/words';
import type { HealthRespondentRole, HealthWaveStatus } from './types';

export const WAVE_STATUSES: HealthWaveStatus[] = ['scheduled', 'open', 'closed'];

export const WAVE_STATUS_LABELS: Record<HealthWaveStatus, string> = wordsOf('health_wave.status');

export const WAVE_STATUS_COLORS: Record<HealthWaveStatus, string> = { scheduled: 'blue', open: 'teal', closed: 'gray' };

export const RESPONDENT_ROLES: HealthRespondentRole[] = ['team_member', 'alliance_manager', 'executive_sponsor', 'finance', 'other'];

export const RESPONDENT_ROLE_LABELS: Record<HealthRespondentRole, string> = wordsOf('health_respondent.role');

/** The agreement scale's answers, 1 to 5, and don't know (`dont_know`). */
export const AGREEMENT_VALUES = [1, 2, 3, 4, 5] as const;
/** A level item's levels. */
export const LEVEL_VALUES = [0, 25, 50, 75, 100] as const;

const ANSWER_WORDS = wordsOf('health_answer.agreement');

/** "Strongly disagree" … "Strongly agree". */
export function agreementLabel(value: number): string {
  return (ANSWER_WORDS as Record<string, string>)[String(value)] ?? String(value);
}

export const DONT_KNOW_LABEL = ANSWER_WORDS.dont_know;

/** The fields of a wave, as labels ("Opening day"). */
const FIELD_WORDS = wordsOf('field.health_wave');
export const WAVE_FIELD_LABELS = {
  title: capitalise(FIELD_WORDS.title),
  bank_id: capitalise(FIELD_WORDS.bank_id),
  opens_on: capitalise(FIELD_WORDS.opens_on),
  closes_on: capitalise(FIELD_WORDS.closes_on),
  score_threshold: capitalise(FIELD_WORDS.score_threshold),
  comment_threshold: capitalise(FIELD_WORDS.comment_threshold),
  gap_threshold: capitalise(FIELD_WORDS.gap_threshold),
  respondents: capitalise(FIELD_WORDS.respondents),
  visibility: capitalise(FIELD_WORDS.visibility),
};

/** The role a member is most likely asked in, from their role in the alliance. */
export function defaultRespondentRole(allianceRole: string): HealthRespondentRole {
  if (allianceRole === 'manager') return 'alliance_manager';
  if (allianceRole === 'executive') return 'executive_sponsor';
  if (allianceRole === 'member') return 'team_member';
  return 'other';
}

