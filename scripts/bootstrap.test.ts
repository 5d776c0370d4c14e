// scripts/bootstrap.mjs as a newcomer meets it: the system's Node (Debian's 20) and npm,
// no pnpm on PATH, an empty HOME. A throw-away project holds a copy of the script and
// the workspace's pins; `npm start` there runs a probe that reports which Node and pnpm
// it got and which signals reached it. The npm registry is real; npm's download cache
// (.data/bootstrap-test) is kept between runs, the tools folder never is.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from './lib';

const SYSTEM_PATH = '/usr/bin:/bin';
const pins = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  packageManager: string;
  engines: { node: string };
};
const pnpmVersion = pins.packageManager.replace('pnpm@', '');

/** Writes what it runs on to report.json; with WAIT=1 it stays up and logs each signal. */
const PROBE = `
import { execSync } from 'node:child_process';
import fs from 'node:fs';
const sh = (c) => execSync(c, { shell: '/bin/sh' }).toString().trim();
const report = { node: process.version, execPath: process.execPath,
  pnpm: sh('pnpm --version 2>/dev/null'), pnpmPath: sh('command -v pnpm'), signals: [] };
const write = () => fs.writeFileSync('report.json', JSON.stringify(report));
write();
if (process.env.WAIT) {
  for (const s of ['SIGINT', 'SIGTERM'])
    process.on(s, () => { report.signals.push(s); write(); setTimeout(() => process.exit(0), 300); });
  setInterval(() => {}, 1000);
  console.log('probe ready');
}
`;

interface Report {
  node: string;
  execPath: string;
  pnpm: string;
  pnpmPath: string;
  signals: string[];
}

let dir: string;
let home: string;
let project: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'necp-bootstrap-'));
  home = path.join(dir, 'home');
  project = path.join(dir, 'project');
  fs.mkdirSync(home);
  fs.mkdirSync(path.join(project, 'scripts'), { recursive: true });
  fs.copyFileSync(
    path.join(root, 'scripts', 'bootstrap.mjs'),
    path.join(project, 'scripts', 'bootstrap.mjs'),
  );
  fs.writeFileSync(
    path.join(project, 'package.json'),
    JSON.stringify({
      name: 'bootstrap-probe',
      private: true,
      type: 'module',
      packageManager: pins.packageManager,
      engines: pins.engines,
      // as the workspace's start and test scripts run it
      scripts: { start: 'exec node scripts/bootstrap.mjs node probe.mjs' },
    }),
  );
  fs.writeFileSync(path.join(project, 'probe.mjs'), PROBE);
  // the workspace's own word on the pin: the bootstrap installs the pinned pnpm itself,
  // so pnpm must not manage it too (pmOnFail: ignore). Without it `pnpm install` records
  // the pin by resolving @pnpm/exe and its platform packages, which fails whenever the
  // registry lacks one (a CI run: @pnpm/exe.netbsd-x64@12.21.0, 404)
  fs.writeFileSync(path.join(project, 'pnpm-workspace.yaml'), `${workspacePmOnFail()}\n`);
  // a machine with only the system's Node and npm: nothing of this process's PATH or npm/pnpm settings
  env = {
    HOME: home,
    PATH: SYSTEM_PATH,
    npm_config_cache: path.join(root, '.data', 'bootstrap-test', 'npm-cache'),
    npm_config_update_notifier: 'false',
  };
  // how this machine reaches the registry (a proxy, its certificates) still applies
  for (const [k, v] of Object.entries(process.env))
    if (/^(https?_proxy|no_proxy|node_extra_ca_certs|ssl_cert_(file|dir))$/i.test(k)) env[k] = v;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The `pmOnFail` line of the workspace's pnpm-workspace.yaml (it must be there). */
function workspacePmOnFail(): string {
  const yaml = fs.readFileSync(path.join(root, 'pnpm-workspace.yaml'), 'utf8');
  const line = /^pmOnFail: ignore$/m.exec(yaml)?.[0];
  if (!line) throw new Error('pnpm-workspace.yaml must say pmOnFail: ignore (see its comment)');
  return line;
}

const report = (): Report =>
  JSON.parse(fs.readFileSync(path.join(project, 'report.json'), 'utf8')) as Report;

function systemNode(): string {
  const r = spawnSync('node', ['--version'], { env, encoding: 'utf8' });
  expect(r.status, 'a system Node (>= 20) on /usr/bin:/bin').toBe(0);
  return r.stdout.trim();
}

