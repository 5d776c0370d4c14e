import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { PLAYER_REPORTS_PER_DAY } from '@necp/shared';
import { FakeClock } from '../core/clock';
import { encodeCursor } from '../core/page-cursor';
import { domainError, testDb, testDeps } from '../accounts/test-deps';
import { newPlayer } from '../inventory/test-helpers';
import { postChat, type ChatSender } from '../chat/post-chat';
import { reportMessage } from '../chat/report-message';
import { reportPlayer } from './report-player';
import { listReports, resolveReport } from './reports';

const db = testDb(3);
afterAll(() => db.$disconnect());

const online = { isOnline: async () => true };
const zone = () => `zone-${randomBytes(4).toString('hex')}`;

async function speaker(zoneId = zone()): Promise<ChatSender> {
  const p = await newPlayer(db);
  const c = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
  return { userId: p.userId, characterId: c.id, name: c.name, zoneId };
}

/** Reports filed "in the future" sort first in the shared queue, whatever else runs. */
const future = () => new FakeClock(Date.UTC(2090, 0, 1) + Math.floor(Math.random() * 1e9));

describe('player reports', () => {
  it('keeps the reason, the note and what the reporter could read of the target', async () => {
    const deps = testDeps(db);
    const a = await speaker();
    const b = await speaker(a.zoneId);
    const c = await speaker();
    await postChat(deps, a, { channel: 'district', text: 'buy gold at scam dot net' }, online);
    await postChat(deps, a, { channel: 'whisper', to: b.name, text: 'to b' }, online);
    // a whisper to somebody else is not the reporter's to read
    await postChat(deps, a, { channel: 'whisper', to: c.name, text: 'to c' }, online);
    await postChat(deps, b, { channel: 'district', text: 'by b' }, online);

    await reportPlayer(deps, {
      reporterId: b.characterId,
      name: a.name.toLowerCase(),
      reason: 'spam',
      note: '  gold seller  ',
    });
    const row = await db.playerReport.findUniqueOrThrow({
      where: { reporterId_targetId: { reporterId: b.characterId, targetId: a.characterId } },
    });
    expect(row).toMatchObject({
      reason: 'spam',
      note: 'gold seller',
      targetName: a.name,
      reporterName: b.name,
      targetUserId: a.userId,
      resolvedAt: null,
    });
    expect((row.context as { text: string }[]).map((m) => m.text)).toEqual([
      'buy gold at scam dot net',
      'to b',
    ]);
  });

  it('refuses yourself, unknown names and bad input; once per target, refreshed and reopened', async () => {
    const deps = testDeps(db);
    const a = await speaker();
    const b = await speaker();
    const self = await domainError(
      reportPlayer(deps, { reporterId: a.characterId, name: a.name, reason: 'other' }),
    );
    expect(self).toMatchObject({ code: 'VALIDATION', userMessage: 'You cannot report yourself.' });
    const nobody = await domainError(
      reportPlayer(deps, { reporterId: a.characterId, name: 'Nobody-xyz', reason: 'other' }),
    );
    expect(nobody.code).toBe('NOT_FOUND');
    for (const bad of [
      { name: b.name, reason: 'fly' },
      { name: b.name, reason: 'spam', note: 'nul\u0000here' },
      { name: b.name, reason: 'spam', note: 'x'.repeat(501) },
      { name: `${b.name}\ud800`, reason: 'spam' },
      { reason: 'spam' },
    ]) {
      const e = await domainError(
        reportPlayer(deps, { reporterId: a.characterId, ...bad } as never),
      );
      expect(e.code).toBe('VALIDATION');
    }
    expect(await db.playerReport.count({ where: { reporterId: a.characterId } })).toBe(0);

    await reportPlayer(deps, { reporterId: a.characterId, name: b.name, reason: 'name' });
    const first = await db.playerReport.findFirstOrThrow({ where: { reporterId: a.characterId } });
    const mod = await newPlayer(db);
    await resolveReport(deps, {
      kind: 'player',
      id: first.id,
      resolution: 'renamed',
      moderatorId: mod.userId,
    });
    deps.clock.advance(60_000);
    await reportPlayer(deps, { reporterId: a.characterId, name: b.name, reason: 'harassment' });
    const rows = await db.playerReport.findMany({ where: { reporterId: a.characterId } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: first.id, reason: 'harassment', resolvedAt: null });
  });

  it(`at most ${PLAYER_REPORTS_PER_DAY} different players a day`, async () => {
    const deps = testDeps(db);
    const a = await speaker();
    const targets = await Promise.all(
      Array.from({ length: PLAYER_REPORTS_PER_DAY + 1 }, () => speaker()),
    );
    for (const t of targets.slice(0, PLAYER_REPORTS_PER_DAY))
      await reportPlayer(deps, { reporterId: a.characterId, name: t.name, reason: 'spam' });
    const last = targets.at(-1)!;
    const e = await domainError(
      reportPlayer(deps, { reporterId: a.characterId, name: last.name, reason: 'spam' }),
    );
    expect(e.code).toBe('RATE_LIMITED');
    // reporting one of them again is a refresh, not a new one
    await reportPlayer(deps, {
      reporterId: a.characterId,
      name: targets[0]!.name,
      reason: 'other',
    });
    deps.clock.advance(24 * 60 * 60 * 1000 + 1);
    await reportPlayer(deps, { reporterId: a.characterId, name: last.name, reason: 'spam' });
  });
});

