// @vitest-environment happy-dom
/** The fatal overlay offers what can help: a reload for a page older than the server, a retry where trying again can work. */
import { act, createElement } from 'react';
import { describe, expect, it } from 'vitest';
import type { FatalError } from '../net/connection-slice';
import { OUT_OF_DATE } from '../net/errors';
import { createGameStore } from '../store/game-store';
import { FatalOverlay } from './fatal-overlay';
import { GameSessionContext, type GameSession } from './game-session';
import { GameStoreContext } from './store-context';
import { reactRootPerTest } from '../testing/react-root';

describe('the fatal overlay', () => {
  const t = reactRootPerTest();

  async function render(fatal: FatalError) {
    const store = createGameStore();
    store.getState().connectionFailed(fatal);
    const session = {
      characterId: 'c1',
      commands: { reconnect: () => {} },
    } as unknown as GameSession;
    await act(async () =>
      t.root.render(
        createElement(
          GameStoreContext.Provider,
          { value: store },
          createElement(
            GameSessionContext.Provider,
            { value: session },
            createElement(FatalOverlay),
          ),
        ),
      ),
    );
    const buttons = [...t.host.querySelectorAll('button')].map((b) => b.textContent);
    return { message: t.host.querySelector('[data-testid="fatal-message"]')?.textContent, buttons };
  }

  it('offers Reload, not Try again, when the page is out of date with the server', async () => {
    const r = await render(OUT_OF_DATE);
    expect(r.message).toBe(OUT_OF_DATE.message);
    expect(r.buttons).toEqual(['Reload']);
  });

  it('offers Try again, not Reload, where trying again can help', async () => {
    const r = await render({ title: 'Lost', message: 'The city did not answer.', retry: true });
    expect(r.buttons).toEqual(['Try again']);
  });
});
