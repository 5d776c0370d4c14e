/**
 * Idempotency keys of the commands that move value (crafting, salvage, posting a
 * contract, sending mail, listing at auction, placing an order, buying from or selling to
 * a vendor, the bank and the guild bank): one way to draw them and to keep them.
 * The server keeps the first outcome of a key (the row the command made carries it), so
 * a key must stay the same for as long as the player means the same thing — a second
 * press, or a try after an answer that never came, returns what the first one did
 * instead of doing it twice.
 */
import { useState } from 'react';

/** A fresh key: 32 hex digits from getRandomValues (randomUUID exists only over HTTPS). */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Keys by intent: the same terms asked again carry the same key until that intent's
 * outcome is in (`done`, on success); the next identical intent then gets a new one.
 * A refusal keeps the key: nothing was made, so trying again with it is a first try.
 */
export class IntentKeys {
  private readonly byTerms = new Map<string, string>();

  /** The input with its intent's key (terms compared as JSON: built by the same code). */
  keyed<T extends object>(input: T): T & { idempotencyKey: string } {
    const terms = JSON.stringify(input);
    let key = this.byTerms.get(terms);
    if (key === undefined) this.byTerms.set(terms, (key = newIdempotencyKey()));
    return { ...input, idempotencyKey: key };
  }

  /** Sends the input with its intent's key; once answered, that intent is done. */
  async send<T extends object, R>(
    input: T,
    call: (sent: T & { idempotencyKey: string }) => Promise<R>,
  ): Promise<R> {
    const sent = this.keyed(input);
    const answer = await call(sent);
    this.done(sent);
    return answer;
  }

  /** The intent that carried this key has its outcome. */
  done(sent: { idempotencyKey: string }): void {
    for (const [terms, key] of this.byTerms)
      if (key === sent.idempotencyKey) this.byTerms.delete(terms);
  }
}

/** A component's intent keys, kept across renders. */
export function useIntentKeys(): IntentKeys {
  return useState(() => new IntentKeys())[0];
}
