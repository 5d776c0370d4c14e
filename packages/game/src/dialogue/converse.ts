import {
  DIALOGUE_END,
  DialogueChooseInputSchema,
  DialogueOpenInputSchema,
  dialogueById,
  type Contact,
  type Dialogue,
  type DialogueChooseInput,
  type DialogueOpenInput,
  type DialogueOutcome,
  type DialogueView,
} from '@necp/shared';
import type { GameDeps, Tx } from '../core/deps';
import { DomainError } from '../core/errors';
import { parseInput } from '../core/validation';
import { lockCharacter } from '../core/row-locks';
import { applyQuestTrigger } from '../quests/apply-trigger';
import { assertNearContact, contactOrThrow } from '../contacts/contact-range';
import { conditionHolds, conditionText, firstUnmet } from './conditions';
import { dialogueView } from './dialogue-view';
import { applyNodeEffectsTx, objectiveOutcomes } from './effects';
import { lockDialogueFacts, refreshDialogueFacts, type DialogueFacts } from './facts';
import { checkLabel, rollCheckTx } from './skill-check-roll';
import { inTransaction } from '../core/transaction';

function dialogueOf(contact: Contact): Dialogue {
  const d = dialogueById(contact.dialogueId);
  // content check guarantees every contact's tree: a miss is a deploy error, not the player's
  if (!d) throw new Error(`contact ${contact.id} has no dialogue ${contact.dialogueId}`);
  return d;
}

const moved = (contact: Contact) =>
  new DomainError(
    'INVALID_STATE',
    `no conversation with ${contact.id} to continue`,
    `You are not talking to ${contact.name} — start the conversation again`,
  );

/** Enters a node: applies its effects and stores where the conversation stands. */
async function enterNode(
  tx: Tx,
  deps: GameDeps,
  contact: Contact,
  dialogue: Dialogue,
  nodeId: string,
  facts: DialogueFacts,
  outcomes: DialogueOutcome[],
): Promise<DialogueView> {
  if (nodeId === DIALOGUE_END) {
    await tx.dialogueState.deleteMany({ where: { characterId: facts.ctx.characterId } });
    const f = await refreshDialogueFacts(tx, facts);
    return dialogueView({ contact, node: null, facts: f, outcomes, openVendor: false });
  }
  const node = dialogue.nodes.find((n) => n.id === nodeId);
  if (!node) throw new Error(`dialogue ${dialogue.id} has no node ${nodeId}`);
  const r = await applyNodeEffectsTx(tx, deps, dialogue, node, facts);
  const state = { contactId: contact.id, dialogueId: dialogue.id, nodeId: node.id };
  await tx.dialogueState.upsert({
    where: { characterId: facts.ctx.characterId },
    create: { characterId: facts.ctx.characterId, ...state },
    update: state,
  });
  return dialogueView({
    contact,
    node,
    facts: r.facts,
    outcomes: [...outcomes, ...r.outcomes],
    openVendor: r.openVendor,
  });
}

/**
 * Opens (or restarts) a conversation with a contact within INTERACT_RANGE. Talking
 * counts for the contact's `talk` objectives; the first entry whose conditions hold
 * picks the greeting, whose effects apply on entry.
 */
export async function openDialogue(
  deps: GameDeps,
  input: DialogueOpenInput,
): Promise<DialogueView> {
  const { characterId, contactId } = parseInput(DialogueOpenInputSchema, input);
  return inTransaction(deps.db, async (tx) => {
    const c = await lockCharacter(tx, characterId);
    const contact = contactOrThrow(contactId);
    assertNearContact(c, contact);
    const dialogue = dialogueOf(contact);
    const now = deps.clock.now();
    // locks the quest rows and persists lazy failures before the talk counts
    const talk = await applyQuestTrigger(
      tx,
      deps,
      c.id,
      { kind: 'talk', contactId: contact.id },
      (q, attempts) => `talk:${c.id}:${q}:${attempts}:${contact.id}`,
    );
    const facts = await lockDialogueFacts(tx, c, now);
    const entry =
      dialogue.entries.find((e) => e.conditions.every((k) => conditionHolds(k, facts))) ??
      dialogue.entries[dialogue.entries.length - 1]!;
    return enterNode(tx, deps, contact, dialogue, entry.node, facts, objectiveOutcomes(talk));
  });
}

/**
 * Picks a choice of the node the server last showed this character with this
 * contact. Refused (INVALID_STATE) when there is no such conversation, the choice
 * is not on that node, or its conditions fail. A skill check rolls (or replays a
 * one-roll check's stored result) and leads to its success or failure node.
 */
export async function chooseDialogue(
  deps: GameDeps,
  input: DialogueChooseInput,
): Promise<DialogueView> {
  const { characterId, contactId, choiceId } = parseInput(DialogueChooseInputSchema, input);
  return inTransaction(deps.db, async (tx) => {
    const c = await lockCharacter(tx, characterId);
    const contact = contactOrThrow(contactId);
    assertNearContact(c, contact);
    const dialogue = dialogueOf(contact);
    const state = await tx.dialogueState.findUnique({ where: { characterId: c.id } });
    if (!state || state.contactId !== contact.id || state.dialogueId !== dialogue.id)
      throw moved(contact);
    const node = dialogue.nodes.find((n) => n.id === state.nodeId);
    if (!node) throw moved(contact);
    const choice = node.choices.find((ch) => ch.id === choiceId);
    if (!choice)
      throw new DomainError(
        'INVALID_STATE',
        `choice ${choiceId} is not on node ${dialogue.id}.${node.id}`,
        'That answer is not available now',
      );
    const now = deps.clock.now();
    let facts = await lockDialogueFacts(tx, c, now);
    const unmet = firstUnmet(choice.conditions, facts);
    if (unmet)
      throw new DomainError(
        'INVALID_STATE',
        `choice ${choiceId} is locked: ${unmet.kind}`,
        conditionText(unmet),
      );

    const outcomes: DialogueOutcome[] = [];
    let next = choice.next ?? DIALOGUE_END;
    if (choice.check) {
      const spec = choice.check;
      const r = await rollCheckTx(tx, {
        secret: deps.config.simTicketSecret,
        characterId: c.id,
        spec,
        facts,
        now,
      });
      outcomes.push({ kind: 'check', checkId: spec.id, label: checkLabel(spec), result: r.result });
      // a stored pass counts too: a quest taken after the check still sees it passed
      if (r.result.success) {
        const notices = await applyQuestTrigger(
          tx,
          deps,
          c.id,
          { kind: 'skill_check', checkId: spec.id },
          (q, attempts) => `skill_check:${c.id}:${q}:${attempts}:${spec.id}`,
        );
        outcomes.push(...objectiveOutcomes(notices));
      }
      if (r.rolled) facts = await refreshDialogueFacts(tx, facts);
      next = r.result.success ? spec.success : spec.failure;
      deps.log.info(
        { characterId: c.id, checkId: spec.id, attempt: r.attempt, rolled: r.rolled, ...r.result },
        'skill check',
      );
    }
    return enterNode(tx, deps, contact, dialogue, next, facts, outcomes);
  });
}
