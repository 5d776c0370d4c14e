// Stopping the one-command start must not lose the last save: the services first (the
// sim saves every online character's position on its way out), the embedded PostgreSQL
// last. A miniature of start.ts (testing/stop-order-fixture.ts: the real embedded
// PostgreSQL, a service that writes on SIGTERM) is stopped as people stop it: Ctrl+C in a
// terminal (SIGINT to the whole process group) and SIGTERM to the top process.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from './lib';
import { freePort } from '@necp/db/testing';

let dir: string;
let dataDir: string;
let port: number;

/** The fixture in a process group of its own, as a terminal starts a command. */
function fixture(mode: 'run' | 'count') {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/testing/stop-order-fixture.ts', dataDir, String(port), mode],
    { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number>((resolve) =>
    child.on('exit', (code, sig) => resolve(code ?? (sig ? 128 : 0))),
  );
  return { pid: child.pid!, exited, out: () => out };
}

async function waitFor(what: string, ok: () => boolean, ms: number) {
  for (const end = Date.now() + ms; !ok(); await new Promise((r) => setTimeout(r, 100)))
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
}

async function finalSaves(): Promise<number> {
  const f = fixture('count');
  expect(await f.exited, f.out()).toBe(0);
  return Number(/final saves: (\d+)/.exec(f.out())?.[1]);
}

beforeAll(async () => {
  // as root, PostgreSQL runs as `postgres`, which must be able to enter the folder
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'necp-stop-order-'));
  fs.chmodSync(dir, 0o755);
  dataDir = path.join(dir, 'pg');
  port = await freePort();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('stopping the one-command start', () => {
  it.each([
    ['Ctrl+C: SIGINT to the process group', 'SIGINT', 'group'],
    ['SIGTERM to the top process', 'SIGTERM', 'top'],
  ] as const)(
    '%s: the service saves, then the database stops',
    async (_name, signal, target) => {
      const before = fs.existsSync(dataDir) ? await finalSaves() : 0;
      const f = fixture('run');
      await waitFor(
        'the service',
        () => f.out().includes('[saver]') && f.out().includes('ready'),
        90_000,
      );
      process.kill(target === 'group' ? -f.pid : f.pid, signal);
      expect(await f.exited, f.out()).toBe(0);
      expect(f.out()).toContain('saved');
      expect(f.out()).not.toMatch(/save failed|57P0\d|database system is shutting down/);
      expect(await finalSaves()).toBe(before + 1);
    },
    180_000,
  );
});
