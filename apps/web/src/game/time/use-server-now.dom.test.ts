// @vitest-environment happy-dom
/**
 * useServerNow in a real React tree (happy-dom): a panel's countdown to a server time
 * reads the server's clock, ticks, and follows a new offset at its next render.
 */
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countdown } from '../quests/format';
import { setServerClockOffset } from './server-clock';
import { useLocalNow, useServerNow } from './use-server-now';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const SERVER = Date.UTC(2026, 11, 1, 12, 0, 0);
/** this browser's clock is 3 minutes fast */
const SKEW = 180_000;

function Timer({ to }: { to: number }) {
  const server = useServerNow(1000);
  const local = useLocalNow(1000);
  return createElement('p', null, `${countdown(to, server)} | ${countdown(to, local)}`);
}

describe('useServerNow', () => {
  let root: Root;
  let host: HTMLElement;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
    vi.setSystemTime(SERVER + SKEW);
    host = document.createElement('div');
    root = createRoot(host);
  });
  afterEach(() => {
    act(() => root.unmount());
    setServerClockOffset(0);
    vi.useRealTimers();
  });

  it('counts down to a server time on the server clock, each second', () => {
    setServerClockOffset(-SKEW);
    act(() => root.render(createElement(Timer, { to: SERVER + 5 * 60_000 })));
    // the local clock alone reads 2 minutes left of 5
    expect(host.textContent).toBe('5:00 | 2:00');
    act(() => vi.advanceTimersByTime(1_000));
    expect(host.textContent).toBe('4:59 | 1:59');
  });

  it('follows a new measure of the offset at its next tick', () => {
    act(() => root.render(createElement(Timer, { to: SERVER + 5 * 60_000 })));
    expect(host.textContent).toBe('2:00 | 2:00');
    setServerClockOffset(-SKEW);
    act(() => vi.advanceTimersByTime(1_000));
    expect(host.textContent).toBe('4:59 | 1:59');
  });
});
