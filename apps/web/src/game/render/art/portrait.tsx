'use client';
/**
 * A portrait drawn from the figure's look (figure-look.ts): head and shoulders of the
 * same drawing the map shows — class outfit, origin's cap or hat, a faction's kit —
 * on a backdrop of its trim colour. Drawn once per look and size into its canvas.
 */
import { useEffect, useMemo, useRef } from 'react';
import { drawFigure } from './draw-figure';
import { figureLook, type LookInput } from './figure-look';

export type PortraitInput = Omit<LookInput, 'relation'> & { relation?: LookInput['relation'] };

export function Portrait({
  of,
  size,
  className = '',
  testId,
}: {
  of: PortraitInput;
  /** CSS pixels, square */
  size: number;
  className?: string;
  testId?: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  // a new `of` object each render with the same fields is the same look: keyed by its key
  const key = figureLook({ relation: 'friend', ...of }).key;
  const look = useMemo(() => figureLook({ relation: 'friend', ...of }), [key]);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const dpr = Math.min(window.devicePixelRatio || 1, 2);
    canvas.width = Math.round(size * dpr);
    canvas.height = Math.round(size * dpr);
    const c = canvas.getContext('2d');
    if (!c) return;
    c.setTransform(dpr, 0, 0, dpr, 0, 0);
    const bg = c.createRadialGradient(size / 2, size * 0.4, 0, size / 2, size * 0.4, size * 0.8);
    bg.addColorStop(0, look.trim);
    bg.addColorStop(0.35, 'rgba(20, 24, 40, 0.9)');
    bg.addColorStop(1, '#05060b');
    c.fillStyle = bg;
    c.fillRect(0, 0, size, size);
    // a figure twice the frame's height, its head in the upper middle: a bust
    const h = (size * 2.1) / look.scale;
    c.translate(size / 2, size * 0.42 + h * 0.9 * look.scale);
    c.scale(look.scale, look.scale);
    drawFigure(
      c,
      { ...look, rank: look.rank === 'boss' ? 'elite' : look.rank },
      { facing: 'down', phase: null, dead: false },
      h,
    );
  }, [look, size]);
  return (
    <canvas
      ref={ref}
      className={`portrait ${className}`}
      style={{ width: size, height: size }}
      data-testid={testId}
      data-look={look.key}
      aria-hidden="true"
    />
  );
}

/** What a portrait of an entity on the wire is drawn from. */
export function portraitOf(i: {
  kind: string;
  name: string;
  classId?: string | undefined;
  templateId?: string | undefined;
  origin?: string | undefined;
  weapon?: string | undefined;
  rank?: PortraitInput['rank'];
}): PortraitInput {
  return {
    kind: i.kind === 'npc' ? 'npc' : i.kind === 'contact' ? 'contact' : 'player',
    seed: i.name,
    classId: i.classId,
    templateId: i.templateId,
    origin: i.origin,
    weapon: i.weapon ?? null,
    rank: i.rank,
  };
}
