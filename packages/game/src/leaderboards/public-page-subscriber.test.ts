// The `public-pages` subscriber against PostgreSQL: it names the pages of the ids an
// event touches by their stored names, classes and tags, and hands them on only after
// the delivery's transaction (afterCommit).
import { afterAll, describe, expect, it } from 'vitest';
import { testDb, testDeps } from '../accounts/test-deps';
import { char, foundGuild, join } from '../guild/test-helpers';
import type { OutboxEvent, OutboxEventType, OutboxPayloads } from '../outbox/events';
import { publicPageOutboxSubscriber } from './public-page-subscriber';

const db = testDb(2);
const deps = testDeps(db);
afterAll(() => db.$disconnect());

const ev = <T extends OutboxEventType>(type: T, payload: OutboxPayloads[T]) =>
  ({ id: 1n, type, key: `${type}:t`, payload, createdAt: new Date(0) }) as OutboxEvent;

/** What the subscriber hands on for one event (afterCommit callbacks run after the tx). */
async function pathsOf(event: OutboxEvent): Promise<{ during: number; after: string[] }> {
  const got: string[][] = [];
  const sub = publicPageOutboxSubscriber({ revalidate: (p) => got.push([...p]) });
  const later: (() => void)[] = [];
  await db.$transaction((tx) =>
    sub.handle(tx, event, { afterCommit: (fn) => later.push(fn), push: () => undefined }),
  );
  const during = got.length;
  for (const fn of later) fn();
  return { during, after: got.flat() };
}

describe('public-pages subscriber', () => {
  it("a level-up: the level and guild boards, the profile and its guild's page", async () => {
    const g = await foundGuild(deps);
    const member = await char(db);
    await join(deps, g.leader, member);
    const c = await db.character.findUniqueOrThrow({ where: { id: member.id } });
    const r = await pathsOf(
      ev('character.leveled', { characterId: member.id, level: 2, previousLevel: 1 }),
    );
    expect(r.during).toBe(0);
    expect(r.after).toEqual([
      '/leaderboards',
      '/leaderboards/level',
      `/leaderboards/level/${c.class}/1`,
      '/leaderboards/guilds',
      `/players/${c.name}`,
      `/guilds/${g.tag}`,
    ]);
  });

  it('a ban: every profile of the account', async () => {
    const a = await char(db);
    const c = await db.character.findUniqueOrThrow({ where: { id: a.id } });
    const r = await pathsOf(ev('account.access_changed', { userId: c.userId, reason: 'ban' }));
    expect(r.after).toContain(`/players/${c.name}`);
    expect(r.after).toContain('/leaderboards/arena-1v1');
  });

  it('an event that changes no public page hands on nothing', async () => {
    const a = await char(db);
    const r = await pathsOf(ev('account.access_changed', { userId: a.id, reason: 'sign_out' }));
    expect(r.after).toEqual([]);
  });
});
