// Editing an alliance. Saves carry the version the person started from; when someone else saved
// in between (412) the StaleEditDialog shows both sides and lets the person reload or re-apply.
//
// Change control between parties: while another party has a manager in the alliance
// (`consent_required`), the shared fields are not saved but proposed to the other parties, with
// an optional reason; the person's own party's things (its tier and note, and the words of the
// parties it may edit) are still saved at once. If someone joins while the form is open, the
// server refuses the save (409 consent-required) and the form offers to propose instead.
//
// Leaving with changes not yet saved (Cancel, a link, Back, closing the tab) asks first; a field's
// error from the server goes once the field changes (the record kit's guard and error clearing).
import { Alert, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconGitPullRequest } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import { ApiError, api, unwrap } from '../../api/client';
import { fieldErrorsOf, problemMessage } from '../../api/problem';
import type { Alliance, AllianceUpdate, Proposal } from '../../api/types';
import { focusFirstError } from '../../ui/feedback';
import { useUnsavedGuard } from '../../ui/useUnsavedGuard';
import { useSession } from '../auth/session';
import { saveErrorStillShown, useClearServerErrorsOnChange } from '../records/forms';
import { useMembers } from '../team/queries';
import { AllianceFormFields, useAllianceForm, type ChangeControl } from './AllianceFormFields';
import {
  allianceToValues,
  formErrorsFromServer,
  LIMITS,
  partiesProblem,
  reapply,
  splitByConsent,
  toUpdateRequest,
  type AllianceFormValues,
} from './formModel';
import { joinNames, proposedMessage } from './proposalModel';
import { proposeChange } from './proposals';
import { allianceKey, fetchAlliance, refreshAlliance, updateAlliance } from './queries';
import { StaleEditDialog } from './StaleEditDialog';

interface Conflict {
  mine: AllianceFormValues;
  theirs: Alliance | null;
  updatedBy?: string;
}

interface SaveInput {
  base: AllianceFormValues;
  version: number;
  values: AllianceFormValues;
  /** Propose the shared fields rather than save them. */
  consent: boolean;
  reason: string;
}

interface SaveResult {
  /** The alliance after saving the person's own changes; null when there were none. */
  saved: Alliance | null;
  proposal: Proposal | null;
}

async function lastEditor(allianceId: string): Promise<string | undefined> {
  try {
    const page = await unwrap(
      api.GET('/api/v1/alliances/{id}/audit', { params: { path: { id: allianceId }, query: { limit: 1 } } }),
    );
    return page.items[0]?.actor_name ?? undefined;
  } catch {
    return undefined;
  }
}

function isConsentRequired(error: unknown): boolean {
  return error instanceof ApiError && error.status === 409 && !!error.problem?.type?.endsWith('consent-required');
}

const isEmpty = (body: object) => Object.keys(body).length === 0;

