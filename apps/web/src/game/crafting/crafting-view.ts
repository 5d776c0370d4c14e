/**
 * What the workbench window says, as pure functions (unit-tested): percentages, the
 * cast's progress, what a finished craft made, and the recipes of a discipline in the
 * order a crafter reads them.
 */
import type { CraftView, Discipline, QualityTier, RecipeView } from '@necp/shared';

export const DISCIPLINE_LABEL: Record<Discipline, string> = {
  weaponsmithing: 'Weapons',
  armorcraft: 'Armor',
  chemistry: 'Chems',
  cybertech: 'Cyberware',
};

export const QUALITY_LABEL: Record<QualityTier, string> = {
  standard: 'Standard',
  fine: 'Fine',
  superior: 'Superior',
  masterwork: 'Masterwork',
};

/** 0.853 → "85 %", 0.004 → "0.4 %", 0 → "0 %". */
export function pct(p: number): string {
  const v = p * 100;
  if (v === 0 || v >= 10) return `${Math.round(v)} %`;
  return `${Math.round(v * 10) / 10} %`;
}

/** 0 … 1 of the cast done at `now`. */
export function castProgress(c: Pick<CraftView, 'startedAt' | 'completesAt'>, now: number): number {
  const total = c.completesAt - c.startedAt;
  if (total <= 0) return 1;
  return Math.min(1, Math.max(0, (now - c.startedAt) / total));
}

/** The toast a finished craft gets. */
export function outcomeText(c: CraftView, itemName: (id: string) => string): string {
  const o = c.outcome;
  if (!o) return `${c.name}…`;
  if (!o.success) {
    const lost = o.consumed.map((i) => `${i.quantity} × ${itemName(i.templateId)}`).join(', ');
    return `The craft failed: ${lost} lost.`;
  }
  const made = o.output
    ? `${o.output.quantity > 1 ? `${o.output.quantity} × ` : ''}${itemName(o.output.templateId)}`
    : c.name;
  const tier = o.quality && o.quality !== 'standard' ? `${QUALITY_LABEL[o.quality]} ` : '';
  const skill = o.skillUp ? ` Skill ${o.skillAfter}.` : '';
  const where = o.byMail ? ' Your bag was full: it comes by mail.' : '';
  return `Crafted ${tier}${made}.${skill}${where}`;
}

/** A discipline's recipes: what you can make first, then what you could learn, by difficulty. */
export function recipesOf(recipes: readonly RecipeView[], d: Discipline): RecipeView[] {
  const rank = (r: RecipeView) => (r.craftable ? 0 : r.learnable ? 1 : 2);
  return recipes
    .filter((r) => r.discipline === d)
    .sort(
      (a, b) => rank(a) - rank(b) || a.difficulty - b.difficulty || a.name.localeCompare(b.name),
    );
}
