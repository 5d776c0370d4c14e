import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from '@necp/game';
import type { Zone } from '../zone/zone';
import { ZoneRecorder } from './recorder';

export interface RecordingFile {
  path: string;
  /** flushes and closes the file */
  close(): Promise<void>;
}

/**
 * SIM_RECORD_DIR: each zone records into `<dir>/<zone>-<start time>-<seed>.jsonl`
 * from its tick 0 (call before the zone steps or takes a command). A write
 * error is logged once and the recording stops; the zone runs on.
 */
export function recordZones(zones: Iterable<Zone>, dir: string, log: Log): RecordingFile[] {
  mkdirSync(dir, { recursive: true });
  const files: RecordingFile[] = [];
  for (const zone of zones) {
    const stamp = new Date(zone.setup.startMs).toISOString().replace(/[:.]/g, '-');
    const path = join(dir, `${zone.id}-${stamp}-${zone.seed}.jsonl`);
    const out = createWriteStream(path, { flags: 'wx' });
    let failed = false;
    out.on('error', (err) => {
      if (failed) return;
      failed = true;
      zone.observe(null);
      log.error(
        { err, zone: zone.id, path },
        'writing the zone recording failed; recording stopped',
      );
    });
    new ZoneRecorder(zone, (line) => {
      if (!failed) out.write(`${line}\n`);
    });
    log.info({ zone: zone.id, path }, 'recording the zone');
    files.push({
      path,
      close: () => new Promise<void>((resolve) => out.end(() => resolve())),
    });
  }
  return files;
}
