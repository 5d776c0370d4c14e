import { afterAll, describe, expect, it } from 'vitest';
import { createTestCharacter } from '@necp/db/testing';
import { contactById } from '@necp/shared';
import { anonCaller, rejection, signedIn, testDb, testDeps } from '../testing';

const db = testDb();
const deps = testDeps(db);
afterAll(() => db.$disconnect());

async function player(contactId = 'regina') {
  const s = await signedIn(deps, db);
  const at = contactById(contactId)!;
  const c = await createTestCharacter(db, s.user.id, { x: at.x + 1, y: at.y });
  return { ...s, characterId: c.id };
}

describe('dialogue router', () => {
  it('requires a session', async () => {
    const c = anonCaller(deps);
    expect(
      await rejection(c.dialogue.open({ characterId: 'x', contactId: 'regina' })),
    ).toMatchObject({
      code: 'UNAUTHORIZED',
    });
    expect(
      await rejection(
        c.dialogue.choose({ characterId: 'x', contactId: 'regina', choiceId: 'who' }),
      ),
    ).toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('opens, follows a choice, and refuses a choice the current node does not have', async () => {
    const p = await player();
    const { characterId } = p;
    const v = await p.caller.dialogue.open({ characterId, contactId: 'regina' });
    expect(v).toMatchObject({
      contact: { id: 'regina', name: 'Regina Jones' },
      node: { id: 'greet' },
      ended: false,
    });
    expect(v.offers.map((q) => q.id)).toContain('q_street_cred');
    const about = await p.caller.dialogue.choose({
      characterId,
      contactId: 'regina',
      choiceId: 'who',
    });
    expect(about.node.id).toBe('about');
    expect(
      await rejection(
        p.caller.dialogue.choose({ characterId, contactId: 'regina', choiceId: 'who' }),
      ),
    ).toMatchObject({ code: 'PRECONDITION_FAILED', message: 'That answer is not available now' });
    const bye = await p.caller.dialogue.choose({
      characterId,
      contactId: 'regina',
      choiceId: 'bye',
    });
    expect(bye).toMatchObject({ ended: true, node: { id: 'end' } });
  });

  it('keeps other accounts out, refuses far away, and rejects malformed input', async () => {
    const a = await player();
    const b = await player();
    expect(
      await rejection(b.caller.dialogue.open({ characterId: a.characterId, contactId: 'regina' })),
    ).toMatchObject({ code: 'NOT_FOUND', message: 'Character not found' });
    await a.caller.dialogue.open({ characterId: a.characterId, contactId: 'regina' });
    expect(
      await rejection(
        b.caller.dialogue.choose({
          characterId: a.characterId,
          contactId: 'regina',
          choiceId: 'who',
        }),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await rejection(a.caller.dialogue.open({ characterId: a.characterId, contactId: 'vik' })),
    ).toMatchObject({ code: 'FORBIDDEN', message: 'You need to be next to Viktor Vektor' });
    for (const bad of [
      { characterId: a.characterId, contactId: '' },
      { characterId: a.characterId, contactId: 'Regina' },
      { characterId: a.characterId },
    ])
      expect(
        await rejection(a.caller.dialogue.open(bad as { characterId: string; contactId: string })),
      ).toMatchObject({
        code: 'BAD_REQUEST',
      });
    expect(
      await rejection(
        a.caller.dialogue.choose({
          characterId: a.characterId,
          contactId: 'regina',
          choiceId: 'x'.repeat(65),
        }),
      ),
    ).toMatchObject({ code: 'BAD_REQUEST' });
  });
});
