import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSheet, makeWave } from '../../test/health';
import { fakeApi, makeAlliance, problem, renderPage, type Recorded } from '../../test/utils';
import { AnswerSheet } from './AnswerSheet';
import type { HealthAnswerInput } from './types';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const wave = makeWave({ id: '01a1ffd0-0000-7000-9000-0000000f0001', title: 'Autumn health check' });
const path = `/api/v1/alliances/${alliance.id}/health-waves/${wave.id}/response`;
const NO_ANSWER = 'Choose an answer, or “Don’t know” when you cannot say.';

/** The respondent's sheet as the server keeps it: the draft saved last, answered once submitted. */
function server(sheet = makeSheet({ wave }), extra: Parameters<typeof fakeApi>[0] = {}) {
  let current = sheet;
  return fakeApi({
    [`GET ${path}`]: () => ({ status: 200, body: current }),
    [`PUT ${path}`]: (r) => {
      current = { ...current, answers: (r.body as { answers: HealthAnswerInput[] }).answers.map((a) => ({ comment: '', ...a })) };
      return { status: 200, body: current };
    },
    [`POST ${path}/submit`]: () => {
      current = { ...current, answers: [], submitted: true, wave: { ...current.wave, i_submitted: true } };
      return { status: 200, body: current };
    },
    ...extra,
  });
}

function render() {
  return renderPage(<AnswerSheet allianceId={alliance.id} waveId={wave.id} />, { route: `/alliances/${alliance.id}/health/${wave.id}/answer` });
}

const question = (n: number) => screen.getByRole('radiogroup', { name: new RegExp(`^${n}\\. `) });
const bodies = (seen: Recorded[], method: string) => seen.filter((r) => r.method === method).map((r) => (r.body as { answers: HealthAnswerInput[] }).answers);

async function answerAll() {
  await user.click(within(question(1)).getByRole('radio', { name: 'Agree' }));
  await user.click(within(question(2)).getByRole('radio', { name: 'Don’t know' }));
  await user.click(within(question(3)).getByRole('radio', { name: 'Strongly disagree' }));
  await user.click(within(question(4)).getByRole('radio', { name: /Through the agreed path, most of the time/ }));
}

