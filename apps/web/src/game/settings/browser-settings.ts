/**
 * Settings a player keeps per browser (localStorage), read through a Zod object
 * schema: a stored value from an older client, a hand-edited one or garbage falls back
 * to the default, field by field. Storage that is blocked keeps the choice for the
 * session. Sound (sound/sound-settings.ts) and display (render/display-settings.ts)
 * settings are both made by `browserSettings`.
 */
import type { z } from 'zod';

type Shape = Record<string, z.ZodType>;

export interface BrowserSettings<T> {
  readonly key: string;
  /** the defaults for a browser that does (not) ask for reduced motion */
  defaults(reducedMotion: boolean): T;
  /** stored JSON (or null) over the defaults: each valid field wins */
  parse(raw: string | null, reducedMotion: boolean): T;
  load(): T;
  save(value: T): void;
}

export function prefersReducedMotion(): boolean {
  return (
    typeof window !== 'undefined' &&
    (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false)
  );
}

export function browserSettings<S extends Shape>(
  key: string,
  schema: z.ZodObject<S>,
  defaults: (reducedMotion: boolean) => z.infer<z.ZodObject<S>>,
): BrowserSettings<z.infer<z.ZodObject<S>>> {
  type T = z.infer<z.ZodObject<S>>;
  const parse = (raw: string | null, reducedMotion: boolean): T => {
    const base = defaults(reducedMotion);
    if (!raw) return base;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return base;
    }
    if (typeof json !== 'object' || json === null) return base;
    const out: Record<string, unknown> = { ...base };
    for (const field of Object.keys(schema.shape)) {
      const one = schema.shape[field]!.safeParse((json as Record<string, unknown>)[field]);
      if (one.success && one.data !== undefined) out[field] = one.data;
    }
    return out as T;
  };
  return {
    key,
    defaults,
    parse,
    load() {
      try {
        return parse(localStorage.getItem(key), prefersReducedMotion());
      } catch {
        return defaults(prefersReducedMotion());
      }
    },
    save(value) {
      try {
        localStorage.setItem(key, JSON.stringify(value));
      } catch {
        // blocked storage: the choice lasts for this session
      }
    },
  };
}
