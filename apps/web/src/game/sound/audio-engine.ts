/**
 * The game's mixer: effects, ambience and music, each through its own gain into a
 * master gain. Silent and without an AudioContext until the player's first gesture
 * (browsers' autoplay rules, and nothing should play before the player acts): `unlock`
 * loads the synthesiser then — ZzFX makes its AudioContext when its module loads, so it
 * is imported only at that moment. Effects are synthesised once each and cached.
 */
import { SOUNDS, type SoundId } from './sound-bank';
import { saveSoundSettings, type SoundSettings } from './sound-settings';

/** What unlocking gives the engine: a context and ZzFX's sample builder. */
export interface Synth {
  ctx: AudioContext;
  sampleRate: number;
  build(params: readonly number[]): ArrayLike<number>;
}

/** a steady background on the ambience or music channel (ambience.ts, music.ts) */
export interface Layer {
  stop(): void;
}
export type LayerStarter = (ctx: AudioContext, out: AudioNode) => Layer;

export interface PlayOptions {
  /** 0–1 on top of the channel (distance) */
  volume?: number;
  /** −1 left … 1 right */
  pan?: number;
}

/** voices at once; beyond it new effects are dropped (a brawl is not a wall of noise) */
const MAX_VOICES = 24;
/** how many played sounds the test hook can read */
const PLAYED_KEEP = 40;
const FADE_S = 0.08;

interface Graph {
  synth: Synth;
  master: GainNode;
  effects: GainNode;
  ambience: GainNode;
  music: GainNode;
}

export class AudioEngine {
  private graph: Graph | null = null;
  private unlocking: Promise<void> | null = null;
  private readonly buffers = new Map<SoundId, AudioBuffer>();
  private readonly lastStart = new Map<SoundId, number>();
  private voices = 0;
  private settings: SoundSettings;
  private readonly listeners = new Set<() => void>();
  private ambienceLayer: { key: string; start: LayerStarter; layer: Layer | null } | null = null;
  private musicLayer: Layer | null = null;
  /** the sounds started, newest last (read by the e2e test hook) */
  readonly played: SoundId[] = [];

  constructor(
    private readonly o: {
      load: () => Promise<Synth>;
      settings: SoundSettings;
      /** music for the music channel (none: silence there) */
      music?: LayerStarter;
      now?: () => number;
      save?: (s: SoundSettings) => void;
    },
  ) {
    this.settings = o.settings;
  }

  get unlocked(): boolean {
    return this.graph !== null;
  }

  get state(): { unlocked: boolean; context: string | null } {
    return { unlocked: this.unlocked, context: this.graph?.synth.ctx.state ?? null };
  }

  getSettings(): SoundSettings {
    return this.settings;
  }

  /** The first user gesture: builds the mixer and starts the backgrounds (once). */
  unlock(): Promise<void> {
    this.unlocking ??= this.o.load().then(async (synth) => {
      const { ctx } = synth;
      const gain = (to: AudioNode) => {
        const g = ctx.createGain();
        g.connect(to);
        return g;
      };
      const master = gain(ctx.destination);
      this.graph = {
        synth,
        master,
        effects: gain(master),
        ambience: gain(master),
        music: gain(master),
      };
      this.applyGains(true);
      if (this.audible('effects') && ctx.state === 'suspended')
        await ctx.resume().catch(() => undefined);
      this.syncLayers();
      this.emit();
    });
    return this.unlocking;
  }

