/**
 * Test-only helpers for the outbox tests (not exported from the package): events keyed
 * by the test, subscribers that count only their test's events, and a listener on the
 * outbox's wake-up channel; the saturation tests' load of npc.killed and area.entered
 * events, their drains and the checks that nothing was lost or counted twice.
 */
import { expect } from 'vitest';
import { databaseUrlOf, listenChannel, type Db } from '@necp/db';
import { uniq } from '@necp/db/testing';
import { npcTemplateById } from '@necp/shared';
import type { TestDeps } from '../accounts/test-deps';
import type { Tx } from '../core/deps';
import { seededRng } from '../core/rng';
import { inTransaction } from '../core/transaction';
import type { Player } from '../inventory/test-helpers';
import { drainOutbox, type DrainResult } from './drain-outbox';
import type { OutboxEvent, OutboxEventType, OutboxPayloads } from './events';
import { publishEvent, publishEvents } from './publish-event';
import { DEFAULT_RETRY_POLICY } from './retry-policy';
import type { OutboxSubscribers } from './subscribers';
import { OUTBOX_CHANNEL } from './wake-drain';

export const leveled = (key: string) =>
  ({
    type: 'character.leveled',
    key,
    payload: { characterId: 'c-outbox-test', level: 2, previousLevel: 1 },
  }) as const;

/** A subscriber that records the keys (with `prefix`) it handled; throws on the first `failTimes`. */
export function recorder(
  name: string,
  prefix: string,
  o: { failTimes?: number; types?: OutboxEventType[] } = {},
) {
  const seen: string[] = [];
  let fails = o.failTimes ?? 0;
  return {
    seen,
    sub: {
      name,
      types: o.types ?? (['character.leveled'] as OutboxEventType[]),
      async handle(tx: Tx, e: OutboxEvent) {
        if (!e.key.startsWith(prefix)) return;
        if (fails > 0) {
          fails--;
          // work done before the failure must roll back with it
          await publishEvent(tx, leveled(`${e.key}:written-before-failing`));
          throw new Error('subscriber exploded');
        }
        seen.push(e.key);
      },
    },
  };
}

