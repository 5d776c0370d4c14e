import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testDb } from '../testing/test-db';
import { bootTestSim, createPlayerAt } from '../testing/test-sim';
import { runReplayCli } from './cli';

const db = testDb();
afterAll(() => db.$disconnect());

describe('SIM_RECORD_DIR and pnpm replay', () => {
  it('a sim records each zone, and the CLI replays a real session to identical hashes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'necp-rec-'));
    try {
      const sim = await bootTestSim(db, {
        applyCommands: 'in-tick',
        recordDir: dir,
        zoneIds: ['watson'],
      });
      const punk = [...sim.watson.npcs.npcs()].find((n) => n.spawnId === 'watson-punks-plaza');
      if (!punk) throw new Error('no punk');
      const p = await createPlayerAt(db, punk.x, punk.y - 6);
      const { client } = await sim.stepUntil(sim.join(p));
      for (let seq = 1; seq <= 5; seq++) {
        await sim.stepUntil(client.move({ seq, dx: 0, dy: 1, ms: 50 }));
      }
      const shot = client.command('combat:use', { ability: 'solo_power_shot', target: punk.eid });
      expect(await sim.stepUntil(shot)).toMatchObject({ ok: true });
      sim.step(40); // the punk answers (NPC AI), regeneration, effects
      await sim.close();

      const files = readdirSync(dir);
      expect(files).toHaveLength(1);
      expect(files[0]).toMatch(/^watson-.*\.jsonl$/);
      const out: string[] = [];
      const code = runReplayCli([join(dir, files[0] ?? '')], (l) => out.push(l));
      expect(out.at(-1)).toBe('identical at every tick');
      expect(code).toBe(0);
      const lines = readFileSync(join(dir, files[0] ?? ''), 'utf8')
        .trim()
        .split('\n');
      expect(out.filter((l) => l.startsWith('tick'))).toHaveLength(lines.length);

      // the CLI names the first tick that differs
      const tampered = join(dir, 'tampered.jsonl');
      const at = lines.findIndex((l) => l.includes('"k":"use"'));
      lines[at] = (lines[at] ?? '').replace('solo_power_shot', 'solo_attack');
      writeFileSync(tampered, lines.join('\n'));
      const out2: string[] = [];
      expect(runReplayCli([tampered, '--quiet'], (l) => out2.push(l))).toBe(1);
      expect(out2.at(-1)).toMatch(new RegExp(`^first divergence at tick ${at}: recorded`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
