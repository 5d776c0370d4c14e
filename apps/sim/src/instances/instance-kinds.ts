/**
 * The instance kinds by template kind (instance-kind.ts): the one place that says
 * which module an arena, a dungeon and a raid are. The host looks its instance's
 * kind up here when it opens one.
 */
import type { InstanceTemplate } from '@necp/shared';
import { arenaKind } from './arena-kind';
import { dungeonKind } from './dungeon-kind';
import type { InstanceKind } from './instance-kind';
import { raidKind } from './raid-kind';

export const INSTANCE_KINDS: Readonly<Record<InstanceTemplate['kind'], InstanceKind>> = {
  arena: arenaKind,
  dungeon: dungeonKind,
  raid: raidKind,
};
