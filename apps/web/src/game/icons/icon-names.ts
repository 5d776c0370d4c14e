/**
 * Which Game Icons (game-icons.net, CC BY 3.0) picture stands for each item template
 * and ability. Every shipped template and ability has its own entry (a unit test
 * refuses content without one); the kind/slot fallbacks only cover a client that is
 * older than the server's content. After changing this file run
 * `pnpm --filter @necp/web icons` to regenerate the SVG bodies (icon-bodies.generated.ts).
 */

export const ITEM_ICONS: Readonly<Record<string, string>> = {
  // weapons
  pistol_unity: 'pistol-gun',
  knife_combat: 'bowie-knife',
  bat_sluggers: 'baseball-bat',
  machete_scrap: 'machete',
  pistol_lexington: 'pistol-gun',
  rifle_copperhead: 'rifle',
  revolver_overture: 'revolver',
  baton_shock: 'telescopic-baton',
  smg_saratoga: 'uzi',
  katana_tsumetogi: 'katana',
  smart_pistol_kenshin: 'laser-gun',
  dagger_venom: 'dripping-knife',
  shotgun_carnage: 'shotgun',
  torch_pyre: 'flamethrower',
  tech_rifle_achilles: 'ray-gun',
  monowire_neural: 'electric-whip',
  smart_smg_yinglong: 'machine-gun',
  katana_satori: 'lightning-saber',
  launcher_ashura: 'missile-launcher',
  pistol_malorian: 'crossed-pistols',
  sniper_nekomata: 'winchester-rifle',
  pistol_nue: 'pistol-gun',
  machete_kukri: 'curvy-knife',
  rifle_ajax: 'rifle',
  revolver_burya: 'revolver',
  smg_pulsar: 'm3-grease-gun',
  knife_thermal: 'trench-knife',
  rifle_sidewinder: 'bolter-gun',
  shotgun_tactician: 'sawed-off-shotgun',
  rifle_masamune: 'autogun',
  hammer_sasquatch: 'warhammer',
  revolver_comrade: 'revolver',
  // armour
  cap_street: 'billed-cap',
  jacket_kevlar: 'kevlar',
  pants_cargo: 'trousers',
  boots_combat: 'steeltoe-boots',
  gloves_fingerless: 'gloves',
  sneakers_neon: 'running-shoe',
  vest_tactical: 'armor-vest',
  helmet_riot: 'full-motorcycle-helmet',
  pants_kevlar: 'armored-pants',
  shield_riot: 'riot-shield',
  gloves_tactical: 'gloves',
  gloves_surgeon: 'cooking-glove',
  suit_netrunner: 'space-suit',
  coat_trench_armored: 'trench-body-armor',
  visor_netrunner: 'robot-helmet',
  shield_ballistic: 'checked-shield',
  legs_plated: 'leg-armor',
  gauntlets_powered: 'gauntlet',
  boots_magnetic: 'metal-boot',
  helmet_militech: 'brodie-helmet',
  armor_militech_heavy: 'chest-armor',
  shield_energy: 'energy-shield',
  jacket_samurai: 'sleeveless-jacket',
  legs_arasaka_exo: 'robot-leg',
  halo_arasaka: 'android-mask',
  vest_padded: 'leather-vest',
  jacket_biker: 'moncler-jacket',
  helmet_construction: 'mining-helmet',
  pants_workwear: 'trousers',
  mask_gas: 'gas-mask',
  jacket_corpo: 'suits',
  boots_hiking: 'walking-boot',
  boots_corpo: 'chelsea-boot',
  gloves_netwatch: 'winter-gloves',
  gloves_worker: 'gloves',
  // cyberware
  cyber_lynx_paws: 'lynx-head',
  cyber_optics_kiroshi: 'cyber-eye',
  cyber_biomonitor: 'heart-beats',
  cyber_synaptic_booster: 'brain',
  cyber_subdermal_armor: 'layered-armor',
  cyber_kerenzikov: 'time-trap',
  cyber_cortex_coprocessor: 'processor',
  cyber_smart_link: 'microchip',
  cyber_gorilla_arms: 'mechanical-arm',
  cyber_pain_editor: 'brain-stem',
  cyber_sandevistan: 'running-ninja',
  cyber_heat_converter: 'fire-ring',
  cyber_bionic_lungs: 'lungs',
  // consumables
  stim_basic: 'syringe',
  food_noodles: 'noodles',
  drink_nicola: 'soda-bottle',
  inhaler_bounce_back: 'medicine-pills',
  stim_trauma: 'medical-pack',
  stim_black_lace: 'skull-with-syringe',
  stim_military: 'syringe',
  stim_nanite_surge: 'health-capsule',
  stim_platinum: 'medical-drip',
  // materials
  scrap_metal: 'metal-plate',
  copper_wire: 'wire-coil',
  polymer_resin: 'corked-tube',
  circuit_board: 'circuitry',
  chrome_plating: 'metal-disc',
  quantum_chip: 'microchip',
  military_alloy: 'metal-bar',
  relic_fragment: 'crystal-growth',
  leviathan_qubit: 'atom',
  // junk
  junk_shard_broken: 'broken-shield',
  junk_nicola_can: 'soda-can',
  junk_lighter: 'lighter',
  junk_poster_idol: 'target-poster',
  junk_vinyl_record: 'compact-disc',
  // quest items
  welcome_gang_tag: 'medal-skull',
  junk_shipping_manifest: 'papers',
  regina_data_drop: 'usb-key',
  bitw_container_shard: 'usb-key',
  bitw_route_chip: 'microchip',
  bitw_tracer_beacon: 'radar-sweep',
  claws_deck_fragment: 'circuitry',
  voodoo_ice_sample: 'test-tubes',
};

