/**
 * A React root in a happy-dom test: a host element in the document and a root on it,
 * made before each test and unmounted and removed after it, with React's act()
 * environment switched on (without it act() warns on every update).
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The current test's root and host (read them inside a test, not at registration). */
export function reactRootPerTest(): { readonly root: Root; readonly host: HTMLElement } {
  let root: Root | undefined;
  let host: HTMLElement | undefined;
  beforeEach(() => {
    host = document.body.appendChild(document.createElement('div'));
    root = createRoot(host);
  });
  afterEach(async () => {
    await act(async () => root?.unmount());
    host?.remove();
  });
  return {
    get root() {
      if (!root) throw new Error('reactRootPerTest: read inside a test');
      return root;
    },
    get host() {
      if (!host) throw new Error('reactRootPerTest: read inside a test');
      return host;
    },
  };
}
