'use client';
/**
 * Hover card for an item: name in its rarity colour, kind/slot, requirements (red
 * when unmet), stats with +/− against what is worn in that slot, durability,
 * value, binding and the flavour text. Positioned beside the hovered slot and
 * kept inside the viewport.
 */
import { useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { CLASSES, equipmentSlotsFor, type EquipmentSlot } from '@necp/shared';
import { RARITY_LABEL, rarityColor } from './rarity';
import { damageText, statLines } from './stat-lines';
import { KIND_LABEL, SLOT_LABEL, templateOf } from './templates';
import { isBroken, type InvItem, type Wearer } from './view-model';

interface Props {
  item: InvItem;
  /** where the hovered item is: worn items are not compared with themselves */
  worn: boolean;
  /** what is worn in each equipment slot (for the comparison) */
  equipment: Partial<Record<EquipmentSlot, InvItem>>;
  wearer: Wearer;
  rect: { left: number; top: number; right: number; bottom: number };
}

const QUALITY_LABEL: Record<string, string> = {
  standard: 'Standard',
  fine: 'Fine',
  superior: 'Superior',
  masterwork: 'Masterwork',
};

const BINDING_TEXT: Record<string, string | null> = {
  none: null,
  pickup: 'Binds when picked up',
  equip: 'Binds when equipped',
};

export function ItemTooltip({ item, worn, equipment, wearer, rect }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ left: number; top: number } | null>(null);
  const t = templateOf(item.templateId);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const w = el.offsetWidth;
    const h = el.offsetHeight;
    const gap = 10;
    // right of the slot if it fits, else left; vertically aligned, clamped to the window
    let left = rect.right + gap;
    if (left + w > window.innerWidth - 8) left = Math.max(8, rect.left - gap - w);
    const top = Math.max(8, Math.min(rect.top, window.innerHeight - h - 8));
    setPos({ left, top });
  }, [rect.left, rect.top, rect.right, rect.bottom, item.id]);

  if (!t) {
    return (
      <div
        className="tooltip"
        data-testid="item-tooltip"
        ref={ref}
        style={{ left: rect.right + 10, top: rect.top }}
      >
        <p className="tooltip__name">{item.templateId}</p>
        <p className="muted">Unknown item</p>
      </div>
    );
  }

  // compare with the first slot this item fits that is worn (or the first, empty, slot)
  const targets = t.slot ? equipmentSlotsFor(t.slot) : [];
  const against = worn
    ? undefined
    : targets.length === 0
      ? undefined
      : (targets.map((s) => equipment[s]).find(Boolean) ?? null);
  const againstTemplate = against ? templateOf(against.templateId) : against;
  const lines = statLines(
    t.stats,
    againstTemplate === undefined ? undefined : (againstTemplate?.stats ?? null),
  );
  const dmg = damageText(t.stats);
  const levelOk = wearer.level >= t.levelReq;
  const classOk =
    !t.classReq || wearer.classId === null || t.classReq.some((c) => c === wearer.classId);
  const broken = isBroken(item);
  const binding = item.bound ? 'Bound to this character' : BINDING_TEXT[t.binding];
  const style = {
    '--rarity': rarityColor(t.rarity),
    left: pos?.left ?? -9999,
    top: pos?.top ?? -9999,
  } as CSSProperties;

  return (
    <div
      className="tooltip"
      data-testid="item-tooltip"
      data-template={t.id}
      ref={ref}
      style={style}
      role="tooltip"
    >
      <p className="tooltip__name">{t.name}</p>
      <p className="tooltip__sub">
        <span>{RARITY_LABEL[t.rarity]}</span>
        <span>{KIND_LABEL[t.kind] ?? t.kind}</span>
        {t.slot && <span>{SLOT_LABEL[t.slot] ?? t.slot}</span>}
      </p>
      {item.quality && (
        <p
          className={`tooltip__quality tooltip__quality--${item.quality}`}
          data-testid="tooltip-quality"
        >
          {QUALITY_LABEL[item.quality] ?? item.quality} quality · crafted
        </p>
      )}
      {dmg && (
        <p className="tooltip__damage">
          <span className="tooltip__big">{dmg.split(' ')[0]}</span> {t.stats?.damageType ?? ''}{' '}
          damage
        </p>
      )}
      {(t.levelReq > 1 || t.classReq) && (
        <p className="tooltip__req">
          {t.levelReq > 1 && (
            <span
              className={levelOk ? '' : 'req--unmet'}
              data-testid="tooltip-level-req"
              data-met={levelOk}
            >
              Requires level {t.levelReq}
            </span>
          )}
          {t.classReq && (
            <span className={classOk ? '' : 'req--unmet'} data-met={classOk}>
              {t.classReq.map((c) => CLASSES.find((k) => k.id === c)?.name ?? c).join(' / ')} only
            </span>
          )}
        </p>
      )}
      {lines.length > 0 && (
        <dl className="tooltip__stats">
          {lines
            .filter((l) => !(dmg && (l.key === 'damageMin' || l.key === 'damageMax')) || l.delta)
            .map((l) => (
              <div key={l.key} className="tooltip__stat" data-stat={l.key}>
                <dt>{l.label}</dt>
                <dd>
                  {l.text}
                  {l.deltaText && (
                    <span className={`delta ${(l.delta ?? 0) > 0 ? 'delta--up' : 'delta--down'}`}>
                      {l.deltaText}
                    </span>
                  )}
                </dd>
              </div>
            ))}
        </dl>
      )}
      {against !== undefined && (
        <p className="tooltip__compare muted">
          {against
            ? `Compared with ${templateOf(against.templateId)?.name ?? 'equipped'}`
            : 'Slot is empty'}
        </p>
      )}
      {t.effect?.heal !== undefined && (
        <p className="tooltip__effect">Use: restores {t.effect.heal} health</p>
      )}
      {t.maxDurability !== undefined && item.durability !== null && (
        <p className={broken ? 'tooltip__dur req--unmet' : 'tooltip__dur'}>
          Durability {item.durability} / {t.maxDurability}
          {broken && ' — BROKEN: no stats until repaired'}
        </p>
      )}
      {binding && <p className="tooltip__bind">{binding}</p>}
      <p className="tooltip__desc">{t.description}</p>
      <p className="tooltip__foot">
        <span>
          {t.weight} kg
          {item.quantity > 1 ? ` (${Math.round(t.weight * item.quantity * 100) / 100} kg)` : ''}
        </span>
        <span className="tooltip__value">¥ {t.value * item.quantity}</span>
      </p>
    </div>
  );
}
