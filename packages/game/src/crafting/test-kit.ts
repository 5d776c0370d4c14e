/**
 * Test-only helpers of the crafting tests (not exported from the package): crafters
 * standing at Watson's workbench with materials and skills, seeds chosen to succeed or
 * fail, and what a craft holds.
 */
import type { Db } from '@necp/db';
import {
  recipeById,
  resolveCraft,
  zoneById,
  type CraftOutcome,
  type Discipline,
  type Recipe,
} from '@necp/shared';
import { FakeClock } from '../core/clock';
import { testDeps } from '../accounts/test-deps';
import { give, newPlayer, type Player } from '../inventory/test-helpers';
import { craftReservation } from './craft-rows';

const station = zoneById('watson')!.spawnPoints.find((p) => p.kind === 'crafting_station')!;
/** beside Watson's crafting station */
export const AT_STATION = { x: station.x + 1, y: station.y + 1 };

/**
 * Deps on a clock years ahead of the wall clock, a year of its own per test file (noon:
 * vendors are open): the worker of other suites, sweeping by the wall clock, never
 * finishes a craft these tests started, nor does another file's sweep.
 */
export const craftDeps = (db: Db, year: number) =>
  testDeps(db, { clock: new FakeClock(Date.UTC(year, 0, 1, 12)) });

export const recipe = (id: string): Recipe => {
  const r = recipeById(id);
  if (!r) throw new Error(`no recipe ${id}`);
  return r;
};

export async function crafter(
  db: Db,
  o: {
    at?: { x: number; y: number };
    skills?: Partial<Record<Discipline, number>>;
    bagSlots?: number;
    level?: number;
  } = {},
): Promise<Player> {
  const p = await newPlayer(db, {
    at: o.at ?? AT_STATION,
    ...(o.bagSlots !== undefined ? { bagSlots: o.bagSlots } : {}),
    ...(o.level !== undefined ? { level: o.level } : {}),
  });
  for (const [discipline, skill] of Object.entries(o.skills ?? {}))
    await db.craftSkill.create({ data: { characterId: p.characterId, discipline, skill } });
  return p;
}

/** The recipe's inputs in the bag, `times` over, each as one stack; their item ids by template. */
export async function giveInputs(db: Db, p: Player, r: Recipe, times = 1) {
  const ids: Record<string, string> = {};
  for (const i of r.inputs) ids[i.templateId] = await give(db, p, i.templateId, i.quantity * times);
  return ids;
}

/** A seed whose craft at `skill` meets `ok` (tried in order: deterministic). */
export function seedWhere(r: Recipe, skill: number, ok: (o: CraftOutcome) => boolean): string {
  for (let i = 0; i < 5000; i++) {
    const seed = `test-seed-${i}`;
    if (ok(resolveCraft({ seed, skill, recipe: r }))) return seed;
  }
  throw new Error(`no seed for ${r.id} at ${skill}`);
}

/** Replaces a casting craft's recorded seed (the outcome is drawn from it at the finish). */
export const setSeed = (db: Db, craftId: string, seed: string) =>
  db.craft.update({ where: { id: craftId }, data: { seed } });

/** The item rows a craft holds. */
export const heldBy = (db: Db, craftId: string) =>
  db.item.findMany({ where: { reservation: craftReservation(craftId) }, orderBy: { slot: 'asc' } });

export const skillIn = async (db: Db, p: Player, discipline: Discipline) =>
  (
    await db.craftSkill.findUnique({
      where: { characterId_discipline: { characterId: p.characterId, discipline } },
    })
  )?.skill ?? 0;

/** How many of a template the character's bag holds. */
export const bagCount = async (db: Db, p: Player, templateId: string) =>
  (
    await db.item.aggregate({
      where: { characterId: p.characterId, container: 'BAG', templateId },
      _sum: { quantity: true },
    })
  )._sum.quantity ?? 0;
