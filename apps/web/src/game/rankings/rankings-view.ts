/**
 * What the rankings window (U) shows, worked out from leaderboards.top / around: the
 * board tabs (the shared registry's boards, in its order), the class filter of the
 * boards that have one, the rows as text with their public links and the own row
 * marked, the note when the character (or its guild) is not on a board, and the
 * public page's address. Pure.
 */
import {
  CLASSES,
  LEADERBOARDS,
  LEADERBOARD_KEYS,
  SEASONAL_BOARD_KEYS,
  isClassId,
  type ClassId,
  type LeaderboardAround,
  type LeaderboardKey,
  type LeaderboardRow,
} from '@necp/shared';
import { boardPath, playerPath } from '@/app/leaderboards/paths';
import { classLabel } from '../friends/friends-list';
import { eddiesText, publicGuildPath } from '../guild/guild-view';

/** Rows of the window's top list. */
export const RANKINGS_TOP = 10;
/** Rows on each side of the character (or its guild) in "around me". */
export const RANKINGS_AROUND_K = 3;

export interface RankingsTab {
  key: LeaderboardKey;
  label: string;
  /** the board's title, as a tooltip */
  title: string;
}

/** One tab per board of the registry, in its order. */
export const rankingsTabs = (): RankingsTab[] =>
  LEADERBOARD_KEYS.map((key) => ({
    key,
    label: LEADERBOARDS[key].short,
    title: LEADERBOARDS[key].title,
  }));

/** The class filter's options ('' = every class); none for a board without one. */
export function classOptions(board: LeaderboardKey): { value: string; label: string }[] {
  if (!LEADERBOARDS[board].byClass) return [];
  return [
    { value: '', label: 'All classes' },
    ...CLASSES.map((c) => ({ value: c.id, label: c.name })),
  ];
}

/** The filter a board is read with: the chosen class on a board that has one, else none. */
export const boardClass = (board: LeaderboardKey, cls: ClassId | null): ClassId | null =>
  LEADERBOARDS[board].byClass ? cls : null;

/** The select's value back to a class ('' or anything unknown: every class). */
export const parseClassOption = (value: string): ClassId | null =>
  isClassId(value) ? value : null;

/** The board's public page, with the class filter when one is chosen (opened in a new tab). */
export const publicBoardHref = (board: LeaderboardKey, cls: ClassId | null): string =>
  boardPath(board, boardClass(board, cls));

/** A board's ranked value as the board shows it: ¥ for eddies, grouped digits otherwise. */
export const scoreText = (board: LeaderboardKey, value: number): string =>
  board === 'wealth' ? eddiesText(value) : value.toLocaleString('en-US');

/** The board's second number in words ("12,400 XP", "3 members", "5 wins"); null: none. */
export function detailText(board: LeaderboardKey, row: LeaderboardRow): string | null {
  const label = LEADERBOARDS[board].detailLabel;
  if (!label || row.detail === null) return null;
  const one = row.detail === 1 && label.endsWith('s') ? label.slice(0, -1) : label;
  // an abbreviation stays as it is ("XP")
  const word = one === one.toUpperCase() ? one : one.toLowerCase();
  return `${row.detail.toLocaleString('en-US')} ${word}`;
}

export interface RankingsRowView {
  id: string;
  rank: number;
  /** a guild row reads "[TAG] Name" */
  name: string;
  /** the public profile (/players/[name]) or the guild's page (/guilds/[tag]) */
  href: string | null;
  /** the class; "Guild" on a guild board */
  classText: string;
  level: number;
  score: string;
  detail: string | null;
  /** the character's own row (its guild's on a guild board) */
  me: boolean;
  /** 1–3: the podium */
  podium: boolean;
}

export function rowView(
  board: LeaderboardKey,
  row: LeaderboardRow,
  meId: string | null,
): RankingsRowView {
  const guild = LEADERBOARDS[board].subject === 'guild';
  return {
    id: row.id,
    rank: row.rank,
    name: guild && row.guildTag ? `[${row.guildTag}] ${row.name}` : row.name,
    href: guild ? (row.guildTag ? publicGuildPath(row.guildTag) : null) : playerPath(row.name),
    classText: guild ? 'Guild' : row.class ? classLabel(row.class) : '—',
    level: row.level,
    score: scoreText(board, row.value),
    detail: detailText(board, row),
    me: meId !== null && row.id === meId,
    podium: row.rank <= 3,
  };
}

/** "#12 of 340" for the own row; null when not ranked. */
export function standingText(around: Pick<LeaderboardAround, 'me' | 'total'>): string | null {
  if (!around.me) return null;
  return `#${around.me.rank.toLocaleString('en-US')} of ${around.total.toLocaleString('en-US')}`;
}

/** The heading of the "around me" list. */
export const aroundHeading = (board: LeaderboardKey): string =>
  LEADERBOARDS[board].subject === 'guild' ? 'Around your guild' : 'Around you';

export interface UnrankedContext {
  /** the class filter the board is read with */
  cls: ClassId | null;
  /** the playing character's class ('' while unknown) */
  ownClass: string;
  /** whether the character is in a guild (null: not known yet) */
  inGuild: boolean | null;
}

/** Why the character (or its guild) is not on the board, in one sentence. */
export function unrankedText(board: LeaderboardKey, c: UnrankedContext): string {
  const meta = LEADERBOARDS[board];
  if (meta.subject === 'guild')
    return c.inGuild === false
      ? 'You are in no guild: join one to see it ranked here.'
      : 'Your guild is not ranked on this board yet.';
  if (c.cls && c.ownClass && c.cls !== c.ownClass)
    return `You play ${classLabel(c.ownClass)}: this list shows ${classLabel(c.cls)} runners only.`;
  const seasonal = (SEASONAL_BOARD_KEYS as readonly LeaderboardKey[]).includes(board);
  return `You are not ranked on this board yet${seasonal ? ' this season' : ''}.`;
}
