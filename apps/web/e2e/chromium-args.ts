// How Chromium is started for the e2e suite (playwright.config.ts) — and for the render
// and enter benches (bench/src/render/browser.ts), which measure the same software path.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  // software raster and 2D canvas in the renderer: without them a SwiftShader GPU
  // process emulated a GPU for every tab (~12% less CPU over a two-player spec)
  '--disable-accelerated-2d-canvas',
  '--disable-gpu-rasterization',
  // the display compositor on a thread of the browser process, not a process of its
  // own: one IPC hop less per frame (−10% of the suite's CPU over three game specs)
  '--in-process-gpu',
];
