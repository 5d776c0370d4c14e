'use client';
/**
 * The welcome quest's hint panel, at the top of the quest tracker: the step (2 / 6),
 * what to do with the keys to press (the touch buttons on a phone), "Go solo for
 * now" at the party step for a player alone, and "Skip tutorial" (with a confirm:
 * it abandons the quest, which is never given again). It hands the step's guide
 * target to the renderer (arrow on the map, diamond on the minimap). Never takes
 * keys or focus: the game plays on under it.
 */
import { useMutation } from '@tanstack/react-query';
import { Fragment, useEffect } from 'react';
import {
  TUTORIAL_STEP_IDS,
  WELCOME_QUEST_ID,
  tutorialStepNumber,
  type TutorialStep,
} from '@necp/shared';
import { refusal } from '@/trpc/errors';
import { useTRPC } from '@/trpc/react';
import { useRefresh } from '../quests/use-quests';
import { useGameSession } from '../hud/game-session';
import { useGame } from '../hud/store-context';

/** "Press [Enter] to …" with the bracketed keys drawn as key caps. */
function withKeys(text: string) {
  return text
    .split(/(\[[^\]]+\])/)
    .map((part, i) =>
      /^\[[^\]]+\]$/.test(part) ? (
        <kbd key={i}>{part.slice(1, -1)}</kbd>
      ) : (
        <Fragment key={i}>{part}</Fragment>
      ),
    );
}

export function TutorialGuide({ step }: { step: TutorialStep | null }) {
  const setGuide = useGame((s) => s.setGuide);
  const setDialog = useGame((s) => s.setDialog);
  const toast = useGame((s) => s.toast);
  const trpc = useTRPC();
  const { characterId } = useGameSession();
  const refresh = useRefresh();

  const guide = step?.guide ?? null;
  useEffect(() => {
    setGuide(guide);
    return () => setGuide(null);
  }, [guide, setGuide]);

  const skip = useMutation(
    trpc.quests.abandon.mutationOptions({
      onSuccess: () => toast('info', 'Tutorial skipped. Regina will not hold your hand again.'),
      onError: (err) => toast('warn', refusal(err)),
      onSettled: () => refresh(['quests']),
    }),
  );
  const solo = useMutation(
    trpc.quests.reportAction.mutationOptions({
      // the progress arrives like a kill's: quest:update once the server counted it
      onError: (err) => toast('warn', refusal(err)),
    }),
  );

  if (!step) return null;
  return (
    <section
      className="tguide"
      data-testid="tutorial"
      data-step={step.id}
      aria-label="Welcome to Night City: tutorial"
    >
      <header className="tguide__head">
        <span>Welcome to Night City</span>
        <span className="tguide__count" data-testid="tutorial-count">
          {tutorialStepNumber(step)} / {TUTORIAL_STEP_IDS.length}
        </span>
      </header>
      <p className="tguide__title" data-testid="tutorial-title">
        {step.title}
      </p>
      <p className="tguide__hint tguide__hint--keys" data-testid="tutorial-hint">
        {withKeys(step.desktop)}
      </p>
      <p className="tguide__hint tguide__hint--touch" data-testid="tutorial-hint-touch">
        {step.touch}
      </p>
      <div className="tguide__actions">
        {step.id === 'party' && (
          <button
            type="button"
            className="btn btn--small"
            data-testid="tutorial-solo"
            disabled={solo.isPending || solo.isSuccess}
            onClick={() => solo.mutate({ characterId, action: 'party' })}
          >
            Go solo for now
          </button>
        )}
        <button
          type="button"
          className="tguide__skip"
          data-testid="tutorial-skip"
          disabled={skip.isPending}
          onClick={() =>
            setDialog({
              kind: 'confirm',
              title: 'skip tutorial',
              message:
                'Skip the welcome? Regina keeps her reward and it will not be offered again.',
              confirmLabel: 'Skip tutorial',
              danger: true,
              onConfirm: () => skip.mutate({ characterId, questId: WELCOME_QUEST_ID }),
            })
          }
        >
          Skip tutorial
        </button>
      </div>
    </section>
  );
}
