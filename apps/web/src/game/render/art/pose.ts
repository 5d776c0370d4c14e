/** How a figure stands in one drawing: which way it faces, where in its walk, alive or not. */
export type Facing = 'down' | 'up' | 'side';

/** what a figure is doing with its hands: an attack (a shot or a swing, by its weapon) or a cast */
export type Act = 'attack' | 'cast';

export interface Pose {
  facing: Facing;
  /** walk cycle 0..1; null standing */
  phase: number | null;
  dead: boolean;
  /** null: hands at rest */
  act?: Act | null;
}
