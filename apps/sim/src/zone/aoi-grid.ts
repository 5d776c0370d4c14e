/**
 * Spatial hash for area-of-interest queries: entities are bucketed into square
 * cells, so "who is near (x, y)" only looks at the few cells around it instead
 * of every entity in the zone.
 */
export class AoiGrid {
  private readonly cells = new Map<number, Set<number>>();
  private readonly cellOf = new Map<number, number>();
  private readonly cols: number;
  private readonly rows: number;

  constructor(
    private readonly cellSize: number,
    width: number,
    height: number,
  ) {
    this.cols = Math.floor(width / cellSize) + 1;
    this.rows = Math.floor(height / cellSize) + 1;
  }

  get size(): number {
    return this.cellOf.size;
  }

  /** Adds or moves an entity; cheap when it stays in its cell. */
  upsert(id: number, x: number, y: number): void {
    const key = this.keyOf(x, y);
    const old = this.cellOf.get(id);
    if (old === key) return;
    if (old !== undefined) this.cells.get(old)?.delete(id);
    let cell = this.cells.get(key);
    if (!cell) this.cells.set(key, (cell = new Set()));
    cell.add(id);
    this.cellOf.set(id, key);
  }

  remove(id: number): void {
    const key = this.cellOf.get(id);
    if (key === undefined) return;
    const cell = this.cells.get(key);
    cell?.delete(id);
    if (cell?.size === 0) this.cells.delete(key);
    this.cellOf.delete(id);
  }

  /** Calls `visit` for every entity in the cells overlapping the square around (x, y); callers filter by exact distance. */
  forEachNear(x: number, y: number, radius: number, visit: (id: number) => void): void {
    const [c0, r0] = this.cell(x - radius, y - radius);
    const [c1, r1] = this.cell(x + radius, y + radius);
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        const cell = this.cells.get(r * this.cols + c);
        if (cell) for (const id of cell) visit(id);
      }
    }
  }

  private cell(x: number, y: number): [number, number] {
    const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);
    return [
      clamp(Math.floor(x / this.cellSize), this.cols - 1),
      clamp(Math.floor(y / this.cellSize), this.rows - 1),
    ];
  }

  private keyOf(x: number, y: number): number {
    const [c, r] = this.cell(x, y);
    return r * this.cols + c;
  }
}
