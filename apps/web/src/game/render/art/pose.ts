/** How a figure stands in one drawing: which way it faces, where in its walk, alive or not. */
export type Facing = 'down' | 'up' | 'side';

export interface Pose {
  facing: Facing;
  /** walk cycle 0..1; null standing */
  phase: number | null;
  dead: boolean;
}
