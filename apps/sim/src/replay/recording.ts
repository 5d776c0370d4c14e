/**
 * A zone recording, as JSON Lines: the header (how to build the zone again and
 * the hash of its state at tick 0), then one line per tick — the tick, its clock
 * time, every command the tick applied in inbox order ([seq, connection id or
 * null, command]) and the hash of the state after it. Non-finite numbers (e.g. a
 * carried lastCombatAt of -Infinity) are written as {"$n": "-Infinity"}.
 */
import { z } from 'zod';
import type { ZoneCommand, ZoneCommandKind } from '../zone/zone-commands';

export const RECORDING_VERSION = 1;

export const RecordingHeaderSchema = z.object({
  v: z.literal(RECORDING_VERSION),
  zoneId: z.string().max(64),
  seed: z.int(),
  startMs: z.number().finite(),
  npcs: z.boolean(),
  npcAi: z.boolean(),
  /** state hash at tick 0 */
  hash: z.string().max(128),
});
export type RecordingHeader = z.infer<typeof RecordingHeaderSchema>;

const COMMAND_KINDS = [
  'attach',
  'detach',
  'depart',
  'remove',
  'move',
  'use',
  'cancel',
  'respawn',
  'heal',
  'nearby',
  'stats',
  'title',
  'drop_add',
  'drop_remove',
] as const satisfies readonly ZoneCommandKind[];

/**
 * A recorded command: its kind is checked, its body is taken as the zone wrote it
 * (recordings come from this sim; a hand-edited body that does not fit makes the
 * replay diverge or the command fail, which is what a replay is for).
 */
const RecordedCommandSchema = z
  .object({ k: z.enum(COMMAND_KINDS) })
  .loose()
  .transform((c) => c as unknown as ZoneCommand);

export const RecordedTickSchema = z.object({
  t: z.int().min(1),
  ms: z.number().finite(),
  cmds: z
    .array(z.tuple([z.int(), z.string().max(128).nullable(), RecordedCommandSchema]))
    .max(100_000),
  hash: z.string().max(128),
});
export type RecordedTick = z.infer<typeof RecordedTickSchema>;

export function encodeLine(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    typeof v === 'number' && !Number.isFinite(v) ? { $n: String(v) } : v,
  );
}

export function decodeLine(line: string): unknown {
  return JSON.parse(line, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      const keys = Object.keys(o);
      if (keys.length === 1 && typeof o.$n === 'string') return Number(o.$n);
    }
    return v;
  });
}
