/**
 * Each district's background, synthesised with Web Audio nodes (no recordings): beds of
 * filtered noise (rain, traffic, air handling, a crowd), a steady hum, and now and then a
 * far-off one-shot (a siren, a chime, a drip). Which one plays: ambienceFor(zoneId).
 */
import { parseInstanceZoneId } from '@necp/shared';
import type { Layer, LayerStarter } from './audio-engine';

interface Bed {
  /** 'lowpass' | 'bandpass' | 'highpass' over white noise */
  filter: BiquadFilterType;
  hz: number;
  q?: number;
  gain: number;
  /** a slow swell of the bed's level: period in s (0: steady) */
  swellS?: number;
}

interface OneShot {
  kind: 'siren' | 'chime' | 'drip' | 'whoosh';
  /** mean seconds between them */
  everyS: number;
  gain: number;
}

export interface AmbiencePreset {
  beds: Bed[];
  /** a mains or neon hum: Hz and level (0: none) */
  hum: { hz: number; gain: number };
  shots: OneShot[];
}

export const AMBIENCES = {
  // Kabuki under the rain: rain on awnings, market traffic, buzzing neon, sirens
  watson: {
    beds: [
      { filter: 'bandpass', hz: 2800, q: 0.6, gain: 0.22 },
      { filter: 'lowpass', hz: 220, gain: 0.35, swellS: 9 },
    ],
    hum: { hz: 120, gain: 0.015 },
    shots: [{ kind: 'siren', everyS: 35, gain: 0.05 }],
  },
  // Japantown's quieter streets: a light drizzle, wind, chimes by the shrines
  westbrook: {
    beds: [
      { filter: 'bandpass', hz: 3600, q: 0.8, gain: 0.1 },
      { filter: 'bandpass', hz: 500, q: 0.5, gain: 0.12, swellS: 13 },
    ],
    hum: { hz: 0, gain: 0 },
    shots: [{ kind: 'chime', everyS: 9, gain: 0.05 }],
  },
  // the corporate plaza: air handling, distant air traffic
  'city-center': {
    beds: [
      { filter: 'lowpass', hz: 320, gain: 0.3 },
      { filter: 'highpass', hz: 5000, gain: 0.02 },
    ],
    hum: { hz: 60, gain: 0.02 },
    shots: [{ kind: 'whoosh', everyS: 18, gain: 0.08 }],
  },
  // the arena's crowd, rising and falling
  arena: {
    beds: [{ filter: 'bandpass', hz: 650, q: 0.7, gain: 0.25, swellS: 6 }],
    hum: { hz: 0, gain: 0 },
    shots: [],
  },
  // a vault or a reef: a deep drone and water somewhere
  deep: {
    beds: [{ filter: 'lowpass', hz: 140, gain: 0.3, swellS: 11 }],
    hum: { hz: 55, gain: 0.03 },
    shots: [{ kind: 'drip', everyS: 5, gain: 0.06 }],
  },
} satisfies Record<string, AmbiencePreset>;

export type AmbienceKey = keyof typeof AMBIENCES;

/** The ambience of a zone: its district's, an instance's by kind, Watson's for anything new. */
export function ambienceFor(zoneId: string): AmbienceKey {
  const inst = parseInstanceZoneId(zoneId);
  if (inst) return inst.template.kind === 'arena' ? 'arena' : 'deep';
  return zoneId in AMBIENCES ? (zoneId as AmbienceKey) : 'watson';
}

let noiseCache: { ctx: BaseAudioContext; buffer: AudioBuffer } | null = null;
/** two seconds of white noise, looped by every bed */
function noise(ctx: BaseAudioContext): AudioBuffer {
  if (noiseCache?.ctx === ctx) return noiseCache.buffer;
  const buffer = ctx.createBuffer(1, ctx.sampleRate * 2, ctx.sampleRate);
  const d = buffer.getChannelData(0);
  for (let i = 0; i < d.length; i++) d[i] = Math.random() * 2 - 1;
  noiseCache = { ctx, buffer };
  return buffer;
}

const FADE_IN_S = 1.5;
const FADE_OUT_S = 1;

