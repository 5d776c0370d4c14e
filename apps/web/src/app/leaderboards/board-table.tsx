import Link from 'next/link';
import {
  LEADERBOARDS,
  type LeaderboardKey,
  type LeaderboardPage,
  type LeaderboardRow,
} from '@necp/shared';
import { classLabel } from '@/game/friends/friends-list';
import { publicGuildPath } from '@/game/guild/guild-view';
import { scoreText } from '@/game/rankings/rankings-view';
import { playerPath } from './paths';

/** A board's ranked value as the board shows it: ¥ for eddies, grouped digits otherwise (one rule with the in-game Rankings window). */
export const valueText = scoreText;

/** The second numeric column: XP on the level board, members on the guild board, else the level. */
function second(board: LeaderboardKey, row: LeaderboardRow): { label: string; text: string } {
  const meta = LEADERBOARDS[board];
  if (meta.detailLabel && row.detail !== null)
    return { label: meta.detailLabel, text: row.detail.toLocaleString('en-US') };
  return { label: 'Level', text: String(row.level) };
}

function Name({ board, row }: { board: LeaderboardKey; row: LeaderboardRow }) {
  if (LEADERBOARDS[board].subject === 'guild')
    return (
      <>
        <Link
          href={publicGuildPath(row.guildTag ?? '')}
          className="lb-name"
          data-testid="lb-row-link"
        >
          <span className="lb-tag">[{row.guildTag}]</span> {row.name}
        </Link>
        <span className="lb-sub">Guild level {row.level}</span>
      </>
    );
  return (
    <>
      <Link href={playerPath(row.name)} className="lb-name" data-testid="lb-row-link">
        {row.name}
      </Link>
      {row.guildTag && <span className="lb-tag lb-tag--after">[{row.guildTag}]</span>}
      <span className="lb-sub">
        {row.class ? classLabel(row.class) : ''}
        {row.title && <span className="lb-title"> · {row.title}</span>}
      </span>
    </>
  );
}

/**
 * The rows of a board page: rank (the top three lit), who, a second number and the
 * ranked value. `compact` (the index's top 10) keeps rank, who and value.
 */
export function BoardTable({
  page,
  compact = false,
}: {
  page: LeaderboardPage;
  compact?: boolean;
}) {
  const meta = LEADERBOARDS[page.board];
  const first = page.rows[0];
  const secondLabel = first ? second(page.board, first).label : (meta.detailLabel ?? 'Level');
  return (
    <table
      className={`lb-table${compact ? ' lb-table--compact' : ''}`}
      data-testid="lb-table"
      data-board={page.board}
    >
      <thead>
        <tr>
          <th scope="col" className="lb-rank">
            #
          </th>
          <th scope="col">{meta.subject === 'guild' ? 'Guild' : 'Runner'}</th>
          {!compact && (
            <th scope="col" className="lb-num lb-second">
              {secondLabel}
            </th>
          )}
          <th scope="col" className="lb-num">
            {meta.valueLabel}
          </th>
        </tr>
      </thead>
      <tbody>
        {page.rows.map((row) => (
          <tr
            key={row.id}
            className={row.rank <= 3 ? `lb-row lb-row--top${row.rank}` : 'lb-row'}
            data-testid="lb-row"
            data-name={row.name}
            data-rank={row.rank}
            data-value={row.value}
          >
            <td className="lb-rank">
              <span className="lb-rank__n">{row.rank}</span>
            </td>
            <td className="lb-who">
              <Name board={page.board} row={row} />
            </td>
            {!compact && <td className="lb-num lb-second">{second(page.board, row).text}</td>}
            <td className="lb-num lb-value">{valueText(page.board, row.value)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
