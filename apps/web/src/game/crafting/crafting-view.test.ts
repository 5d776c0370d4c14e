import { describe, expect, it } from 'vitest';
import type { CraftView, RecipeView } from '@necp/shared';
import { castProgress, outcomeText, pct, recipesOf } from './crafting-view';

const name = (id: string) =>
  ({ scrap_metal: 'Scrap Metal', pistol_unity: 'Unity Pistol' })[id] ?? id;
const craft = (o: Partial<CraftView['outcome']> | null): CraftView => ({
  id: 'c1',
  recipeId: 'r',
  name: 'Unity Pistol',
  discipline: 'weaponsmithing',
  state: 'done',
  startedAt: 0,
  completesAt: 3000,
  finishedAt: 3000,
  outcome: o && {
    success: true,
    quality: 'standard',
    skillUp: false,
    skillBefore: 4,
    skillAfter: 4,
    consumed: [],
    output: { templateId: 'pistol_unity', quantity: 1 },
    outputItemId: 'i1',
    byMail: false,
    seed: 's',
    rolls: { success: 0.1, quality: 0.2, skill: 0.3 },
    chances: { success: 0.9, skillGain: 1 },
    ...o,
  },
});

describe('the workbench window', () => {
  it('says chances as players read them', () => {
    expect(pct(0.853)).toBe('85 %');
    expect(pct(0.004)).toBe('0.4 %');
    expect(pct(0)).toBe('0 %');
    expect(pct(1)).toBe('100 %');
  });

  it('follows the cast from start to end', () => {
    expect(castProgress({ startedAt: 1000, completesAt: 3000 }, 0)).toBe(0);
    expect(castProgress({ startedAt: 1000, completesAt: 3000 }, 2000)).toBe(0.5);
    expect(castProgress({ startedAt: 1000, completesAt: 3000 }, 9000)).toBe(1);
  });

  it('tells what a craft made, what a failure cost, and where the output went', () => {
    expect(outcomeText(craft({}), name)).toBe('Crafted Unity Pistol.');
    expect(outcomeText(craft({ quality: 'fine', skillUp: true, skillAfter: 5 }), name)).toBe(
      'Crafted Fine Unity Pistol. Skill 5.',
    );
    expect(outcomeText(craft({ byMail: true }), name)).toMatch(/comes by mail/);
    expect(
      outcomeText(
        craft({
          success: false,
          quality: null,
          output: null,
          consumed: [{ templateId: 'scrap_metal', quantity: 2 }],
        }),
        name,
      ),
    ).toBe('The craft failed: 2 × Scrap Metal lost.');
  });

  it('lists a discipline craftable first, then learnable, then the rest, by difficulty', () => {
    const r = (id: string, difficulty: number, craftable: boolean, learnable: boolean) =>
      ({ id, name: id, discipline: 'chemistry', difficulty, craftable, learnable }) as RecipeView;
    const list = [r('c', 30, false, false), r('b', 20, false, true), r('a', 50, true, true)];
    expect(
      recipesOf([...list, { ...r('x', 1, true, true), discipline: 'cybertech' }], 'chemistry').map(
        (x) => x.id,
      ),
    ).toEqual(['a', 'b', 'c']);
  });
});
