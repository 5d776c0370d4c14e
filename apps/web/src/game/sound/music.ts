/**
 * Optional music (its own channel, 30 % by default, 0 for a reduced-motion browser):
 * a slow synthwave loop made in the browser — a minor progression on a detuned pad,
 * an arpeggio over it — scheduled a bar ahead on the audio clock. No recordings.
 */
import type { Layer } from './audio-engine';

/** A minor: i – VI – III – VII, each chord as semitones above A2 */
const CHORDS = [
  [0, 3, 7],
  [-4, 0, 3],
  [3, 7, 10],
  [-2, 2, 5],
] as const;
const ROOT_HZ = 110;
const BAR_S = 4;
const STEPS = 8;
const hz = (semi: number) => ROOT_HZ * 2 ** (semi / 12);

export function startMusic(ctx: AudioContext, out: AudioNode): Layer {
  const bus = ctx.createGain();
  bus.gain.value = 0.5;
  const tone = ctx.createBiquadFilter();
  tone.type = 'lowpass';
  tone.frequency.value = 1400;
  tone.connect(bus).connect(out);
  let bar = 0;
  let nextAt = ctx.currentTime + 0.1;
  const voices = new Set<OscillatorNode>();

  const note = (f: number, type: OscillatorType, at: number, len: number, level: number) => {
    const o = ctx.createOscillator();
    o.type = type;
    o.frequency.value = f;
    const g = ctx.createGain();
    g.gain.setValueAtTime(0, at);
    g.gain.linearRampToValueAtTime(level, at + Math.min(0.6, len / 3));
    g.gain.linearRampToValueAtTime(0, at + len);
    o.connect(g).connect(tone);
    o.start(at);
    o.stop(at + len + 0.05);
    voices.add(o);
    o.onended = () => {
      voices.delete(o);
      g.disconnect();
    };
  };

  const scheduleBar = (at: number) => {
    const chord = CHORDS[bar % CHORDS.length]!;
    // the pad: each chord tone twice, a few cents apart
    for (const semi of chord)
      for (const detune of [-0.08, 0.08]) note(hz(semi + detune), 'sawtooth', at, BAR_S, 0.035);
    // the arpeggio, an octave up
    for (let i = 0; i < STEPS; i++) {
      const semi = chord[i % chord.length]! + 12 + (i >= STEPS / 2 ? 12 : 0);
      note(hz(semi), 'triangle', at + (i * BAR_S) / STEPS, BAR_S / STEPS, 0.05);
    }
    bar++;
  };

  // a bar ahead, always: a busy main thread does not make the music stutter
  const tick = () => {
    while (nextAt < ctx.currentTime + BAR_S) {
      scheduleBar(nextAt);
      nextAt += BAR_S;
    }
  };
  tick();
  const timer = setInterval(tick, 1000);
  return {
    stop() {
      clearInterval(timer);
      const t = ctx.currentTime;
      bus.gain.setValueAtTime(bus.gain.value, t);
      bus.gain.linearRampToValueAtTime(0, t + 1);
      for (const o of voices) o.stop(t + 1);
      setTimeout(() => bus.disconnect(), 1200);
    },
  };
}
