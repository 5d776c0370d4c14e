'use client';
/**
 * The one notification area. Its place is computed, not fixed: the first free
 * spot (toast-slot.ts) clear of every window, HUD card, bar and the area banner,
 * re-checked whenever the screen changes. With no free spot the toasts wait,
 * hidden, until there is one — they never cover something you can click. A toast's
 * few seconds start when it is shown, not while it waits.
 */
import { useEffect, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { rarityColor } from '../items/rarity';
import { minimapRect } from '../render/draw-minimap';
import { useGame } from './store-context';
import { findToastSlot, type ToastSlot } from './toast-slot';

/** What a toast may never cover. */
const PROTECTED = [
  '.gwin',
  '.hud-card',
  '.areabanner',
  '.overlay',
  '[data-testid=target-frame]',
  '[data-testid=ability-bar]',
  '.actionbar',
  '.xp',
  '[data-testid=interaction-hint]',
  '[data-testid=quest-tracker]',
  '[data-testid=cast-bar]',
  '[data-testid=item-menu]',
  '[data-testid=low-health-alert]',
  '[data-testid=chat-window]',
  // the party, its loot rolls and invitations, the boss bar, the arena board, the bell
  '[data-testid=party-frames]',
  '.lootcards',
  '.pinvites',
  '[data-testid=boss-bar]',
  '.arena-board',
  '.bell',
  '.bell__panel',
  // matchmaking: the queue chip and the ready check
  '.qchip',
  '.rcheck',
  // the phone's touch controls
  '.stick',
  '.touch__buttons',
].join(',');

/** px kept around the (animated) area banner */
const BANNER_MARGIN = 16;

/** px between two toasts (the stack's CSS gap) */
const GAP = 8;

/** `found`: every protected element, for watching their sizes */
function protectedRects(root: Element, self: Element, found: Set<Element>) {
  // the minimap is painted on the canvas, top right
  const map = minimapRect(window.innerWidth, window.innerHeight);
  const out = [{ x0: map.x, y0: map.y, x1: map.x + map.size, y1: map.y + map.size }];
  for (const el of root.querySelectorAll(PROTECTED)) {
    if (self.contains(el)) continue;
    found.add(el);
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    // the area banner moves while it shows (eases in scaled, leaves shifted up): keep
    // clear of where it may be, not only of where it is at this frame
    const m = el.classList.contains('areabanner') ? BANNER_MARGIN : 0;
    out.push({ x0: r.left - m, y0: r.top - m, x1: r.right + m, y1: r.bottom + m });
  }
  return out;
}

export function Toasts() {
  const toasts = useGame((s) => s.toasts);
  const dismiss = useGame((s) => s.dismissToast);
  const ref = useRef<HTMLDivElement>(null);
  const [slot, setSlot] = useState<ToastSlot | null>(null);
  const [width, setWidth] = useState(380);
  /** how many of the oldest toasts fit in the free spot (first come, first shown; the newer wait) */
  const [shown, setShown] = useState(0);
  const count = toasts.length;
  const toastShown = useGame((s) => s.toastShown);

  useLayoutEffect(() => {
    const el = ref.current;
    const root = el?.closest('.game');
    if (!el || !root || count === 0) return;
    let frame = 0;
    const later = () => {
      if (!frame) frame = requestAnimationFrame(place);
    };
    // an element can change size with no DOM change (a web font arriving, text
    // wrapping): watch the size of everything protected, and animations ending
    const sized = new ResizeObserver(later);
    let watched = new Set<Element>();
    const place = () => {
      frame = 0;
      const vw = window.innerWidth;
      const margin = vw < 600 ? 8 : 16;
      const w = Math.min(380, vw - 2 * margin);
      setWidth(w);
      const found = new Set<Element>();
      const protect = protectedRects(root, el, found);
      for (const p of found) if (!watched.has(p)) sized.observe(p);
      for (const p of watched) if (!found.has(p)) sized.unobserve(p);
      watched = found;
      // heights of the toasts, oldest first (the waiting ones are measured too)
      const heights = [...el.children].map((c) => (c as HTMLElement).offsetHeight);
      for (let n = heights.length; n > 0; n--) {
        const first = heights.slice(0, n);
        const height = first.reduce((a, b) => a + b, 0) + GAP * (n - 1);
        const next = findToastSlot({
          viewport: { width: vw, height: window.innerHeight },
          size: { width: w, height },
          protect,
          margin,
        });
        if (next) {
          setShown(n);
          setSlot((s) => (s && s.left === next.left && s.top === next.top ? s : next));
          return;
        }
      }
      setShown(0);
      setSlot(null);
    };
    place();
    // windows open and close, banners come and go, the stack grows: look again
    const mo = new MutationObserver(later);
    mo.observe(root, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['class', 'style'],
    });
    window.addEventListener('resize', later);
    root.addEventListener('animationend', later);
    document.fonts?.addEventListener('loadingdone', later);
    return () => {
      mo.disconnect();
      sized.disconnect();
      window.removeEventListener('resize', later);
      root.removeEventListener('animationend', later);
      document.fonts?.removeEventListener('loadingdone', later);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [count]);

  const held = count > 0 && (!slot || shown === 0);
  useEffect(() => {
    if (held) return;
    for (const t of toasts.slice(0, shown)) toastShown(t.id);
  }, [held, shown, toasts, toastShown]);

  const style: CSSProperties = slot
    ? { top: slot.top, left: slot.left, right: 'auto', width }
    : { width };
  return (
    <div
      ref={ref}
      className={`toasts is-placed${held ? ' is-held' : ''}`}
      style={style}
      aria-live="polite"
      data-testid="toasts"
      data-held={held ? 'true' : 'false'}
    >
      {toasts.map((t, i) => (
        <div
          key={t.id}
          className={`toast toast--${t.kind}${i >= shown ? ' is-waiting' : ''}`}
          role={t.kind === 'error' ? 'alert' : 'status'}
          data-testid="toast"
          data-kind={t.kind}
        >
          <span>
            {t.text}
            {t.item && (
              <>
                {' '}
                <b
                  className="toast__item"
                  data-testid="toast-item"
                  data-rarity={t.item.rarity}
                  style={{ '--rarity': rarityColor(t.item.rarity) } as CSSProperties}
                >
                  {t.item.name}
                </b>
                {(t.item.quantity ?? 1) > 1 && ` ×${t.item.quantity}`}
              </>
            )}
          </span>
          <button
            type="button"
            className="toast__close"
            aria-label="Dismiss"
            onClick={() => dismiss(t.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