describe('answering a wave', () => {
  it('shows each dimension as a section and each question with its answers in words, levels described', async () => {
    server();
    render();
    expect(await screen.findByRole('heading', { level: 1, name: 'Autumn health check' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '1. Trust' })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: '2. Governance and decision making' })).toBeInTheDocument();
    const agreement = within(question(1)).getAllByRole('radio');
    expect(agreement.map((r) => r.closest('label, div')?.textContent ?? '')).toHaveLength(6);
    expect(within(question(1)).getAllByRole('radio').map((r) => r.getAttribute('value'))).toEqual(['1', '2', '3', '4', '5', 'dont_know']);
    for (const word of ['Strongly disagree', 'Disagree', 'Neither agree nor disagree', 'Agree', 'Strongly agree', 'Don’t know']) {
      expect(within(question(1)).getByRole('radio', { name: word })).toBeInTheDocument();
    }
    const level = question(4);
    expect(within(level).getByRole('radio', { name: 'They are not: they fester.' })).toHaveAccessibleDescription('Level 0 of 100');
    expect(within(level).getByRole('radio', { name: 'Through the agreed path, with deadlines, reviewed each year.' })).toBeInTheDocument();
    // Native radio buttons, one group per question: the browser's own keyboard handling.
    for (const radio of within(level).getAllByRole('radio')) {
      expect(radio.tagName).toBe('INPUT');
      expect(radio).toHaveAttribute('type', 'radio');
    }
    expect(new Set(within(level).getAllByRole('radio').map((r) => r.getAttribute('name'))).size).toBe(1);
    expect(screen.getByTestId('sheet-progress')).toHaveTextContent('0 of 4 answered · 4 left');
  });

  it('restores the saved draft: its answers, don’t know and comments', async () => {
    server(
      makeSheet({
        wave,
        answers: [
          { item: 'trust.good_faith', value: 4, comment: 'Mostly, yes.' },
          { item: 'governance.escalation', value: null, comment: '' },
        ],
      }),
    );
    render();
    await screen.findByRole('heading', { level: 1, name: 'Autumn health check' });
    expect(within(question(1)).getByRole('radio', { name: 'Agree' })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Comment on question 1 (optional)' })).toHaveValue('Mostly, yes.');
    expect(within(question(4)).getByRole('radio', { name: 'Don’t know' })).toBeChecked();
    expect(within(question(2)).getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    expect(screen.getByTestId('sheet-progress')).toHaveTextContent('2 of 4 answered · 2 left');
  });

  it('saves what I choose a moment later, and everything on “Save and continue later”', { timeout: 30000 }, async () => {
    const seen = server();
    const { router } = render();
    await screen.findByRole('heading', { level: 1, name: 'Autumn health check' });
    await user.click(within(question(2)).getByRole('radio', { name: 'Strongly agree' }));
    expect(screen.getByTestId('sheet-progress')).toHaveTextContent('1 of 4 answered · 3 left');
    await waitFor(() => expect(bodies(seen, 'PUT')).toEqual([[{ item: 'trust.keeps_word', value: 5 }]]), { timeout: 4000 });
    expect(await screen.findByText(/^Saved at /)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Add a comment on question 2' }));
    await user.type(screen.getByRole('textbox', { name: 'Comment on question 2 (optional)' }), 'They deliver.');
    await user.click(screen.getByRole('button', { name: 'Save and continue later' }));
    await waitFor(() => expect(bodies(seen, 'PUT').at(-1)).toEqual([{ item: 'trust.keeps_word', value: 5, comment: 'They deliver.' }]));
    expect(await screen.findByText(/Your answers are saved. Come back to them any time until/)).toBeInTheDocument();
    await waitFor(() => expect(router.state.location.pathname).toBe(`/alliances/${alliance.id}/health`));
  });

  it('refuses to submit while questions are left, and marks each of them', async () => {
    const seen = server();
    render();
    await screen.findByRole('heading', { level: 1, name: 'Autumn health check' });
    await user.click(within(question(1)).getByRole('radio', { name: 'Agree' }));
    await user.click(screen.getByRole('button', { name: 'Submit answers' }));
    expect(await screen.findByText('Answer every question before you submit: 3 are left. Choose “Don’t know” where you cannot say.')).toBeInTheDocument();
    expect(question(1)).not.toHaveAccessibleDescription(NO_ANSWER);
    for (const n of [2, 3, 4]) expect(question(n)).toHaveAccessibleDescription(NO_ANSWER);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(seen.filter((r) => r.method === 'POST')).toEqual([]);

    await user.click(within(question(3)).getByRole('radio', { name: 'Disagree' }));
    expect(question(3)).not.toHaveAccessibleDescription(NO_ANSWER);
    expect(question(4)).toHaveAccessibleDescription(NO_ANSWER);
  });

  it('submits once, after a confirmation, with every answer and comment, then thanks me', { timeout: 30000 }, async () => {
    const seen = server();
    render();
    await screen.findByRole('heading', { level: 1, name: 'Autumn health check' });
    await answerAll();
    await user.click(screen.getByRole('button', { name: 'Add a comment on question 3' }));
    await user.type(screen.getByRole('textbox', { name: 'Comment on question 3 (optional)' }), 'Too slow.');
    expect(screen.getByTestId('sheet-progress')).toHaveTextContent('4 of 4 answered · none left');
    await user.click(screen.getByRole('button', { name: 'Submit answers' }));
    const dialog = await screen.findByRole('dialog', { name: 'Submit your answers?' });
    expect(dialog).toHaveTextContent('You answer once: after submitting you cannot change your answers or read them back.');
    await user.click(within(dialog).getByRole('button', { name: 'Submit answers' }));
    expect(await screen.findByRole('heading', { name: 'Thank you: your answers are in' })).toBeInTheDocument();
    expect(bodies(seen, 'POST')).toEqual([
      [
        { item: 'trust.good_faith', value: 4 },
        { item: 'trust.keeps_word', value: null },
        { item: 'governance.speed', value: 1, comment: 'Too slow.' },
        { item: 'governance.escalation', value: 75 },
      ],
    ]);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Submit answers' })).toBeNull());
    // No draft is saved after the answers are in (the server would refuse it).
    await new Promise((resolve) => setTimeout(resolve, 1800));
    const post = seen.findIndex((r) => r.method === 'POST');
    expect(seen.slice(post + 1).filter((r) => r.method === 'PUT')).toEqual([]);
  });

  it('shows the server’s field errors beside the questions they are about', { timeout: 30000 }, async () => {
    server(undefined, {
      [`POST ${path}/submit`]: problem(422, 'Invalid input', [
        { field: 'answers[2].comment', message: 'must be at most 2000 characters' },
        { field: 'answers', message: 'has no answer to "governance.escalation"' },
      ]),
    });
    render();
    await screen.findByRole('heading', { level: 1, name: 'Autumn health check' });
    await answerAll();
    await user.click(screen.getByRole('button', { name: 'Add a comment on question 3' }));
    await user.type(screen.getByRole('textbox', { name: 'Comment on question 3 (optional)' }), 'Long.');
    await user.click(screen.getByRole('button', { name: 'Submit answers' }));
    await user.click(within(await screen.findByRole('dialog', { name: 'Submit your answers?' })).getByRole('button', { name: 'Submit answers' }));
    expect(await screen.findByText('The comment must be at most 2000 characters.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Comment on question 3 (optional)' })).toHaveAccessibleDescription(/The comment must be at most 2000 characters/);
    expect(question(4)).toHaveAccessibleDescription(NO_ANSWER);
    expect(screen.getAllByRole('alert').some((a) => a.textContent?.includes('Your answers were not submitted'))).toBe(true);
    // Nothing raw from the server reads as itself.
    expect(document.body.textContent).not.toContain('governance.escalation');
  });

  it('thanks me instead of asking again once I have answered, and says when a wave is not open', async () => {
    server(makeSheet({ wave: { ...wave, i_submitted: true }, submitted: true }));
    const first = render();
    expect(await screen.findByRole('heading', { name: 'Thank you: your answers are in' })).toBeInTheDocument();
    expect(screen.queryByRole('radio')).toBeNull();
    first.unmount();

    server(makeSheet({ wave: { ...wave, status: 'closed', closed_on: '2026-11-20' } }));
    render();
    expect(await screen.findByText('This wave has closed')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See the results' })).toHaveAttribute('href', `/alliances/${alliance.id}/health?wave=${wave.id}`);
    expect(screen.queryByRole('radio')).toBeNull();
  });
});
