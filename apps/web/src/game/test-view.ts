import { canLoot } from './world/interaction';
import type { ClientView } from './render/client-view';
import type { NecpTestView } from './test-hook';
import { existingSoundEngine } from './sound/engine-instance';

function soundView(): NecpTestView['sound'] {
  const e = existingSoundEngine();
  return e ? { ...e.state, ambience: e.ambienceKey, played: [...e.played] } : undefined;
}

/** What window.__necp.state() returns (tests read positions instead of pixels). */
export function testViewOf(v: ClientView): NecpTestView {
  const world = v.world();
  if (!world)
    return {
      zoneId: null,
      self: null,
      target: null,
      entities: [],
      drops: [],
      contacts: [],
      sound: soundView(),
    };
  const now = performance.now();
  const pos = world.predictor.pos;
  const serverNow = v.serverNow();
  const plates = v.renderer.lastPlates;
  return {
    sound: soundView(),
    plates: plates.placed.map(({ key, x0, y0, x1, y1 }) => ({ key, x0, y0, x1, y1 })),
    guide: v.renderer.lastGuide,
    city: v.renderer.lastCity,
    hiddenPlates: [...plates.hidden],
    zoneId: world.zone.id,
    self: {
      eid: world.self.eid,
      x: pos.x,
      y: pos.y,
      level: world.stats.level,
      health: world.stats.health,
      maxHealth: world.stats.maxHealth,
      dead: world.selfDead,
      title: v.selfTitle(world),
      weapon: world.selfWeapon,
    },
    target: v.combat.targetEid,
    entities: [...world.others].map(([eid, e]) => {
      const p = e.buffer.sample(now);
      return {
        eid,
        kind: e.info.kind === 'npc' ? 'npc' : 'player',
        name: e.info.name,
        title: e.info.title ?? null,
        disconnected: !!e.info.disconnected,
        templateId: e.info.templateId ?? null,
        x: p.x,
        y: p.y,
        health: e.info.health,
        maxHealth: e.info.maxHealth,
        dead: !!e.info.dead,
        disposition: v.disposition(eid, e.info),
        inView: v.renderer.inView(p),
      };
    }),
    drops: [...world.drops.values()].map((d) => ({
      eid: d.eid,
      templateId: d.templateId,
      x: d.x,
      y: d.y,
      mine: canLoot(d, v.characterId, serverNow, v.partyId()),
    })),
    contacts: [...world.contacts.values()].map((c) => ({
      eid: c.eid,
      contactId: c.contactId,
      name: c.name,
      title: c.title,
      x: c.x,
      y: c.y,
    })),
  };
}
