/**
 * Vendor content types. Data: vendors.ts. A vendor is a contact who trades:
 * sells its stock (some entries limited per UTC day, shared by every player and
 * restocked at 00:00 UTC), buys what players bring, and gives back the last
 * BUYBACK_SLOTS items a character sold at the price paid. Prices come from item
 * value and the character's standing with the vendor's faction (rules/vendor.ts).
 */
import { z } from 'zod';
import { ITEM_KINDS } from './item-schema';
import { REPUTATION_TIERS } from '../rules/reputation';

const Id = z.string().regex(/^[a-z0-9_]+$/);

export const VendorStockEntrySchema = z.object({
  templateId: Id,
  /** units all players together can buy per UTC day; absent: unlimited */
  dailyLimit: z.int().min(1).max(999).optional(),
  /** listed only for characters at this standing tier or better with the vendor's faction */
  minStanding: z.enum(REPUTATION_TIERS).optional(),
});
export type VendorStockEntry = z.infer<typeof VendorStockEntrySchema>;

export const VendorSchema = z.object({
  id: Id,
  /** the shop's name: "Kabuki Street Meds" */
  name: z.string().min(2),
  /** the contact who runs it (content/contacts.ts) */
  contactId: Id,
  /** standing with this faction sets prices (hostile: refuses to trade) */
  factionId: Id,
  stock: z.array(VendorStockEntrySchema).min(1),
  /** item kinds it buys from players; quest items are never bought */
  buys: z.array(z.enum(ITEM_KINDS)).min(1),
});
export type Vendor = z.infer<typeof VendorSchema>;
export type VendorInput = z.input<typeof VendorSchema>;
