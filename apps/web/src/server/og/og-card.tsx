/**
 * The picture a shared link shows (OpenGraph / Twitter card): one 1200×630 card in the
 * game's colours for every public page — the site, a board, a runner, a guild — drawn
 * by next/og (Satori + resvg) from data, never from text in the URL. Only the font
 * bundled with Next is used and nothing is fetched while drawing: text is kept to the
 * glyphs that font has (a name in another script would make Satori fetch a font).
 */
import { ImageResponse } from 'next/og';

export const OG_SIZE = { width: 1200, height: 630 } as const;

export interface OgCard {
  /** the small line above the title: "// runner profile" */
  kicker: string;
  title: string;
  /** one line under the title */
  subtitle?: string;
  /** a level badge beside the title */
  badge?: string;
  /** up to four labelled figures */
  facts?: { label: string; value: string }[];
  /** up to five ranked rows (a board's top) */
  rows?: { rank: string; name: string; value: string }[];
}

const CYAN = '#29f3ff';
const MAGENTA = '#ff2a6d';
const YELLOW = '#f5e642';
const INK = '#05060b';
const TEXT = '#e6e8ef';
const MUTED = '#8a90a6';

/** Printable Latin text only (the bundled font's glyphs), at most `max` characters. */
export function ogText(text: string, max = 60): string {
  const clean = text.replace(/[^\x20-\x7e\u00a0-\u00ff\u2013\u2014\u00b7]/g, '?').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

export function ogImage(card: OgCard): ImageResponse {
  const facts = (card.facts ?? []).slice(0, 4);
  const rows = (card.rows ?? []).slice(0, 5);
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        padding: '56px 64px',
        background: `linear-gradient(160deg, ${INK} 0%, #120a24 62%, #2a0a2e 100%)`,
        color: TEXT,
        borderBottom: `10px solid ${MAGENTA}`,
      }}
    >
      <div style={{ display: 'flex', flexDirection: 'column' }}>
        <div style={{ display: 'flex', color: CYAN, fontSize: 28, letterSpacing: 2 }}>
          {ogText(card.kicker, 48)}
        </div>
        <div style={{ display: 'flex', alignItems: 'center', marginTop: 18 }}>
          {card.badge ? (
            <div
              style={{
                display: 'flex',
                border: `3px solid ${YELLOW}`,
                color: YELLOW,
                fontSize: 30,
                padding: '6px 16px',
                marginRight: 24,
              }}
            >
              {ogText(card.badge, 12)}
            </div>
          ) : null}
          <div style={{ display: 'flex', fontSize: 76, fontWeight: 700, lineHeight: 1.05 }}>
            {ogText(card.title, 34)}
          </div>
        </div>
        {card.subtitle ? (
          <div style={{ display: 'flex', fontSize: 32, color: MUTED, marginTop: 14 }}>
            {ogText(card.subtitle, 70)}
          </div>
        ) : null}
      </div>
      {rows.length > 0 ? (
        <div style={{ display: 'flex', flexDirection: 'column' }}>
          {rows.map((r) => (
            <div key={r.rank + r.name} style={{ display: 'flex', fontSize: 30, marginTop: 6 }}>
              <div style={{ display: 'flex', width: 90, color: MAGENTA }}>{ogText(r.rank, 6)}</div>
              <div style={{ display: 'flex', flexGrow: 1 }}>{ogText(r.name, 40)}</div>
              <div style={{ display: 'flex', color: YELLOW }}>{ogText(r.value, 16)}</div>
            </div>
          ))}
        </div>
      ) : null}
      {facts.length > 0 ? (
        <div style={{ display: 'flex' }}>
          {facts.map((f) => (
            <div
              key={f.label}
              style={{ display: 'flex', flexDirection: 'column', marginRight: 64 }}
            >
              <div style={{ display: 'flex', fontSize: 44, color: YELLOW }}>
                {ogText(f.value, 14)}
              </div>
              <div style={{ display: 'flex', fontSize: 24, color: MUTED }}>
                {ogText(f.label, 24)}
              </div>
            </div>
          ))}
        </div>
      ) : null}
      <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 26 }}>
        <div style={{ display: 'flex', color: MAGENTA, fontWeight: 700 }}>NECP</div>
        <div style={{ display: 'flex', color: MUTED }}>
          the neon city MMO · played in the browser
        </div>
      </div>
    </div>,
    {
      ...OG_SIZE,
      // shared links are fetched again and again by chat apps and crawlers
      headers: { 'Cache-Control': 'public, max-age=600, stale-while-revalidate=3600' },
    },
  );
}
