// My sheet of a wave, on one page: each dimension a section, each question a group of native radio
// buttons (an agreement from "Strongly disagree" to "Strongly agree", or one of five described
// levels of a practice, and "Don't know"), with a comment if I want. What I choose is saved as I go
// (a moment after the last change, and when I leave), restored when I come back, and submitted
// once, after a confirmation, when every question has an answer.
import { Alert, Anchor, Button, Group, Paper, Progress, Radio, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { IconCircleCheck, IconMessagePlus } from '@tabler/icons-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { problemMessage } from '../../api/problem';
import { QueryView } from '../../ui/feedback';
import { formatDate } from '../../ui/format';
import { PageHeader } from '../../ui/PageHeader';
import classes from './AnswerSheet.module.css';
import { agreementLabel, AGREEMENT_VALUES, DONT_KNOW_LABEL, LEVEL_VALUES, RESPONDENT_ROLE_LABELS } from './labels';
import { healthTabPath } from './links';
import { refreshHealth, saveDraft, sheetKey, submitSheet, useSheet } from './queries';
import {
  answersBody,
  answersFromDraft,
  choiceOf,
  DONT_KNOW,
  itemErrors,
  itemsOf,
  NO_ANSWER_MESSAGE,
  unanswered,
  valueOf,
  type ItemAnswer,
  type SheetAnswers,
} from './sheet';
import type { HealthAnswerInput, HealthItem, HealthSheet } from './types';

/** How long after the last change the draft is saved. */
export const SAVE_DELAY_MS = 1500;
const COMMENT_MAX = 2000;

type SaveState = { kind: 'idle' } | { kind: 'unsaved' } | { kind: 'saving' } | { kind: 'saved'; at: Date } | { kind: 'failed'; error: unknown };

/**
 * Saves the draft a moment after the last change, one save at a time and always the latest
 * answers; `flush` saves now and resolves once everything changed so far is saved (or failed).
 * What is still unsaved when the sheet goes away is sent then.
 */
function useDraftSaver(send: (answers: HealthAnswerInput[]) => Promise<unknown>, initial: HealthAnswerInput[]) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const queued = useRef<HealthAnswerInput[] | null>(null);
  // The answers last handed to the server (saved, or on their way): a change back to them is none.
  const sent = useRef(JSON.stringify(initial));
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const sendRef = useRef(send);
  sendRef.current = send;

  const flush = () => {
    clearTimeout(timer.current);
    chain.current = chain.current.then(async () => {
      const body = queued.current;
      if (!body) return true;
      queued.current = null;
      sent.current = JSON.stringify(body);
      setState({ kind: 'saving' });
      try {
        await sendRef.current(body);
        if (!queued.current) setState({ kind: 'saved', at: new Date() });
        return true;
      } catch (error) {
        queued.current ??= body;
        sent.current = '';
        setState({ kind: 'failed', error });
        return false;
      }
    });
    return chain.current;
  };

  const change = (body: HealthAnswerInput[]) => {
    clearTimeout(timer.current);
    if (JSON.stringify(body) === sent.current) {
      // Changed back to what the server has (or is getting): nothing to save.
      queued.current = null;
      setState((s) => (s.kind === 'unsaved' ? { kind: 'idle' } : s));
      return;
    }
    queued.current = body;
    setState({ kind: 'unsaved' });
    timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
  };

  /** Drops what is not saved yet (before submitting, which sends it all); resolves once no save is on its way. */
  const cancel = () => {
    clearTimeout(timer.current);
    queued.current = null;
    return chain.current;
  };

  useEffect(() => {
    // Leaving the page (or closing the tab) with a change not yet saved.
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (queued.current) event.preventDefault();
    };
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('beforeunload', beforeUnload);
      clearTimeout(timer.current);
      if (queued.current) void sendRef.current(queued.current).catch(() => {});
    };
  }, []);

  return { state, change, flush, cancel };
}

