import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { startEmbeddedPostgres } from './embedded';
import { freePort } from './testing/free-port';

// Root's own home is mode 700: `npm start` from a checkout there used to stop with
// "chmod o+x" because PostgreSQL runs as the `postgres` user, which cannot enter it.
describe.skipIf(process.getuid?.() !== 0)('embedded PostgreSQL started by root', () => {
  it('keeps the data of a checkout in a private folder where the postgres user can reach it', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'necp-private-'));
    expect(fs.statSync(home).mode & 0o777).toBe(0o700);
    const logs: string[] = [];
    const e = await startEmbeddedPostgres({
      dataDir: path.join(home, '.data', 'pg'),
      port: await freePort(),
      database: 'necp',
      log: (m) => logs.push(m),
    });
    const moved = /^data in (\S+) /.exec(logs.find((l) => l.startsWith('data in ')) ?? '')?.[1];
    try {
      const client = new pg.Client({ connectionString: e.url });
      await client.connect();
      const { rows } = await client.query<{ db: string }>('select current_database() as db');
      await client.end();
      expect(rows[0]?.db).toBe('necp');
      expect(moved).toMatch(/^\/var\/lib\/necp\/data-[0-9a-f]{12}\/pg$/);
      expect(fs.existsSync(path.join(moved!, 'PG_VERSION'))).toBe(true);
      // nothing was written in the private folder
      expect(fs.existsSync(path.join(home, '.data', 'pg'))).toBe(false);
    } finally {
      await e.stop();
      if (moved) fs.rmSync(path.dirname(moved), { recursive: true, force: true });
      fs.rmSync(home, { recursive: true, force: true });
    }
    // initdb and a first start: seconds alone, past the default 20 s in a loaded CI run
  }, 120_000);
});
