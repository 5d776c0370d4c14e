'use client';
/** One recipe at the workbench: what it makes, what it takes (owned / needed), the odds, Craft. */
import { QUALITY_TIERS, type RecipeView } from '@necp/shared';
import { ItemGlyph } from '../items/item-glyph';
import { itemName } from '../items/templates';
import { QUALITY_LABEL, pct } from './crafting-view';

export function RecipeDetail({
  r,
  busy,
  onCraft,
}: {
  r: RecipeView;
  busy: boolean;
  onCraft: () => void;
}) {
  return (
    <div className="wb-detail" data-testid="recipe-detail" data-recipe={r.id}>
      <h3 className="wb-detail__out">
        <ItemGlyph templateId={r.output.templateId} size="sm" />
        {itemName(r.output.templateId)}
        {r.output.quantity > 1 && <span className="muted"> ×{r.output.quantity}</span>}
      </h3>
      <ul className="wb-inputs">
        {r.inputs.map((i) => (
          <li key={i.templateId} className={i.owned >= i.quantity ? 'is-ok' : 'is-short'}>
            <ItemGlyph templateId={i.templateId} size="sm" />
            <span>{itemName(i.templateId)}</span>
            <b data-testid="recipe-owned">
              {i.owned}/{i.quantity}
            </b>
          </li>
        ))}
      </ul>
      <dl className="wb-odds">
        <dt>Success</dt>
        <dd data-testid="recipe-chance">{pct(r.successChance)}</dd>
        <dt>Skill up</dt>
        <dd>{pct(r.skillGainChance)}</dd>
        <dt>Takes</dt>
        <dd>{(r.castMs / 1000).toFixed(1)} s</dd>
      </dl>
      <div className="wb-quality" aria-label="Quality odds">
        {QUALITY_TIERS.map((q) => (
          <span
            key={q}
            className={`wb-q wb-q--${q}`}
            style={{ flexGrow: Math.max(r.qualityOdds[q], 0.01) }}
          >
            {QUALITY_LABEL[q]} {pct(r.qualityOdds[q])}
          </span>
        ))}
      </div>
      <p className="wb-note muted">
        A failure costs half of each material (at least one). Difficulty {r.difficulty}
        {r.skillReq > 0 && ` · needs skill ${r.skillReq}`}.
      </p>
      <button
        type="button"
        className="btn"
        data-testid="recipe-craft"
        disabled={!r.craftable || busy}
        onClick={onCraft}
      >
        {!r.learnable ? `Needs skill ${r.skillReq}` : r.craftable ? 'Craft' : 'Missing materials'}
      </button>
    </div>
  );
}
