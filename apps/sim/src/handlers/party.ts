import {
  PartyEmptySchema,
  PartyInviteRefSchema,
  PartyInviteSchema,
  PartyMemberRefSchema,
  LootAssignSchema,
  LootRollChoiceSchema,
  PartyLootModeSchema,
} from '@necp/shared';
import {
  acceptPartyInvite,
  declinePartyInvite,
  disbandParty,
  inviteToParty,
  kickFromParty,
  leaveParty,
  promoteInParty,
  setPartyLootMode,
  chooseLootRoll,
  assignLoot,
} from '@necp/game';
import { applyRollOutcome, replaceDrop } from '../loot/party-loot';
import { command, type CommandContext, type EventHandler } from './command';

const me = (ctx: CommandContext) => ctx.session.characterId;

/**
 * Party commands over the sim socket (the rules: packages/game/src/party). Each
 * change is pushed to every member as party:update, wherever they are connected, and
 * withdraws the party's queue ticket (a snapshot of the party: matchmaking).
 */
export const partyHandlers = {
  'party:invite': command('party:invite', PartyInviteSchema, async (ctx, { name }) => {
    const inv = await inviteToParty(ctx.deps, { characterId: me(ctx), name });
    ctx.push(inv.pushes);
    return { name: inv.name };
  }),

  'party:accept': command('party:accept', PartyInviteRefSchema, async (ctx, { inviteId }) => {
    const { party, pushes } = await acceptPartyInvite(ctx.deps, { characterId: me(ctx), inviteId });
    ctx.push(pushes);
    await ctx.matchmaking.partyChanged(
      party.id,
      party.members.map((m) => m.id),
    );
    return party;
  }),

  'party:decline': command('party:decline', PartyInviteRefSchema, async (ctx, { inviteId }) => {
    await declinePartyInvite(ctx.deps, { characterId: me(ctx), inviteId });
    return undefined;
  }),

  'party:leave': command('party:leave', PartyEmptySchema, async (ctx) => {
    const { partyId, memberIds, pushes } = await leaveParty(ctx.deps, { characterId: me(ctx) });
    ctx.push(pushes);
    await ctx.matchmaking.partyChanged(partyId, memberIds);
    return undefined;
  }),

  'party:kick': command('party:kick', PartyMemberRefSchema, async (ctx, { memberId }) => {
    const { partyId, memberIds, pushes } = await kickFromParty(ctx.deps, {
      characterId: me(ctx),
      memberId,
    });
    ctx.push(pushes);
    await ctx.matchmaking.partyChanged(partyId, memberIds);
    return undefined;
  }),

  'party:promote': command('party:promote', PartyMemberRefSchema, async (ctx, { memberId }) => {
    const { party, pushes } = await promoteInParty(ctx.deps, { characterId: me(ctx), memberId });
    ctx.push(pushes);
    if (party)
      await ctx.matchmaking.partyChanged(
        party.id,
        party.members.map((m) => m.id),
      );
    return undefined;
  }),

  'party:disband': command('party:disband', PartyEmptySchema, async (ctx) => {
    const { partyId, memberIds, pushes } = await disbandParty(ctx.deps, { characterId: me(ctx) });
    ctx.push(pushes);
    await ctx.matchmaking.partyChanged(partyId, memberIds);
    return undefined;
  }),
  /** the leader sets the loot mode (and threshold); the party sees it in party:update */
  'party:loot_mode': command('party:loot_mode', PartyLootModeSchema, async (ctx, input) => {
    const { pushes } = await setPartyLootMode(ctx.deps, { characterId: me(ctx), ...input });
    ctx.push(pushes);
    return undefined;
  }),

  /** need / greed / pass on a drop the party rolls for; the last answer decides it */
  'loot:roll': command('loot:roll', LootRollChoiceSchema, async (ctx, input) => {
    const outcome = await chooseLootRoll(ctx.deps, { characterId: me(ctx), ...input });
    const zone = outcome && ctx.zones.get(outcome.drop.zoneId);
    if (outcome && zone) applyRollOutcome(zone, ctx.push, outcome);
    return undefined;
  }),

  /** leader mode: give a drop the leader holds to a member */
  'loot:assign': command('loot:assign', LootAssignSchema, async (ctx, input) => {
    const { drop, pushes } = await assignLoot(ctx.deps, { characterId: me(ctx), ...input });
    const zone = ctx.zones.get(drop.zoneId);
    if (zone) replaceDrop(zone, drop);
    ctx.push(pushes);
    return { name: drop.name };
  }),
} satisfies Record<string, EventHandler>;
