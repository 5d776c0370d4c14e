/**
 * How a figure looks, from what the client knows of it: a player by class (outfit,
 * colours, the class's accessory), an NPC by faction and template (each gang and corp its
 * own colours and kit; drones and beasts their own bodies), its rank by size and trim
 * (elite: gold shoulders; boss: half as big again, gold crown and a red aura). Pure: the
 * sprite cache keys its drawings by `key`.
 */
import { contactById, type NpcRank } from '@necp/shared';
import { npcTemplate } from '../../combat/content';
import { weaponKind, type WeaponKind } from './weapon-kind';

export type BodyKind = 'human' | 'drone' | 'beast';
/** a player's origin, as worn */
export type OriginMark = 'streetkid' | 'nomad' | 'corpo';
export type Accessory =
  | 'vest' // solo: an armoured vest with plates
  | 'visor' // netrunner: a glowing visor and trailing cables
  | 'pack' // techie: a tool pack with an antenna
  | 'medkit' // medtech: a white coat's cross
  | 'katana' // tyger claws
  | 'chrome' // maelstrom: red optics, chrome jaw
  | 'hood' // scavengers
  | 'suit' // arasaka: black suit, red tie
  | 'club' // animals: bare arms, a club
  | 'dreads' // voodoo boys: dreadlocks, a deck glow
  | 'blades'; // cyberpsychos: mantis blades

export interface FigureLook {
  key: string;
  body: BodyKind;
  /** jacket / torso */
  coat: string;
  /** trousers, boots */
  legs: string;
  /** trim and neon details */
  trim: string;
  skin: string;
  hair: string;
  accessory: Accessory | null;
  /** what it holds (a player's main hand, an NPC faction's arms); null: nothing drawn */
  weapon: WeaponKind | null;
  /** a player's origin, worn (cap, scarf and hat, collar and tie) */
  origin: OriginMark | null;
  /** 1 normal, 1.2 elite, 1.5 boss */
  scale: number;
  rank: NpcRank | 'player';
  /** the outline's glow: who it is to the viewer at a glance */
  glow: string;
}

const SKINS = ['#f1c7a4', '#d9a27c', '#b57a55', '#8a5a3b', '#5c3a24'];
const HAIRS = ['#101018', '#3a2418', '#c8a040', '#ff3ca6', '#33e1ff', '#e8e8f0'];

