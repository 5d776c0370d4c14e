/**
 * Test-only helpers for the guild tests (not exported from the package): funded
 * characters, a founded guild, members joined through the domain, and the
 * conservation check scoped to the test's own characters and guilds.
 */
import { expect } from 'vitest';
import type { Db } from '@necp/db';
import { uniqTag } from '@necp/db/testing';
import { GUILD_CREATE_FEE } from '@necp/shared';
import type { GameDeps } from '../core/deps';
import { newPlayer } from '../inventory/test-helpers';
import { checkInvariants } from '../ledger/check-invariants';
import { recordCurrency } from '../ledger/record-currency';
import { createGuild } from './create-guild';
import { acceptGuildInvite, inviteToGuild } from './guild-invites';

export interface TestChar {
  id: string;
  name: string;
}

/** A fresh character with `eddies` (ledger source `admin`). */
export async function char(db: Db, eddies = 0): Promise<TestChar> {
  const p = await newPlayer(db);
  if (eddies > 0)
    await db.$transaction((tx) =>
      recordCurrency(tx, { reason: 'admin', characterId: p.characterId, delta: eddies }),
    );
  const c = await db.character.findUniqueOrThrow({ where: { id: p.characterId } });
  return { id: c.id, name: c.name };
}

let n = 0;
/** A unique guild name and tag for this run (tags are letters only). */
export function guildNames(): { name: string; tag: string } {
  n += 1;
  const tag = uniqTag();
  return { name: `Guild ${tag} ${n}`, tag };
}

/** A founder (funded for the fee plus `extra`) and its new guild. */
export async function foundGuild(deps: Pick<GameDeps, 'db'>, extra = 0) {
  const leader = await char(deps.db, GUILD_CREATE_FEE + extra);
  const names = guildNames();
  const g = await createGuild(deps, { characterId: leader.id, ...names });
  return { leader, guildId: g.guildId, name: g.name, tag: g.tag };
}

/** `inviter` invites `who`, who accepts (joins as Recruit). */
export async function join(
  deps: Pick<GameDeps, 'db' | 'clock'>,
  inviter: TestChar,
  who: TestChar,
): Promise<void> {
  const inv = await inviteToGuild(deps, { characterId: inviter.id, name: who.name });
  await acceptGuildInvite(deps, { characterId: who.id, inviteId: inv.inviteId! });
}

export async function expectGuildBalanced(
  db: Db,
  chars: readonly TestChar[],
  guildIds: readonly string[],
): Promise<void> {
  expect(await checkInvariants(db, { characterIds: chars.map((c) => c.id), guildIds })).toEqual([]);
}

export const eddiesOf = async (db: Db, c: TestChar) =>
  (await db.character.findUniqueOrThrow({ where: { id: c.id } })).eddies;

/** The guild bank's balance. */
export const bankOf = async (db: Db, guildId: string) =>
  (await db.guild.findUniqueOrThrow({ where: { id: guildId } })).bankEddies;
