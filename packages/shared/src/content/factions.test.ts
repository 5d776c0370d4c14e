import { describe, expect, it } from 'vitest';
import { FACTION_INPUTS, FACTIONS, FactionSchema, factionById } from './factions';
import { NPC_TEMPLATE_INPUTS } from './npcs';
import { tierForStanding } from '../rules/reputation';

describe('faction content', () => {
  it('has at least six factions with unique ids', () => {
    expect(FACTIONS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(FACTIONS.map((f) => f.id)).size).toBe(FACTIONS.length);
  });

  it('covers every NPC faction', () => {
    for (const npc of NPC_TEMPLATE_INPUTS) {
      expect(factionById(npc.faction), `${npc.id} → ${npc.faction}`).toBeDefined();
    }
  });

  it('has player-facing factions a player can join', () => {
    const joinable = FACTIONS.filter((f) => f.joinable).map((f) => f.id);
    expect(joinable).toEqual(expect.arrayContaining(['city_security', 'fixers', 'aldecaldos']));
  });

  it('rivals name existing factions, never the faction itself, at most once', () => {
    for (const f of FACTIONS) {
      const ids = f.rivals.map((r) => r.factionId);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) {
        expect(factionById(id), `${f.id} rival ${id}`).toBeDefined();
        expect(id).not.toBe(f.id);
      }
    }
  });

  it('starts gangs below neutral and beasts hostile and unimprovable', () => {
    expect(tierForStanding(factionById('maelstrom')!.startingStanding)).toBe('unfriendly');
    expect(tierForStanding(factionById('city_security')!.startingStanding)).toBe('neutral');
    const animals = factionById('animals')!;
    expect(tierForStanding(animals.startingStanding)).toBe('hostile');
    expect(animals.playerCanImprove).toBe(false);
  });

  it('returns undefined for an unknown id', () => {
    expect(factionById('nope')).toBeUndefined();
  });

  it('rejects a self-rival, a joinable-but-unimprovable faction and a bad factor', () => {
    const base = FACTION_INPUTS[0]!;
    expect(
      FactionSchema.safeParse({ ...base, rivals: [{ factionId: base.id, factor: 0.5 }] }).success,
    ).toBe(false);
    expect(
      FactionSchema.safeParse({ ...base, joinable: true, playerCanImprove: false }).success,
    ).toBe(false);
    expect(
      FactionSchema.safeParse({ ...base, rivals: [{ factionId: 'maelstrom', factor: 0 }] }).success,
    ).toBe(false);
    expect(FactionSchema.safeParse({ ...base, startingStanding: 50_000 }).success).toBe(false);
    expect(FactionSchema.safeParse(base).success).toBe(true);
  });
});