function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  let text = '';
  if (state.kind === 'unsaved') text = 'Changes not saved yet…';
  else if (state.kind === 'saving') text = 'Saving…';
  else if (state.kind === 'saved') text = `Saved at ${state.at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}.`;
  else if (state.kind === 'failed') text = `Not saved: ${problemMessage(state.error)}`;
  return (
    <Group gap="xs" wrap="nowrap">
      <Text size="xs" c={state.kind === 'failed' ? 'red.9' : 'dimmed'} role="status" aria-live="polite">
        {text}
      </Text>
      {state.kind === 'failed' && (
        <Button size="compact-xs" variant="subtle" onClick={onRetry}>
          Try again
        </Button>
      )}
    </Group>
  );
}

const optionClasses = { root: classes.option, body: classes.body, inner: classes.inner, labelWrapper: classes.labelWrapper, label: classes.label };

function ItemComment({ item, number, answer, error, onChange }: { item: HealthItem; number: number; answer: ItemAnswer | undefined; error?: string; onChange: (comment: string) => void }) {
  const comment = answer?.comment ?? '';
  // Closed until asked for, unless there is something to show: 54 empty boxes would bury the questions.
  const [open, setOpen] = useState(comment !== '');
  const [focus, setFocus] = useState(false);
  if (!open && !error) {
    return (
      <div>
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconMessagePlus size={14} aria-hidden />}
          onClick={() => {
            setOpen(true);
            setFocus(true);
          }}
        >
          Add a comment{' '}<span className="visually-hidden">on question {number}</span>
        </Button>
      </div>
    );
  }
  return (
    <Textarea
      id={`comment-${item.key}`}
      label={`Comment on question ${number} (optional)`}
      description={
        answer?.value === undefined && comment.trim()
          ? 'Saved once you choose an answer above.'
          : 'Shown with the results only when a dimension has enough comments, without your name, party or role.'
      }
      autoFocus={focus}
      autosize
      minRows={2}
      maxRows={8}
      maxLength={COMMENT_MAX}
      value={comment}
      error={error}
      onChange={(event) => onChange(event.currentTarget.value)}
    />
  );
}

function Question({
  item,
  number,
  answer,
  error,
  onChoose,
  onComment,
}: {
  item: HealthItem;
  number: number;
  answer: ItemAnswer | undefined;
  error: string | undefined;
  onChoose: (value: number | null) => void;
  onComment: (comment: string) => void;
}) {
  // A server's error names either the comment or the answer.
  const commentError = error?.startsWith('The comment') ? error : undefined;
  const choiceError = commentError ? undefined : error;
  const dontKnow = <Radio value={DONT_KNOW} label={DONT_KNOW_LABEL} classNames={optionClasses} />;
  return (
    <Stack gap={6} data-question={item.key} id={`question-${item.key}`}>
      <Radio.Group
        label={`${number}. ${item.text}`}
        value={choiceOf(answer?.value)}
        onChange={(choice) => onChoose(valueOf(choice))}
        error={choiceError}
        labelProps={{ fw: 600, mb: 6 }}
      >
        {item.scale === 'agreement' || !item.levels ? (
          <SimpleGrid cols={{ base: 2, xs: 3, lg: 6 }} spacing={8}>
            {AGREEMENT_VALUES.map((v) => (
              <Radio key={v} value={String(v)} label={agreementLabel(v)} classNames={optionClasses} />
            ))}
            {dontKnow}
          </SimpleGrid>
        ) : (
          <Stack gap={8}>
            {LEVEL_VALUES.map((v) => (
              <Radio key={v} value={String(v)} label={item.levels?.[v]} description={`Level ${v} of 100`} classNames={optionClasses} />
            ))}
            {dontKnow}
          </Stack>
        )}
      </Radio.Group>
      <ItemComment item={item} number={number} answer={answer} error={commentError} onChange={onComment} />
    </Stack>
  );
}

/** Brings a question into view and puts the focus on its first answer. */
function focusQuestion(key: string) {
  requestAnimationFrame(() => {
    const question = document.getElementById(`question-${key}`);
    question?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    question?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus({ preventScroll: true });
  });
}

