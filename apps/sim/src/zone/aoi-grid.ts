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
  /**
   * per cell: the last tick something changed in a cell within `reach` cells of
   * it — so "did anything change near this client" is one lookup of its own cell
   * (changedNear), not a scan of its whole square every tick
   */
  private readonly nearStamps: Int32Array;
  private readonly reach: number;

  constructor(
    private readonly cellSize: number,
    width: number,
    height: number,
    /** the largest radius changedNear answers for (m) */
    watchRadius = 0,
  ) {
    this.cols = Math.floor(width / cellSize) + 1;
    this.rows = Math.floor(height / cellSize) + 1;
    this.stamps = new Int32Array(this.cols * this.rows).fill(-1);
    this.nearStamps = new Int32Array(this.cols * this.rows).fill(-1);
    // a point anywhere in cell c sees cells c ± ceil(r / size) at most
    this.reach = Math.ceil(watchRadius / cellSize);
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
    const c0 = this.col(x - radius);
    const r0 = this.row(y - radius);
    const c1 = this.col(x + radius);
    const r1 = this.row(y + radius);
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
    if (this.stamps[key] === tick) return;
    this.stamps[key] = tick;
    const reach = this.reach;
    if (reach === 0) return;
    const c = key % this.cols;
    const r = (key - c) / this.cols;
    const c0 = Math.max(c - reach, 0);
    const c1 = Math.min(c + reach, this.cols - 1);
    const r1 = Math.min(r + reach, this.rows - 1);
    const near = this.nearStamps;
    for (let rr = Math.max(r - reach, 0); rr <= r1; rr++) {
      const base = rr * this.cols;
      for (let cc = c0; cc <= c1; cc++) near[base + cc] = tick;
    }
  }

  /**
   * Whether a cell within `watchRadius` of (x, y) may have changed after tick
   * `since` (conservative: the whole reach around the point's cell counts).
   */
  changedNear(x: number, y: number, since: number): boolean {
    return this.nearStamps[this.row(y) * this.cols + this.col(x)]! > since;
  }

  touchedAt(key: number): number {
    return this.stamps[key] ?? -1;
  }

  /** Fills `out` with the keys of the cells overlapping the square around (x, y); returns it. */
  keysNear(x: number, y: number, radius: number, out: number[] = []): number[] {
    out.length = 0;
    const c0 = this.col(x - radius);
    const r0 = this.row(y - radius);
    const c1 = this.col(x + radius);
    const r1 = this.row(y + radius);
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) out.push(r * this.cols + c);
    return out;
  }

  /** Whether any cell in the square around (x, y) changed at `tick`. */
  touchedNear(x: number, y: number, radius: number, tick: number): boolean {
    const c0 = this.col(x - radius);
    const r0 = this.row(y - radius);
    const c1 = this.col(x + radius);
    const r1 = this.row(y + radius);
    for (let r = r0; r <= r1; r++)
      for (let c = c0; c <= c1; c++) if (this.stamps[r * this.cols + c] === tick) return true;
    return false;
  }

  // no tuples or closures: these run for every entity and client every tick
  private col(x: number): number {
    const c = Math.floor(x / this.cellSize);
    return c < 0 ? 0 : c >= this.cols ? this.cols - 1 : c;
  }

  private row(y: number): number {
    const r = Math.floor(y / this.cellSize);
    return r < 0 ? 0 : r >= this.rows ? this.rows - 1 : r;
  }

  keyOf(x: number, y: number): number {
    return this.row(y) * this.cols + this.col(x);
  }
}
