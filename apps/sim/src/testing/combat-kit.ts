/** A Watson zone with training dummies in an open lot, for pure combat tests. */
import {
  NpcTemplateSchema,
  npcTemplateById,
  zoneById,
  type NpcTemplate,
  type NpcTemplateInput,
} from '@necp/shared';
import type { Npc } from '../npc/npc';
import { zoneKit } from './zone-kit';

/** The open block around (160, 160): no building between x/y 123 and 197. */
export const LOT = { x: 160, y: 160 };

/** A neutral target that stands still unless hit; tests override what they need. */
export function dummyTemplate(o: Partial<NpcTemplateInput> = {}): NpcTemplate {
  return NpcTemplateSchema.parse({
    id: 'training_dummy',
    name: 'Training Dummy',
    level: 3,
    rank: 'normal',
    health: 500,
    damageMin: 2,
    damageMax: 4,
    damageType: 'physical',
    attackSpeed: 1,
    range: 2,
    armor: 0,
    resist: {},
    abilities: ['npc_attack'],
    lootTable: 'thugs_street_low',
    respawnSeconds: 30,
    faction: 'dummies',
    behaviour: { aggroRange: 0, leashRange: 40 },
    xp: 60,
    ...o,
  });
}

export function combatKit(
  opts: { dummies?: number; template?: NpcTemplate; npcAi?: boolean; seed?: number } = {},
) {
  const watson = zoneById('watson');
  if (!watson) throw new Error('watson content missing');
  const template = opts.template ?? dummyTemplate();
  const content = {
    ...watson,
    npcSpawns: [
      {
        id: 'lot-dummies',
        templateId: template.id,
        x: LOT.x,
        y: LOT.y,
        radius: 1,
        count: opts.dummies ?? 1,
      },
    ],
  };
  const k = zoneKit({
    content,
    npcs: true,
    npcAi: opts.npcAi ?? false,
    seed: opts.seed ?? 7,
    npcTemplates: (id) => (id === template.id ? template : npcTemplateById(id)),
  });
  const dummies = [...k.zone.npcs.npcs()];
  const dummy = dummies[0] as Npc;
  return {
    ...k,
    template,
    dummies,
    dummy,
    /** moves the dummy to (x, y) in one go, recording it in its position history */
    place(npc: Npc, x: number, y: number) {
      k.zone.npcWorld.placeNpc(npc.eid, { x, y });
    },
  };
}
