'use client';
/** Skills grow by use: level bar, the attribute they lean on, perks unlocked and still locked. */
import { skillById, type SkillProgress } from '@necp/shared';
import { ATTRIBUTE_INFO } from './attribute-info';

export function SkillsSection({ skills }: { skills: SkillProgress[] }) {
  return (
    <ul className="skills" aria-label="Skills">
      {skills.map((sk) => {
        const frac = sk.xpToNext ? Math.min(1, sk.xpIntoLevel / sk.xpToNext) : 1;
        const perks = skillById(sk.id)?.perks ?? sk.perks;
        return (
          <li
            key={sk.id}
            className="skill"
            data-testid={`skill-${sk.id}`}
            data-level={sk.level}
            title={sk.description}
          >
            <div className="skill__head">
              <span className="skill__name">{sk.name}</span>
              <span className="skill__attr">{ATTRIBUTE_INFO[sk.attribute].name}</span>
              <span className="skill__level">
                {sk.level}
                <span className="muted">/{sk.maxLevel}</span>
              </span>
            </div>
            <div className="skill__bar" aria-hidden>
              <span style={{ width: `${frac * 100}%` }} />
            </div>
            <ul className="perks">
              {perks.map((p) => {
                const unlocked = p.level <= sk.level;
                return (
                  <li
                    key={p.id}
                    className={`perk${unlocked ? ' perk--on' : ''}`}
                    data-unlocked={unlocked}
                    title={`${p.name} (skill ${p.level}): ${p.description}`}
                  >
                    <span className="perk__lvl">{unlocked ? '◆' : p.level}</span>
                    {p.name}
                  </li>
                );
              })}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
