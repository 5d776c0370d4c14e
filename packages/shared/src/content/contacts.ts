/**
 * Contacts (contact-schema.ts): who stands where. checkContent verifies their
 * zones, factions, dialogues and vendors, and that each stands on open ground.
 */
import { z } from 'zod';
import { ContactSchema, type Contact, type ContactInput } from './contact-schema';

export const CONTACT_INPUTS: readonly ContactInput[] = [
  // ── Watson ──────────────────────────────────────────────────────────────
  {
    id: 'regina',
    name: 'Regina Jones',
    title: 'Fixer',
    zoneId: 'watson',
    x: 236,
    y: 252,
    factionId: 'fixers',
    dialogueId: 'regina',
    blurb: 'Gigs for anyone with a cool head.',
  },
  {
    id: 'dex',
    name: 'Dexter DeShawn',
    title: 'Fixer',
    zoneId: 'watson',
    x: 223,
    y: 262,
    factionId: 'fixers',
    dialogueId: 'dex',
    blurb: 'Big jobs, bigger promises.',
  },
  {
    id: 'vik',
    name: 'Viktor Vektor',
    title: 'Ripperdoc',
    zoneId: 'watson',
    x: 416,
    y: 262,
    factionId: 'fixers',
    dialogueId: 'vik',
    vendorId: 'vik_clinic',
    blurb: 'Chrome, stims and stitches.',
  },
  {
    id: 'koji',
    name: 'Koji',
    title: 'Noodle vendor',
    zoneId: 'watson',
    x: 96,
    y: 262,
    factionId: 'fixers',
    dialogueId: 'koji',
    vendorId: 'koji_noodles',
    blurb: 'Hot noodles, cold drinks.',
  },
  {
    id: 'sgt_han',
    name: 'Sergeant Han',
    title: 'NCPD',
    zoneId: 'watson',
    x: 256,
    y: 226,
    factionId: 'city_security',
    dialogueId: 'sgt_han',
    blurb: 'Bounties on Watson scum.',
  },
  {
    id: 'jun',
    name: 'Jun Nakamura',
    title: 'Tyger Claws go-between',
    zoneId: 'watson',
    x: 352,
    y: 248,
    factionId: 'tyger_claws',
    dialogueId: 'jun',
    blurb: 'Speaks for the Claws — for a price.',
  },

  // ── Westbrook ───────────────────────────────────────────────────────────
  {
    id: 'wakako',
    name: 'Wakako Okada',
    title: 'Fixer',
    zoneId: 'westbrook',
    x: 410,
    y: 655,
    factionId: 'fixers',
    dialogueId: 'wakako',
    blurb: 'Japantown’s fixer. Polite, patient, never wrong.',
  },
  {
    id: 'det_river',
    name: 'Detective River Ward',
    title: 'NCPD',
    zoneId: 'westbrook',
    x: 360,
    y: 610,
    factionId: 'city_security',
    dialogueId: 'det_river',
    blurb: 'An honest cop in Japantown. Rare breed.',
  },
  {
    id: 'sora',
    name: 'Sora Ishikawa',
    title: 'Tyger Claws lieutenant',
    zoneId: 'westbrook',
    x: 430,
    y: 520,
    factionId: 'tyger_claws',
    dialogueId: 'sora',
    blurb: 'Runs the Claws’ Japantown blocks.',
  },
  {
    id: 'rust',
    name: 'Marco "Rust" Vega',
    title: 'Aldecaldos trader',
    zoneId: 'westbrook',
    x: 620,
    y: 700,
    factionId: 'aldecaldos',
    dialogueId: 'rust',
    vendorId: 'rust_trading',
    blurb: 'Nomad gear, fair trades, no corpo scrip.',
  },

  // ── City Center ─────────────────────────────────────────────────────────
  {
    id: 'tessa',
    name: 'Tessa Vale',
    title: 'Fixer',
    zoneId: 'city-center',
    x: 540,
    y: 480,
    factionId: 'fixers',
    dialogueId: 'tessa',
    blurb: 'Corpo-side gigs with street-side pay.',
  },
  {
    id: 'aiko',
    name: 'Aiko Watanabe',
    title: 'Arasaka liaison',
    zoneId: 'city-center',
    x: 640,
    y: 384,
    factionId: 'arasaka',
    dialogueId: 'aiko',
    blurb: 'Arasaka’s smile on the street. The teeth are elsewhere.',
  },
  {
    id: 'gideon',
    name: 'Gideon Marsh',
    title: 'Militech arms dealer',
    zoneId: 'city-center',
    x: 470,
    y: 560,
    factionId: 'militech',
    dialogueId: 'gideon',
    vendorId: 'gideon_arms',
    blurb: 'Mil-spec hardware, surplus prices.',
  },
  {
    id: 'celestine',
    name: 'Mambo Celestine',
    title: 'Voodoo Boys emissary',
    zoneId: 'city-center',
    x: 256,
    y: 384,
    factionId: 'voodoo_boys',
    dialogueId: 'celestine',
    blurb: 'Speaks for the Voodoo Boys north of Pacifica.',
  },
];

export const CONTACTS: readonly Contact[] = z.array(ContactSchema).parse(CONTACT_INPUTS);

const BY_ID = new Map(CONTACTS.map((c) => [c.id, c]));
export const contactById = (id: string): Contact | undefined => BY_ID.get(id);
export const contactsInZone = (zoneId: string): Contact[] =>
  CONTACTS.filter((c) => c.zoneId === zoneId);
