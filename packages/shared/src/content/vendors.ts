/** Vendors (vendor-schema.ts). checkContent verifies contacts, factions and items. */
import { z } from 'zod';
import { VendorSchema, type Vendor, type VendorInput } from './vendor-schema';

const ALL_BUT_QUEST = ['weapon', 'armor', 'cyberware', 'consumable', 'material', 'junk'] as const;

export const VENDOR_INPUTS: readonly VendorInput[] = [
  {
    id: 'vik_clinic',
    name: "Viktor's Clinic",
    contactId: 'vik',
    factionId: 'fixers',
    stock: [
      { templateId: 'stim_basic' },
      { templateId: 'stim_trauma' },
      { templateId: 'inhaler_bounce_back', dailyLimit: 10 },
      { templateId: 'cyber_lynx_paws', dailyLimit: 2 },
      { templateId: 'cyber_optics_kiroshi', dailyLimit: 1, minStanding: 'friendly' },
    ],
    buys: [...ALL_BUT_QUEST],
  },
  {
    id: 'koji_noodles',
    name: "Koji's Noodle Cart",
    contactId: 'koji',
    factionId: 'fixers',
    stock: [{ templateId: 'food_noodles' }, { templateId: 'drink_nicola' }],
    buys: ['consumable', 'junk', 'material'],
  },

  // ── Westbrook ───────────────────────────────────────────────────────────
  {
    // nomad gear for levels 10–30; the shotgun is for friends of the clan
    id: 'rust_trading',
    name: "Rust's Trading Post",
    contactId: 'rust',
    factionId: 'aldecaldos',
    stock: [
      { templateId: 'stim_trauma' },
      { templateId: 'inhaler_bounce_back' },
      { templateId: 'food_noodles' },
      { templateId: 'pants_kevlar' },
      { templateId: 'machete_kukri', dailyLimit: 3 },
      { templateId: 'jacket_biker', dailyLimit: 3 },
      { templateId: 'stim_black_lace', dailyLimit: 5 },
      { templateId: 'cyber_heat_converter', dailyLimit: 1 },
      { templateId: 'shotgun_carnage', dailyLimit: 1, minStanding: 'friendly' },
    ],
    buys: [...ALL_BUT_QUEST],
  },

  // ── City Center ─────────────────────────────────────────────────────────
  {
    // mil-spec for levels 25–50; the helmet only for Militech's friends
    id: 'gideon_arms',
    name: 'Militech Surplus Outlet',
    contactId: 'gideon',
    factionId: 'militech',
    stock: [
      { templateId: 'stim_military' },
      { templateId: 'smg_pulsar' },
      { templateId: 'boots_hiking' },
      { templateId: 'stim_nanite_surge', dailyLimit: 5 },
      { templateId: 'rifle_sidewinder', dailyLimit: 2 },
      { templateId: 'cyber_bionic_lungs', dailyLimit: 1 },
      { templateId: 'helmet_militech', dailyLimit: 1, minStanding: 'friendly' },
    ],
    buys: ['weapon', 'armor', 'cyberware', 'material'],
  },
];

export const VENDORS: readonly Vendor[] = z.array(VendorSchema).parse(VENDOR_INPUTS);

const BY_ID = new Map(VENDORS.map((v) => [v.id, v]));
export const vendorById = (id: string): Vendor | undefined => BY_ID.get(id);