function SheetForm({ allianceId, waveId, sheet }: { allianceId: string; waveId: string; sheet: HealthSheet }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { dimensions, wave } = sheet;
  const [answers, setAnswers] = useState<SheetAnswers>(() => answersFromDraft(sheet.answers));
  const current = useRef(answers);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const saver = useDraftSaver((body) => saveDraft(allianceId, waveId, body), answersBody(dimensions, answers));
  const total = itemsOf(dimensions).length;
  const left = unanswered(dimensions, answers).length;

  const submit = useMutation({
    mutationFn: (body: HealthAnswerInput[]) => submitSheet(allianceId, waveId, body),
    onSuccess: (answered) => {
      queryClient.setQueryData(sheetKey(allianceId, waveId), answered);
      refreshHealth(queryClient, allianceId);
      notifications.show({ color: 'teal', message: `Thank you: your answers to “${wave.title}” are in.` });
      window.scrollTo({ top: 0 });
    },
    onError: (error, body) => {
      const found = itemErrors(error, body);
      setErrors(found.byItem);
      const first = itemsOf(dimensions).find((item) => found.byItem[item.key]);
      if (first) focusQuestion(first.key);
    },
  });

  const update = (key: string, patch: Partial<ItemAnswer>) => {
    const before = current.current[key] ?? { value: undefined, comment: '' };
    const next = { ...current.current, [key]: { ...before, ...patch } };
    current.current = next;
    setAnswers(next);
    saver.change(answersBody(dimensions, next));
    if (patch.value !== undefined && errors[key] === NO_ANSWER_MESSAGE) {
      setErrors(({ [key]: _, ...rest }) => rest);
    }
  };

  const trySubmit = () => {
    if (submit.isPending) return;
    const missing = unanswered(dimensions, current.current);
    if (missing.length > 0) {
      setErrors(Object.fromEntries(missing.map((item) => [item.key, NO_ANSWER_MESSAGE])));
      setRefusal(
        `Answer every question before you submit: ${missing.length} ${missing.length === 1 ? 'is' : 'are'} left. Choose “${DONT_KNOW_LABEL}” where you cannot say.`,
      );
      focusQuestion(missing[0]!.key);
      return;
    }
    setRefusal(null);
    modals.openConfirmModal({
      title: 'Submit your answers?',
      children: (
        <Text size="sm">
          You answer once: after submitting you cannot change your answers or read them back. They join the wave’s anonymous results, which open
          when it closes on {formatDate(wave.closes_on)}.
        </Text>
      ),
      labels: { confirm: 'Submit answers', cancel: 'Keep editing' },
      onConfirm: () => {
        // Everything goes with the submission; a draft saved after it would be refused.
        void saver.cancel().then(() => submit.mutate(answersBody(dimensions, current.current)));
      },
    });
  };

  const saveAndLeave = async () => {
    saver.change(answersBody(dimensions, current.current));
    if (await saver.flush()) {
      notifications.show({ color: 'teal', message: `Your answers are saved. Come back to them any time until ${formatDate(wave.closes_on)}.` });
      navigate(healthTabPath(allianceId));
    }
  };

  const generalErrors = submit.isError ? itemErrors(submit.error, submit.variables ?? []).rest : [];
  let number = 0;
  return (
    <Stack gap="md">
      {dimensions.map((d, di) => (
        <Paper key={d.key} withBorder radius="md" p={{ base: 'md', sm: 'lg' }} component="section" aria-labelledby={`dimension-${d.key}`}>
          <Title order={2} size="h4" id={`dimension-${d.key}`}>
            {di + 1}. {d.name}
          </Title>
          {d.description && (
            <Text size="sm" c="dimmed" mb="md">
              {d.description}
            </Text>
          )}
          <Stack gap="xl">
            {d.items.map((item) => {
              number += 1;
              return (
                <Question
                  key={item.key}
                  item={item}
                  number={number}
                  answer={answers[item.key]}
                  error={errors[item.key]}
                  onChoose={(value) => update(item.key, { value })}
                  onComment={(comment) => update(item.key, { comment })}
                />
              );
            })}
          </Stack>
        </Paper>
      ))}
      <Paper withBorder radius="md" p="sm" shadow="sm" className={classes.footer} aria-label="Your progress">
        <Stack gap={6}>
          {refusal && (
            <Alert color="red" variant="light" role="alert" p="xs">
              {refusal}
            </Alert>
          )}
          {submit.isError && (
            <Alert color="red" variant="light" role="alert" p="xs" title="Your answers were not submitted">
              {generalErrors.length > 0 ? generalErrors.join(' ') : problemMessage(submit.error)}
            </Alert>
          )}
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Stack gap={4} style={{ flex: '1 1 240px' }}>
              <Text size="sm" fw={600} data-testid="sheet-progress">
                {total - left} of {total} answered · {left === 0 ? 'none left' : `${left} left`}
              </Text>
              <Progress value={total ? ((total - left) / total) * 100 : 0} size="sm" aria-hidden />
              <SaveStatus state={saver.state} onRetry={() => void saver.flush()} />
            </Stack>
            <Group gap="xs">
              <Button variant="default" onClick={() => void saveAndLeave()} disabled={submit.isPending}>
                Save and continue later
              </Button>
              <Button onClick={trySubmit} loading={submit.isPending}>
                Submit answers
              </Button>
            </Group>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  );
}

