// The dialogue domain's entry points; conditions, effects and views stay internal.
export { openDialogue, chooseDialogue } from './converse';
export { skillCheckSeed, skillCheckRng } from './skill-check-roll';
export { nodeOnceFlag } from './effects';
