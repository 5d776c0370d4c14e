// A service that saves on SIGTERM, after a moment's work, as the sim saves positions
// (stop-order.test.ts). Prints "saved", or "save failed: <why>" and exits 1.
import { createDb } from '@necp/db';

const db = createDb(process.env.DATABASE_URL ?? '', { max: 1 });
await db.$queryRawUnsafe('select 1');
process.on('SIGTERM', () => {
  setTimeout(() => {
    db.$executeRawUnsafe('insert into final_save default values').then(
      () => {
        console.log('saved');
        process.exit(0);
      },
      (e: unknown) => {
        console.log(`save failed: ${(e as Error).message}`);
        process.exit(1);
      },
    );
  }, 500);
});
setInterval(() => {}, 60_000);
console.log('ready');