describe('the report queue', () => {
  it('lists both kinds newest first with a cursor; resolving closes one once', async () => {
    const clock = future();
    const deps = testDeps(db, { clock });
    const a = await speaker();
    const b = await speaker(a.zoneId);
    const c = await speaker();
    const msg = await postChat(deps, a, { channel: 'district', text: 'rude words' }, online);
    await reportMessage(deps, { messageId: msg.message.id, reporterId: b.characterId });
    // the chat report is stamped by the database (now); the player reports by the clock (2090)
    await reportPlayer(deps, { reporterId: b.characterId, name: a.name, reason: 'harassment' });
    clock.advance(1000);
    await reportPlayer(deps, { reporterId: c.characterId, name: a.name, reason: 'cheating' });

    const page1 = await listReports(deps, { limit: 1 });
    expect(page1.items).toHaveLength(1);
    expect(page1.items[0]).toMatchObject({
      kind: 'player',
      reporterName: c.name,
      targetName: a.name,
      targetUserId: a.userId,
      reason: 'cheating',
    });
    const page2 = await listReports(deps, { limit: 1, cursor: page1.nextCursor! });
    expect(page2.items[0]).toMatchObject({ kind: 'player', reporterName: b.name });

    const open = await listReports(deps, {
      limit: 50,
      cursor: encodeCursor([Date.now() + 60_000, 'z']), // every report before then
    });
    const chat = open.items.find((r) => r.kind === 'chat' && r.reporterId === b.characterId);
    expect(chat).toMatchObject({ targetName: a.name, targetUserId: a.userId });
    expect(chat!.context.map((m) => m.text)).toContain('rude words');

    const mod = await newPlayer(db);
    const id = page1.items[0]!.id;
    await resolveReport(deps, {
      kind: 'player',
      id,
      resolution: 'banned 1 day',
      moderatorId: mod.userId,
    });
    expect(
      (
        await domainError(
          resolveReport(deps, { kind: 'player', id, resolution: 'again', moderatorId: mod.userId }),
        )
      ).code,
    ).toBe('CONFLICT');
    expect(
      (
        await domainError(
          resolveReport(deps, { kind: 'chat', id, resolution: 'x', moderatorId: mod.userId }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    await resolveReport(deps, {
      kind: 'chat',
      id: chat!.id,
      resolution: 'muted',
      moderatorId: mod.userId,
    });
    const after = await listReports(deps, { limit: 1 });
    expect(after.items[0]?.id).not.toBe(id);
    const resolved = await db.playerReport.findUniqueOrThrow({ where: { id } });
    expect(resolved).toMatchObject({ resolvedBy: mod.userId, resolution: 'banned 1 day' });
    const done = await listReports(deps, { status: 'resolved', limit: 50 });
    expect(done.items.map((r) => r.id)).toContain(id);
  });

  it('pages reports of one millisecond without losing or repeating any', async () => {
    const clock = future();
    clock.advance(2e9); // past every other test's reports (future() spreads them over 1e9 ms)
    const deps = testDeps(db, { clock });
    const target = await speaker();
    const reporters = await Promise.all([speaker(), speaker(), speaker()]);
    for (const r of reporters)
      await reportPlayer(deps, { reporterId: r.characterId, name: target.name, reason: 'spam' });
    const seen: string[] = [];
    let cursor = encodeCursor([clock.ms() + 1, 'z']);
    for (let page = 0; page < 3; page++) {
      const p = await listReports(deps, { limit: 1, cursor });
      seen.push(...p.items.map((r) => r.reporterId));
      cursor = p.nextCursor!;
    }
    expect(seen.sort()).toEqual(reporters.map((r) => r.characterId).sort());
    await expect(listReports(deps, { cursor: '2090-01-01T00:00:00.000Z' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});
