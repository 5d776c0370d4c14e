'use client';
/**
 * The workbench (V / E / click a crafting station): recipes by discipline with your
 * skill, what each takes and how much of it you own, the odds of success, of a skill
 * point and of each quality; Craft holds the materials for the cast time (the bar),
 * then the server rolls it. Walking away does not stop a craft already cast.
 */
import { useEffect, useRef, useState } from 'react';
import { DISCIPLINES, MAX_CRAFT_SKILL, type Discipline } from '@necp/shared';
import { GameWindow } from '../hud/game-window';
import { windowFace } from '../input/key-bindings';
import { useGame } from '../hud/store-context';
import { useServerNow } from '../time/use-server-now';
import { DISCIPLINE_LABEL, castProgress, recipesOf } from './crafting-view';
import { RecipeDetail } from './recipe-detail';
import { useCrafting, useCraftingActions } from './use-crafting';

export function CraftingWindow() {
  const open = useGame((s) => s.panels.crafting);
  const setPanel = useGame((s) => s.setPanel);
  const station = useGame((s) => s.craftNear);
  const q = useCrafting(open);
  const actions = useCraftingActions();
  const now = useServerNow(100);
  const [discipline, setDiscipline] = useState<Discipline>('chemistry');
  const [picked, setPicked] = useState<string | null>(null);
  const casting = q.data?.casting ?? null;
  // the cast is over: ask the server to roll it (once per craft)
  const finishing = useRef<string | null>(null);
  const { mutate: finish } = actions.finish;
  useEffect(() => {
    if (casting && now >= casting.completesAt && finishing.current !== casting.id) {
      finishing.current = casting.id;
      finish(casting.id);
    }
  }, [casting, now, finish]);
  if (!open) return null;
  const view = q.data;
  const list = view ? recipesOf(view.recipes, discipline) : [];
  const recipe = list.find((r) => r.id === picked) ?? list[0] ?? null;
  return (
    <GameWindow
      title="workbench"
      hotkey={windowFace('crafting')}
      testId="crafting-window"
      className="gwin--crafting"
      onClose={() => setPanel('crafting', false)}
      extra={station && <span className="gwin__sub">{station.name}</span>}
    >
      <div className="tabs" role="tablist">
        {DISCIPLINES.map((d) => (
          <button
            key={d}
            type="button"
            role="tab"
            aria-selected={d === discipline}
            className={`tabs__tab${d === discipline ? ' is-on' : ''}`}
            data-testid={`craft-tab-${d}`}
            onClick={() => {
              setDiscipline(d);
              setPicked(null);
            }}
          >
            {DISCIPLINE_LABEL[d]}
            <span className="tabs__n">{view?.skills[d] ?? 0}</span>
          </button>
        ))}
      </div>
      {view && (
        <div className="wb-skill" title={`${DISCIPLINE_LABEL[discipline]} skill`}>
          <span style={{ width: `${(view.skills[discipline] / MAX_CRAFT_SKILL) * 100}%` }} />
          <b>
            skill {view.skills[discipline]} / {MAX_CRAFT_SKILL}
          </b>
        </div>
      )}
      {casting && (
        <div className="wb-cast" data-testid="craft-casting">
          <span>{casting.name}</span>
          <div className="wb-cast__bar">
            <span style={{ width: `${castProgress(casting, now) * 100}%` }} />
          </div>
          <button
            type="button"
            className="btn btn--ghost btn--small"
            disabled={actions.cancel.isPending || now >= casting.completesAt}
            onClick={() => actions.cancel.mutate(casting.id)}
          >
            Cancel
          </button>
        </div>
      )}
      {!view && <p className="ah-empty">Reading the workbench…</p>}
      {view && (
        <div className="wb-cols">
          <ul className="wb-list" data-testid="recipe-list">
            {list.map((r) => (
              <li key={r.id}>
                <button
                  type="button"
                  className={`wb-recipe wb-recipe--${r.color}${r.id === recipe?.id ? ' is-on' : ''}${r.craftable ? ' is-craftable' : ''}`}
                  data-testid="recipe"
                  data-recipe={r.id}
                  data-craftable={r.craftable}
                  disabled={!r.learnable}
                  onClick={() => setPicked(r.id)}
                >
                  {r.name}
                  <span className="muted">{r.difficulty}</span>
                </button>
              </li>
            ))}
          </ul>
          {recipe && (
            <RecipeDetail
              r={recipe}
              busy={casting !== null || actions.start.isPending || !view.atStation}
              onCraft={() => actions.start.mutate(recipe.id)}
            />
          )}
        </div>
      )}
    </GameWindow>
  );
}
