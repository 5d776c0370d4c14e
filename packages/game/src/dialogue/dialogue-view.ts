import {
  DIALOGUE_END,
  skillCheckChance,
  type Contact,
  type DialogueChoice,
  type DialogueChoiceView,
  type DialogueNode,
  type DialogueOutcome,
  type DialogueView,
} from '@necp/shared';
import { offersOf, turnInsAt } from '../quests/status';
import { questView } from '../quests/views';
import { conditionText, firstUnmet } from './conditions';
import type { DialogueFacts } from './facts';
import { checkLabel, checkModifier } from './skill-check-roll';

/** A choice as shown: hidden (null) when its conditions fail, unless `showLocked`. */
function choiceView(c: DialogueChoice, f: DialogueFacts): DialogueChoiceView | null {
  const unmet = firstUnmet(c.conditions, f);
  if (unmet && !c.showLocked) return null;
  const view: DialogueChoiceView = { id: c.id, text: c.text };
  if (unmet) view.locked = conditionText(unmet);
  if (c.check) {
    const modifier = checkModifier(c.check, f);
    view.check = {
      ...(c.check.attribute ? { attribute: c.check.attribute } : {}),
      ...(c.check.skill ? { skill: c.check.skill } : {}),
      label: checkLabel(c.check),
      modifier,
      difficulty: c.check.difficulty,
      chance: skillCheckChance({ modifier, difficulty: c.check.difficulty }),
      ...(!c.check.retry && f.rolls.has(c.check.id) ? { rolled: true } : {}),
    };
  }
  return view;
}

/** The choices of a node the character can see now. */
export const visibleChoices = (node: DialogueNode, f: DialogueFacts): DialogueChoiceView[] =>
  node.choices.flatMap((c) => {
    const v = choiceView(c, f);
    return v ? [v] : [];
  });

export function dialogueView(o: {
  contact: Contact;
  /** null: the conversation ended ('end') */
  node: DialogueNode | null;
  facts: DialogueFacts;
  outcomes: DialogueOutcome[];
  openVendor: boolean;
}): DialogueView {
  const { contact, facts } = o;
  const choices = o.node ? visibleChoices(o.node, facts) : [];
  return {
    contact: {
      id: contact.id,
      name: contact.name,
      title: contact.title,
      factionId: contact.factionId,
      vendor: contact.vendorId !== undefined,
    },
    node: o.node
      ? { id: o.node.id, text: o.node.text, choices }
      : { id: DIALOGUE_END, text: '', choices: [] },
    ended: choices.length === 0,
    outcomes: o.outcomes,
    openVendor: o.openVendor,
    offers: offersOf(contact.id, facts.ctx).map((q) => questView(q, facts.ctx)),
    turnIns: turnInsAt(contact.id, facts.ctx).map((q) => questView(q, facts.ctx)),
  };
}
