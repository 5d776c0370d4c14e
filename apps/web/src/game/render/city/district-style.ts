/**
 * Each district's look: the colours of its ground, streets, walls and roofs, the neon
 * its signs burn in, what its windows glow like, the adverts on its roofs and how hard
 * it rains. The city painter (paint-*.ts) draws every zone from one of these.
 */
import { parseInstanceZoneId } from '@necp/shared';

export interface DistrictStyle {
  key: DistrictKey;
  void: string;
  ground: string;
  /** roadway */
  asphalt: string;
  /** sidewalks and plazas */
  pavement: string;
  /** the slab joints and the kerb's lit edge */
  slabLine: string;
  kerb: string;
  laneMark: string;
  /** sign and roof-edge colours, picked per building */
  neon: readonly string[];
  /** lit window colours (warm rooms, screens) */
  windows: readonly string[];
  /** facade gradient, top → bottom */
  wall: readonly [string, string];
  /** roof gradient, north-west → south-east */
  roof: readonly [string, string];
  roofBox: string;
  /** street lights' pools */
  lamp: string;
  /** words on the holo-ads */
  ads: readonly string[];
  /** 0 = dry; 1 = Watson's downpour */
  rain: number;
  /** how many of the street's spots hold a parked car (0..1) */
  traffic: number;
}

const WATSON: DistrictStyle = {
  key: 'watson',
  void: '#04050a',
  ground: '#0b0d19',
  asphalt: '#141827',
  pavement: '#1a1e30',
  slabLine: 'rgba(120, 140, 200, 0.10)',
  kerb: 'rgba(0, 240, 255, 0.32)',
  laneMark: 'rgba(252, 238, 10, 0.28)',
  neon: ['#00f0ff', '#ff2bd6', '#fcee0a', '#9d5cff'],
  windows: ['rgba(252, 238, 10, 0.6)', 'rgba(255, 170, 90, 0.55)', 'rgba(0, 240, 255, 0.6)'],
  wall: ['#1c2346', '#0c1024'],
  roof: ['#2a3366', '#181e40'],
  roofBox: '#3a4580',
  lamp: 'rgba(255, 190, 120, 0.16)',
  ads: ['NICOLA', 'KIROSHI', 'JIG-JIG', 'BD', 'NOODLES', 'CHROME'],
  rain: 1,
  traffic: 0.35,
};

const WESTBROOK: DistrictStyle = {
  key: 'westbrook',
  void: '#07040a',
  ground: '#120c14',
  asphalt: '#1b1420',
  pavement: '#251b26',
  slabLine: 'rgba(255, 190, 150, 0.10)',
  kerb: 'rgba(255, 80, 100, 0.35)',
  laneMark: 'rgba(255, 214, 120, 0.3)',
  neon: ['#ff3b5c', '#ffb347', '#ff6fd8', '#ffd84a'],
  windows: ['rgba(255, 200, 120, 0.65)', 'rgba(255, 120, 120, 0.5)', 'rgba(255, 230, 180, 0.55)'],
  wall: ['#3a1f2e', '#170c15'],
  roof: ['#4a2438', '#26121f'],
  roofBox: '#5e3047',
  lamp: 'rgba(255, 150, 90, 0.18)',
  ads: ['KABUKI', 'CLOUDS', 'SAKE', 'TYGER', 'KUSANAGI', 'RAMEN'],
  rain: 0.45,
  traffic: 0.45,
};

const CITY_CENTER: DistrictStyle = {
  key: 'city-center',
  void: '#03060a',
  ground: '#0a1016',
  asphalt: '#121a22',
  pavement: '#1a2631',
  slabLine: 'rgba(160, 220, 255, 0.12)',
  kerb: 'rgba(120, 220, 255, 0.38)',
  laneMark: 'rgba(220, 240, 255, 0.3)',
  neon: ['#7fe9ff', '#ffffff', '#3d9bff', '#3dff8f'],
  windows: ['rgba(190, 235, 255, 0.6)', 'rgba(255, 255, 255, 0.45)', 'rgba(120, 200, 255, 0.55)'],
  wall: ['#1d3348', '#0b1622'],
  roof: ['#2b4a66', '#152638'],
  roofBox: '#3d5f80',
  lamp: 'rgba(180, 230, 255, 0.14)',
  ads: ['ARASAKA', 'MILITECH', 'BIOTECHNICA', 'PETROCHEM', 'N54', 'KANG TAO'],
  rain: 0,
  traffic: 0.6,
};

const ARENA: DistrictStyle = {
  ...WATSON,
  key: 'arena',
  ground: '#120a08',
  asphalt: '#1d120d',
  pavement: '#241711',
  slabLine: 'rgba(255, 160, 80, 0.12)',
  kerb: 'rgba(255, 138, 31, 0.4)',
  neon: ['#ff8a1f', '#ff3b5c', '#fcee0a', '#ff2bd6'],
  wall: ['#3b2114', '#180c07'],
  roof: ['#4d2a17', '#26140a'],
  roofBox: '#66381e',
  ads: ['ARENA', 'FIGHT', 'BLOOD', 'GLORY'],
  rain: 0,
  traffic: 0,
};

const DEEP: DistrictStyle = {
  ...WATSON,
  key: 'deep',
  void: '#010507',
  ground: '#06100f',
  asphalt: '#0b1816',
  pavement: '#0f1f1c',
  slabLine: 'rgba(80, 255, 200, 0.08)',
  kerb: 'rgba(61, 255, 143, 0.3)',
  neon: ['#3dff8f', '#00f0ff', '#9d5cff', '#1fd1a5'],
  windows: ['rgba(61, 255, 143, 0.45)', 'rgba(0, 240, 255, 0.45)'],
  wall: ['#10302b', '#061412'],
  roof: ['#17403a', '#0a201d'],
  roofBox: '#1f5a50',
  lamp: 'rgba(61, 255, 200, 0.12)',
  ads: ['VOODOO', 'NETWATCH', 'BLACKWALL'],
  rain: 0,
  traffic: 0,
};

export const DISTRICT_STYLES = {
  watson: WATSON,
  westbrook: WESTBROOK,
  'city-center': CITY_CENTER,
  arena: ARENA,
  deep: DEEP,
} as const;
export type DistrictKey = keyof typeof DISTRICT_STYLES;

/** A zone's style: its district's, an instance's by kind, Watson's for anything new. */
export function districtStyle(zoneId: string): DistrictStyle {
  const inst = parseInstanceZoneId(zoneId);
  if (inst) return inst.template.kind === 'arena' ? ARENA : DEEP;
  return zoneId in DISTRICT_STYLES ? DISTRICT_STYLES[zoneId as DistrictKey] : WATSON;
}