export const ABILITY_ICONS: Readonly<Record<string, string>> = {
  solo_attack: 'gunshot',
  solo_power_shot: 'bullseye',
  solo_defensive_stance: 'shield-reflect',
  solo_crippling_shot: 'leg',
  solo_frag_grenade: 'grenade',
  solo_combat_stims: 'syringe',
  netrunner_attack: 'gunshot',
  netrunner_overheat: 'fire-ray',
  netrunner_firewall: 'firewall',
  netrunner_short_circuit: 'electrical-resistance',
  netrunner_synapse_burnout: 'brain-freeze',
  netrunner_contagion: 'virus',
  techie_attack: 'gunshot',
  techie_shock_grenade: 'stun-grenade',
  techie_deflector: 'bolt-shield',
  techie_taser_dart: 'dart',
  techie_incendiary_round: 'fire-bomb',
  techie_overcharge: 'battery-pack',
  medtech_attack: 'gunshot',
  medtech_toxin_dart: 'poison-bottle',
  medtech_nano_heal: 'healing',
  medtech_sedative: 'sleepy',
  medtech_trauma_surge: 'heart-plus',
  medtech_neurotoxin_cloud: 'poison-cloud',
  npc_attack: 'punch',
  npc_toxin_shot: 'poison-bottle',
  npc_emp_burst: 'electric',
  npc_short_circuit: 'electrical-resistance',
  npc_stim_heal: 'syringe',
  npc_katana_slash: 'katana',
  npc_frag_grenade: 'grenade',
  npc_ground_slam: 'hammer-drop',
  npc_minigun_sweep: 'minigun',
  npc_rocket_volley: 'incoming-rocket',
  npc_optical_camo: 'invisible',
  npc_sandevistan_dash: 'fire-dash',
  npc_berserk: 'enrage',
};

/** For a template this client does not know yet (content newer than the bundle). */
export const KIND_ICONS: Readonly<Record<string, string>> = {
  weapon: 'pistol-gun',
  armor: 'armor-vest',
  cyberware: 'microchip',
  consumable: 'syringe',
  material: 'metal-bar',
  junk: 'cardboard-box',
  quest: 'papers',
};
export const FALLBACK_ICON = 'perspective-dice-six-faces-random';

export function itemIconName(templateId: string, kind: string | undefined): string {
  return ITEM_ICONS[templateId] ?? (kind ? KIND_ICONS[kind] : undefined) ?? FALLBACK_ICON;
}

export function abilityIconName(abilityId: string): string {
  return ABILITY_ICONS[abilityId] ?? FALLBACK_ICON;
}

/** Every icon the client can draw (what the generator puts in the bundle). */
export function usedIconNames(): string[] {
  return [
    ...new Set([
      ...Object.values(ITEM_ICONS),
      ...Object.values(ABILITY_ICONS),
      ...Object.values(KIND_ICONS),
      FALLBACK_ICON,
    ]),
  ].sort();
}
