// The hero of a public page about one runner or one guild (/players/[name],
// /guilds/[tag]): a kicker, the level badge, the tag line and name, then the facts.
import type { ReactNode } from 'react';
import { Skyline } from '@/components/skyline';

export interface HeroFact {
  label: string;
  value: ReactNode;
  /** on the <dd> (the e2e specs read the values there) */
  testId?: string;
}

export function PublicHero(props: {
  kicker: string;
  level: number;
  /** extra class on the badge (the profile's own colour) */
  badgeClass?: string;
  /** above the name: the guild tag */
  tag?: ReactNode;
  name: ReactNode;
  /** under the name: a title */
  under?: ReactNode;
  facts: HeroFact[];
}) {
  return (
    <section className="guildpage__hero">
      <div className="guildpage__inner">
        <p className="hero__kicker neon-cyan">{props.kicker}</p>
        <div className="guildpage__ident">
          <span
            className={
              props.badgeClass ? `guildpage__badge ${props.badgeClass}` : 'guildpage__badge'
            }
            title={`Level ${props.level}`}
          >
            <small>lvl</small>
            {props.level}
          </span>
          <div>
            {props.tag}
            {props.name}
            {props.under}
          </div>
        </div>
        <dl className="guildpage__facts">
          {props.facts.map((f) => (
            <div key={f.label}>
              <dt>{f.label}</dt>
              <dd data-testid={f.testId}>{f.value}</dd>
            </div>
          ))}
        </dl>
      </div>
      <Skyline />
    </section>
  );
}