export function EditAlliance({
  alliance,
  onDone,
}: {
  alliance: Alliance;
  /** After saving (or cancelling); `proposal` is the change just proposed, if any. */
  onDone: (alliance: Alliance, proposal?: Proposal | null) => void;
}) {
  const { organization } = useSession();
  const queryClient = useQueryClient();
  // The version this edit started from: what "my changes" are measured against.
  const [base, setBase] = useState(() => ({ values: allianceToValues(alliance), version: alliance.version }));
  const form = useAllianceForm(base.values);
  const [submitted, setSubmitted] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // A 409 consent-required: another party's manager joined after this form opened.
  const [joinedMeanwhile, setJoinedMeanwhile] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  // The last body sent, to place the server's field errors on the right party.
  const sent = useRef<AllianceUpdate | null>(null);

  // Who has joined: a party with people in the alliance cannot be removed.
  const members = useMembers(alliance.id);
  const consentRequired = alliance.consent_required || joinedMeanwhile;
  const changeControl: ChangeControl = useMemo(
    () => ({
      consentRequired,
      others: alliance.parties.filter((p) => p.organization_id !== organization.id).map((p) => p.organization_name),
      editableWords: new Set(alliance.north_star.contributions.filter((c) => c.can_edit).map((c) => c.organization_id)),
      existingParties: new Set(base.values.parties.map((p) => p.organization_id)),
      joinedParties: new Set((members.data?.items ?? []).map((m) => m.organization_id)),
    }),
    [consentRequired, alliance, organization.id, base.values, members.data],
  );
  const split = consentRequired ? splitByConsent(base.values, form.values, changeControl.editableWords) : null;
  const proposing = !!split && !isEmpty(split.shared);

  const save = useMutation({
    mutationFn: async (input: SaveInput): Promise<SaveResult> => {
      if (!input.consent) {
        const body = toUpdateRequest(input.base, input.values, changeControl.editableWords);
        sent.current = body;
        return { saved: await updateAlliance(alliance.id, input.version, body), proposal: null };
      }
      const { own, shared } = splitByConsent(input.base, input.values, changeControl.editableWords);
      let saved: Alliance | null = null;
      if (!isEmpty(own)) {
        sent.current = own;
        saved = await updateAlliance(alliance.id, input.version, own);
        // Saved: if the proposal fails now, a second try sends only the proposal.
        refreshAlliance(queryClient, saved);
        setBase({ values: allianceToValues(saved), version: saved.version });
      }
      if (isEmpty(shared)) return { saved, proposal: null };
      sent.current = shared;
      const proposal = await proposeChange(alliance.id, input.reason ? { ...shared, reason: input.reason } : shared);
      return { saved, proposal };
    },
    onSuccess: ({ saved, proposal }) => {
      if (saved) refreshAlliance(queryClient, saved);
      // The proposal changes the alliance's count of open proposals (or, applied, the alliance).
      if (proposal) void queryClient.invalidateQueries({ queryKey: allianceKey(alliance.id) });
      setConflict(null);
      const latest = saved ?? alliance;
      if (!proposal) {
        notifications.show({ color: 'teal', title: 'Saved', message: `${latest.name} is up to date.` });
      } else if (proposal.status === 'applied') {
        notifications.show({ color: 'teal', title: 'Saved', message: proposedMessage(proposal) });
      } else {
        notifications.show({
          color: 'indigo',
          title: saved ? 'Saved and proposed' : 'Change proposed',
          message: `${proposedMessage(proposal)}${saved ? ' Your own changes are saved.' : ''}`,
          autoClose: 8000,
        });
      }
      onDone(latest, proposal);
    },
    onError: async (error, input) => {
      if (error instanceof ApiError && error.status === 412) {
        setConflict({ mine: input.values, theirs: null });
        const [theirs, updatedBy] = await Promise.all([fetchAlliance(alliance.id), lastEditor(alliance.id)]);
        queryClient.setQueryData(allianceKey(alliance.id), theirs);
        setConflict({ mine: input.values, theirs, updatedBy });
        return;
      }
      if (isConsentRequired(error)) {
        setJoinedMeanwhile(true);
        try {
          queryClient.setQueryData(allianceKey(alliance.id), await fetchAlliance(alliance.id));
        } catch {
          // The notice below still explains; the next save tries again.
        }
        return;
      }
      const { reason: reasonProblem, ...errors } = fieldErrorsOf(error);
      setReasonError(reasonProblem ?? null);
      form.setErrors(formErrorsFromServer(errors, sent.current ?? undefined, input.values));
      focusFirstError();
    },
  });

  const submit = (values: AllianceFormValues) => {
    setSubmitted(true);
    if (partiesProblem(values, organization.id)) return;
    const trimmed = reason.trim();
    if (trimmed.length > LIMITS.reason) {
      setReasonError(`Use at most ${LIMITS.reason.toLocaleString()} characters (now ${trimmed.length.toLocaleString()})`);
      return;
    }
    const nothing = consentRequired
      ? (({ own, shared }) => isEmpty(own) && isEmpty(shared))(splitByConsent(base.values, values, changeControl.editableWords))
      : isEmpty(toUpdateRequest(base.values, values, changeControl.editableWords));
    if (nothing) {
      notifications.show({ color: 'gray', title: 'Nothing to save', message: 'You have not changed anything.' });
      guard.release();
      onDone(alliance);
      return;
    }
    setReasonError(null);
    save.mutate({ base: base.values, version: base.version, values, consent: consentRequired, reason: trimmed });
  };

  const reload = () => {
    if (!conflict?.theirs) return;
    const theirs = allianceToValues(conflict.theirs);
    setBase({ values: theirs, version: conflict.theirs.version });
    form.setValues(theirs);
    form.resetDirty(theirs);
    form.clearErrors();
    setConflict(null);
    save.reset();
  };

  const reapplyMine = () => {
    if (!conflict?.theirs) return;
    const theirs = allianceToValues(conflict.theirs);
    const merged = reapply(base.values, conflict.mine, theirs);
    setBase({ values: theirs, version: conflict.theirs.version });
    form.setValues(merged);
    save.mutate({ base: theirs, version: conflict.theirs.version, values: merged, consent: consentRequired, reason: reason.trim() });
  };

  const guard = useUnsavedGuard({ dirty: (form.isDirty() || reason.trim() !== '') && !save.isPending && !save.isSuccess });
  useClearServerErrorsOnChange(form, save.isError ? save.error : null);

  const staleError = save.error instanceof ApiError && save.error.status === 412;
  const consentError = isConsentRequired(save.error);
  const others = joinNames(changeControl.others) || 'the other parties';
  return (
    <form
      noValidate
      onSubmit={form.onSubmit(submit, () => {
        setSubmitted(true);
        focusFirstError();
      })}
    >
      <Stack gap="lg">
        <AllianceFormFields
          form={form}
          myOrganizationId={organization.id}
          myOrganizationName={organization.name}
          mode="edit"
          showPartiesProblem={submitted}
          changeControl={changeControl}
        />
        {proposing && (
          <Textarea
            label="Why"
            description={`Optional: tells ${others} why you propose this change.`}
            placeholder="e.g. The steering committee renamed the programme on 3 December."
            autosize
            minRows={2}
            maxRows={6}
            value={reason}
            error={reasonError}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setReasonError(null);
            }}
          />
        )}
        {save.isError && consentError && (
          <Alert color="orange" variant="light" role="alert" title="Nothing was saved: this change now needs the other party’s agreement">
            <Stack gap="xs">
              <Text size="sm">
                A manager of {others} joined the alliance after you opened this form, so its shared fields change only when {others}{' '}
                {changeControl.others.length > 1 ? 'accept' : 'accepts'}. Propose your changes to them; your tier, your priority note and
                your organisation’s own words are saved at once.
              </Text>
              <Group>
                <Button type="submit" size="xs" leftSection={<IconGitPullRequest size={14} aria-hidden />} loading={save.isPending}>
                  Propose these changes
                </Button>
              </Group>
            </Stack>
          </Alert>
        )}
        {save.isError && !staleError && !consentError && saveErrorStillShown(save.error, { ...form.errors, reason: reasonError }) && (
          <Alert color="red" variant="light" role="alert" title={proposing ? 'Your change was not proposed' : 'Your changes were not saved'}>
            {problemMessage(save.error)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => guard.confirmDiscard(() => onDone(alliance))}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending && !conflict} leftSection={proposing ? <IconGitPullRequest size={16} aria-hidden /> : undefined}>
            {proposing ? 'Propose changes' : 'Save changes'}
          </Button>
        </Group>
      </Stack>
      {conflict && (
        <StaleEditDialog
          opened
          base={base.values}
          mine={conflict.mine}
          theirs={conflict.theirs ? allianceToValues(conflict.theirs) : null}
          updatedBy={conflict.updatedBy}
          onReload={reload}
          onReapply={reapplyMine}
          onClose={() => setConflict(null)}
          reapplying={save.isPending}
        />
      )}
    </form>
  );
}
