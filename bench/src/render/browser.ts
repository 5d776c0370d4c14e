/**
 * Debian's Chromium as the e2e suite starts it (apps/web/playwright.config.ts
 * `launch()`: its wrapper, e2e/chromium.sh, and arguments; not niced here), one browser
 * per case so each case's CPU is its own. Started as a server to learn its process id: the CPU of its whole
 * process tree comes from /proc.
 */
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserServer } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../apps/web/e2e/chromium-args';
import { cpuMsOfTree } from '../machine';

/** /usr/bin/chromium through the e2e suite's wrapper (the features it turns off) */
export const CHROMIUM = fileURLToPath(
  new URL('../../../apps/web/e2e/chromium.sh', import.meta.url),
);

/**
 * What may have to be added for WebGL on a machine without a GPU, tried in order:
 * Chromium no longer falls back to SwiftShader for WebGL unless told it may.
 */
const WEBGL_EXTRAS = [
  [],
  ['--enable-unsafe-swiftshader'],
  ['--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
];

export interface LaunchedChromium {
  browser: Browser;
  /** CPU ms of the browser and every process under it so far */
  cpuMs(): number;
  close(): Promise<void>;
}

export async function launchChromium(extraArgs: readonly string[] = []): Promise<LaunchedChromium> {
  const server: BrowserServer = await chromium.launchServer({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    env: { ...process.env, CHROMIUM_NICE: '0' },
    headless: true,
  });
  const pid = server.process().pid;
  const browser = await chromium.connect(server.wsEndpoint());
  return {
    browser,
    cpuMs: () => (pid === undefined ? 0 : (cpuMsOfTree(pid) ?? 0)),
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}

export interface WebGLProbe {
  /** the arguments added to the e2e ones that gave a context */
  extraArgs: string[];
  /** 'webgl2' or 'webgl' */
  version: string;
  /** WEBGL_debug_renderer_info's renderer string */
  renderer: string;
}

/** The first of WEBGL_EXTRAS under which a page gets a WebGL context; null if none does. */
export async function probeWebGL(log: (m: string) => void): Promise<WebGLProbe | null> {
  for (const extra of WEBGL_EXTRAS) {
    const c = await launchChromium(extra);
    try {
      const page = await c.browser.newPage();
      const got = await page.evaluate(() => {
        const canvas = document.createElement('canvas');
        const gl2 = canvas.getContext('webgl2');
        const gl = gl2 ?? canvas.getContext('webgl');
        if (!gl) return null;
        const info = gl.getExtension('WEBGL_debug_renderer_info');
        return {
          version: gl2 ? 'webgl2' : 'webgl',
          renderer: info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'unknown',
        };
      });
      const named = extra.length ? extra.join(' ') : 'the e2e arguments alone';
      log(got ? `WebGL with ${named}: ${got.version}, ${got.renderer}` : `no WebGL with ${named}`);
      if (got) return { extraArgs: extra, ...got };
    } finally {
      await c.close();
    }
  }
  return null;
}
