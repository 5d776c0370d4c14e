/**
 * The public page's read of a guild by its tag (guild.public's view: name, tag,
 * level, members with ranks, founded — no bank, no message of the day), found by its
 * tag alone, so /guilds/OWL never shows a guild *named* "Owl" that has another tag.
 */
import { cache } from 'react';
import { publicGuild, type GuildPublicView } from '@necp/api/host';
import { getDeps } from './deps';

/** The guild whose tag this is (any case), or null: no such tag, or not a tag at all. */
export const publicGuildByTag = cache(async (raw: string): Promise<GuildPublicView | null> =>
  publicGuild(getDeps(), raw),
);
