import { describe, expect, it } from 'vitest';
import { contactById } from './contacts';
import { lootTableById } from './loot-tables';
import { npcTemplateById } from './npcs';
import { QUESTS_GIVEN_AT_CREATION, questById } from './quests';
import { offeredByGiver } from './quest-schema';
import {
  TUTORIAL_STEPS,
  TUTORIAL_STEP_IDS,
  tutorialStepNumber,
  tutorialStepOf,
  type WelcomeQuestState,
} from './tutorial';
import { zoneById } from './zones';

const welcome = questById('q_welcome')!;
const state = (status: WelcomeQuestState['status'], done: string[]): WelcomeQuestState => ({
  status,
  objectives: welcome.objectives.map((o) => ({ id: o.id, done: done.includes(o.id) })),
});

describe('the welcome quest', () => {
  it('is the one quest given at creation, never offered by its giver, once only', () => {
    expect(QUESTS_GIVEN_AT_CREATION.map((q) => q.id)).toEqual(['q_welcome']);
    expect(offeredByGiver(welcome)).toBe(false);
    expect(welcome.retryable).toBe(false);
    expect(welcome.repeat).toBe('none');
    expect(welcome.level).toBe(1);
  });

  it('teaches in order: walk, fight, loot, chat, party — each waits for the one before', () => {
    expect(welcome.objectives.map((o) => [o.id, o.kind, o.requires])).toEqual([
      ['walk', 'reach', []],
      ['fight', 'kill', ['walk']],
      ['loot', 'collect', ['fight']],
      ['chat', 'action', ['loot']],
      ['party', 'action', ['chat']],
    ]);
  });

  it('pays a modest fixed reward (no choice, no reputation)', () => {
    expect(welcome.rewards.xp).toBeLessThanOrEqual(150);
    expect(welcome.rewards.eddies).toBeLessThanOrEqual(50);
    expect(welcome.rewards.choice).toEqual([]);
    expect(welcome.rewards.reputation).toEqual([]);
  });

  it('sends the player to a spot near the start, out of the plaza punks’ aggro range', () => {
    const watson = zoneById('watson')!;
    const start = watson.spawnPoints.find((s) => s.kind === 'player_start')!;
    const spot = watson.areas.find((a) => a.id === 'plaza_edge')!;
    const plaza = watson.npcSpawns.find((s) => s.id === 'watson-punks-plaza')!;
    const punk = npcTemplateById('tyger_claws_punk')!;
    const d = (a: { x: number; y: number }, b: { x: number; y: number }) =>
      Math.hypot(a.x - b.x, a.y - b.y);
    // not where a new character appears (arriving inside would count at once) …
    expect(d(start, spot)).toBeGreaterThan(spot.radius + 5);
    expect(d(start, spot)).toBeLessThan(30);
    // … and no punk of the plaza reaches into it
    expect(d(plaza, spot) - plaza.radius - spot.radius).toBeGreaterThan(punk.behaviour.aggroRange);
    // Regina, who hands it in, stands by the start
    expect(d(contactById('regina')!, start)).toBeLessThan(25);
  });

  it('the punks drop the tag only while the quest is active', () => {
    const table = lootTableById(npcTemplateById('tyger_claws_punk')!.lootTable!)!;
    const group = table.groups.find((g) =>
      g.entries.some((e) => 'item' in e && e.item === 'welcome_gang_tag'),
    )!;
    expect(group.condition).toEqual({ questActive: 'q_welcome' });
    expect(group.chance).toBe(1);
  });
});

describe('tutorialStepOf', () => {
  it('has a hint for every objective and the turn-in, keyboard and touch', () => {
    expect(TUTORIAL_STEPS.map((s) => s.id)).toEqual([...TUTORIAL_STEP_IDS]);
    expect(TUTORIAL_STEPS.map((s) => s.id).slice(0, -1)).toEqual(
      welcome.objectives.map((o) => o.id),
    );
    for (const s of TUTORIAL_STEPS) {
      expect(s.desktop.length).toBeGreaterThan(10);
      expect(s.touch.length).toBeGreaterThan(10);
      // a phone has no keys to press
      expect(s.touch).not.toMatch(/\[[A-Z0-9]+\]/);
    }
  });

  it('shows the first objective not done, the turn-in when ready, nothing otherwise', () => {
    expect(tutorialStepOf(state('active', []))?.id).toBe('walk');
    expect(tutorialStepOf(state('active', ['walk']))?.id).toBe('fight');
    expect(tutorialStepOf(state('active', ['walk', 'fight', 'loot']))?.id).toBe('chat');
    expect(tutorialStepOf(state('ready', ['walk', 'fight', 'loot', 'chat', 'party']))?.id).toBe(
      'turn_in',
    );
    for (const s of ['completed', 'abandoned', 'failed', 'available'] as const)
      expect(tutorialStepOf(state(s, []))).toBeNull();
    expect(tutorialStepOf(undefined)).toBeNull();
  });

  it('numbers the steps 1 to 6', () => {
    expect(TUTORIAL_STEPS.map(tutorialStepNumber)).toEqual([1, 2, 3, 4, 5, 6]);
  });
});
