/** Canvas colours; the same neon palette as the CSS theme. */
export const C = {
  void: '#04050a',
  ground: '#0a0c17',
  lot: '#0e1224',
  street: '#151a2c',
  streetEdge: 'rgba(0, 240, 255, 0.28)',
  laneMark: 'rgba(252, 238, 10, 0.22)',
  gridFine: 'rgba(0, 240, 255, 0.035)',
  gridCoarse: 'rgba(0, 240, 255, 0.07)',
  magenta: '#ff2bd6',
  cyan: '#00f0ff',
  yellow: '#fcee0a',
  red: '#ff3b5c',
  green: '#3dff8f',
  orange: '#ff8a1f',
  violet: '#9d5cff',
  text: '#d9e2f2',
  muted: '#7f8aa8',
} as const;

export const NEON = [C.cyan, C.magenta, C.yellow, C.violet] as const;

export const FONT_MONO =
  "ui-monospace, 'DejaVu Sans Mono', 'Liberation Mono', Menlo, Consolas, monospace";
export const FONT_DISPLAY =
  "'Roboto Condensed', 'Arial Narrow', 'Liberation Sans Narrow', 'DejaVu Sans Condensed', sans-serif";
