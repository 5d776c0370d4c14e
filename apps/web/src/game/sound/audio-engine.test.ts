import { describe, expect, it, vi } from 'vitest';
import { AudioEngine, type Synth } from './audio-engine';
import { defaultSoundSettings, type SoundSettings } from './sound-settings';

/** A Web Audio context with just what the engine touches, recording what it was asked. */
function fakeContext() {
  const param = (v = 1) => ({
    value: v,
    setTargetAtTime(x: number) {
      this.value = x;
    },
  });
  const node = () => ({
    connect(to: unknown) {
      return to;
    },
    disconnect() {},
  });
  const started: unknown[] = [];
  const ctx = {
    state: 'suspended' as string,
    currentTime: 0,
    destination: node(),
    resume: vi.fn(async () => {
      ctx.state = 'running';
    }),
    suspend: vi.fn(async () => {
      ctx.state = 'suspended';
    }),
    createGain: () => ({ ...node(), gain: param() }),
    createStereoPanner: () => ({ ...node(), pan: param(0) }),
    createBuffer: (_ch: number, length: number) => {
      const data = new Float32Array(length);
      return { length, getChannelData: () => data };
    },
    createBufferSource() {
      const src = {
        ...node(),
        buffer: null as unknown,
        playbackRate: param(),
        onended: null as null | (() => void),
        start: () => started.push(src),
      };
      return src;
    },
  };
  return { ctx, started };
}

function engineWith(settings: SoundSettings = defaultSoundSettings(false), now = { t: 0 }) {
  const { ctx, started } = fakeContext();
  const load = vi.fn(async (): Promise<Synth> => ({
    ctx: ctx as unknown as AudioContext,
    sampleRate: 44100,
    build: () => [0.1, -0.1, 0.05],
  }));
  const save = vi.fn();
  const engine = new AudioEngine({ load, settings, save, now: () => now.t });
  return { engine, ctx, started, load, save, now };
}

describe('the mixer', () => {
  it('makes no context and plays nothing before the first gesture', async () => {
    const { engine, load, started } = engineWith();
    engine.play('hit');
    engine.setAmbience('watson', () => ({ stop() {} }));
    expect(load).not.toHaveBeenCalled();
    expect(started).toHaveLength(0);
    expect(engine.played).toEqual([]);
    await engine.unlock();
    await engine.unlock();
    expect(load).toHaveBeenCalledTimes(1);
    expect(engine.state).toEqual({ unlocked: true, context: 'running' });
    engine.play('hit');
    expect(started).toHaveLength(1);
    expect(engine.played).toEqual(['hit']);
  });

  it('starts the district’s ambience at unlock, and does not restart it for the same district', async () => {
    const { engine } = engineWith();
    const starts: string[] = [];
    const stops: string[] = [];
    const layer = (k: string) => () => {
      starts.push(k);
      return { stop: () => stops.push(k) };
    };
    engine.setAmbience('watson', layer('watson'));
    expect(starts).toEqual([]);
    await engine.unlock();
    expect(starts).toEqual(['watson']);
    engine.setAmbience('watson', layer('watson'));
    engine.setAmbience('westbrook', layer('westbrook'));
    expect(starts).toEqual(['watson', 'westbrook']);
    expect(stops).toEqual(['watson']);
    engine.stopLayers();
    expect(stops).toEqual(['watson', 'westbrook']);
  });

  it('runs a background only while it can be heard, and the context only while anything can', async () => {
    const { engine, ctx } = engineWith({ ...defaultSoundSettings(false), ambience: 0 });
    const starts: string[] = [];
    const stops: string[] = [];
    const rain = () => {
      starts.push('rain');
      return { stop: () => stops.push('rain') };
    };
    engine.setAmbience('watson', rain);
    await engine.unlock();
    expect(starts).toEqual([]);
    engine.update({ ambience: 0.4 });
    expect(starts).toEqual(['rain']);
    engine.update({ muted: true });
    expect(stops).toEqual(['rain']);
    await Promise.resolve();
    expect(ctx.state).toBe('suspended');
    engine.update({ muted: false });
    expect(starts).toEqual(['rain', 'rain']);
    await Promise.resolve();
    expect(ctx.state).toBe('running');
  });

  it('spaces repeats of one sound and caps the voices', async () => {
    const now = { t: 1000 };
    const { engine, started } = engineWith(defaultSoundSettings(false), now);
    await engine.unlock();
    engine.play('hit');
    engine.play('hit'); // same instant: dropped
    now.t += 100;
    engine.play('hit');
    expect(started).toHaveLength(2);
    for (let i = 0; i < 60; i++) {
      now.t += 1000;
      engine.play('crit');
    }
    expect(started.length).toBeLessThanOrEqual(24);
  });

  it('follows the settings: muted or at zero, nothing starts; every change is saved', async () => {
    const { engine, started, save } = engineWith();
    await engine.unlock();
    engine.update({ muted: true });
    engine.play('hit');
    engine.update({ muted: false, effects: 0 });
    engine.play('crit');
    expect(started).toHaveLength(0);
    engine.update({ effects: 0.5 });
    engine.play('ui_open');
    expect(started).toHaveLength(1);
    expect(save).toHaveBeenCalledTimes(3);
    expect(save.mock.lastCall![0]).toMatchObject({ muted: false, effects: 0.5 });
    expect(engine.getSettings().effects).toBe(0.5);
  });
});
