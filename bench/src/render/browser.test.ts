// The e2e suite's Chromium (apps/web/e2e/chromium.sh, which the benches start too): the
// address bar's popup, a WebUI renderer every new window pre-rendered since Chromium 151
// (a third of a fresh tab's first seconds of CPU), is off, and Playwright's own disabled
// features stay off with it — Chromium reads only the last --disable-features.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser';

const wrapper = fileURLToPath(new URL('../../../apps/web/e2e/chromium.sh', import.meta.url));
const OURS = 'WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup';

describe('e2e/chromium.sh', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chromium-sh-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('merges every --disable-features it is given with its own into one, last', () => {
    // a stand-in browser that prints what it was started with
    const echo = path.join(dir, 'echo-args');
    fs.writeFileSync(echo, '#!/bin/sh\nfor a do echo "$a"; done\n', { mode: 0o755 });
    const args = ['--a', '--disable-features=X,Y', '--b=c d', '--disable-features=Z', '--e'];
    const out = execFileSync('sh', [wrapper, ...args], {
      env: { ...process.env, CHROMIUM_BIN: echo, CHROMIUM_NICE: '0' },
      encoding: 'utf8',
    });
    expect(out.trimEnd().split('\n')).toEqual([
      '--a',
      '--b=c d',
      '--e',
      `--disable-features=Z,X,Y,${OURS}`,
    ]);
  });

  it('starts Chromium with no address-bar popup and with Playwright’s own features off', async () => {
    const chromium = await launchChromium();
    try {
      const context = await chromium.browser.newContext();
      const page = await context.newPage();
      await page.goto('chrome://version');
      const switches = ((await page.locator('#command_line').textContent()) ?? '').split(/\s+/);
      const disabled = switches.filter((s) => s.startsWith('--disable-features='));
      expect(disabled).toHaveLength(1);
      // one of Playwright's (chromiumSwitches) and ours
      expect(disabled[0]!.split('=')[1]!.split(',')).toEqual(
        expect.arrayContaining(['HttpsUpgrades', 'PaintHolding', ...OURS.split(',')]),
      );
      const cdp = await chromium.browser.newBrowserCDPSession();
      const { targetInfos } = await cdp.send('Target.getTargets');
      expect(targetInfos.map((t) => t.url)).toEqual(['chrome://version/']);
    } finally {
      await chromium.close();
    }
  });
});
