// Chat through the real sim socket (one process, no Redis): delivery by channel,
// say range from the zone, whispers, ignores, history on entering, bad payloads.
import { describe, expect, it } from 'vitest';
import { blockRoomPush } from '@necp/game';
import type { ChatMessage } from '@necp/shared';
import { testDb } from '../testing/test-db';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';

const db = testDb();
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

async function joined(x: number, y: number) {
  const p = await createPlayerAt(db, x, y);
  const { client } = await sim.join(p);
  await client.next('chat:history');
  return { ...p, client, name: p.character.name };
}

const texts = (ms: ChatMessage[]) => ms.map((m) => m.text);

describe('chat over the sim socket', () => {
  it('district reaches the district; say only those within range; the ack is the message', async () => {
    const a = await joined(40, 110);
    const near = await joined(45, 112);
    const far = await joined(200, 300);
    const ack = await a.client.command('chat:send', { channel: 'district', text: 'hello watson' });
    expect(ack).toMatchObject({
      ok: true,
      data: { channel: 'district', from: a.name, text: 'hello watson' },
    });
    for (const c of [a, near, far])
      expect(await c.client.next('chat:message')).toMatchObject({
        text: 'hello watson',
        from: a.name,
      });

    await a.client.command('chat:send', { channel: 'say', text: 'psst, over here' });
    expect(await near.client.next('chat:message')).toMatchObject({
      channel: 'say',
      text: 'psst, over here',
    });
    expect(await a.client.next('chat:message')).toMatchObject({ channel: 'say' });
    await far.client.sync();
    expect(texts(far.client.take('chat:message'))).not.toContain('psst, over here');
  });

  it('whispers reach the two ends only; /ignore keeps a sender out at once', async () => {
    const a = await joined(40, 110);
    const b = await joined(60, 120);
    const c = await joined(80, 130);
    const ack = await a.client.command('chat:send', {
      channel: 'whisper',
      to: b.name,
      text: 'secret',
    });
    expect(ack).toMatchObject({ ok: true, data: { to: b.name } });
    expect(await b.client.next('chat:message')).toMatchObject({
      channel: 'whisper',
      from: a.name,
      text: 'secret',
    });
    expect(await a.client.next('chat:message')).toMatchObject({
      channel: 'whisper',
      text: 'secret',
    });
    await c.client.sync();
    expect(c.client.take('chat:message')).toEqual([]);

    expect(await b.client.command('chat:ignore', { name: a.name })).toEqual({
      ok: true,
      data: { name: a.name },
    });
    // what the block's outbox reaction pushes (the worker's; guild.test.ts runs the real one)
    sim.server.pushes([blockRoomPush(b.characterId, a.characterId, true)]);
    await b.client.sync();
    await a.client.command('chat:send', { channel: 'district', text: 'can you hear me' });
    expect(await c.client.next('chat:message')).toMatchObject({ text: 'can you hear me' });
    await b.client.sync();
    expect(texts(b.client.take('chat:message'))).not.toContain('can you hear me');
    // the blocked side is not told: its whisper "goes out"
    expect(
      await a.client.command('chat:send', { channel: 'whisper', to: b.name, text: 'hello?' }),
    ).toMatchObject({
      ok: true,
    });
    await b.client.sync();
    expect(b.client.take('chat:message')).toEqual([]);
  });

  it('history arrives on entering: the district’s last messages, whispers of its own', async () => {
    const a = await joined(40, 110);
    const b = await joined(60, 120);
    await a.client.command('chat:send', { channel: 'district', text: 'before you came' });
    await a.client.command('chat:send', { channel: 'whisper', to: b.name, text: 'for b' });
    const late = await createPlayerAt(db, 70, 120);
    const { client } = await sim.join(late);
    const { messages } = await client.next('chat:history');
    expect(texts(messages)).toContain('before you came');
    expect(texts(messages)).not.toContain('for b');
  });

  it('bad payloads and refusals come back as typed errors, the socket stays up', async () => {
    const a = await joined(40, 110);
    for (const bad of [
      { channel: 'district', text: '' },
      { channel: 'district', text: 'x'.repeat(501) },
      { channel: 'district', text: 'nul\u0000' },
      { channel: 'system', text: 'fake announcement' },
      'not an object',
    ])
      expect(await a.client.command('chat:send', bad)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    expect(
      await a.client.command('chat:send', { channel: 'whisper', to: 'Nobody-Qq1', text: 'hi' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: 'No character is called “Nobody-Qq1”.' },
    });
    expect(await a.client.command('chat:send', { channel: 'party', text: 'hi' })).toMatchObject({
      ok: false,
      error: { message: 'You are not in a party.' },
    });
    expect(
      await a.client.command('chat:send', { channel: 'district', text: 'still here' }),
    ).toMatchObject({ ok: true });
  });

  it('player:report keeps a report of a character by name; bad reports are typed refusals', async () => {
    const a = await joined(40, 110);
    const b = await joined(60, 120);
    await b.client.command('chat:send', { channel: 'district', text: 'wts gold' });
    expect(
      await a.client.command('player:report', { name: b.name, reason: 'spam', note: 'gold' }),
    ).toMatchObject({ ok: true });
    const row = await db.playerReport.findUniqueOrThrow({
      where: { reporterId_targetId: { reporterId: a.characterId, targetId: b.characterId } },
    });
    expect(row).toMatchObject({ reason: 'spam', note: 'gold', targetName: b.name });
    expect((row.context as { text: string }[]).map((m) => m.text)).toEqual(['wts gold']);
    for (const bad of [
      { name: b.name, reason: 'boredom' },
      { name: b.name },
      { name: b.name, reason: 'spam', note: 'a\u0000b' },
      { name: 'x'.repeat(40), reason: 'spam' },
    ])
      expect(await a.client.command('player:report', bad)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    expect(await a.client.command('player:report', { name: a.name, reason: 'spam' })).toMatchObject(
      { ok: false, error: { message: 'You cannot report yourself.' } },
    );
  });
});
