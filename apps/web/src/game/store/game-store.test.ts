import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createGameStore } from './game-store';

describe('toasts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('a toast waiting hidden keeps its time: dismissal counts from when it is shown', () => {
    const store = createGameStore();
    store.getState().toast('info', 'Picked up');
    const [t] = store.getState().toasts;
    // no room on screen for a minute: it is still there to be seen
    vi.advanceTimersByTime(60_000);
    expect(store.getState().toasts.map((x) => x.id)).toEqual([t!.id]);

    store.getState().toastShown(t!.id);
    store.getState().toastShown(t!.id); // shown again after a re-layout: one timer
    vi.advanceTimersByTime(4999);
    expect(store.getState().toasts).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(store.getState().toasts).toHaveLength(0);
  });

  it('each toast gets its own time from its own showing', () => {
    const store = createGameStore();
    store.getState().toast('info', 'first');
    store.getState().toast('info', 'second');
    const [a, b] = store.getState().toasts;
    store.getState().toastShown(a!.id);
    vi.advanceTimersByTime(3000);
    store.getState().toastShown(b!.id);
    vi.advanceTimersByTime(2000);
    expect(store.getState().toasts.map((x) => x.text)).toEqual(['second']);
    vi.advanceTimersByTime(3000);
    expect(store.getState().toasts).toHaveLength(0);
    // a dismissed toast cannot be shown (and timed) again
    store.getState().toastShown(a!.id);
    expect(vi.getTimerCount()).toBe(0);
  });
});