/** Starts a preset into `out`, fading in; stop() fades it out and frees its nodes. */
export function ambienceStarter(preset: AmbiencePreset): LayerStarter {
  return (ctx: AudioContext, out: AudioNode): Layer => {
    const t0 = ctx.currentTime;
    const bus = ctx.createGain();
    bus.gain.setValueAtTime(0, t0);
    bus.gain.linearRampToValueAtTime(1, t0 + FADE_IN_S);
    bus.connect(out);
    const sources: AudioScheduledSourceNode[] = [];
    for (const bed of preset.beds) {
      const src = ctx.createBufferSource();
      src.buffer = noise(ctx);
      src.loop = true;
      const f = ctx.createBiquadFilter();
      f.type = bed.filter;
      f.frequency.value = bed.hz;
      if (bed.q) f.Q.value = bed.q;
      const g = ctx.createGain();
      g.gain.value = bed.gain;
      src.connect(f).connect(g).connect(bus);
      if (bed.swellS) {
        const lfo = ctx.createOscillator();
        lfo.frequency.value = 1 / bed.swellS;
        const depth = ctx.createGain();
        depth.gain.value = bed.gain * 0.5;
        lfo.connect(depth).connect(g.gain);
        lfo.start();
        sources.push(lfo);
      }
      // each bed from its own point of the loop: two beds are not one noise twice
      src.start(t0, Math.random() * 2);
      sources.push(src);
    }
    if (preset.hum.gain > 0) {
      const hum = ctx.createOscillator();
      hum.type = 'sawtooth';
      hum.frequency.value = preset.hum.hz;
      const f = ctx.createBiquadFilter();
      f.type = 'lowpass';
      f.frequency.value = preset.hum.hz * 3;
      const g = ctx.createGain();
      g.gain.value = preset.hum.gain;
      hum.connect(f).connect(g).connect(bus);
      hum.start();
      sources.push(hum);
    }
    let timer: ReturnType<typeof setTimeout> | null = null;
    const next = () => {
      if (preset.shots.length === 0) return;
      const shot = preset.shots[Math.floor(Math.random() * preset.shots.length)]!;
      timer = setTimeout(
        () => {
          oneShot(ctx, bus, shot);
          next();
        },
        shot.everyS * (0.5 + Math.random()) * 1000,
      );
    };
    next();
    return {
      stop() {
        if (timer) clearTimeout(timer);
        const t = ctx.currentTime;
        bus.gain.cancelScheduledValues(t);
        bus.gain.setValueAtTime(bus.gain.value, t);
        bus.gain.linearRampToValueAtTime(0, t + FADE_OUT_S);
        for (const s of sources) s.stop(t + FADE_OUT_S);
        setTimeout(() => bus.disconnect(), (FADE_OUT_S + 0.1) * 1000);
      },
    };
  };
}

/** A far-off event: an oscillator or noise swept and faded, then gone. */
function oneShot(ctx: AudioContext, out: AudioNode, shot: OneShot) {
  const t = ctx.currentTime;
  const g = ctx.createGain();
  g.connect(out);
  const pan = ctx.createStereoPanner();
  pan.pan.value = Math.random() * 1.6 - 0.8;
  pan.connect(g);
  let src: AudioScheduledSourceNode;
  let len: number;
  if (shot.kind === 'whoosh') {
    const n = ctx.createBufferSource();
    n.buffer = noise(ctx);
    const f = ctx.createBiquadFilter();
    f.type = 'bandpass';
    f.frequency.setValueAtTime(300, t);
    f.frequency.exponentialRampToValueAtTime(2400, t + 2.5);
    n.connect(f).connect(pan);
    src = n;
    len = 4;
  } else {
    const o = ctx.createOscillator();
    if (shot.kind === 'siren') {
      o.type = 'triangle';
      len = 6;
      for (let i = 0; i < 6; i++) o.frequency.setValueAtTime(i % 2 ? 640 : 880, t + i);
    } else if (shot.kind === 'chime') {
      len = 2.5;
      const notes = [523, 587, 659, 784, 880];
      o.frequency.value = notes[Math.floor(Math.random() * notes.length)]!;
    } else {
      len = 0.4;
      o.frequency.setValueAtTime(1400, t);
      o.frequency.exponentialRampToValueAtTime(500, t + 0.15);
    }
    o.connect(pan);
    src = o;
  }
  g.gain.setValueAtTime(0, t);
  g.gain.linearRampToValueAtTime(shot.gain, t + Math.min(0.8, len / 4));
  g.gain.linearRampToValueAtTime(0, t + len);
  src.start(t);
  src.stop(t + len);
  src.onended = () => g.disconnect();
}
