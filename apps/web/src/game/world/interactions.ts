import { CRATE_RANGE, PICKUP_RANGE, contactById, distance } from '@necp/shared';
import type { CombatController } from '../combat/combat-controller';
import { entityAt } from '../combat/targeting';
import type { ItemCommands } from '../items/item-commands';
import { contactHitBox } from '../render/draw-contacts';
import type { Renderer } from '../render/renderer';
import type { GameStore } from '../store/game-store';
import { NEAR_RANGE, contactPosition } from './contacts';
import type { Reachable } from './interaction';
import type { WorldState } from './world-state';

/** a click this many screen pixels from a drop/crate/terminal counts as clicking it */
const CLICK_TOLERANCE_PX = 22;
/** characters are bigger targets than loot markers */
const ENTITY_CLICK_PX = 26;

/**
 * What the player does to the world around them with keys and the pointer: talk (E),
 * pick up or open what is in reach (F), the bank and mail terminals, clicks on the
 * map (loot, crates, terminals, contacts, a target) and the player under the pointer.
 */
export class Interactions {
  /** the drop or crate F would take now (the HUD's frame sets it) */
  reach: Reachable | null = null;

  constructor(
    private readonly deps: {
      store: GameStore;
      world: () => WorldState | null;
      renderer: Renderer;
      items: ItemCommands;
      combat: CombatController;
    },
  ) {}

  private get store() {
    return this.deps.store.getState();
  }

  /** E / a click on a contact: open the conversation when in talk range. */
  talk(contactId?: string) {
    const s = this.store;
    const world = this.deps.world();
    if (!world) return;
    if (world.selfDead) {
      s.toast('warn', "You're flatlined. Respawn first.");
      return;
    }
    const id = contactId ?? s.contactNear?.id;
    if (!id) {
      s.toast('info', 'Nobody to talk to here. Walk up to someone.');
      return;
    }
    const at = contactPosition(id, world.contacts.values(), world.zone.id);
    const name = at?.name ?? contactById(id)?.name ?? 'them';
    if (!at || distance(world.predictor.pos, at) > NEAR_RANGE) {
      s.toast('info', `Walk closer to ${name}.`);
      return;
    }
    s.openDialogue(id);
  }

  /** F: pick up the nearest drop / open the nearest crate in reach. */
  interact() {
    if (this.deps.world()?.selfDead) {
      this.store.toast('warn', "You're flatlined. Respawn first.");
      return;
    }
    const r = this.reach;
    if (!r) {
      this.store.toast('info', 'Nothing in reach. Walk up to loot or a crate.');
      return;
    }
    if (r.kind === 'crate') void this.deps.items.openCrate(r.eid);
    else if (r.locked) this.store.toast('warn', `${r.name}: ${r.reserved ?? 'not yours yet'}.`);
    else void this.deps.items.pickup(r.eid);
  }

  /** B / E / clicking the terminal: the bank opens only next to a terminal. */
  toggleBank() {
    this.toggleTerminal(
      'bank',
      this.store.bankNear !== null,
      'Walk up to a bank terminal to use the bank.',
    );
  }

  /** M / E / clicking the terminal: the mailbox opens only next to a mail terminal. */
  toggleMail() {
    this.toggleTerminal(
      'mail',
      this.store.mailNear !== null,
      'Walk up to a mail terminal to check your mail.',
    );
  }

  /** X / E / clicking the terminal: the Reef Exchange opens only next to an auction terminal. */
  toggleAuction() {
    this.toggleTerminal(
      'auction',
      this.store.auctionNear !== null,
      'Walk up to an auction terminal to use the Reef Exchange.',
    );
  }

  /** V / E / clicking the station: the workbench opens only next to a crafting station. */
  toggleCrafting() {
    this.toggleTerminal(
      'crafting',
      this.store.craftNear !== null,
      'Walk up to a workbench to craft.',
    );
  }

  /** A terminal's window closes anywhere, and opens only next to one (else `away` is told). */
  private toggleTerminal(
    panel: 'bank' | 'mail' | 'auction' | 'crafting',
    near: boolean,
    away: string,
  ) {
    const s = this.store;
    if (s.panels[panel]) return s.setPanel(panel, false);
    if (!near) return s.toast('warn', away);
    s.setPanel(panel, true);
  }

