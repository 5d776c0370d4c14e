// Guild chat through the real sim socket: members only, a non-member refused, guild
// lines in the history, and membership changed through the guild domain (what the
// web API runs) moving sockets through the outbox reaction: an invitation pushed, a
// new member hearing guild chat, a kicked member neither hearing nor posting, a
// disbanded guild's room emptied.
import { guildMembershipPushes } from '@necp/game';
import { describe, expect, it } from 'vitest';
import { uniqTag } from '@necp/db/testing';
import { GUILD_CREATE_FEE } from '@necp/shared';
import {
  acceptGuildInvite,
  createGuild,
  disbandGuild,
  drainOutbox,
  inviteToGuild,
  kickFromGuild,
  leaveGuild,
  recordCurrency,
} from '@necp/game';
import { simOutboxSubscribers } from '../worker/outbox-wiring';
import { outboxTestDb } from '../testing/test-db';
import { createPlayerAt, type TestSim } from '../testing/test-sim';
import { simPerTest } from '../testing/sim-per-test';
import { seen } from '../testing/loot-kit';
import { guildRoom } from '../net/rooms';

// this file drains the outbox: it has a database of its own (OUTBOX_TEST_DATABASES)
const db = outboxTestDb('simGuildChat');
let sim: TestSim;
simPerTest(db, (s) => (sim = s));

/** What the sim's outbox worker does, by hand: every due event to the sim's real subscribers. */
async function drain(): Promise<void> {
  const r = await drainOutbox(sim.deps, simOutboxSubscribers(sim.deps), {
    push: sim.server.pushes,
    untilEmpty: true,
  });
  expect(r.failures).toBe(0);
}

async function player(x: number, y: number, eddies = 0) {
  const p = await createPlayerAt(db, x, y);
  if (eddies > 0)
    await db.$transaction((tx) =>
      recordCurrency(tx, { reason: 'admin', characterId: p.characterId, delta: eddies }),
    );
  return { ...p, name: p.character.name };
}

type Player = Awaited<ReturnType<typeof player>>;

async function connect(p: Player) {
  const { client } = await sim.join(p);
  await client.next('chat:history');
  return client;
}

/** A founded guild (through the domain, as guild.create does) with `members` joined. */
async function guildOf(leader: Player, members: Player[] = []) {
  const tag = uniqTag();
  const { guildId } = await createGuild(sim.deps, {
    characterId: leader.characterId,
    name: `Guild ${tag} ${uniqTag(6)}`,
    tag,
  });
  for (const m of members) {
    const inv = await inviteToGuild(sim.deps, { characterId: leader.characterId, name: m.name });
    await acceptGuildInvite(sim.deps, { characterId: m.characterId, inviteId: inv.inviteId! });
  }
  return guildId;
}

const inRoom = async (guildId: string) =>
  (await sim.server.io.in(guildRoom(guildId)).fetchSockets()).length;

