/**
 * The public page's read of a guild by its tag (guild.public's view: name, tag,
 * level, members with ranks, founded — no bank, no message of the day). The tag is
 * looked up first so /guilds/OWL never shows a guild *named* "Owl" that has another
 * tag; then the domain's own public view of that guild.
 */
import { cache } from 'react';
import { DomainError, guildPublic, type GuildPublicView } from '@necp/game';
import { GuildTagSchema } from '@necp/shared';
import { getDeps } from './deps';

/** The guild whose tag this is (any case), or null: no such tag, or not a tag at all. */
export const publicGuildByTag = cache(async (raw: string): Promise<GuildPublicView | null> => {
  const tag = GuildTagSchema.safeParse(raw);
  if (!tag.success) return null;
  const deps = getDeps();
  const row = await deps.db.guild.findUnique({ where: { tag: tag.data }, select: { name: true } });
  if (!row) return null;
  try {
    return await guildPublic(deps, row.name);
  } catch (err) {
    // disbanded between the two reads
    if (err instanceof DomainError && err.code === 'NOT_FOUND') return null;
    throw err;
  }
});
