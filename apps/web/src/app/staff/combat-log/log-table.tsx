/** The combat log rows as a HUD table, newest first. */
import Link from 'next/link';
import type { RouterOutputs } from '@necp/api';
import { filtersToSearch, type CombatLogFilters } from './filters';
import { KIND_LABEL, actionLabel, amountView, utcParts, zoneLabel } from './format';

type CombatLogEntryView = RouterOutputs['moderation']['combatLog']['items'][number];

type Entry = Pick<
  CombatLogEntryView,
  | 'id'
  | 'at'
  | 'zoneId'
  | 'kind'
  | 'sourceKind'
  | 'sourceId'
  | 'sourceName'
  | 'targetKind'
  | 'targetId'
  | 'targetName'
  | 'abilityId'
  | 'amount'
  | 'crit'
  | 'damageType'
  | 'targetHealth'
>;

/** A fighter: players link to the log filtered by them (keeping zone and time), NPCs show their spawn id. */
function Actor({
  kind,
  id,
  name,
  filters,
}: {
  kind: string;
  id: string;
  name: string;
  filters: CombatLogFilters;
}) {
  const tag = kind === 'player' ? 'PC' : kind === 'npc' ? 'NPC' : '??';
  return (
    <span
      className={`stafflog__actor stafflog__actor--${kind === 'player' ? 'pc' : 'npc'}`}
      title={id}
    >
      <span className="stafflog__actor-tag">{tag}</span>
      {kind === 'player' ? (
        <Link href={`/staff/combat-log${filtersToSearch({ ...filters, character: name })}`}>
          {name}
        </Link>
      ) : (
        <span>{name}</span>
      )}
    </span>
  );
}

export function LogTable({ entries, filters }: { entries: Entry[]; filters: CombatLogFilters }) {
  return (
    <div className="stafflog__scroll">
      <table className="stafflog__table" data-testid="combat-log-table">
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Zone</th>
            <th scope="col">Source → Target</th>
            <th scope="col">Ability / effect</th>
            <th scope="col" className="num">
              Amount
            </th>
            <th scope="col">Type</th>
            <th scope="col" className="num">
              Target HP
            </th>
            <th scope="col">Kind</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => {
            const t = utcParts(e.at);
            const amount = amountView(e.kind, e.amount);
            const action = actionLabel(e.kind, e.abilityId);
            return (
              <tr
                key={e.id}
                className={`stafflog__row stafflog__row--${e.kind}`}
                data-testid="combat-log-row"
                data-id={e.id}
                data-kind={e.kind}
                data-source={e.sourceName}
                data-target={e.targetName}
                data-amount={e.amount}
                data-crit={e.crit}
                data-target-health={e.targetHealth ?? ''}
              >
                <td className="stafflog__time">
                  <time dateTime={e.at.toISOString()}>
                    <span className="stafflog__date">{t.date}</span> {t.time}
                  </time>
                </td>
                <td className="stafflog__zone">{zoneLabel(e.zoneId)}</td>
                <td>
                  <span className="stafflog__who">
                    <Actor
                      kind={e.sourceKind}
                      id={e.sourceId}
                      name={e.sourceName}
                      filters={filters}
                    />
                    <span className="stafflog__arrow" aria-label="on">
                      →
                    </span>
                    <Actor
                      kind={e.targetKind}
                      id={e.targetId}
                      name={e.targetName}
                      filters={filters}
                    />
                  </span>
                </td>
                <td className="stafflog__action" title={e.abilityId ?? undefined}>
                  {action ?? <span className="muted">—</span>}
                </td>
                <td
                  className={`num stafflog__amount stafflog__amount--${amount.tone}`}
                  data-testid="combat-log-amount"
                >
                  {amount.text}
                  {e.crit && <span className="stafflog__crit">CRIT</span>}
                </td>
                <td className={`stafflog__dtype stafflog__dtype--${e.damageType ?? 'none'}`}>
                  {e.damageType ?? <span className="muted">—</span>}
                </td>
                <td className="num stafflog__hp">
                  {e.targetHealth ?? <span className="muted">—</span>}
                </td>
                <td>
                  <span className={`stafflog__kind stafflog__kind--${e.kind}`}>
                    {KIND_LABEL[e.kind]}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
