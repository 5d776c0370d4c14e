/**
 * The page's one mixer: ZzFX keeps one AudioContext per page, and the settings are the
 * browser's — a game view that mounts again (character select and back) reuses both.
 */
import { AudioEngine, type Synth } from './audio-engine';
import { startMusic } from './music';
import { loadSoundSettings } from './sound-settings';

let engine: AudioEngine | null = null;

/** ZzFX, loaded at the first gesture (its module makes the AudioContext as it loads). */
async function loadZzfx(): Promise<Synth> {
  const { ZZFX } = await import('zzfx');
  return {
    ctx: ZZFX.audioContext,
    sampleRate: ZZFX.sampleRate,
    build: (params) => ZZFX.buildSamples(...params),
  };
}

export function soundEngine(): AudioEngine {
  engine ??= new AudioEngine({ load: loadZzfx, settings: loadSoundSettings(), music: startMusic });
  return engine;
}

/** The engine if one was made (the test hook reads it without making one). */
export const existingSoundEngine = (): AudioEngine | null => engine;
