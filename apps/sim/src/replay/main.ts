/** `pnpm replay <file>` (root script): see cli.ts. Paths are relative to where pnpm was run. */
import { runReplayCli } from './cli';

process.exitCode = runReplayCli(
  process.argv.slice(2),
  (line) => console.log(line),
  process.env.INIT_CWD ?? process.cwd(),
);
