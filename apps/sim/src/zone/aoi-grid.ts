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
  /** per cell: the last tick something in it changed (see touch) */
  private readonly stamps: Int32Array;

  constructor(
    private readonly cellSize: number,
    width: number,
    height: number,
  ) {
    this.cols = Math.floor(width / cellSize) + 1;
    this.rows = Math.floor(height / cellSize) + 1;
    this.stamps = new Int32Array(this.cols * this.rows).fill(-1);
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

  /** The cell an entity is filed in (undefined: not in the grid). */
  cellKeyOf(id: number): number | undefined {
    return this.cellOf.get(id);
  }

  /** The entities filed in one cell. */
  inCell(key: number): ReadonlySet<number> | undefined {
    return this.cells.get(key);
  }

  /** Marks a cell as changed at `tick` (an entity in it moved, changed, arrived or left). */
  touch(key: number, tick: number): void {
    this.stamps[key] = tick;
  }

  touchedAt(key: number): number {
    return this.stamps[key] ?? -1;
  }

  /** Fills `out` with the keys of the cells overlapping the square around (x, y); returns it. */
  keysNear(x: number, y: number, radius: number, out: number[] = []): number[] {
    out.length = 0;
    const [c0, r0] = this.cell(x - radius, y - radius);
    const [c1, r1] = this.cell(x + radius, y + radius);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push(r * this.cols + c);
    return out;
  }

  /** Whether any cell in the square around (x, y) changed at `tick`. */
  touchedNear(x: number, y: number, radius: number, tick: number): boolean {
    const [c0, r0] = this.cell(x - radius, y - radius);
    const [c1, r1] = this.cell(x + radius, y + radius);
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) if (this.stamps[r * this.cols + c] === tick) return true;
    return false;
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