/** `npm start` in the probe project, in a process group of its own (as a terminal runs it). */
function npmStart(extra: NodeJS.ProcessEnv = {}) {
  const child = spawn('npm', ['start'], {
    cwd: project,
    env: { ...env, ...extra },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number>((resolve) =>
    child.on('exit', (code, sig) => resolve(code ?? (sig ? 128 : 0))),
  );
  return { child, exited, out: () => out };
}

/** Polls `ok`; on a timeout the error carries `log()` (what the run printed so far). */
async function waitFor(what: string, ok: () => boolean, ms: number, log = () => '') {
  for (const end = Date.now() + ms; !ok(); await new Promise((r) => setTimeout(r, 100)))
    if (Date.now() > end)
      throw new Error(`timed out after ${ms} ms waiting for ${what}; output so far:\n${log()}`);
}

/** No process is left in the group (the probe did not outlive npm). */
function groupGone(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return false;
  } catch {
    return true;
  }
}

describe('scripts/bootstrap.mjs (npm start / npm test on a fresh machine)', () => {
  it('on the system Node with no pnpm on PATH, fetches the pinned Node and pnpm into ~/.cache/necp and runs the command with them', async () => {
    const tooOld = (() => {
      const [major = 0, minor = 0] = systemNode().slice(1).split('.').map(Number);
      return major < 22 || (major === 22 && minor < 18);
    })();
    expect(spawnSync('/bin/sh', ['-c', 'command -v pnpm'], { env }).status).not.toBe(0);

    const run = npmStart();
    expect(await run.exited, run.out()).toBe(0);
    const r = report();
    const cache = path.join(home, '.cache', 'necp');
    if (tooOld) {
      expect(r.node).toBe('v22.23.3');
      expect(r.execPath.startsWith(path.join(cache, 'node-22.23.3') + path.sep)).toBe(true);
    } else {
      expect(r.execPath).toBe(
        spawnSync('/bin/sh', ['-c', 'command -v node'], { env, encoding: 'utf8' }).stdout.trim(),
      );
    }
    expect(r.pnpm).toBe(pnpmVersion);
    expect(r.pnpmPath.startsWith(path.join(cache, `pnpm-${pnpmVersion}`) + path.sep)).toBe(true);
    expect(run.out()).toContain('[bootstrap] pnpm install');
  }, 300_000);

  it('the next run takes the cached tools, and the command hears SIGTERM sent to npm and SIGINT sent to the process group', async () => {
    for (const [signal, target] of [
      ['SIGTERM', 'npm'],
      ['SIGINT', 'group'],
    ] as const) {
      fs.rmSync(path.join(project, 'report.json'), { force: true });
      const run = npmStart({ WAIT: '1' });
      // seconds when idle; the budget is the first test's, for a CI machine under load
      await waitFor('the probe', () => run.out().includes('probe ready'), 120_000, run.out);
      expect(run.out()).not.toContain('fetching');
      const pid = run.child.pid!;
      process.kill(target === 'npm' ? pid : -pid, signal);
      await run.exited;
      // npm passes SIGTERM to its script alone; in a group every process gets SIGINT
      // (and the bootstrap passes it on once more)
      expect(report().signals.length, run.out()).toBeGreaterThan(0);
      expect(new Set(report().signals)).toEqual(new Set([signal]));
      await waitFor('the group to be gone', () => groupGone(pid), 5_000);
    }
  }, 300_000);

  it('fails, without running the command, when pnpm install warns about an unsupported engine', async () => {
    fs.rmSync(path.join(project, 'report.json'), { force: true });
    fs.writeFileSync(
      path.join(project, 'pnpm-workspace.yaml'),
      `packages:\n  - old\n${workspacePmOnFail()}\n`,
    );
    fs.mkdirSync(path.join(project, 'old'), { recursive: true });
    fs.writeFileSync(
      path.join(project, 'old', 'package.json'),
      JSON.stringify({ name: 'old', version: '1.0.0', engines: { node: '<1' } }),
    );
    const run = npmStart();
    expect(await run.exited).toBe(1);
    expect(run.out()).toContain('pnpm install warned about an unsupported engine');
    expect(fs.existsSync(path.join(project, 'report.json'))).toBe(false);
  }, 120_000);
});