describe('guild chat over the sim socket', () => {
  it('reaches members only; a non-member is refused; the history keeps guild lines', async () => {
    const a = await player(40, 110, GUILD_CREATE_FEE);
    const b = await player(60, 120);
    const c = await player(80, 130);
    const guildId = await guildOf(a, [b]);
    const ca = await connect(a);
    const cb = await connect(b);
    const cc = await connect(c);
    // on entering: the guild (or none)
    expect(await ca.next('guild:update')).toEqual({ guildId });
    expect(await cb.next('guild:update')).toEqual({ guildId });
    expect(await cc.next('guild:update')).toEqual({ guildId: null });

    expect(await ca.command('chat:send', { channel: 'guild', text: 'raid at nine' })).toMatchObject(
      { ok: true, data: { channel: 'guild', text: 'raid at nine', fromId: a.characterId } },
    );
    expect(await cb.next('chat:message')).toMatchObject({ channel: 'guild', text: 'raid at nine' });
    expect(await ca.next('chat:message')).toMatchObject({ text: 'raid at nine' });
    await cc.sync();
    expect(cc.take('chat:message')).toEqual([]);
    expect(await cc.command('chat:send', { channel: 'guild', text: 'let me in' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE', message: 'You are not in a guild.' },
    });

    // a member who ignores another does not hear it in guild chat either (once the
    // block's event is delivered: its reaction moves b's socket, as for a web block)
    expect(await cb.command('chat:ignore', { name: a.name })).toMatchObject({ ok: true });
    await drain();
    await cb.sync();
    await ca.command('chat:send', { channel: 'guild', text: 'ignored by b' });
    expect(await ca.next('chat:message')).toMatchObject({ text: 'ignored by b' });
    await cb.sync();
    expect(cb.take('chat:message')).toEqual([]);
    await cb.command('chat:unignore', { name: a.name });
    await drain();

    // entering again: the guild's lines are in the history; not in an outsider's
    cb.close();
    const again = (await sim.join(b)).client;
    const history = (await again.next('chat:history')).messages;
    expect(history.filter((m) => m.channel === 'guild').map((m) => m.text)).toEqual([
      'raid at nine',
      'ignored by b',
    ]);
    const cc2 = (await sim.join(c)).client;
    const outsider = (await cc2.next('chat:history')).messages;
    expect(outsider.some((m) => m.channel === 'guild')).toBe(false);
  });

  it("a member entering the world wears the guild tag: in its welcome and on others' screens", async () => {
    const a = await player(40, 110, GUILD_CREATE_FEE);
    const b = await player(44, 112);
    const guildId = await guildOf(a);
    const { tag } = await db.guild.findUniqueOrThrow({ where: { id: guildId } });
    const cb = (await sim.join(b)).client;
    const { welcome } = await sim.join(a);
    expect(welcome.self.guildTag).toBe(tag);
    const addedA = (await seen(sim, cb)).find((e) => e.name === a.name);
    expect(addedA?.guildTag).toBe(tag);
    // and one in no guild wears none
    const addedB = (await seen(sim, (await sim.join(await player(42, 111))).client)).find(
      (e) => e.name === b.name,
    );
    expect(addedB).toBeDefined();
    expect(addedB?.guildTag).toBeUndefined();
  });

  it('membership changed through the domain moves the sockets after the outbox reaction', async () => {
    const a = await player(40, 110, GUILD_CREATE_FEE);
    const b = await player(60, 120);
    const ca = await connect(a);
    const cb = await connect(b);
    expect(await ca.next('guild:update')).toEqual({ guildId: null });
    expect(await cb.next('guild:update')).toEqual({ guildId: null });

    // founded while connected (guild.create): the founder's socket joins the room
    const guildId = await guildOf(a);
    await drain();
    expect(await ca.next('guild:update')).toEqual({ guildId });
    expect(await inRoom(guildId)).toBe(1);

    // the invitation reaches the invitee's socket
    const inv = await inviteToGuild(sim.deps, { characterId: a.characterId, name: b.name });
    await drain();
    const invited = await cb.next('guild:invited');
    expect(invited).toMatchObject({
      inviteId: inv.inviteId,
      guildId,
      fromId: a.characterId,
      from: a.name,
      expiresAt: inv.expiresAt,
    });
    expect(invited.guildTag).toMatch(/^[A-Z]{2,5}$/);

    // accepted (guild.accept): live guild chat once the reaction moved b's socket in
    await acceptGuildInvite(sim.deps, { characterId: b.characterId, inviteId: invited.inviteId });
    await drain();
    expect(await cb.next('guild:update')).toEqual({ guildId });
    // the others refetch the roster
    expect(await ca.next('guild:update')).toEqual({ guildId });
    await ca.command('chat:send', { channel: 'guild', text: 'welcome aboard' });
    expect(await ca.next('chat:message')).toMatchObject({ text: 'welcome aboard' });
    expect(await cb.next('chat:message')).toMatchObject({
      channel: 'guild',
      text: 'welcome aboard',
    });

    // kicked (guild.kick): refused at once (membership is read at post time) …
    await kickFromGuild(sim.deps, { characterId: a.characterId, memberId: b.characterId });
    expect(await cb.command('chat:send', { channel: 'guild', text: 'wait' })).toMatchObject({
      ok: false,
      error: { message: 'You are not in a guild.' },
    });
    // … and deaf at once: the next guild message, before the outbox reaction moved b's
    // socket out of the guild room, goes to the members of the moment (issue 25)
    expect(await inRoom(guildId)).toBe(2);
    await ca.command('chat:send', { channel: 'guild', text: 'is he gone?' });
    expect(await ca.next('chat:message')).toMatchObject({ text: 'is he gone?' });
    await cb.sync();
    expect(cb.take('chat:message')).toEqual([]);
    // … and hears nothing more once the reaction ran
    await drain();
    expect(await cb.next('guild:update')).toEqual({ guildId: null });
    expect(await ca.next('guild:update')).toEqual({ guildId });
    await ca.command('chat:send', { channel: 'guild', text: 'gone now' });
    expect(await ca.next('chat:message')).toMatchObject({ text: 'gone now' });
    await cb.sync();
    expect(cb.take('chat:message')).toEqual([]);
    expect(await inRoom(guildId)).toBe(1);

    // a redelivered or late event changes nothing: the rooms follow the database
    sim.server.pushes(guildMembershipPushes(b.characterId, null, [guildId]));
    expect(await inRoom(guildId)).toBe(1);

    // disbanded (guild.disband): the last socket leaves the room
    await disbandGuild(sim.deps, {
      characterId: a.characterId,
      confirmName: await nameOf(guildId),
    });
    await drain();
    expect(await ca.next('guild:update')).toEqual({ guildId: null });
    expect(await inRoom(guildId)).toBe(0);
  });

  it('a member who leaves hears nothing more; handled late, a stale join does not put it back', async () => {
    const a = await player(40, 110, GUILD_CREATE_FEE);
    const b = await player(60, 120);
    const guildId = await guildOf(a, [b]);
    const ca = await connect(a);
    const cb = await connect(b);
    await ca.next('guild:update');
    await cb.next('guild:update');
    // the join events (already true on connect) and the leave are all handled together
    await leaveGuild(sim.deps, { characterId: b.characterId });
    await drain();
    await cb.sync();
    expect(cb.take('guild:update').at(-1)).toEqual({ guildId: null });
    expect(await inRoom(guildId)).toBe(1);
    await ca.command('chat:send', { channel: 'guild', text: 'just us' });
    expect(await ca.next('chat:message')).toMatchObject({ text: 'just us' });
    await cb.sync();
    expect(cb.take('chat:message')).toEqual([]);
  });
});

async function nameOf(guildId: string): Promise<string> {
  return (await db.guild.findUniqueOrThrow({ where: { id: guildId } })).name;
}
