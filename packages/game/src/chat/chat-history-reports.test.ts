// What chat keeps: a reader's history (its district and its whispers), reports (the
// message with its context, by those who could read it, once per reporter) and the
// retention that purges old unreported messages.
import { afterAll, describe, expect, it } from 'vitest';
import { domainError, testDb, testDeps } from '../accounts/test-deps';
import { chatHistory } from './chat-history';
import { postChat, type ChatSender } from './post-chat';
import { purgeOldChat } from './purge-chat';
import { reportMessage } from './report-message';
import { online, speakers } from './test-helpers';

const db = testDb(4);
afterAll(() => db.$disconnect());
const speaker = speakers(db);

describe('history', () => {
  it('holds the reader’s district and whispers, oldest first, not other districts or others’ whispers', async () => {
    const deps = testDeps(db);
    const a = await speaker();
    const b = await speaker(a.zoneId);
    const c = await speaker();
    const elsewhere = await speaker();
    await postChat(deps, a, { channel: 'district', text: 'first' }, online);
    deps.clock.advance(1000);
    await postChat(deps, b, { channel: 'whisper', to: a.name, text: 'second' }, online);
    deps.clock.advance(1000);
    await postChat(deps, elsewhere, { channel: 'district', text: 'far away' }, online);
    await postChat(deps, b, { channel: 'whisper', to: c.name, text: 'not for a' }, online);
    const h = await chatHistory(deps, { characterId: a.characterId, zoneId: a.zoneId });
    const mine = h.filter((m) => m.fromId === a.characterId || m.toId === a.characterId);
    expect(mine.map((m) => m.text)).toEqual(['first', 'second']);
    expect(h.some((m) => m.text === 'far away' || m.text === 'not for a')).toBe(false);
  });
});

/** A unique 2–5 letter guild tag. */
const tagOf = (s: ChatSender) =>
  s.characterId
    .replace(/[^a-z]/g, '')
    .slice(-5)
    .toUpperCase()
    .padEnd(2, 'X');

describe('reports and retention', () => {
  it('keeps the reported message with its context; whispers only by their ends; once per reporter', async () => {
    const deps = testDeps(db);
    const a = await speaker();
    const b = await speaker(a.zoneId);
    const outsider = await speaker();
    const before = await postChat(deps, b, { channel: 'district', text: 'hello' }, online);
    deps.clock.advance(1000);
    const bad = await postChat(deps, a, { channel: 'district', text: 'rude thing' }, online);
    await reportMessage(deps, {
      messageId: bad.message.id,
      reporterId: b.characterId,
      reason: 'rude',
    });
    await reportMessage(deps, { messageId: bad.message.id, reporterId: b.characterId });
    const reports = await db.chatReport.findMany({ where: { messageId: bad.message.id } });
    expect(reports).toHaveLength(1);
    const ctx = reports[0]!.context as { id: string }[];
    expect(ctx.map((m) => m.id)).toEqual([before.message.id, bad.message.id]);
    const w = await postChat(deps, a, { channel: 'whisper', to: b.name, text: 'secret' }, online);
    expect(
      (
        await domainError(
          reportMessage(deps, { messageId: w.message.id, reporterId: outsider.characterId }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(
      (
        await domainError(
          reportMessage(deps, { messageId: bad.message.id, reporterId: a.characterId }),
        )
      ).code,
    ).toBe('VALIDATION');
    // a guild's or party's lines only by its members (issue 25: a report copied another
    // guild's private messages into the queue)
    const guild = await db.guild.create({
      data: { name: `Rpt ${a.characterId}`, nameLower: `rpt ${a.characterId}`, tag: tagOf(a) },
    });
    const rank = await db.guildRank.create({
      data: { guildId: guild.id, name: 'All', position: 0 },
    });
    for (const s of [a, b])
      await db.guildMember.create({
        data: { guildId: guild.id, characterId: s.characterId, rankId: rank.id },
      });
    const inGuild = await postChat(deps, a, { channel: 'guild', text: 'guild secret' }, online);
    const party = await db.party.create({ data: { leaderId: a.characterId } });
    await db.partyMember.create({ data: { partyId: party.id, characterId: a.characterId } });
    await db.partyMember.create({ data: { partyId: party.id, characterId: b.characterId } });
    const inParty = await postChat(deps, a, { channel: 'party', text: 'party secret' }, online);
    for (const m of [inGuild, inParty]) {
      expect(
        await domainError(
          reportMessage(deps, { messageId: m.message.id, reporterId: outsider.characterId }),
        ),
      ).toMatchObject({ code: 'NOT_FOUND', userMessage: 'That message is gone.' });
      await reportMessage(deps, { messageId: m.message.id, reporterId: b.characterId });
    }
    expect(await db.chatReport.count({ where: { reporterId: outsider.characterId } })).toBe(0);
    expect(await db.chatReport.count({ where: { reporterId: b.characterId } })).toBe(3);
    // 31 days later: the unreported whisper goes, the reported message stays
    deps.clock.advance(31 * 86_400_000);
    await purgeOldChat(deps);
    expect(await db.chatMessage.findUnique({ where: { id: w.message.id } })).toBeNull();
    expect(await db.chatMessage.findUnique({ where: { id: bad.message.id } })).not.toBeNull();
  });
});
