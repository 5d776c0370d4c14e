/** How a figure stands in one drawing: which way it faces, where in its walk, alive or not. */
export type Facing = 'down' | 'up' | 'side';

/**
 * What a figure is doing with its hands, by the ability's kind: an attack (a shot or a
 * swing, by its weapon), a cast (a hack: an orb of code) or a mend (a heal or a stim:
 * a green cross).
 */
export type Act = 'attack' | 'cast' | 'mend';

export interface Pose {
  facing: Facing;
  /** walk cycle 0..1; null standing */
  phase: number | null;
  dead: boolean;
  /** null: hands at rest */
  act?: Act | null;
}
