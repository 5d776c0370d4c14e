/** The part of ZzFX (zzfx 1.3, no types of its own) the sound engine uses. */
declare module 'zzfx' {
  export const ZZFX: {
    sampleRate: number;
    /** created when the module loads: import it only after a user gesture */
    audioContext: AudioContext;
    /** one sound's samples (mono, at sampleRate) from its parameter list */
    buildSamples(...params: number[]): number[];
  };
}
