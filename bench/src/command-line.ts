/**
 * A bench's command line, read the one way every bench reads it: node's parseArgs over
 * the bench's options (strict: an unknown flag, or a flag without its value, is refused),
 * `--help` answers with the usage, and the flags — named as the bench's Zod schema names
 * them (`--hold-rate` → `holdRate`, `--no-write` → `write: false`) — are parsed by that
 * schema. A refusal says what was wrong, then the usage.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z } from 'zod';

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

type Values<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{ args: string[]; options: O; strict: true }>
>['values'];

export interface CommandLine<O extends ParseArgsOptionsConfig, S extends z.ZodType> {
  usage: string;
  options: O;
  schema: S;
  /** what the schema parses; by default `flags(values)` */
  input?: (values: Values<O>) => unknown;
}

export type CommandLineRead<T> =
  | { ok: true; args: T }
  /** exit code 0 for --help, 2 for a refusal; text to print (stdout for 0, stderr for 2) */
  | { ok: false; code: 0 | 2; text: string };

const camel = (flag: string) => flag.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The flags as a schema names them: camelCase, and `--no-x` as `x: false` (absent: `x: true`). */
export function flags(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [flag, value] of Object.entries(values)) {
    if (flag.startsWith('no-') && typeof value === 'boolean') out[camel(flag.slice(3))] = !value;
    else out[camel(flag)] = value;
  }
  return out;
}

export function parseCommandLine<const O extends ParseArgsOptionsConfig, S extends z.ZodType>(
  argv: readonly string[],
  line: CommandLine<O, S>,
): CommandLineRead<z.output<S>> {
  if (argv.includes('--help') || argv.includes('-h'))
    return { ok: false, code: 0, text: line.usage };
  let values: Values<O>;
  try {
    ({ values } = parseArgs({ args: [...argv], options: line.options, strict: true }));
  } catch (err) {
    // ERR_PARSE_ARGS_UNKNOWN_OPTION, …_INVALID_OPTION_VALUE, …_UNEXPECTED_POSITIONAL
    return { ok: false, code: 2, text: `${(err as Error).message}\n\n${line.usage}` };
  }
  const parsed = line.schema.safeParse(line.input ? line.input(values) : flags(values));
  if (!parsed.success)
    return { ok: false, code: 2, text: `${z.prettifyError(parsed.error)}\n\n${line.usage}` };
  return { ok: true, args: parsed.data };
}

/** parseCommandLine for a bench's main: the usage or a refusal ends the process. */
export function readCommandLine<const O extends ParseArgsOptionsConfig, S extends z.ZodType>(
  argv: readonly string[],
  line: CommandLine<O, S>,
): z.output<S> {
  const read = parseCommandLine(argv, line);
  if (read.ok) return read.args;
  (read.code === 0 ? console.log : console.error)(read.text);
  process.exit(read.code);
}