export async function waitUntil(what: string, check: () => Promise<boolean>, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The helpers on a test file's database client. */
export function outboxKit(db: Db) {
  const publish = (key: string) => db.$transaction((tx) => publishEvent(tx, leveled(key)));

  const eventRow = (key: string) =>
    db.outboxEvent.findUnique({ where: { key }, include: { consumptions: true } });

  /**
   * A listener of the test's own on the outbox's channel. `settle()` returns the wake-ups
   * heard so far, once every notification committed before it has arrived: its own sentinel,
   * committed after them, arrives after them.
   */
  async function hearOutbox() {
    const heard: string[] = [];
    const ear = listenChannel(
      databaseUrlOf(db)!,
      OUTBOX_CHANNEL,
      (payload) => payload !== undefined && heard.push(payload),
      () => undefined,
    );
    await ear.ready;
    return {
      close: () => ear.close(),
      async settle() {
        const sentinel = uniq('sentinel:');
        await db.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, ${sentinel})`;
        await waitUntil('the sentinel is heard', async () => heard.includes(sentinel), 10_000);
        return heard.filter((p) => !p.startsWith('sentinel:'));
      },
    };
  }

  return { publish, eventRow, hearOutbox };
}

/** What the saturation tests publish: npc.killed (the first killer owns the loot) and area.entered. */
export type Publish = {
  [T in OutboxEventType]: { type: T; key: string; payload: OutboxPayloads[T] };
}['npc.killed' | 'area.entered'];

export const kill = (key: string, templateId: string, killers: readonly Player[]): Publish => {
  const t = npcTemplateById(templateId);
  if (!t) throw new Error(`no npc ${templateId}`);
  return {
    type: 'npc.killed',
    key,
    payload: {
      zoneId: 'watson',
      npcTemplateId: templateId,
      npcName: t.name,
      level: 3,
      rank: 'normal',
      x: 100,
      y: 100,
      killers: killers.map((k) => ({ characterId: k.characterId, damage: 50, xp: 10 })),
      lootOwnerId: killers[0]!.characterId,
    },
  };
};

export const entered = (key: string, p: Player, areaId: string): Publish => ({
  type: 'area.entered',
  key,
  payload: { characterId: p.characterId, zoneId: 'watson', areaId },
});

/**
 * The warehouse quest's load (saturation tests), per character of each pair of `players`:
 * the docks once, 4 gangers (2 alone, 2 with its partner, credited to `shared(a, b, k)`),
 * `scavengers` scavengers alone and `noise` areas no quest wants; keys start with `prefix`.
 */
export function warehouseLoad(
  players: readonly Player[],
  o: {
    prefix: string;
    scavengers: number;
    noise: number;
    shared: (a: Player, b: Player, k: number) => readonly Player[];
  },
): Publish[] {
  const events: Publish[] = [];
  for (let pair = 0; pair < players.length / 2; pair++) {
    const [a, b] = [players[2 * pair]!, players[2 * pair + 1]!];
    for (let k = 0; k < 2; k++)
      events.push(
        kill(`${o.prefix}:ganger-shared:${pair}:${k}`, 'maelstrom_ganger', o.shared(a, b, k)),
      );
    for (const [who, p] of [a, b].entries()) {
      const id = `${pair}:${who}`;
      events.push(entered(`${o.prefix}:docks:${id}`, p, 'watson_docks'));
      for (let k = 0; k < 2; k++)
        events.push(kill(`${o.prefix}:ganger:${id}:${k}`, 'maelstrom_ganger', [p]));
      for (let k = 0; k < o.scavengers; k++)
        events.push(kill(`${o.prefix}:scav:${id}:${k}`, 'watson_scavenger', [p]));
      for (let k = 0; k < o.noise; k++)
        events.push(entered(`${o.prefix}:noise:${id}:${k}`, p, `nowhere_${k}`));
    }
  }
  return events;
}

/** Shuffles `items` in place in an order seeded by `seed`. */
export function shuffle<T>(items: T[], seed: number): void {
  const rng = seededRng(seed);
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}

/** Publishes `events`, `chunk` to a transaction. */
export async function publishInChunks(db: Db, events: readonly Publish[], chunk: number) {
  for (let i = 0; i < events.length; i += chunk) {
    const some = events.slice(i, i + chunk);
    // one statement a chunk (publishEvents): 400 one-event statements in a transaction
    // outlasted Prisma's 5 s beside the rest of a clean-clone run
    await inTransaction(db, (tx) => publishEvents(tx, some));
  }
}

/**
 * Rounds of `drains` parallel drains (each until empty) until `db` holds no undelivered
 * event — fewer rounds than it takes to park one; between rounds, failed deliveries wait
 * out their backoff. Returns the drains' results summed.
 */
export async function drainUntilDelivered(
  db: Db,
  deps: TestDeps,
  subs: OutboxSubscribers,
  drains: number,
): Promise<DrainResult> {
  const total: DrainResult = { events: 0, published: 0, delivered: 0, failures: 0, parked: 0 };
  let rounds = 0;
  for (;;) {
    const results = await Promise.all(
      Array.from({ length: drains }, () => drainOutbox(deps, subs, { untilEmpty: true })),
    );
    for (const r of results)
      for (const k of Object.keys(total) as (keyof DrainResult)[]) total[k] += r[k];
    rounds++;
    const left = await db.outboxEvent.count({ where: { publishedAt: null } });
    if (left === 0) break;
    expect(rounds).toBeLessThan(DEFAULT_RETRY_POLICY.parkAfterAttempts);
    // failed deliveries wait out their backoff
    deps.clock.advance(DEFAULT_RETRY_POLICY.capMs);
  }
  return total;
}

/**
 * Every one of `events` (published after event id `before`) was published, none parked
 * or dead, and consumed by the quest and the reputation subscriber (npc.killed by both).
 */
export async function expectEveryEventDelivered(
  db: Db,
  total: DrainResult,
  events: readonly Publish[],
  before: bigint,
) {
  expect(total.parked).toBe(0);
  expect(total.published).toBe(events.length);
  expect(await db.outboxDeadLetter.count()).toBe(0);
  expect(
    await db.outboxConsumption.count({
      where: { subscriber: { in: ['quests', 'reputation'] }, eventId: { gt: before } },
    }),
  ).toBe(events.length + events.filter((e) => e.type === 'npc.killed').length);
}

/**
 * The character's warehouse run has both objectives the events feed exactly at their
 * targets (the shard is picked up later), and each kill moved the killed faction's
 * standing once. Returns its kills' reputation events by faction.
 */
export async function expectWarehouseProgress(db: Db, p: Player, scavengers: number) {
  const run = await db.characterQuest.findUniqueOrThrow({
    where: {
      characterId_questId_periodKey: {
        characterId: p.characterId,
        questId: 'q_bitw_warehouse',
        periodKey: 'once',
      },
    },
  });
  expect(run).toMatchObject({ state: 'active', progress: { docks: 1, gangers: 4 } });
  const kills = await db.reputationEvent.groupBy({
    by: ['factionId'],
    where: { characterId: p.characterId, reason: 'kill' },
    _count: true,
    _sum: { delta: true },
  });
  const count = (f: string) => kills.find((r) => r.factionId === f)?._count ?? 0;
  expect(count('maelstrom')).toBe(4);
  expect(count('scavengers')).toBe(scavengers);
  return kills;
}
