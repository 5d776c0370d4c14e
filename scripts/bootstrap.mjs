// `npm start` / `npm test` (and .ci/run): on a machine with only Node ≥ 20 and npm, get
// the tools this workspace pins, install its dependencies, then run a command with them.
//   node scripts/bootstrap.mjs <command> [args…]
// 1. Node: package.json `engines.node` (>=22.18). When the Node running this script is
//    older (Debian ships 20), the official build from the npm registry package
//    node-linux-<x64|arm64>@22.23.3 goes into <cache>/node-22.23.3.
// 2. pnpm: package.json `packageManager` (pnpm@12.21.0). A pnpm of exactly that version
//    on PATH is used; otherwise `npm install pnpm@12.21.0` into <cache>/pnpm-12.21.0.
// 3. `pnpm install`; a warning about an unsupported engine fails it (see below).
// 4. The command, with that Node and pnpm first on PATH; SIGINT, SIGTERM and SIGHUP are
//    passed on to it and its exit code is this script's.
// <cache> is $NECP_TOOLS_DIR, else $XDG_CACHE_HOME/necp, else ~/.cache/necp. Nothing is
// installed globally and nothing needs root.
//
// Plain JavaScript with no dependencies: it runs before anything is installed, on Node 20.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The Node release fetched when the system's is too old (22 LTS). */
export const NODE_VERSION = '22.23.3';

const log = (msg) => console.log(`[bootstrap] ${msg}`);

class BootstrapError extends Error {}

/** What the workspace pins: the minimum Node (engines.node) and the pnpm version. */
export function readPins(root) {
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const engine = /^>=\s*(\d+)\.(\d+)(?:\.(\d+))?$/.exec(pkg.engines?.node ?? '');
  const pm = /^pnpm@(\d+\.\d+\.\d+)$/.exec(pkg.packageManager ?? '');
  if (!engine || !pm)
    throw new BootstrapError(
      'package.json must name engines.node as ">=X.Y" and packageManager as "pnpm@X.Y.Z"',
    );
  return { nodeMin: engine.slice(1).map((n) => Number(n ?? 0)), pnpm: pm[1] };
}

function atLeast(version, min) {
  const v = version.replace(/^v/, '').split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((v[i] ?? 0) !== (min[i] ?? 0)) return (v[i] ?? 0) > (min[i] ?? 0);
  return true;
}

export function cacheDir(env = process.env) {
  if (env.NECP_TOOLS_DIR) return env.NECP_TOOLS_DIR;
  const base = env.XDG_CACHE_HOME || path.join(env.HOME || os.homedir(), '.cache');
  return path.join(base, 'necp');
}

/** `<bin> --version`, or undefined when it does not run. */
function versionOf(bin, env) {
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8', env });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** `npm install <spec>` into `dir` (its own node_modules; no global install, no lockfile). */
function npmInstall(dir, spec, env) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const r = spawnSync(
    'npm',
    ['install', '--prefix', dir, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', spec],
    { stdio: ['ignore', 'inherit', 'inherit'], env },
  );
  if (r.status !== 0) throw new BootstrapError(`npm install ${spec} failed (exit ${r.status})`);
}

/** The directory of a Node ≥ the pinned minimum: the one running this script, else fetched. */
function ensureNode(pins, cache, env) {
  if (atLeast(process.version, pins.nodeMin)) return path.dirname(process.execPath);
  const arch = { x64: 'x64', arm64: 'arm64' }[process.arch];
  if (process.platform !== 'linux' || !arch)
    throw new BootstrapError(
      `Node ${process.version} is older than ${pins.nodeMin.join('.')} and there is no ` +
        `package to fetch for ${process.platform}-${process.arch}: install Node ${NODE_VERSION}`,
    );
  const pkg = `node-linux-${arch}`;
  const dir = path.join(cache, `node-${NODE_VERSION}`);
  const bin = path.join(dir, 'node_modules', pkg, 'bin');
  if (versionOf(path.join(bin, 'node'), env) !== `v${NODE_VERSION}`) {
    log(
      `Node ${process.version} is older than ${pins.nodeMin.join('.')}: fetching ${pkg}@${NODE_VERSION} into ${dir}`,
    );
    npmInstall(dir, `${pkg}@${NODE_VERSION}`, env);
    if (versionOf(path.join(bin, 'node'), env) !== `v${NODE_VERSION}`)
      throw new BootstrapError(`${pkg}@${NODE_VERSION} did not install a working node in ${bin}`);
  }
  return bin;
}

/** The first directory on PATH holding an executable `name`. */
function onPath(name, env) {
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    try {
      fs.accessSync(path.join(dir, name), fs.constants.X_OK);
      return dir;
    } catch {
      /* not here */
    }
  }
  return undefined;
}

