import {
  PartyEmptySchema,
  PartyInviteRefSchema,
  PartyInviteSchema,
  PartyMemberRefSchema,
  LootAssignSchema,
  LootRollChoiceSchema,
  PartyLootModeSchema,
  type PartyInvitedMsg,
} from '@necp/shared';
import {
  acceptPartyInvite,
  declinePartyInvite,
  disbandParty,
  inviteToParty,
  kickFromParty,
  leaveParty,
  partyOf,
  promoteInParty,
  setPartyLootMode,
  chooseLootRoll,
  assignLoot,
} from '@necp/game';
import { applyRollOutcome, replaceDrop, socketLootNotifier } from '../loot/party-loot';
import { publishParty } from '../chat/party-rooms';
import { command, type CommandContext, type EventHandler } from './command';
import { characterRoom } from '../net/rooms';

const me = (ctx: CommandContext) => ctx.session.characterId;
const nsp = (ctx: CommandContext) => ctx.session.socket.nsp;

/**
 * Party commands over the sim socket (the rules: packages/game/src/party). Each
 * change is pushed to every member as party:update, wherever they are connected, and
 * withdraws the party's queue ticket (a snapshot of the party: matchmaking).
 */
export const partyHandlers = {
  'party:invite': command('party:invite', PartyInviteSchema, async (ctx, { name }) => {
    const inv = await inviteToParty(ctx.deps, { characterId: me(ctx), name });
    if (inv.inviteId) {
      const msg: PartyInvitedMsg = {
        inviteId: inv.inviteId,
        fromId: me(ctx),
        from: ctx.session.socket.data.auth?.character.name ?? '',
        expiresAt: inv.expiresAt,
      };
      nsp(ctx).to(characterRoom(inv.toId)).emit('party:invited', msg);
    }
    return { name: inv.name };
  }),

  'party:accept': command('party:accept', PartyInviteRefSchema, async (ctx, { inviteId }) => {
    const view = await acceptPartyInvite(ctx.deps, { characterId: me(ctx), inviteId });
    await publishParty(ctx.deps, nsp(ctx), view.id, { memberId: me(ctx) });
    await ctx.matchmaking.partyChanged(
      view.id,
      view.members.map((m) => m.id),
    );
    return view;
  }),

  'party:decline': command('party:decline', PartyInviteRefSchema, async (ctx, { inviteId }) => {
    await declinePartyInvite(ctx.deps, { characterId: me(ctx), inviteId });
    return undefined;
  }),

  'party:leave': command('party:leave', PartyEmptySchema, async (ctx) => {
    const before = await partyOf(ctx.deps, me(ctx));
    const { partyId, disbanded } = await leaveParty(ctx.deps, { characterId: me(ctx) });
    const others = before?.members.map((m) => m.id).filter((id) => id !== me(ctx)) ?? [];
    await publishParty(ctx.deps, nsp(ctx), partyId, {
      gone: disbanded ? [me(ctx), ...others] : [me(ctx)],
      ...(disbanded || !others[0] ? {} : { memberId: others[0] }),
    });
    await ctx.matchmaking.partyChanged(partyId, [me(ctx), ...others]);
    return undefined;
  }),

  'party:kick': command('party:kick', PartyMemberRefSchema, async (ctx, { memberId }) => {
    const before = await partyOf(ctx.deps, me(ctx));
    const { partyId, disbanded } = await kickFromParty(ctx.deps, {
      characterId: me(ctx),
      memberId,
    });
    const all = before?.members.map((m) => m.id) ?? [me(ctx), memberId];
    await publishParty(ctx.deps, nsp(ctx), partyId, {
      gone: disbanded ? all : [memberId],
      ...(disbanded ? {} : { memberId: me(ctx) }),
    });
    await ctx.matchmaking.partyChanged(partyId, all);
    return undefined;
  }),

  'party:promote': command('party:promote', PartyMemberRefSchema, async (ctx, { memberId }) => {
    await promoteInParty(ctx.deps, { characterId: me(ctx), memberId });
    const party = await partyOf(ctx.deps, me(ctx));
    if (party) await publishParty(ctx.deps, nsp(ctx), party.id, { memberId: me(ctx) });
    if (party)
      await ctx.matchmaking.partyChanged(
        party.id,
        party.members.map((m) => m.id),
      );
    return undefined;
  }),

  'party:disband': command('party:disband', PartyEmptySchema, async (ctx) => {
    const { partyId, memberIds } = await disbandParty(ctx.deps, { characterId: me(ctx) });
    await publishParty(ctx.deps, nsp(ctx), partyId, { gone: memberIds });
    await ctx.matchmaking.partyChanged(partyId, memberIds);
    return undefined;
  }),
  /** the leader sets the loot mode (and threshold); the party sees it in party:update */
  'party:loot_mode': command('party:loot_mode', PartyLootModeSchema, async (ctx, input) => {
    const { partyId } = await setPartyLootMode(ctx.deps, { characterId: me(ctx), ...input });
    await publishParty(ctx.deps, nsp(ctx), partyId, { memberId: me(ctx) });
    return undefined;
  }),

  /** need / greed / pass on a drop the party rolls for; the last answer decides it */
  'loot:roll': command('loot:roll', LootRollChoiceSchema, async (ctx, input) => {
    const outcome = await chooseLootRoll(ctx.deps, { characterId: me(ctx), ...input });
    const zone = outcome && ctx.zones.get(outcome.drop.zoneId);
    if (outcome && zone) applyRollOutcome(zone, socketLootNotifier(nsp(ctx)), outcome);
    return undefined;
  }),

  /** leader mode: give a drop the leader holds to a member */
  'loot:assign': command('loot:assign', LootAssignSchema, async (ctx, input) => {
    const drop = await assignLoot(ctx.deps, { characterId: me(ctx), ...input });
    const zone = ctx.zones.get(drop.zoneId);
    if (zone) replaceDrop(zone, drop);
    nsp(ctx)
      .to(characterRoom(input.memberId))
      .emit('loot:given', {
        dropId: drop.id,
        name: drop.name,
        from: ctx.session.socket.data.auth?.character.name ?? '',
      });
    return { name: drop.name };
  }),
} satisfies Record<string, EventHandler>;