/** a stable small number from a string (the same NPC kind always looks the same) */
export function hashOf(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const CLASS_LOOKS: Record<string, Pick<FigureLook, 'coat' | 'legs' | 'trim' | 'accessory'>> = {
  solo: { coat: '#3b4252', legs: '#1d2330', trim: '#ffc83d', accessory: 'vest' },
  netrunner: { coat: '#1c1036', legs: '#120c22', trim: '#33e1ff', accessory: 'visor' },
  techie: { coat: '#5a4a1c', legs: '#2a2418', trim: '#ff9a3c', accessory: 'pack' },
  medtech: { coat: '#dfe9ee', legs: '#35505e', trim: '#2ee6a0', accessory: 'medkit' },
};

type FactionLook = Pick<FigureLook, 'coat' | 'legs' | 'trim' | 'accessory' | 'weapon'>;
const FACTION_LOOKS: Record<string, FactionLook> = {
  tyger_claws: {
    coat: '#1a3d3a',
    legs: '#101a1a',
    trim: '#ff3ca6',
    accessory: 'katana',
    weapon: null,
  },
  maelstrom: {
    coat: '#2a0d10',
    legs: '#140808',
    trim: '#ff2a3a',
    accessory: 'chrome',
    weapon: 'shotgun',
  },
  scavengers: {
    coat: '#4d3b2a',
    legs: '#2b2219',
    trim: '#9c7a4a',
    accessory: 'hood',
    weapon: 'pistol',
  },
  arasaka: { coat: '#0d0d12', legs: '#0a0a0e', trim: '#e0202a', accessory: 'suit', weapon: 'smg' },
  animals: { coat: '#5a2f1c', legs: '#2a1a12', trim: '#ffb020', accessory: 'club', weapon: null },
  voodoo_boys: {
    coat: '#15301f',
    legs: '#0f1c14',
    trim: '#6cff5a',
    accessory: 'dreads',
    weapon: 'pistol',
  },
  cyberpsychos: {
    coat: '#2b2b33',
    legs: '#17171c',
    trim: '#ff3a3a',
    accessory: 'blades',
    weapon: null,
  },
};
const DRONE: FactionLook = {
  coat: '#4a5566',
  legs: '#2a313c',
  trim: '#33e1ff',
  accessory: null,
  weapon: null,
};
const ORIGINS: readonly OriginMark[] = ['streetkid', 'nomad', 'corpo'];

const GLOW = {
  self: '#ffe600',
  friend: '#00f0ff',
  hostile: '#ff3b5c',
  neutral: '#ffe600',
  contact: '#3dff8f',
};

export interface LookInput {
  /** a contact's templateId is its contact id */
  kind: 'player' | 'npc' | 'contact';
  classId?: string | undefined;
  templateId?: string | undefined;
  rank?: NpcRank | undefined;
  /** the viewer's relation: how the outline glows */
  relation: keyof typeof GLOW;
  /** players: a stable seed (the name) for skin and hair */
  seed: string;
  /** players: origin id */
  origin?: string | undefined;
  /** players: the main hand's item template (null or absent: fists) */
  weapon?: string | null | undefined;
}

export function figureLook(i: LookInput): FigureLook {
  const h = hashOf(i.seed);
  const skin = SKINS[h % SKINS.length]!;
  const hair = HAIRS[(h >>> 8) % HAIRS.length]!;
  const glow = GLOW[i.relation];
  if (i.kind === 'player') {
    const c = CLASS_LOOKS[i.classId ?? ''] ?? CLASS_LOOKS.solo!;
    const origin = ORIGINS.find((o) => o === i.origin) ?? null;
    const weapon = weaponKind(i.weapon);
    return {
      ...c,
      weapon,
      origin,
      key: `p:${i.classId}:${origin}:${weapon}:${skin}:${hair}:${i.relation}`,
      body: 'human',
      skin,
      hair,
      scale: 1,
      rank: 'player',
      glow,
    };
  }
  if (i.kind === 'contact') return contactLook(i.templateId ?? '', glow);
  const t = npcTemplate(i.templateId);
  const id = i.templateId ?? '';
  // drones fly; the reef's wardens and leviathans are no people at all
  const body: BodyKind = id.includes('drone')
    ? 'drone'
    : id.includes('warden') || id.includes('leviathan')
      ? 'beast'
      : 'human';
  const rank = i.rank ?? 'normal';
  const base =
    body === 'drone' ? DRONE : (FACTION_LOOKS[t?.faction ?? ''] ?? FACTION_LOOKS.scavengers!);
  // an NPC kind's face and hair are its own, the same every time
  const kh = hashOf(id);
  return {
    ...base,
    origin: null,
    key: `n:${id}:${rank}:${i.relation}`,
    body,
    skin: SKINS[kh % SKINS.length]!,
    hair: HAIRS[(kh >>> 8) % HAIRS.length]!,
    scale: rank === 'boss' ? 1.5 : rank === 'elite' ? 1.2 : 1,
    rank,
    glow,
  };
}

type RoleLook = Pick<FigureLook, 'coat' | 'legs' | 'trim' | 'accessory' | 'weapon' | 'origin'>;
/** the people players talk to, by what they do (their title in content) */
const ROLE_LOOKS: readonly (readonly [RegExp, RoleLook])[] = [
  [
    /fixer/i,
    {
      coat: '#2b1d3a',
      legs: '#17101f',
      trim: '#ffc83d',
      accessory: 'suit',
      weapon: null,
      origin: null,
    },
  ],
  [
    /ripperdoc|medic|doc/i,
    {
      coat: '#dfe9ee',
      legs: '#35505e',
      trim: '#33e1ff',
      accessory: 'medkit',
      weapon: null,
      origin: null,
    },
  ],
  [
    /ncpd|police|security/i,
    {
      coat: '#1c2d5a',
      legs: '#121a33',
      trim: '#4da3ff',
      accessory: 'vest',
      weapon: 'pistol',
      origin: 'streetkid',
    },
  ],
  [
    /vendor|cook/i,
    {
      coat: '#7a2630',
      legs: '#2a1a1a',
      trim: '#fcee0a',
      accessory: null,
      weapon: null,
      origin: 'streetkid',
    },
  ],
  [
    /trader|nomad/i,
    {
      coat: '#5a4028',
      legs: '#2b2219',
      trim: '#e0a050',
      accessory: null,
      weapon: null,
      origin: 'nomad',
    },
  ],
  [
    /arms dealer/i,
    {
      coat: '#3d4a2a',
      legs: '#20261a',
      trim: '#b8e04a',
      accessory: 'vest',
      weapon: 'rifle',
      origin: null,
    },
  ],
];

/**
 * A contact's figure: by role where the title names one (fixer, ripperdoc, NCPD, vendor,
 * trader, arms dealer), else in its faction's colours; always upright and unarmed-looking
 * enough to talk to, never ranked.
 */
function contactLook(contactId: string, glow: string): FigureLook {
  const c = contactById(contactId);
  const role = ROLE_LOOKS.find(([re]) => re.test(c?.title ?? ''))?.[1];
  const faction = FACTION_LOOKS[c?.factionId ?? ''];
  const base: RoleLook = role ?? {
    ...(faction ?? FACTION_LOOKS.scavengers!),
    weapon: null,
    origin: null,
  };
  const h = hashOf(contactId);
  return {
    ...base,
    key: `c:${contactId}`,
    body: 'human',
    skin: SKINS[h % SKINS.length]!,
    hair: HAIRS[(h >>> 8) % HAIRS.length]!,
    scale: 1,
    rank: 'player',
    glow,
  };
}
