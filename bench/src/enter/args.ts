/** `pnpm bench:enter [options]`: the command line, parsed and validated here. */
import { parseArgs } from 'node:util';
import { z } from 'zod';

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

export function parseEnterArgs(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      entries: { type: 'string', default: '12' },
      build: { type: 'boolean', default: false },
      out: { type: 'string', default: 'docs/perf.md' },
      'no-write': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const parsed = ArgsSchema.safeParse({ ...values, write: !values['no-write'] });
  if (!parsed.success) {
    console.error(`${z.prettifyError(parsed.error)}\n\n${USAGE}`);
    process.exit(2);
  }
  return parsed.data;
}