  /** Plays an effect now, unless not unlocked, too soon after the same one, or too many play. */
  play(id: SoundId, opts: PlayOptions = {}) {
    const g = this.graph;
    if (!g || this.settings.muted || this.settings.master === 0 || this.settings.effects === 0)
      return;
    const def = SOUNDS[id];
    const now = this.o.now?.() ?? performance.now();
    if (now - (this.lastStart.get(id) ?? -Infinity) < def.minGapMs) return;
    if (this.voices >= MAX_VOICES) return;
    this.lastStart.set(id, now);
    const { ctx } = g.synth;
    const src = ctx.createBufferSource();
    src.buffer = this.buffer(id, g.synth);
    // the same sample a touch higher or lower each time: ten shots are not one shot ten times
    src.playbackRate.value = 0.94 + Math.random() * 0.12;
    const level = ctx.createGain();
    level.gain.value = Math.max(0, Math.min(1, opts.volume ?? 1));
    const pan = ctx.createStereoPanner();
    pan.pan.value = Math.max(-1, Math.min(1, opts.pan ?? 0));
    src.connect(level).connect(pan).connect(g.effects);
    this.voices++;
    src.onended = () => {
      this.voices--;
      src.disconnect();
      pan.disconnect();
    };
    src.start();
    this.played.push(id);
    if (this.played.length > PLAYED_KEEP) this.played.shift();
  }

  /** The district's ambience (a key per district: the same key keeps the running one). */
  setAmbience(key: string, start: LayerStarter) {
    if (this.ambienceLayer?.key === key) return;
    this.ambienceLayer?.layer?.stop();
    this.ambienceLayer = { key, start, layer: null };
    this.syncLayers();
  }

  /** Whether a channel can be heard now (a silent one runs no nodes). */
  private audible(channel: 'effects' | 'ambience' | 'music'): boolean {
    const s = this.settings;
    return !s.muted && s.master > 0 && s[channel] > 0;
  }

  /**
   * The backgrounds run only while they can be heard, and the context only while
   * anything can: a muted game costs no audio thread (a laptop's battery, a test
   * machine's CPU).
   */
  private syncLayers() {
    const g = this.graph;
    if (!g) return;
    const { ctx } = g.synth;
    const amb = this.ambienceLayer;
    if (amb && !amb.layer && this.audible('ambience')) amb.layer = amb.start(ctx, g.ambience);
    if (amb?.layer && !this.audible('ambience')) {
      amb.layer.stop();
      amb.layer = null;
    }
    if (this.o.music && !this.musicLayer && this.audible('music'))
      this.musicLayer = this.o.music(ctx, g.music);
    if (this.musicLayer && !this.audible('music')) {
      this.musicLayer.stop();
      this.musicLayer = null;
    }
    const any = this.audible('effects') || this.audible('ambience') || this.audible('music');
    if (any && ctx.state === 'suspended') void ctx.resume().catch(() => undefined);
    else if (!any && ctx.state === 'running') void ctx.suspend().catch(() => undefined);
  }

  get ambienceKey(): string | null {
    return this.ambienceLayer?.key ?? null;
  }

  update(patch: Partial<SoundSettings>) {
    this.settings = { ...this.settings, ...patch };
    (this.o.save ?? saveSoundSettings)(this.settings);
    this.applyGains(false);
    this.syncLayers();
    this.emit();
  }

  subscribe(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Stops the backgrounds (the game view unmounts); the context stays for the next one. */
  stopLayers() {
    this.ambienceLayer?.layer?.stop();
    this.ambienceLayer = null;
    this.musicLayer?.stop();
    this.musicLayer = null;
  }

  /** The channels' gains from the settings; eased, so a slider does not click. */
  private applyGains(at: boolean) {
    const g = this.graph;
    if (!g) return;
    const s = this.settings;
    const t = g.synth.ctx.currentTime;
    const set = (node: GainNode, v: number) => {
      if (at) node.gain.value = v;
      else node.gain.setTargetAtTime(v, t, FADE_S / 3);
    };
    set(g.master, s.muted ? 0 : s.master);
    set(g.effects, s.effects);
    set(g.ambience, s.ambience);
    set(g.music, s.music);
  }

  private buffer(id: SoundId, synth: Synth): AudioBuffer {
    let b = this.buffers.get(id);
    if (!b) {
      const samples = synth.build(SOUNDS[id].zzfx);
      b = synth.ctx.createBuffer(1, Math.max(1, samples.length), synth.sampleRate);
      b.getChannelData(0).set(Array.from(samples));
      this.buffers.set(id, b);
    }
    return b;
  }

  private emit() {
    for (const fn of this.listeners) fn();
  }
}
