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
];

export const VENDORS: readonly Vendor[] = z.array(VendorSchema).parse(VENDOR_INPUTS);

const BY_ID = new Map(VENDORS.map((v) => [v.id, v]));
export const vendorById = (id: string): Vendor | undefined => BY_ID.get(id);
