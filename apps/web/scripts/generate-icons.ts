/**
 * Writes src/game/icons/icon-bodies.generated.ts: the SVG bodies of the Game Icons
 * that icon-names.ts names (run after changing that file; a unit test fails until then).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { usedIconNames } from '../src/game/icons/icon-names';
import { iconModuleSource, type IconSet } from '../src/game/icons/icon-module';

const require = createRequire(import.meta.url);
const set = JSON.parse(
  readFileSync(require.resolve('@iconify-json/game-icons/icons.json'), 'utf8'),
) as IconSet;
const out = fileURLToPath(new URL('../src/game/icons/icon-bodies.generated.ts', import.meta.url));
// formatted like the rest of the tree, so `prettier --check` passes
const options = { ...(await resolveConfig(out)), filepath: out };
writeFileSync(out, await format(iconModuleSource(set, usedIconNames()), options));
console.log(`wrote ${usedIconNames().length} icons to ${out}`);
