/**
 * Where the notification stack goes (pure): the first free spot, scanning down
 * each preferred column, where a box of the stack's size covers none of the
 * protected rectangles (windows, HUD cards, bars, the area banner) and stays on
 * screen. Null when there is no such spot: the toasts then wait, hidden, until a
 * window closes — a notification never covers something you can click.
 */
import type { Rect } from '../render/plate-layout';

export interface ToastSlot {
  left: number;
  top: number;
}

export type ToastColumn = 'right' | 'left' | 'center';

export interface ToastSlotInput {
  viewport: { width: number; height: number };
  size: { width: number; height: number };
  protect: readonly Rect[];
  /** preferred columns in order (default right, left, centre) */
  columns?: readonly ToastColumn[];
  /** distance from the screen edges (px) */
  margin?: number;
  /** scan step (px) */
  step?: number;
  /** space kept between the stack and a protected box */
  gap?: number;
}

// the gap is kept above and below; side by side, touching is enough
const hits = (a: Rect, b: Rect, gap: number) =>
  a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 + gap && a.y1 > b.y0 - gap;

export function findToastSlot({
  viewport,
  size,
  protect,
  columns = ['right', 'left', 'center'],
  margin = 16,
  step = 4,
  gap = 6,
}: ToastSlotInput): ToastSlot | null {
  const maxTop = viewport.height - margin - size.height;
  if (size.width > viewport.width - 2 * Math.min(margin, 8) || maxTop < 0) return null;
  for (const col of columns) {
    const left =
      col === 'left'
        ? margin
        : col === 'right'
          ? viewport.width - margin - size.width
          : (viewport.width - size.width) / 2;
    const x0 = Math.max(0, left);
    for (let top = margin; top <= maxTop; top += step) {
      const box = { x0, x1: x0 + size.width, y0: top, y1: top + size.height };
      const blocker = protect.find((p) => hits(box, p, gap));
      if (!blocker) return { left: x0, top };
      // jump below the blocker (minus one step: the loop adds it back)
      top = Math.max(top, blocker.y1 + gap - step);
    }
  }
  return null;
}
