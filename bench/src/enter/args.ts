/** `pnpm bench:enter [options]`: the command line, parsed and validated here. */
import { z } from 'zod';
import { readCommandLine } from '../command-line';

const USAGE = `pnpm bench:enter [options]
  --entries 12     entries measured on a warm cache (each a new player's first)
  --build          run \`pnpm --filter @necp/web build\` first
  --out docs/perf.md
  --no-write       print the results, leave docs/perf.md alone`;

const ArgsSchema = z.object({
  entries: z.coerce.number().int().min(1).max(200),
  build: z.boolean(),
  out: z.string().min(1),
  write: z.boolean(),
});

export const parseEnterArgs = (argv: string[]) =>
  readCommandLine(argv, {
    usage: USAGE,
    schema: ArgsSchema,
    options: {
      entries: { type: 'string', default: '12' },
      build: { type: 'boolean', default: false },
      out: { type: 'string', default: 'docs/perf.md' },
      'no-write': { type: 'boolean', default: false },
    },
  });