  /** A click on the map: loot, a crate or a bank terminal under the pointer. */
  clickAt(sx: number, sy: number): boolean {
    const world = this.deps.world();
    if (!world) return false;
    const p = this.deps.renderer.toWorld(sx, sy);
    const tol = CLICK_TOLERANCE_PX / this.deps.renderer.ppm;
    const me = world.predictor.pos;
    let best: { d: number; act: () => void } | null = null;
    const consider = (d: number, act: () => void) => {
      if (d <= tol && (!best || d < best.d)) best = { d, act };
    };
    // anywhere on a contact's figure or plate counts: it wins unless loot lies closer
    const contactAt = this.contactUnder(p);
    if (contactAt) consider(Math.min(contactAt.d, tol), () => this.talk(contactAt.contactId));
    for (const d of world.drops.values())
      consider(distance(p, d), () => {
        if (distance(me, d) > PICKUP_RANGE)
          this.store.toast('info', `Walk closer to pick up ${d.name}.`);
        else void this.deps.items.pickup(d.eid);
      });
    for (const c of world.crates.values())
      consider(distance(p, c), () => {
        if (distance(me, c) > CRATE_RANGE)
          this.store.toast('info', `Walk closer to open ${c.name}.`);
        else void this.deps.items.openCrate(c.eid);
      });
    // the terminal's pad is drawn larger than loot markers: count clicks a bit further out
    for (const sp of world.zone.spawnPoints)
      if (sp.kind === 'bank_terminal') consider(distance(p, sp) * 0.8, () => this.toggleBank());
      else if (sp.kind === 'mail_terminal')
        consider(distance(p, sp) * 0.8, () => this.toggleMail());
      else if (sp.kind === 'auction_terminal')
        consider(distance(p, sp) * 0.8, () => this.toggleAuction());
      else if (sp.kind === 'crafting_station')
        consider(distance(p, sp) * 0.8, () => this.toggleCrafting());
    const hit = best as { act: () => void } | null;
    if (hit) {
      hit.act();
      return true;
    }
    // nothing to pick up there: a character under the pointer becomes the target
    const now = performance.now();
    const e = entityAt(
      this.deps.combat.targetables(world, now),
      p,
      ENTITY_CLICK_PX / this.deps.renderer.ppm,
    );
    if (!e) return false;
    this.deps.combat.setTarget(e.eid);
    this.deps.combat.publish(now, true);
    return true;
  }

  /** The name of another player under the pointer (the right-click player menu), if any. */
  playerAt(sx: number, sy: number): string | null {
    const world = this.deps.world();
    if (!world) return null;
    const now = performance.now();
    const players = this.deps.combat.targetables(world, now).filter((t) => t.kind === 'player');
    const e = entityAt(
      players,
      this.deps.renderer.toWorld(sx, sy),
      ENTITY_CLICK_PX / this.deps.renderer.ppm,
    );
    return e ? (world.others.get(e.eid)?.info.name ?? null) : null;
  }

  /** The contact whose silhouette, plate or marker is under a world point (nearest feet first). */
  private contactUnder(p: { x: number; y: number }) {
    const world = this.deps.world();
    if (!world) return null;
    const ppm = this.deps.renderer.ppm;
    const box = contactHitBox(ppm);
    let best: { d: number; contactId: string } | null = null;
    for (const c of world.contacts.values()) {
      const dx = Math.abs(p.x - c.x) * ppm;
      const dy = (p.y - c.y) * ppm;
      if (dx > box.halfWidth || dy < -box.above || dy > box.below) continue;
      const d = distance(p, c);
      if (!best || d < best.d) best = { d, contactId: c.contactId };
    }
    return best;
  }

  /** Pointer over the map: a hand over contacts (they can be clicked to talk). */
  hoverAt(sx: number, sy: number): boolean {
    if (!this.deps.world()) return false;
    return this.contactUnder(this.deps.renderer.toWorld(sx, sy)) !== null;
  }
}
