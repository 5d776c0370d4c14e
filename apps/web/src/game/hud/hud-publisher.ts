import {
  AUCTION_RANGE,
  BANK_RANGE,
  CRAFT_RANGE,
  CRATE_RANGE,
  MAIL_RANGE,
  METRO_SERVER_SLACK,
  PICKUP_RANGE,
  contactById,
} from '@necp/shared';
import type { ClientView } from '../render/client-view';
import type { VisibleDrop, VisibleEntity } from './hud-view-slice';
import { nearestContact, outOfTalkRange, stationInRange } from '../world/contacts';
import { canLoot, nearestReachable, terminalInRange } from '../world/interaction';
import type { WorldState } from '../world/world-state';

const HUD_PUBLISH_MS = 100;

/**
 * The HUD's view of the world, published into the store at ~10 Hz (and at once when
 * forced) as one `hudPublished` (hud-view-slice.ts): the own plate, who and what is around, what is in reach, which terminal
 * or contact is near — and closing what walking away ends.
 */
export class HudPublisher {
  private lastAt = 0;
  private lastKey = '';

  constructor(private readonly v: ClientView) {}

  private get store() {
    return this.v.store.getState();
  }

  /** The next publish goes to the store even if nothing seems changed (a new zone). */
  invalidate(): void {
    this.lastKey = '';
  }

  /** HUD values at ~10 Hz: React does not need 60 updates a second; `force`: now. */
  publish(now: number, force = false): void {
    const world = this.v.world();
    if (!world || (!force && now - this.lastAt < HUD_PUBLISH_MS)) return;
    this.lastAt = now;
    this.v.combat.publish(now, force);
    const pos = world.predictor.pos;
    const visible: VisibleEntity[] = [];
    for (const [eid, e] of world.others) {
      const p = e.buffer.latest();
      const i = e.info;
      visible.push({
        eid,
        kind: i.kind === 'npc' ? 'npc' : 'player',
        name: i.name,
        ...(i.templateId ? { templateId: i.templateId } : {}),
        dead: !!i.dead,
        health: i.health,
        maxHealth: i.maxHealth,
        x: round1(p.x),
        y: round1(p.y),
      });
    }
    visible.sort((a, b) => a.name.localeCompare(b.name));
    const serverNow = this.v.serverNow();
    const me = this.v.characterId;
    const drops: VisibleDrop[] = [...world.drops.values()].map((d) => ({
      ...d,
      mine: canLoot(d, me, serverNow, this.v.partyId()),
    }));
    const crates = [...world.crates.values()];
    // one range for both: the sim checks PICKUP_RANGE for drops and CRATE_RANGE for crates
    this.v.interactions.reach = nearestReachable(
      pos,
      drops,
      crates,
      Math.min(PICKUP_RANGE, CRATE_RANGE),
      me,
      serverNow,
      this.v.partyId(),
    );
    const bank = terminalInRange(world.zone, pos, 'bank_terminal', BANK_RANGE);
    const mail = terminalInRange(world.zone, pos, 'mail_terminal', MAIL_RANGE);
    const auction = terminalInRange(world.zone, pos, 'auction_terminal', AUCTION_RANGE);
    const bench = terminalInRange(world.zone, pos, 'crafting_station', CRAFT_RANGE);
    const contact = nearestContact(pos, world.contacts.values());
    const station = stationInRange(world.zone, pos);
    this.closeOutOfRange(world);
    const st = world.stats;
    // skip the store update (and React re-render) when nothing visible changed
    const key = [
      `${pos.x.toFixed(1)},${pos.y.toFixed(1)}`,
      visible.map((v) => `${v.eid}:${v.x},${v.y}:${v.health}:${v.dead}`).join(';'),
      drops.map((d) => `${d.eid}:${d.mine}`).join(';'),
      crates.map((c) => c.eid).join(';'),
      this.v.interactions.reach
        ? `${this.v.interactions.reach.kind}:${this.v.interactions.reach.eid}:${'reserved' in this.v.interactions.reach && this.v.interactions.reach.reserved}`
        : '',
      bank?.id ?? '',
      mail?.id ?? '',
      auction?.id ?? '',
      bench?.id ?? '',
      contact?.contactId ?? '',
      station?.id ?? '',
      `${st.level}:${st.health}:${st.maxHealth}`,
    ].join('|');
    if (!force && key === this.lastKey) return;
    this.lastKey = key;
    const wasNear = this.store.bankNear;
    const wasNearMail = this.store.mailNear;
    const wasNearAuction = this.store.auctionNear;
    this.store.hudPublished({
      self: {
        name: world.self.name,
        level: st.level,
        health: st.health,
        maxHealth: st.maxHealth,
        x: round1(pos.x),
        y: round1(pos.y),
      },
      visible,
      drops,
      crates,
      reach: this.v.interactions.reach,
      bankNear: bank ? { id: bank.id, name: bank.name } : null,
      mailNear: mail ? { id: mail.id, name: mail.name } : null,
      auctionNear: auction ? { id: auction.id, name: auction.name } : null,
      craftNear: bench ? { id: bench.id, name: bench.name } : null,
      contactNear: contact
        ? { id: contact.contactId, name: contact.name, title: contact.title }
        : null,
      stationNear: station ? { id: station.id, name: station.name } : null,
    });
    // walking away from the terminal closes the bank (the server would refuse anyway)
    if (wasNear && !bank && this.store.panels.bank) {
      this.store.setPanel('bank', false);
      this.store.toast('info', 'You left the bank terminal.');
    }
    if (wasNearMail && !mail && this.store.panels.mail) {
      this.store.setPanel('mail', false);
      this.store.toast('info', 'You left the mail terminal.');
    }
    if (wasNearAuction && !auction && this.store.panels.auction) {
      this.store.setPanel('auction', false);
      this.store.toast('info', 'You left the Reef Exchange.');
    }
  }

  /**
   * Walking away closes what the server would now refuse: the conversation and
   * the shop beyond INTERACT_RANGE of their contact, the metro window away from
   * the station (like the bank terminal).
   */
  private closeOutOfRange(world: WorldState) {
    const s = this.store;
    const pos = world.predictor.pos;
    const inView = world.contacts.values();
    const nameOf = (id: string) => contactById(id)?.name ?? 'them';
    if (s.dialogue && outOfTalkRange(pos, s.dialogue.contactId, inView, world.zone.id)) {
      const id = s.dialogue.contactId;
      s.closeDialogue();
      s.toast('info', `You walked away from ${nameOf(id)}.`);
    }
    if (
      s.vendorContactId &&
      outOfTalkRange(pos, s.vendorContactId, world.contacts.values(), world.zone.id)
    ) {
      const id = s.vendorContactId;
      s.closeVendor();
      s.toast('info', `You walked away from ${nameOf(id)}'s shop.`);
    }
    if (s.panels.travel && !s.ride && !stationInRange(world.zone, pos, METRO_SERVER_SLACK)) {
      s.setPanel('travel', false);
      s.toast('info', 'You left the metro station.');
    }
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;