/** The directory of the pinned pnpm: on PATH at exactly that version, else fetched. */
function ensurePnpm(pins, cache, env) {
  const found = onPath('pnpm', env);
  if (found && versionOf(path.join(found, 'pnpm'), env) === pins.pnpm) return found;
  const dir = path.join(cache, `pnpm-${pins.pnpm}`);
  const bin = path.join(dir, 'node_modules', '.bin');
  if (versionOf(path.join(bin, 'pnpm'), env) !== pins.pnpm) {
    log(`fetching pnpm@${pins.pnpm} into ${dir}`);
    npmInstall(dir, `pnpm@${pins.pnpm}`, env);
    if (versionOf(path.join(bin, 'pnpm'), env) !== pins.pnpm)
      throw new BootstrapError(`pnpm@${pins.pnpm} did not install a working pnpm in ${bin}`);
  }
  return bin;
}

/**
 * The environment with the pinned Node and pnpm first on PATH (fetched if need be),
 * and the workspace's own node_modules/.bin after them.
 */
export function ensureTools(root, env = process.env) {
  const pins = readPins(root);
  const cache = cacheDir(env);
  const nodeBin = ensureNode(pins, cache, env);
  const pnpmBin = ensurePnpm(pins, cache, env);
  const dirs = [nodeBin, pnpmBin, path.join(root, 'node_modules', '.bin')];
  const PATH = [...dirs, env.PATH ?? ''].join(path.delimiter);
  return { ...env, PATH };
}

/**
 * `pnpm install`, its output passed through. It fails on "Unsupported engine": this
 * script chose the Node, so a dependency that wants another one is this project's bug,
 * and every user would meet it — caught here, in CI first, not later by an operator.
 */
export async function pnpmInstall(root, env) {
  log('pnpm install');
  let out = '';
  const child = spawn('pnpm', ['install'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const [src, dst] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ])
    src.on('data', (d) => {
      out += d;
      dst.write(d);
    });
  const code = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  if (code !== 0) throw new BootstrapError(`pnpm install failed (exit ${code})`);
  if (out.includes('Unsupported engine'))
    throw new BootstrapError('pnpm install warned about an unsupported engine (see above)');
}

/**
 * Runs the command and resolves with its exit code (128 + n when a signal ended it).
 * Signals sent to this process reach the command: as its parent npm passes SIGTERM on
 * to this script alone, the command would otherwise never hear it.
 */
export function runCommand(argv, env, cwd) {
  const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: 'inherit' });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const relay = (sig) => child.kill(sig);
  for (const s of signals) process.on(s, relay);
  return new Promise((resolve) => {
    child.on('error', (e) => {
      console.error(`[bootstrap] could not run ${argv[0]}: ${e.message}`);
      resolve(127);
    });
    child.on('exit', (code, sig) => {
      for (const s of signals) process.off(s, relay);
      resolve(code ?? 128 + (os.constants.signals[sig] ?? 1));
    });
  });
}

async function main(argv) {
  if (argv.length === 0) {
    console.error('usage: node scripts/bootstrap.mjs <command> [args…]');
    return 2;
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  try {
    const env = ensureTools(root);
    await pnpmInstall(root, env);
    return await runCommand(argv, env, root);
  } catch (e) {
    if (!(e instanceof BootstrapError)) throw e;
    console.error(`[bootstrap] ${e.message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href)
  process.exitCode = await main(process.argv.slice(2));
