// The public pages of guild renown against the real test database (PostgreSQL, the path
// of a web without Redis): /leaderboards lists the renown board's card with a guild that
// earned renown this season, /leaderboards/guild-renown parses and renders its table
// (and takes no class filter), the revalidation route accepts its path, and the guild's
// page reads its season renown. The page components render with the very reads the
// route's server functions make (public-leaderboards.ts), without Next around them.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter, createTestUser, uniqTag } from '@necp/db/testing';
import {
  createLog,
  creditGuildRenown,
  guildPublic,
  listSeasons,
  readLeaderboard,
  readLeaderboardOfSeason,
  systemClock,
} from '@necp/game';
import { LEADERBOARD_KEYS, isPublicPagePath } from '@necp/shared';
import { boardView, INDEX_TOP } from '@/server/public-leaderboards';
import { BoardView } from './board-view';
import { LeaderboardsIndex } from './leaderboards-index';
import { testDb } from '@necp/db/testing/run';

const db = testDb(2);
const deps = { db, clock: systemClock, log: createLog('t', 'silent') };
afterAll(() => db.$disconnect());

/** A guild of one runner with `renown` credited this season through the domain. */
async function renownedGuild(renown: number) {
  const u = await createTestUser(db);
  const c = await createTestCharacter(db, u.id);
  const tag = uniqTag();
  const name = `Renown ${tag}`;
  const g = await db.guild.create({ data: { name, nameLower: name.toLowerCase(), tag } });
  const rank = await db.guildRank.create({ data: { guildId: g.id, name: 'Boss', position: 0 } });
  await db.guildMember.create({ data: { characterId: c.id, guildId: g.id, rankId: rank.id } });
  const [credited] = await db.$transaction((tx) =>
    creditGuildRenown(tx, {
      now: new Date(),
      eventKey: `test:${tag}`,
      credits: [{ characterId: c.id, source: 'raid_cleared', points: renown }],
    }),
  );
  return { guild: g, name, tag, credited: credited! };
}

describe('guild renown on the public pages', () => {
  it('/leaderboards lists the renown board; /leaderboards/guild-renown renders it; the guild page shows it', async () => {
    // far above anything another test credits, so it is on the index's top ten
    const renown = 900_000_000 + Math.floor(Math.random() * 1_000_000);
    const { name, tag, credited } = await renownedGuild(renown);
    expect(credited.renown).toBe(renown);

    // the index: every board's top ten, as boardTops reads them
    const tops = await Promise.all(
      LEADERBOARD_KEYS.map((board) =>
        readLeaderboard(deps, { board, offset: 0, limit: INDEX_TOP }),
      ),
    );
    const index = renderToStaticMarkup(createElement(LeaderboardsIndex, { tops }));
    const at = index.indexOf('data-testid="lb-card" data-board="guild-renown"');
    expect(at).toBeGreaterThan(-1);
    const card = index.slice(at, index.indexOf('</article>', at));
    expect(card).toContain(name);
    expect(card).toContain(`/guilds/${tag}`);
    expect(index).toContain('href="/leaderboards/guild-renown"');

    // the board page: its URL, its rows, no class filter
    expect(boardView(['guild-renown'])).toEqual({
      board: 'guild-renown',
      class: null,
      page: 1,
      season: null,
    });
    expect(boardView(['guild-renown', 'solo', '1'])).toBeNull();
    const page = await readLeaderboardOfSeason(deps, {
      board: 'guild-renown',
      offset: 0,
      limit: 50,
    });
    const row = page.rows.find((r) => r.name === name);
    expect(row).toMatchObject({ value: renown, guildTag: tag, detail: 1 });
    const html = renderToStaticMarkup(
      createElement(BoardView, { page, pageNo: 1, seasons: await listSeasons(deps) }),
    );
    expect(html).toContain('data-board="guild-renown"');
    expect(html).toContain('Renown');
    expect(html).toContain(renown.toLocaleString('en-US'));
    expect(html).toContain(`/guilds/${tag}`);

    // the sim may tell the web to revalidate it
    expect(isPublicPagePath('/leaderboards/guild-renown')).toBe(true);
    expect(isPublicPagePath('/leaderboards/guild-renown/all/2')).toBe(true);
    expect(isPublicPagePath('/leaderboards/guild-renown/solo/1')).toBe(false);

    // the guild's page reads the season's renown
    const view = await guildPublic(deps, name);
    expect(view.seasonRenown).toEqual({ season: credited.season, renown });
  });
});
