// crafting and salvage content (its home is content/) and the pure rules that resolve them
export * from '../content/recipe-schema';
export * from '../content/recipes';
export * from '../content/salvage-schema';
export * from '../content/salvage';
export * from './crafting-rules';
