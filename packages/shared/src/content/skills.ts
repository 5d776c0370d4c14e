/**
 * Skills grow by use (shooting a pistol trains `handguns`, patching a wound trains
 * `medicine`…); the sim and quests call gainSkillXp. Perks unlock at skill levels.
 */
import { z } from 'zod';
import { ATTRIBUTE_KEYS } from './attributes';
import { SKILL_LEVEL_CAP } from './progression';

export const PerkSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  name: z.string().min(2),
  /** skill level at which the perk unlocks */
  level: z.int().min(1).max(SKILL_LEVEL_CAP),
  description: z.string(),
});
export type Perk = z.infer<typeof PerkSchema>;

export const SkillSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+$/),
  name: z.string().min(2),
  description: z.string(),
  /** the attribute the skill leans on (shown in the UI; combat may scale with it) */
  attribute: z.enum(ATTRIBUTE_KEYS),
  /** in ascending level order (checkContent verifies) */
  perks: z.array(PerkSchema),
});
export type Skill = z.infer<typeof SkillSchema>;

export const SKILLS_INPUT: readonly Skill[] = [
  {
    id: 'handguns',
    name: 'Handguns',
    description: 'Pistols and revolvers. Trained by landing shots with a one-handed gun.',
    attribute: 'reflexes',
    perks: [
      {
        id: 'quick_draw',
        name: 'Quick Draw',
        level: 3,
        description: '+10 % attack speed with handguns.',
      },
      {
        id: 'steady_hand',
        name: 'Steady Hand',
        level: 8,
        description: '+5 % crit chance with handguns.',
      },
      { id: 'gunslinger', name: 'Gunslinger', level: 15, description: 'Reloading is 30 % faster.' },
      {
        id: 'dead_eye',
        name: 'Dead Eye',
        level: 20,
        description: 'Headshots with handguns never miss.',
      },
    ],
  },
  {
    id: 'rifles',
    name: 'Rifles',
    description: 'Assault rifles, shotguns and smart guns. Trained by firing two-handers.',
    attribute: 'reflexes',
    perks: [
      { id: 'bracing', name: 'Bracing', level: 4, description: 'Recoil reduced by 20 %.' },
      {
        id: 'suppressive_fire',
        name: 'Suppressive Fire',
        level: 10,
        description: 'Targets hit are slowed by 10 %.',
      },
      {
        id: 'smart_link',
        name: 'Smart Link Sync',
        level: 16,
        description: 'Smart-gun rounds track 25 % harder.',
      },
    ],
  },
  {
    id: 'blades',
    name: 'Blades',
    description: 'Katanas, knives and mantis blades. Trained by cutting things that cut back.',
    attribute: 'body',
    perks: [
      { id: 'flurry', name: 'Flurry', level: 3, description: '+10 % attack speed with blades.' },
      {
        id: 'bloodletter',
        name: 'Bloodletter',
        level: 9,
        description: 'Blade crits cause bleeding.',
      },
      {
        id: 'deflect',
        name: 'Deflect',
        level: 15,
        description: 'Blocking with a blade can deflect bullets.',
      },
      {
        id: 'sakura',
        name: 'Falling Sakura',
        level: 20,
        description: 'Kills with a blade restore 10 % health.',
      },
    ],
  },
  {
    id: 'hacking',
    name: 'Quickhacking',
    description: 'Breaching ICE and frying optics. Trained by uploading quickhacks.',
    attribute: 'intelligence',
    perks: [
      {
        id: 'breach_protocol',
        name: 'Breach Protocol',
        level: 2,
        description: 'Access points pay out 20 % more eddies.',
      },
      {
        id: 'overclock',
        name: 'Overclock',
        level: 10,
        description: 'Quickhacks cost 15 % less RAM.',
      },
      {
        id: 'daemon_master',
        name: 'Daemon Master',
        level: 18,
        description: 'Quickhacks spread to one nearby target.',
      },
    ],
  },
  {
    id: 'engineering',
    name: 'Engineering',
    description: 'Repairs, crafting and tech weapons. Trained by fixing and building gear.',
    attribute: 'technical',
    perks: [
      {
        id: 'scrapper',
        name: 'Scrapper',
        level: 2,
        description: 'Dismantling yields one extra material.',
      },
      {
        id: 'field_repair',
        name: 'Field Repair',
        level: 6,
        description: 'Repairs cost 25 % fewer eddies.',
      },
      {
        id: 'tech_overcharge',
        name: 'Overcharge',
        level: 12,
        description: 'Tech weapons charge 20 % faster.',
      },
      {
        id: 'master_crafter',
        name: 'Master Crafter',
        level: 19,
        description: 'Crafted items can roll one rarity higher.',
      },
    ],
  },
  {
    id: 'athletics',
    name: 'Athletics',
    description: 'Running, climbing, hauling loot. Trained by moving and carrying.',
    attribute: 'body',
    perks: [
      { id: 'pack_mule', name: 'Pack Mule', level: 3, description: '+10 kg carry weight.' },
      {
        id: 'marathoner',
        name: 'Marathoner',
        level: 8,
        description: 'Sprinting costs no stamina out of combat.',
      },
      {
        id: 'juggernaut',
        name: 'Juggernaut',
        level: 15,
        description: 'Encumbrance slows you 30 % less.',
      },
    ],
  },
  {
    id: 'medicine',
    name: 'Medicine',
    description: 'Stims, patches and field surgery. Trained by healing yourself and others.',
    attribute: 'technical',
    perks: [
      {
        id: 'bedside_manner',
        name: 'Bedside Manner',
        level: 2,
        description: 'Healing items restore 10 % more.',
      },
      {
        id: 'combat_medic',
        name: 'Combat Medic',
        level: 7,
        description: 'Stim cooldowns are 20 % shorter.',
      },
      {
        id: 'trauma_team',
        name: 'Trauma Team Protocol',
        level: 14,
        description: 'Revive downed allies with half health.',
      },
      {
        id: 'second_heart',
        name: 'Second Heart',
        level: 20,
        description: 'Once per hour, survive a lethal hit.',
      },
    ],
  },
];

export const SKILLS: readonly Skill[] = z.array(SkillSchema).parse(SKILLS_INPUT);
export const SKILL_IDS = SKILLS.map((s) => s.id);

export const skillById = (id: string): Skill | undefined => SKILLS.find((s) => s.id === id);
