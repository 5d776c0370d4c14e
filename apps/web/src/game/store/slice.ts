/**
 * How a feature adds its part to the game store (zustand's slices pattern): a function
 * of `set` and `get` that returns the feature's initial state and its actions. A slice
 * reads and writes only its own keys, so it needs nothing of the rest of the store;
 * game-store.ts composes them, one line per feature.
 */
export type Slice<T> = (set: (partial: Partial<T>) => void, get: () => T) => T;
