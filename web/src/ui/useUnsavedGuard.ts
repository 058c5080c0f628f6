// Asking before a half-filled form is thrown away: leaving it by a link or Back (react-router's
// blocker), closing or reloading the tab (`beforeunload`), and closing the modal around it with
// Esc, its × or a click beside it, or with the form's Cancel (`confirmDiscard`).
//
// The modal guard needs no change where the modal is written: the form marks an element inside it
// (`ref`), and one listener on `window`, added when this module loads and so before any modal's
// own, stops the Esc or the click that would close a modal holding a dirty form and asks instead.
// Mantine closes a modal on Esc from a capturing keydown listener on `window`, and on a click on
// its overlay or close button.
//
// Requires: the @mantine/modals provider (the question is a confirm modal). Navigation is guarded
// under a data router (createBrowserRouter, createMemoryRouter); elsewhere only the tab and the
// modal are.
import { modals } from '@mantine/modals';
import { useCallback, useContext, useEffect, useRef } from 'react';
import { UNSAFE_DataRouterContext, useBlocker, type BlockerFunction } from 'react-router';

interface Guard {
  element: HTMLElement | null;
  dirty: () => boolean;
  discard: () => void;
}

const guards = new Set<Guard>();
/** The open "Discard your changes?" question, if any: Esc answers it with "Keep editing". */
let asking: string | null = null;
let askCount = 0;

/** Asks whether to throw the changes away; `discard` or `keep` runs with the answer. */
export function askToDiscard(discard: () => void, keep: () => void = () => {}) {
  // One question at a time: a new one replaces an old one still open.
  if (asking) modals.close(asking);
  askCount += 1;
  const modalId = `discard-changes-${askCount}`;
  let answered = false;
  asking = modalId;
  modals.openConfirmModal({
    modalId,
    title: 'Discard your changes?',
    children: 'What you entered in this form has not been saved and will be lost.',
    labels: { confirm: 'Discard changes', cancel: 'Keep editing' },
    confirmProps: { color: 'red' },
    centered: true,
    onConfirm: () => {
      answered = true;
      asking = null;
      discard();
    },
    onClose: () => {
      asking = null;
      if (!answered) {
        answered = true;
        keep();
      }
    },
  });
}

function modalOf(element: HTMLElement | null): { dialog: Element; root: Element | null } | null {
  const dialog = element?.closest('[role="dialog"]');
  return dialog ? { dialog, root: dialog.closest('.mantine-Modal-root') } : null;
}

/** The guard whose form is dirty and whose modal `target` would close, if any. */
function guardClosedBy(target: EventTarget | null, closes: (modal: { dialog: Element; root: Element | null }, target: Element) => boolean) {
  if (!(target instanceof Element)) return null;
  for (const guard of guards) {
    const modal = modalOf(guard.element);
    if (modal && closes(modal, target) && guard.dirty()) return guard;
  }
  return null;
}

function stop(event: Event) {
  event.preventDefault();
  event.stopImmediatePropagation();
}

function onKeyDown(event: KeyboardEvent) {
  if (event.key !== 'Escape' || event.isComposing) return;
  if (asking && guards.size > 0) {
    // Esc answers the question with "Keep editing", and closes nothing else.
    stop(event);
    modals.close(asking);
    return;
  }
  // An open dropdown inside the modal takes its own Esc (Mantine marks its input so).
  if (event.target instanceof Element && event.target.getAttribute('data-mantine-stop-propagation') === 'true') return;
  const guard = guardClosedBy(event.target, (modal, target) => modal.dialog.contains(target) || target === document.body);
  if (!guard) return;
  stop(event);
  askToDiscard(guard.discard);
}

function onClick(event: MouseEvent) {
  const guard = guardClosedBy(
    event.target,
    (modal, target) =>
      (modal.dialog.contains(target) && !!target.closest('.mantine-Modal-close')) ||
      (!!modal.root && modal.root.contains(target) && !!target.closest('.mantine-Modal-overlay')),
  );
  if (!guard) return;
  stop(event);
  askToDiscard(guard.discard);
}

if (typeof window !== 'undefined') {
  window.addEventListener('keydown', onKeyDown, { capture: true });
  window.addEventListener('click', onClick, { capture: true });
}

/**
 * Guards a form with unsaved input. `dirty`: the input differs from what the form started with
 * and no save is under way or done. `onDiscard`: what closing the modal (Esc, ×, beside it) does
 * once the person agrees to lose the input.
 */
export function useUnsavedGuard({ dirty, onDiscard }: { dirty: boolean; onDiscard?: () => void }) {
  const dirtyRef = useRef(dirty);
  const released = useRef(false);
  const discardRef = useRef(onDiscard);
  dirtyRef.current = dirty;
  discardRef.current = onDiscard;
  const isDirty = useCallback(() => dirtyRef.current && !released.current, []);

  // The modal around the form.
  const guard = useRef<Guard | null>(null);
  if (!guard.current) {
    guard.current = {
      element: null,
      dirty: () => isDirty() && !!discardRef.current,
      discard: () => {
        released.current = true;
        discardRef.current?.();
      },
    };
  }
  useEffect(() => {
    const current = guard.current as Guard;
    guards.add(current);
    return () => {
      guards.delete(current);
    };
  }, []);
  const ref = useCallback((element: HTMLElement | null) => {
    (guard.current as Guard).element = element;
  }, []);

  // The tab.
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!isDirty()) return;
      event.preventDefault();
      // Older browsers ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty, isDirty]);

  // Links and Back, inside the app. Whether there is a data router does not change while the
  // form is mounted, so the hook below is called on every render or on none.
  const shouldBlock = useCallback<BlockerFunction>(
    ({ currentLocation, nextLocation }) =>
      isDirty() && (currentLocation.pathname !== nextLocation.pathname || currentLocation.search !== nextLocation.search),
    [isDirty],
  );
  const dataRouter = useContext(UNSAFE_DataRouterContext);
  // eslint-disable-next-line react-hooks/rules-of-hooks
  const blocker = dataRouter ? useBlocker(shouldBlock) : null;
  useEffect(() => {
    if (blocker?.state !== 'blocked') return;
    askToDiscard(
      () => {
        released.current = true;
        blocker.proceed?.();
      },
      () => blocker.reset?.(),
    );
  }, [blocker]);

  /** For Cancel: asks first when there is input to lose, then runs `leave`. */
  const confirmDiscard = useCallback(
    (leave: () => void) => {
      if (!isDirty()) {
        leave();
        return;
      }
      askToDiscard(() => {
        released.current = true;
        leave();
      });
    },
    [isDirty],
  );

  /** After a save, or when leaving on purpose: ask no more. */
  const release = useCallback(() => {
    released.current = true;
  }, []);

  return { ref, confirmDiscard, release };
}
