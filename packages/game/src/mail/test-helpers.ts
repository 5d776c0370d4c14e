/**
 * Test-only helpers for the mail tests (not exported from the package): characters
 * at Watson's mail terminal, what they hold, their inbox, and a mail sent and arrived.
 */
import { uniq } from '@necp/db/testing';
import type { Db } from '@necp/db';
import { MAIL_DELIVERY_DELAY_MS, zoneById } from '@necp/shared';
import { DomainError } from '../core/errors';
import { testDeps, type TestDeps } from '../accounts/test-deps';
import { newPlayer, type Player } from '../inventory/test-helpers';
import { recordCurrency } from '../ledger/record-currency';
import { listMail } from './read-mail';
import { sendMail } from './send-mail';

export const DAY = 86_400_000;

/** Next to Watson's mail terminal. */
export const TERMINAL = zoneById('watson')!.spawnPoints.find((p) => p.kind === 'mail_terminal')!;
const AT_MAIL = { zoneId: 'watson', x: TERMINAL.x + 1, y: TERMINAL.y + 1 };

export interface Char extends Player {
  name: string;
}

/** Runs all at once; how many succeeded (anything but a DomainError fails the test). */
export async function race(ops: (() => Promise<unknown>)[]): Promise<number> {
  const results = await Promise.allSettled(ops.map((op) => op()));
  for (const r of results)
    if (r.status === 'rejected' && !(r.reason instanceof DomainError)) throw r.reason;
  return results.filter((r) => r.status === 'fulfilled').length;
}

/** The helpers on a test file's database client and deps. */
export function mailKit(db: Db, deps: TestDeps) {
  async function char(o: { eddies?: number; bagSlots?: number; atMail?: boolean } = {}) {
    const p = await newPlayer(db, o.bagSlots !== undefined ? { bagSlots: o.bagSlots } : {});
    const c = await db.character.update({
      where: { id: p.characterId },
      data: o.atMail === false ? {} : AT_MAIL,
    });
    if (o.eddies)
      await db.$transaction((tx) =>
        recordCurrency(tx, { reason: 'admin', characterId: c.id, delta: o.eddies! }),
      );
    return { ...p, name: c.name } satisfies Char;
  }

  const eddiesOf = async (p: Player) =>
    (await db.character.findUniqueOrThrow({ where: { id: p.characterId } })).eddies;
  const bagOf = async (p: Player) =>
    (
      await db.item.findMany({
        where: { characterId: p.characterId, container: 'BAG' },
        orderBy: { slot: 'asc' },
      })
    ).map((i) => [i.templateId, i.quantity]);
  const inbox = (p: Player) => listMail(deps, { characterId: p.characterId });
  const mailsTo = (p: Player) => db.mail.count({ where: { toId: p.characterId } });
  const text = (from: Char, to: Char, subject = 'hi') =>
    sendMail(deps, {
      characterId: from.characterId,
      idempotencyKey: uniq('mail-'),
      to: to.name,
      subject,
      body: 'text',
    });

  /** b has an arrived mail from a with `items` stims stacks and `eddies`; returns its id and the later deps. */
  async function arrived(a: Char, b: Char, o: { items?: string[]; eddies?: number; cod?: number }) {
    await sendMail(deps, {
      characterId: a.characterId,
      idempotencyKey: uniq('mail-'),
      to: b.name,
      subject: 'Parcel',
      eddies: o.eddies ?? 0,
      cod: o.cod ?? 0,
      attachments: (o.items ?? []).map((itemId) => ({ itemId })),
    });
    const clock = testDeps(db).clock;
    clock.set(deps.clock.ms() + MAIL_DELIVERY_DELAY_MS);
    const later = { ...deps, clock };
    const [m] = (await listMail(later, { characterId: b.characterId })).items;
    return { mailId: m!.id, later, mail: m! };
  }

  return { char, eddiesOf, bagOf, inbox, mailsTo, text, arrived };
}
