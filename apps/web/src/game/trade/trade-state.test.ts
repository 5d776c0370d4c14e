import { describe, expect, it } from 'vitest';
import type { TradeView } from '@necp/shared';
import {
  addRequest,
  applyTradeUpdate,
  initialTradeState,
  offerWithDropped,
  openRequests,
  sides,
  tradeEndText,
} from './trade-state';

const side = (characterId: string, name: string) => ({
  characterId,
  name,
  eddies: 0,
  accepted: false,
  items: [],
});
const view = (o: Partial<TradeView> = {}): TradeView => ({
  id: 't1',
  state: 'open',
  version: 1,
  me: 'b',
  a: side('ca', 'Kira'),
  b: side('cb', 'Jun'),
  acceptableAt: 0,
  expiresAt: 0,
  closedAt: null,
  closeReason: null,
  ...o,
});

describe('trade state', () => {
  it('a request shows until answered or lapsed; the trade opening answers it', () => {
    let s = addRequest(initialTradeState(), {
      tradeId: 't1',
      from: { characterId: 'ca', name: 'Kira' },
      expiresAt: 1000,
    });
    expect(openRequests(s, 999)).toHaveLength(1);
    expect(openRequests(s, 1000)).toHaveLength(0);
    s = applyTradeUpdate(s, view());
    expect(s.requests).toEqual([]);
    expect(s.trade?.id).toBe('t1');
  });

  it('follows newer versions only, and closes the window when the trade ends', () => {
    let s = applyTradeUpdate(initialTradeState(), view({ version: 3 }));
    s = applyTradeUpdate(s, view({ version: 2 }));
    expect(s.trade?.version).toBe(3);
    s = applyTradeUpdate(s, view({ version: 4, state: 'completed', closeReason: 'completed' }));
    expect(s.trade).toBeNull();
    // another trade's end does not close this one
    s = applyTradeUpdate(s, view({ id: 't2' }));
    s = applyTradeUpdate(s, view({ id: 't9', state: 'cancelled', closeReason: 'idle' }));
    expect(s.trade?.id).toBe('t2');
  });

  it('says how it ended, naming the other trader; knows which side is yours', () => {
    expect(tradeEndText(view({ state: 'completed', closeReason: 'completed' }))).toEqual({
      kind: 'success',
      text: 'Trade with Kira complete.',
    });
    expect(
      tradeEndText(view({ me: 'a', state: 'cancelled', closeReason: 'out_of_range' })),
    ).toEqual({ kind: 'warn', text: 'The trade with Jun ended: you moved too far apart.' });
    expect(tradeEndText(view())).toBeNull();
    expect(sides(view()).mine.name).toBe('Jun');
  });
});

describe('dragging a stack onto your offer', () => {
  const bag = (itemId: string) => ({ itemId, from: { container: 'bag' } });
  it('adds a bag stack once, while a slot is free; nothing from elsewhere', () => {
    expect(offerWithDropped([], bag('a'), 6)).toEqual(['a']);
    expect(offerWithDropped(['a'], bag('b'), 6)).toEqual(['a', 'b']);
    expect(offerWithDropped(['a'], bag('a'), 6)).toBeNull();
    expect(offerWithDropped(['a', 'b'], bag('c'), 2)).toBeNull();
    expect(offerWithDropped([], { itemId: 'x', from: { container: 'equipment' } }, 6)).toBeNull();
    expect(offerWithDropped([], { itemId: 'x', from: { container: 'bank' } }, 6)).toBeNull();
  });
});
