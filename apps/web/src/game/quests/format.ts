/**
 * Text the quest, dialogue, reputation and vendor windows show, as pure functions
 * of the server's views (packages/shared/src/schemas/quests.ts). Nothing here
 * decides anything: the numbers come from the server, these only spell them out.
 */
import type {
  DialogueChoiceView,
  DialogueOutcome,
  ObjectiveView,
  ReputationTier,
  SkillCheckResult,
} from '@necp/shared';

/** U+2212: a real minus sign lines up with "+" in the game's fonts. */
const MINUS = '\u2212';

export const signed = (n: number): string =>
  n > 0
    ? `+${n.toLocaleString('en-US')}`
    : n < 0
      ? `${MINUS}${(-n).toLocaleString('en-US')}`
      : '±0';

export const eddies = (n: number): string => `¥${n.toLocaleString('en-US')}`;

export const percent = (chance: number): string => `${Math.round(chance * 100)}%`;

/** "[Cool 8 · +0 · 65%]": what is rolled, the DC, the character's modifier and the odds. */
export function checkTag(check: NonNullable<DialogueChoiceView['check']>): string {
  return `${check.label} ${check.difficulty} · ${signed(check.modifier)} · ${percent(check.chance)}`;
}

/** How risky a check looks, for its colour: ≥ 75 % safe, ≥ 40 % risky, else long shot. */
export function checkOdds(chance: number): 'safe' | 'risky' | 'long' {
  return chance >= 0.75 ? 'safe' : chance >= 0.4 ? 'risky' : 'long';
}

/** "d20 14 + 2 = 16 vs DC 12" (a negative modifier reads "14 − 2"). */
export function checkRollText(r: SkillCheckResult): string {
  const mod = r.modifier < 0 ? `${MINUS} ${-r.modifier}` : `+ ${r.modifier}`;
  return `d20 ${r.roll} ${mod} = ${r.total} vs DC ${r.difficulty}`;
}

/** "SUCCESS" / "FAILURE", or the critical variants on a natural 20 / 1. */
export function checkVerdict(r: SkillCheckResult): string {
  if (r.critical === 'success') return 'CRITICAL SUCCESS';
  if (r.critical === 'failure') return 'CRITICAL FAILURE';
  return r.success ? 'SUCCESS' : 'FAILURE';
}

export type Tone = 'good' | 'bad' | 'info' | 'item' | 'gold' | 'quest';

export interface OutcomeLine {
  tone: Tone;
  text: string;
}

/** One coloured line per outcome under what the contact says. */
export function outcomeLine(o: DialogueOutcome): OutcomeLine {
  switch (o.kind) {
    case 'check':
      return {
        tone: o.result.success ? 'good' : 'bad',
        text: `${o.label}: ${checkRollText(o.result)} — ${checkVerdict(o.result)}`,
      };
    case 'reputation': {
      const c = o.change;
      const tier = c.tierChanged ? ` — now ${TIER_LABEL[c.tier]}` : '';
      return {
        tone: c.delta >= 0 ? 'good' : 'bad',
        text: `${c.factionName} ${signed(c.delta)}${tier}`,
      };
    }
    case 'quest_started':
      return { tone: 'quest', text: `Quest accepted: ${o.title}` };
    case 'quest_failed':
      return { tone: 'bad', text: `Quest failed: ${o.title} — ${o.reason}` };
    case 'objective':
      return { tone: 'quest', text: `${o.title}: ${o.label} ✓` };
    case 'item':
      return {
        tone: 'item',
        text: `Received ${o.item.name}${o.item.quantity > 1 ? ` ×${o.item.quantity}` : ''}`,
      };
    case 'paid':
      return { tone: 'gold', text: `Paid ${eddies(o.eddies)}` };
    case 'flag':
      return { tone: 'info', text: 'Your choice will be remembered.' };
  }
}

/** Counting objectives show "3/5"; one-step ones are just done or not. */
export const isCounted = (o: Pick<ObjectiveView, 'target'>): boolean => o.target > 1;

/** "Tyger Claws punks dealt with 3/5" / "Introduce yourself to Dex". */
export function objectiveText(o: Pick<ObjectiveView, 'label' | 'progress' | 'target'>): string {
  return isCounted(o) ? `${o.label} ${Math.min(o.progress, o.target)}/${o.target}` : o.label;
}

export const objectiveFraction = (
  o: Pick<ObjectiveView, 'progress' | 'target' | 'done'>,
): number => (o.done ? 1 : o.target > 0 ? Math.max(0, Math.min(1, o.progress / o.target)) : 0);

/**
 * Time left until `deadline` (ms), as a game shows it: "2d 4h", "5h 07m",
 * "12:04", "0:09"; "0:00" once past.
 */
export function countdown(deadline: number, now: number): string {
  const s = Math.max(0, Math.ceil((deadline - now) / 1000));
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  return `${m}:${String(sec).padStart(2, '0')}`;
}

/** A timer is urgent in its last minute (the tracker makes it pulse). */
export const isUrgent = (deadline: number, now: number): boolean => deadline - now <= 60_000;

export const TIER_LABEL: Record<ReputationTier, string> = {
  hostile: 'Hostile',
  unfriendly: 'Unfriendly',
  neutral: 'Neutral',
  friendly: 'Friendly',
  honored: 'Honored',
  revered: 'Revered',
};

/**
 * What the standing does to prices: "−5% Friendly", "+10% Unfriendly",
 * "Standard prices" at neutral, "Refuses to trade" when hostile.
 */
export function priceNote(multiplier: number | null, tier: ReputationTier): string {
  if (multiplier === null) return 'Refuses to trade';
  const pct = Math.round((multiplier - 1) * 100);
  if (pct === 0) return 'Standard prices';
  return `${pct < 0 ? MINUS : '+'}${Math.abs(pct)}% ${TIER_LABEL[tier]}`;
}

/** "Blood in the Water 2/5" when the chain's length is known, else "… · step 2". */
export function chainText(chain: { name: string; step: number }, length?: number): string {
  return length ? `${chain.name} ${chain.step}/${length}` : `${chain.name} · step ${chain.step}`;
}

export const REPEAT_LABEL = { none: '', daily: 'Daily', weekly: 'Weekly' } as const;
