'use client';
/**
 * The contact's latest line typed out quickly (the whole text is in the DOM from
 * the start — the untyped rest is only invisible — so nothing reflows and tests
 * and screen readers read it whole). A click shows it at once, and so does a player who
 * asked for reduced motion.
 */
import { useEffect, useState } from 'react';

/** Characters per second; a long line still finishes within 0.7 s. */
const CPS = 220;
const MAX_MS = 700;

export function Typewriter({ text }: { text: string }) {
  const [shown, setShown] = useState(0);
  useEffect(() => {
    if (window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) {
      setShown(text.length);
      return;
    }
    setShown(0);
    const started = performance.now();
    const cps = Math.max(CPS, (text.length * 1000) / MAX_MS);
    let raf = 0;
    const tick = () => {
      const n = Math.min(text.length, Math.floor(((performance.now() - started) / 1000) * cps));
      setShown(n);
      if (n < text.length) raf = requestAnimationFrame(tick);
    };
    raf = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(raf);
  }, [text]);
  const done = shown >= text.length;
  return (
    <span className="tw" onClick={() => setShown(text.length)}>
      {text.slice(0, shown)}
      {!done && <span className="tw__caret" aria-hidden />}
      <span className="tw__rest">{text.slice(shown)}</span>
    </span>
  );
}
