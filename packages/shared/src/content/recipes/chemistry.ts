/** Chemistry: stims and inhalers from precursors, medi-gel and, at the top, nano-paste. Batch recipes make several at once. */
import type { RecipeInput } from '../recipe-schema';

export const CHEMISTRY_RECIPES: readonly RecipeInput[] = [
  // ── first steps (starter recipes: skillReq 0) ──
  {
    id: 'ch_basic_stim',
    name: 'Basic Stim',
    discipline: 'chemistry',
    output: { templateId: 'stim_basic', quantity: 2 },
    inputs: [
      { templateId: 'chem_precursor', quantity: 2 },
      { templateId: 'medi_gel', quantity: 1 },
    ],
    difficulty: 5,
    skillReq: 0,
    castMs: 1500,
  },
  {
    id: 'ch_bounce_back',
    name: 'Bounce Back Inhaler',
    discipline: 'chemistry',
    output: { templateId: 'inhaler_bounce_back', quantity: 1 },
    inputs: [
      { templateId: 'chem_precursor', quantity: 3 },
      { templateId: 'medi_gel', quantity: 2 },
      { templateId: 'polymer_resin', quantity: 1 },
    ],
    difficulty: 15,
    skillReq: 5,
    castMs: 2000,
  },
  {
    id: 'ch_stim_batch',
    name: 'Basic Stim (batch of 5)',
    discipline: 'chemistry',
    output: { templateId: 'stim_basic', quantity: 5 },
    inputs: [
      { templateId: 'chem_precursor', quantity: 5 },
      { templateId: 'medi_gel', quantity: 3 },
    ],
    difficulty: 20,
    skillReq: 10,
    castMs: 4000,
  },
  // ── street chems ──
  {
    id: 'ch_trauma_stim',
    name: 'Trauma Stim',
    discipline: 'chemistry',
    output: { templateId: 'stim_trauma', quantity: 1 },
    inputs: [
      { templateId: 'medi_gel', quantity: 4 },
      { templateId: 'neurotransmitter_vial', quantity: 1 },
      { templateId: 'chem_precursor', quantity: 2 },
    ],
    difficulty: 30,
    skillReq: 20,
    castMs: 3000,
  },
  {
    id: 'ch_black_lace',
    name: 'Black Lace',
    discipline: 'chemistry',
    output: { templateId: 'stim_black_lace', quantity: 1 },
    inputs: [
      { templateId: 'neurotransmitter_vial', quantity: 4 },
      { templateId: 'chem_precursor', quantity: 6 },
    ],
    difficulty: 45,
    skillReq: 35,
    castMs: 4000,
  },
  {
    id: 'ch_trauma_batch',
    name: 'Trauma Stim (batch of 3)',
    discipline: 'chemistry',
    output: { templateId: 'stim_trauma', quantity: 3 },
    inputs: [
      { templateId: 'medi_gel', quantity: 10 },
      { templateId: 'neurotransmitter_vial', quantity: 3 },
      { templateId: 'chem_precursor', quantity: 5 },
    ],
    difficulty: 50,
    skillReq: 40,
    castMs: 6000,
  },
  // ── mil-spec ──
  {
    id: 'ch_military_stim',
    name: 'Military Stim',
    discipline: 'chemistry',
    output: { templateId: 'stim_military', quantity: 1 },
    inputs: [
      { templateId: 'medi_gel', quantity: 6 },
      { templateId: 'neurotransmitter_vial', quantity: 4 },
      { templateId: 'nano_paste', quantity: 1 },
    ],
    difficulty: 60,
    skillReq: 50,
    castMs: 5000,
  },
  {
    id: 'ch_nanite_surge',
    name: 'Nanite Surge',
    discipline: 'chemistry',
    output: { templateId: 'stim_nanite_surge', quantity: 1 },
    inputs: [
      { templateId: 'nano_paste', quantity: 6 },
      { templateId: 'neurotransmitter_vial', quantity: 6 },
      { templateId: 'quantum_chip', quantity: 1 },
    ],
    difficulty: 80,
    skillReq: 70,
    castMs: 8000,
  },
  {
    id: 'ch_nanite_batch',
    name: 'Nanite Surge (batch of 2)',
    discipline: 'chemistry',
    output: { templateId: 'stim_nanite_surge', quantity: 2 },
    inputs: [
      { templateId: 'nano_paste', quantity: 10 },
      { templateId: 'neurotransmitter_vial', quantity: 10 },
      { templateId: 'quantum_chip', quantity: 2 },
    ],
    difficulty: 100,
    skillReq: 90,
    castMs: 10000,
  },
];
