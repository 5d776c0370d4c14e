'use client';
/**
 * What happened, as coloured lines under what the contact said: the skill check
 * with its numbers ("d20 14 + 2 = 16 vs DC 12 — SUCCESS"), reputation, quests,
 * items, eddies.
 */
import type { CSSProperties } from 'react';
import type { DialogueOutcome, SkillCheckResult } from '@necp/shared';
import { rarityColor } from '../items/rarity';
import { checkVerdict, outcomeLine } from '../quests/format';

function SkillCheckLine({ label, r, seq }: { label: string; r: SkillCheckResult; seq: string }) {
  const crit = r.critical ? ` is-crit is-crit-${r.critical}` : '';
  return (
    <li
      className={`dlg-out dlg-check ${r.success ? 'is-success' : 'is-failure'}${crit}`}
      data-testid="skill-check-result"
      data-seq={seq}
      data-roll={r.roll}
      data-modifier={r.modifier}
      data-total={r.total}
      data-difficulty={r.difficulty}
      data-success={r.success}
      data-critical={r.critical ?? ''}
    >
      <span className="dlg-check__die" aria-label={`d20 rolled ${r.roll}`}>
        {r.roll}
      </span>
      <span className="dlg-check__label">{label}</span>
      <span className="dlg-check__math">
        d20 <b>{r.roll}</b> {r.modifier < 0 ? '−' : '+'} {Math.abs(r.modifier)} = <b>{r.total}</b>{' '}
        vs DC {r.difficulty}
      </span>
      <span className="dlg-check__verdict">— {checkVerdict(r)}</span>
    </li>
  );
}

/** `seq` tells the lines of one transcript entry apart from every other (tests wait on it). */
export function OutcomeLines({ outcomes, seq }: { outcomes: DialogueOutcome[]; seq: number }) {
  if (outcomes.length === 0) return null;
  return (
    <ul className="dlg-outs">
      {outcomes.map((o, i) => {
        if (o.kind === 'check')
          return <SkillCheckLine key={i} label={o.label} r={o.result} seq={`${seq}.${i}`} />;
        const line = outcomeLine(o);
        const style =
          o.kind === 'item'
            ? ({ '--rarity': rarityColor(o.item.rarity) } as CSSProperties)
            : undefined;
        return (
          <li
            key={i}
            className={`dlg-out dlg-out--${line.tone}`}
            style={style}
            data-testid="dialogue-outcome"
            data-kind={o.kind}
          >
            {line.text}
          </li>
        );
      })}
    </ul>
  );
}
