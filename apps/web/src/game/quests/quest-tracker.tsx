'use client';
/**
 * The HUD quest tracker (right, under the minimap): up to four open quests with
 * their objectives, ready ones highlighted with where to return, timers ticking.
 * A click opens the quest log (J) on that quest. It also hands the log's map
 * markers ('!' / '?') to the renderer. While the welcome quest is under way its
 * hint panel (tutorial/) stands in for it at the top.
 */
import { useEffect } from 'react';
import { WELCOME_QUEST_ID, type QuestView } from '@necp/shared';
import { objectiveFraction, objectiveText } from './format';
import { nextStep, sameMarkers, trackerQuests, visibleObjectives } from './quest-lists';
import { useQuestLog } from './use-quests';
import { TutorialGuide } from '../tutorial/tutorial-guide';
import { useTutorial } from '../tutorial/use-tutorial';
import { useGame } from '../hud/store-context';
import { windowFace } from '../input/key-bindings';
import { Countdown } from './countdown';

export function QuestTracker() {
  const log = useQuestLog().data;
  const markers = useGame((s) => s.questMarkers);
  const setMarkers = useGame((s) => s.setQuestMarkers);
  const setPanel = useGame((s) => s.setPanel);
  const select = useGame((s) => s.selectQuest);
  const { step } = useTutorial();

  useEffect(() => {
    if (log && !sameMarkers(log.markers, markers)) setMarkers(log.markers);
  }, [log, markers, setMarkers]);

  const quests = log ? trackerQuests(log).filter((q) => !(step && q.id === WELCOME_QUEST_ID)) : [];
  if (quests.length === 0 && !step) return null;
  const open = (q: QuestView) => {
    select(q.id);
    setPanel('quests', true);
  };
  return (
    <section className="qtrack" data-testid="quest-tracker" aria-label="Tracked quests">
      <TutorialGuide step={step} />
      {quests.length > 0 && (
        <header className="qtrack__head">
          <span>Jobs</span>
          <kbd>{windowFace('quests')}</kbd>
        </header>
      )}
      {quests.map((q) => (
        <button
          key={q.id}
          type="button"
          className={`qtrack__quest${q.status === 'ready' ? ' is-ready' : ''}`}
          data-testid="tracker-quest"
          data-quest-id={q.id}
          data-status={q.status}
          onClick={() => open(q)}
        >
          <span className="qtrack__title">
            {q.status === 'ready' && (
              <span className="qtrack__mark" aria-hidden>
                ?
              </span>
            )}
            {q.title}
            {q.deadline !== undefined && q.status === 'active' && (
              <Countdown to={q.deadline} testId="tracker-timer" />
            )}
          </span>
          {q.status === 'ready' ? (
            <span className="qtrack__return" data-testid="tracker-return">
              {nextStep(q)}
            </span>
          ) : (
            <ul className="qtrack__objs">
              {visibleObjectives(q).map((o) => (
                <li
                  key={o.id}
                  className={`qtrack__obj${o.done ? ' is-done' : ''}`}
                  data-testid="tracker-objective"
                  data-objective-id={o.id}
                  data-progress={o.progress}
                  data-target={o.target}
                  data-done={o.done}
                >
                  <span className="qtrack__tick" aria-hidden>
                    {o.done ? '✓' : '▸'}
                  </span>
                  <span className="qtrack__obj-text">{objectiveText(o)}</span>
                  {o.target > 1 && !o.done && (
                    <span className="qtrack__bar" aria-hidden>
                      <span style={{ width: `${objectiveFraction(o) * 100}%` }} />
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </button>
      ))}
    </section>
  );
}
