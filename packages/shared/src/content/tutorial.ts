/**
 * The welcome quest's guide (quests/welcome.ts): for each of its objectives, and
 * for the turn-in, a short hint — the keys on a keyboard, the buttons on a touch
 * screen — and what the map's guide arrow points at. Pure: the web client picks
 * the step from the quest's server view (tutorialStepOf) and draws it.
 */
import { contactById } from './contacts';
import type { QuestStatus } from './quest-schema';
import { zoneById } from './zones';

/** What the guide arrow points at. */
export type GuideTarget =
  /** a fixed spot (an area's centre, a contact) */
  | { kind: 'point'; zoneId: string; x: number; y: number; label: string }
  /** the nearest living NPC of these templates in view, else `near` */
  | {
      kind: 'npc';
      zoneId: string;
      templateIds: readonly string[];
      near: { x: number; y: number };
      label: string;
    }
  /** the nearest drop of this item on the ground, else nothing */
  | { kind: 'drop'; zoneId: string; templateId: string; label: string };

export const TUTORIAL_STEP_IDS = ['walk', 'fight', 'loot', 'chat', 'party', 'turn_in'] as const;
export type TutorialStepId = (typeof TUTORIAL_STEP_IDS)[number];

export interface TutorialStep {
  id: TutorialStepId;
  title: string;
  /** keyboard and mouse: key names in [brackets] are drawn as key caps */
  desktop: string;
  /** a touch screen: the on-screen stick and buttons */
  touch: string;
  guide: GuideTarget | null;
}

function areaPoint(zoneId: string, areaId: string): GuideTarget {
  const a = zoneById(zoneId)?.areas.find((x) => x.id === areaId);
  if (!a) throw new Error(`content: ${zoneId} has no area ${areaId}`);
  return { kind: 'point', zoneId, x: a.x, y: a.y, label: a.name };
}

function contactPoint(contactId: string): GuideTarget {
  const c = contactById(contactId);
  if (!c) throw new Error(`content: no contact ${contactId}`);
  return { kind: 'point', zoneId: c.zoneId, x: c.x, y: c.y, label: c.name };
}

function spawnCentre(zoneId: string, spawnId: string) {
  const s = zoneById(zoneId)?.npcSpawns.find((x) => x.id === spawnId);
  if (!s) throw new Error(`content: ${zoneId} has no npc spawn ${spawnId}`);
  return { x: s.x, y: s.y };
}

export const TUTORIAL_STEPS: readonly TutorialStep[] = [
  {
    id: 'walk',
    title: 'Move',
    desktop: 'Walk to the marker with [W] [A] [S] [D] (or the arrow keys).',
    touch: 'Drag the stick at the bottom left to walk to the marker.',
    guide: areaPoint('watson', 'plaza_edge'),
  },
  {
    id: 'fight',
    title: 'Fight',
    desktop:
      'Pick a Tyger Claws punk with [Tab] (or click it), then hit your abilities with [1] [2] [3].',
    touch: 'Tap TARGET (or tap the punk), then tap your ability buttons.',
    guide: {
      kind: 'npc',
      zoneId: 'watson',
      templateIds: ['tyger_claws_punk'],
      near: spawnCentre('watson', 'watson-punks-plaza'),
      label: 'Tyger Claws punk',
    },
  },
  {
    id: 'loot',
    title: 'Loot',
    desktop: 'Walk onto what it dropped and press [F] to pick up the gang tag.',
    touch: 'Walk onto what it dropped and tap USE to pick up the gang tag.',
    guide: { kind: 'drop', zoneId: 'watson', templateId: 'welcome_gang_tag', label: 'Gang Tag' },
  },
  {
    id: 'chat',
    title: 'Talk',
    desktop: 'Press [Enter], type a hello and press [Enter] again to send it.',
    touch: 'Tap the chat button, type a hello and send it.',
    guide: null,
  },
  {
    id: 'party',
    title: 'Team up',
    desktop:
      'Right-click a player and choose Invite to party, or type /invite name in the chat. On your own? Go solo for now.',
    touch:
      'Tap a player and choose Invite to party, or type /invite name in the chat. On your own? Go solo for now.',
    guide: null,
  },
  {
    id: 'turn_in',
    title: 'Get paid',
    desktop: 'Walk back to Regina, press [E] to talk and hand the job in.',
    touch: 'Walk back to Regina, tap TALK and hand the job in.',
    guide: contactPoint('regina'),
  },
];

/** The welcome quest as the client's quest log shows it (QuestView's fields it needs). */
export interface WelcomeQuestState {
  status: QuestStatus;
  objectives: readonly { id: string; done: boolean }[];
}

/**
 * The step the guide shows now: the first objective not done, `turn_in` once the
 * quest is ready; null when the quest is not under way (done, skipped, never given).
 */
export function tutorialStepOf(q: WelcomeQuestState | undefined): TutorialStep | null {
  if (!q) return null;
  if (q.status === 'ready') return stepById('turn_in');
  if (q.status !== 'active') return null;
  const next = q.objectives.find((o) => !o.done);
  return next ? (TUTORIAL_STEPS.find((s) => s.id === next.id) ?? null) : stepById('turn_in');
}

const stepById = (id: TutorialStepId) => TUTORIAL_STEPS.find((s) => s.id === id) ?? null;

/** 1-based place of the step in the guide, for "2 / 6". */
export const tutorialStepNumber = (s: TutorialStep) => TUTORIAL_STEP_IDS.indexOf(s.id) + 1;
