/**
 * Trade over the sim socket (trade:request / answer / offer / accept / cancel) and its
 * pushes (trade:requested, trade:update): the store follows every view the sim sends,
 * the player hears refusals and how a trade ended as toasts (or chat lines, for /trade).
 */
import { TradeViewSchema, type TradeView } from '@necp/shared';
import type { GameStore } from '../store/game-store';
import { sendCommand } from '../net/ack';
import type { Pushes } from '../net/push-receiver';
import type { SimSocket } from '../net/sim-socket';
import type { SocketFeature } from '../net/socket-feature';
import { tradeEndText } from './trade-state';

type TradeEvent =
  'trade:request' | 'trade:answer' | 'trade:offer' | 'trade:accept' | 'trade:cancel';
type Say = (kind: 'info' | 'warn' | 'success', text: string) => void;

export class TradeCommands implements SocketFeature {
  constructor(
    private deps: {
      socket: () => SimSocket | null;
      store: GameStore;
      /** the bag and eddies changed (a trade completed): the inventory is read again */
      onInventoryChanged?: () => void;
    },
  ) {}

  private get store() {
    return this.deps.store.getState();
  }

  readonly toast: Say = (kind, text) => this.store.toast(kind, text);
  readonly chatLine: Say = (kind, text) =>
    this.store.chatNotice(kind === 'warn' ? 'error' : 'info', text);

  wire(pushes: Pushes): void {
    // stamped in server time: the request and the window count down on the server clock (time/)
    pushes.on('trade:requested', (msg) => this.store.tradeRequested(msg));
    pushes.on('trade:update', (msg) => this.apply(msg));
  }

  /** A view (pushed or acked): the store follows, an end is told once. */
  private apply(v: TradeView): void {
    const before = this.store.trade.trade;
    this.store.tradeUpdate(v);
    const ended = tradeEndText(v);
    if (!ended || before?.id !== v.id) return;
    this.toast(ended.kind, ended.text);
    if (v.state === 'completed') this.deps.onInventoryChanged?.();
  }

  private async call(event: TradeEvent, payload: object, say: Say): Promise<TradeView | null> {
    const res = await sendCommand<TradeView>(this.deps.socket(), event, payload);
    if (!res.ok) {
      say('warn', res.error.message);
      return null;
    }
    // the ack is the view too (read with the push's schema)
    const view = TradeViewSchema.safeParse(res.data);
    if (view.success) this.apply(view.data);
    return res.data;
  }

  async request(name: string, say: Say = this.toast): Promise<boolean> {
    const v = await this.call('trade:request', { name }, say);
    if (v) say('info', `You asked ${v.b.name} to trade.`);
    return v !== null;
  }

  async answer(tradeId: string, accept: boolean): Promise<boolean> {
    this.store.tradeRequestDone(tradeId);
    return (await this.call('trade:answer', { tradeId, accept }, this.toast)) !== null;
  }

  async offer(tradeId: string, items: string[], eddies: number): Promise<boolean> {
    return (await this.call('trade:offer', { tradeId, items, eddies }, this.toast)) !== null;
  }

  async accept(tradeId: string, version: number): Promise<boolean> {
    return (await this.call('trade:accept', { tradeId, version }, this.toast)) !== null;
  }

  async cancel(tradeId: string): Promise<boolean> {
    return (await this.call('trade:cancel', { tradeId }, this.toast)) !== null;
  }
}
