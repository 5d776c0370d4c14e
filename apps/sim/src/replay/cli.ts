/**
 * `pnpm replay <file> [--quiet] [--keep-going]`: steps a zone recording (written by
 * a sim started with SIM_RECORD_DIR) in a fresh zone and prints each tick's
 * recorded and replayed state hash, then the first divergence. Exit code 0: the
 * replay matched every tick; 1: it diverged; 2: bad usage or an unreadable file.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { replayRecording } from './replayer';

export function runReplayCli(
  argv: readonly string[],
  print: (line: string) => void,
  cwd = process.cwd(),
): number {
  const files = argv.filter((a) => !a.startsWith('--'));
  const quiet = argv.includes('--quiet');
  const keepGoing = argv.includes('--keep-going');
  const file = files[0];
  if (!file || files.length > 1) {
    print('usage: pnpm replay <recording.jsonl> [--quiet] [--keep-going]');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(resolve(cwd, file), 'utf8');
  } catch (err) {
    print(`cannot read ${file}: ${(err as Error).message}`);
    return 2;
  }
  let result: ReturnType<typeof replayRecording>;
  try {
    result = replayRecording(text.split('\n'), {
      keepGoing,
      onTick: (t, expected, actual) => {
        if (quiet && expected === actual) return;
        const mark = expected === actual ? 'ok' : `DIVERGED (recorded ${expected})`;
        print(`tick ${String(t).padStart(6)}  ${actual}  ${mark}`);
      },
    });
  } catch (err) {
    print(`not a readable recording: ${(err as Error).message.slice(0, 500)}`);
    return 2;
  }
  const { header, ticks, divergence } = result;
  print(`${header.zoneId} seed ${header.seed}: ${ticks} ticks replayed`);
  if (!divergence) {
    print('identical at every tick');
    return 0;
  }
  print(
    `first divergence at tick ${divergence.tick}: recorded ${divergence.expected}, replayed ${divergence.actual}`,
  );
  return 1;
}
