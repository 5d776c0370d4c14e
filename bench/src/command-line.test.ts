import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEconomyArgs } from './economy/args';
import { flags, parseCommandLine } from './command-line';

const line = {
  usage: 'pnpm bench:x [--hold-rate 120] [--no-write]',
  schema: z.object({
    holdRate: z.coerce.number().int().min(1),
    write: z.boolean(),
    keepDb: z.boolean(),
  }),
  options: {
    'hold-rate': { type: 'string', default: '120' },
    'no-write': { type: 'boolean', default: false },
    'keep-db': { type: 'boolean', default: false },
  },
} as const;

describe("a bench's command line", () => {
  it('names the flags as the schema does, and --no-x as x: false', () => {
    expect(parseCommandLine([], line)).toEqual({
      ok: true,
      args: { holdRate: 120, write: true, keepDb: false },
    });
    expect(parseCommandLine(['--hold-rate', '300', '--no-write', '--keep-db'], line)).toEqual({
      ok: true,
      args: { holdRate: 300, write: false, keepDb: true },
    });
    expect(flags({ 'target-p99': '150', 'no-pin': true, out: 'x' })).toEqual({
      targetP99: '150',
      pin: false,
      out: 'x',
    });
  });

  it('answers --help with the usage (exit 0)', () => {
    expect(parseCommandLine(['--hold-rate', '3', '--help'], line)).toEqual({
      ok: false,
      code: 0,
      text: line.usage,
    });
  });

  it('refuses an unknown flag, a flag without its value and a bad value, with the usage (exit 2)', () => {
    const refused = (argv: string[]) => {
      const r = parseCommandLine(argv, line);
      if (r.ok) throw new Error(`accepted ${argv.join(' ')}`);
      expect(r.code).toBe(2);
      expect(r.text.endsWith(line.usage)).toBe(true);
      return r.text;
    };
    expect(refused(['--rate', '5'])).toMatch(/Unknown option '--rate'/);
    expect(refused(['--hold-rate'])).toMatch(/--hold-rate/);
    expect(refused(['--hold-rate', 'fast'])).toMatch(/holdRate/);
    expect(refused(['--hold-rate', '0'])).toMatch(/holdRate/);
    expect(refused(['stray'])).toMatch(/stray/);
  });

  it("reads a real bench's flags (bench:economy)", () => {
    const a = parseEconomyArgs(['--rate', '200', '--probes', '0', '--no-write']);
    expect(a).toMatchObject({ rate: 200, probes: 0, write: false, holdRate: 120, targetP99: 150 });
  });
});
