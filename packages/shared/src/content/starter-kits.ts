/**
 * What a new character wears on arrival, per class: a sidearm and a couple of
 * clothes, so the first street fight is winnable without a trip to a vendor.
 * Granted equipped at creation (ledger source `starter`); checkContent verifies
 * every id exists, fits a distinct equipment slot and is level 1.
 */
import type { ClassId } from './classes';

export const STARTER_KITS: Readonly<Record<ClassId, readonly string[]>> = {
  solo: ['pistol_unity', 'jacket_kevlar', 'pants_cargo'],
  netrunner: ['pistol_unity', 'cap_street', 'pants_cargo'],
  techie: ['pistol_unity', 'jacket_kevlar', 'boots_combat'],
  medtech: ['pistol_unity', 'pants_cargo', 'boots_combat'],
};
