import { describe, expect, it, vi } from 'vitest';
import { FakeClock, createLog } from '@necp/game';
import { BadPayloadGuard } from '../net/bad-payload-guard';
import {
  INTERNAL_REFUSAL,
  NOT_IN_ZONE,
  SLOW_DOWN,
  SimRefusal,
  YOU_ARE_DEAD,
  ZONE_BUSY,
} from '../net/refusals';
import type { CommandContext } from './command';
import { combatHandlers } from './combat';
import { zoneHandlers } from './zone';

/** A socket's context whose zone answers every command with `answer` (or fails with `err`). */
function ctx(answer: unknown, err: unknown = null, fightsLeft = true) {
  const clock = new FakeClock();
  const log = createLog('t', 'silent');
  const logged = vi.spyOn(log, 'error');
  const submitted: unknown[] = [];
  const zone = {
    submit: (cmd: unknown, _conn: unknown, settle: (e: unknown, r?: unknown) => void) => {
      submitted.push(cmd);
      settle(err, answer);
    },
  };
  const session = { characterId: 'c', conn: {}, zone, guard: new BadPayloadGuard(clock, 9, 1000) };
  const c = { session, clock, log, fights: { take: () => fightsLeft } };
  return { ctx: c as unknown as CommandContext, submitted, logged };
}

const move = { seq: 1, dx: 1, dy: 0, ms: 50 };

describe('zone commands: one mapping of the zone answer to the ack', () => {
  it('acks the granted answer as the handler shapes it', () => {
    const ack = vi.fn();
    const k = ctx({ ok: true, castMs: 1500 });
    combatHandlers['combat:use'](k.ctx, { ability: 'medtech_trauma_surge' }, ack);
    expect(k.submitted).toEqual([
      { k: 'use', characterId: 'c', use: { ability: 'medtech_trauma_surge' } },
    ]);
    expect(ack).toHaveBeenCalledWith({
      ok: true,
      data: { ability: 'medtech_trauma_surge', castMs: 1500 },
    });
  });

  it("acks the zone's refusal, and a combat code with its text", () => {
    const ack = vi.fn();
    zoneHandlers['zone:move'](ctx({ ok: false, refusal: NOT_IN_ZONE }).ctx, move, ack);
    combatHandlers['combat:use'](ctx({ ok: false, refusal: 'DEAD' }).ctx, { ability: 'x' }, ack);
    expect(ack.mock.calls).toEqual([
      [{ ok: false, error: NOT_IN_ZONE }],
      [{ ok: false, error: YOU_ARE_DEAD }],
    ]);
  });

  it('maps an error applying the command as toAckError does', () => {
    const ack = vi.fn();
    zoneHandlers['zone:move'](ctx(undefined, new SimRefusal(ZONE_BUSY)).ctx, move, ack);
    combatHandlers['combat:cancel'](ctx(undefined, new Error('boom')).ctx, {}, ack);
    expect(ack.mock.calls).toEqual([
      [{ ok: false, error: ZONE_BUSY }],
      [{ ok: false, error: INTERNAL_REFUSAL }],
    ]);
  });

  it('treats a missing answer (undefined or null) as a zone bug: logged, INTERNAL', () => {
    for (const answer of [undefined, null]) {
      for (const send of [
        (c: CommandContext, ack: unknown) => zoneHandlers['zone:move'](c, move, ack),
        (c: CommandContext, ack: unknown) => combatHandlers['combat:use'](c, { ability: 'x' }, ack),
        (c: CommandContext, ack: unknown) => combatHandlers['combat:cancel'](c, {}, ack),
        (c: CommandContext, ack: unknown) => combatHandlers['combat:respawn'](c, {}, ack),
      ]) {
        const ack = vi.fn();
        const k = ctx(answer);
        send(k.ctx, ack);
        expect(ack).toHaveBeenCalledWith({ ok: false, error: INTERNAL_REFUSAL });
        expect(k.logged).toHaveBeenCalledOnce();
      }
    }
  });

  it('acks cancel whether or not a cast stopped; spends the combat window, not the zone', () => {
    const ack = vi.fn();
    combatHandlers['combat:cancel'](ctx(false).ctx, {}, ack);
    const spent = ctx(true, null, false);
    combatHandlers['combat:cancel'](spent.ctx, {}, ack);
    expect(ack.mock.calls).toEqual([
      [{ ok: true, data: undefined }],
      [{ ok: false, error: SLOW_DOWN }],
    ]);
    expect(spent.submitted).toEqual([]);
  });
});
