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
];

export const CONTACTS: readonly Contact[] = z.array(ContactSchema).parse(CONTACT_INPUTS);

const BY_ID = new Map(CONTACTS.map((c) => [c.id, c]));
export const contactById = (id: string): Contact | undefined => BY_ID.get(id);
export const contactsInZone = (zoneId: string): Contact[] =>
  CONTACTS.filter((c) => c.zoneId === zoneId);
