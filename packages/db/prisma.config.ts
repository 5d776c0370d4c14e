// Prisma CLI config. Prisma 6.19 with the JS engine + pg adapter needs no native
// engine download (see ../shared/STACK.md). The adapter is built from separate
// fields because a connection string breaks the shadow database of `migrate dev`.
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import type { PrismaConfig } from 'prisma';
import { pgConfigFromUrl } from './src/url';

// `generate` never connects, but the CLI must resolve a URL or it tries to download an engine.
const url = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
process.env.DATABASE_URL = url;

export default {
  experimental: { adapter: true },
  engine: 'js',
  // a folder: schema.prisma (generator, datasource) and models/*.prisma
  schema: 'prisma',
  migrations: { path: path.join('prisma', 'migrations') },
  async adapter() {
    return new PrismaPg(pgConfigFromUrl(url));
  },
} satisfies PrismaConfig;