function Finished({ allianceId, sheet }: { allianceId: string; sheet: HealthSheet }) {
  const { wave } = sheet;
  return (
    <Paper withBorder radius="md" p="xl">
      <Stack align="center" gap="sm" ta="center" maw={560} mx="auto">
        <IconCircleCheck size={40} color="var(--mantine-color-teal-7)" aria-hidden />
        <Title order={2} size="h3">
          Thank you: your answers are in
        </Title>
        <Text size="sm" c="dimmed">
          They join the wave’s anonymous results, which open when the wave closes on {formatDate(wave.closes_on)}. Nobody can read your answers back,
          you included.
        </Text>
        <Anchor component={Link} to={healthTabPath(allianceId, wave.id)} size="sm">
          Back to the wave
        </Anchor>
      </Stack>
    </Paper>
  );
}

function NotOpen({ allianceId, sheet }: { allianceId: string; sheet: HealthSheet }) {
  const { wave } = sheet;
  return (
    <Alert color={wave.status === 'closed' ? 'gray' : 'blue'} variant="light" role="note" title={wave.status === 'closed' ? 'This wave has closed' : 'This wave is not open yet'}>
      <Text size="sm">
        {wave.status === 'closed'
          ? `Answers were taken until ${formatDate(wave.closed_on ?? wave.closes_on)}; no more can be given.`
          : `It opens on ${formatDate(wave.opens_on)}; come back then. What you answer is saved as you go.`}{' '}
        <Anchor component={Link} to={healthTabPath(allianceId, wave.id)} size="sm">
          {wave.status === 'closed' ? 'See the results' : 'Back to the wave'}
        </Anchor>
      </Text>
    </Alert>
  );
}

export function AnswerSheet({ allianceId, waveId, breadcrumbs }: { allianceId: string; waveId: string; breadcrumbs?: ReactNode }) {
  const sheet = useSheet(allianceId, waveId);
  return (
    <QueryView query={sheet} loaderLabel="Opening your questions…">
      {(data) => {
        const { wave } = data;
        const open = wave.status === 'open' && !data.submitted;
        return (
          <>
            <PageHeader
              eyebrow={breadcrumbs}
              title={wave.title}
              description={
                open
                  ? `${data.bank.name}: ${itemsOf(data.dimensions).length} questions. Open until ${formatDate(wave.closes_on)}.${
                      wave.my_role ? ` You answer as ${RESPONDENT_ROLE_LABELS[wave.my_role].toLowerCase()}.` : ''
                    }`
                  : undefined
              }
            />
            {data.submitted ? (
              <Finished allianceId={allianceId} sheet={data} />
            ) : !open ? (
              <NotOpen allianceId={allianceId} sheet={data} />
            ) : (
              <Stack gap="md">
                <Alert color="indigo" variant="light" title="Your answers are anonymous" role="note">
                  <Text size="sm">
                    Scores are shown only for groups of at least {wave.score_threshold} people, and comments only when a dimension has at least{' '}
                    {wave.comment_threshold}. Nothing stored links your answers to you.
                  </Text>
                  {data.bank.about && (
                    <Text size="sm" mt="xs">
                      {data.bank.about}
                    </Text>
                  )}
                </Alert>
                <SheetForm allianceId={allianceId} waveId={waveId} sheet={data} />
              </Stack>
            )}
          </>
        );
      }}
    </QueryView>
  );
}
