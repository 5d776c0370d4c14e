// CLI: `pnpm db:seed` — seeds content into DATABASE_URL.
import { createDb } from './client';
import { seedContent } from './seed-content';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set');
  process.exit(1);
}
const db = createDb(url);
const r = await seedContent(db);
console.log(`seeded ${r.zones} zones, ${r.spawnPoints} spawn points`);
await db.$disconnect();
