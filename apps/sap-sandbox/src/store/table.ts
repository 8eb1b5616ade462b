/**
 * Rows as the sandbox keeps them: property name → value. Dates are epoch milliseconds,
 * decimals are strings (as OData V2 JSON carries them), booleans are booleans. Properties a
 * row leaves out are answered with the model's default for their type.
 */
export type Row = Record<string, unknown>;

export interface Table {
  readonly keys: readonly string[];
  /** Grows with every change; lets callers cache derived results. */
  readonly version: number;
  scan(): Iterable<Row>;
  /** Rows whose properties equal `eq` (answers from an index when the table has one). */
  where(eq: Record<string, unknown>): Iterable<Row>;
  /** Whether `where(eq)` answers from an index rather than a scan of every row. */
  seeks(eq: Record<string, unknown>): boolean;
  get(key: Record<string, unknown>): Row | undefined;
  put(row: Row): void;
  delete(key: Record<string, unknown>): boolean;
}

export function keyString(keys: readonly string[], row: Record<string, unknown>): string {
  return keys.map((k) => String(row[k] ?? "")).join("\u0001");
}

function matches(row: Row, eq: Record<string, unknown>): boolean {
  for (const [k, v] of Object.entries(eq)) if (String(row[k] ?? "") !== String(v ?? "")) return false;
  return true;
}

/** A plain in-memory table, indexed on its first key property (a parent's key for child sets). */
export class MemoryTable implements Table {
  version = 0;
  private readonly rows = new Map<string, Row>();
  private readonly byFirstKey = new Map<string, Map<string, Row>>();

  constructor(readonly keys: readonly string[]) {}

  *scan(): Iterable<Row> {
    yield* this.rows.values();
  }

  *where(eq: Record<string, unknown>): Iterable<Row> {
    const first = this.keys[0];
    if (first !== undefined && eq[first] !== undefined) {
      for (const row of this.byFirstKey.get(String(eq[first]))?.values() ?? [])
        if (matches(row, eq)) yield row;
      return;
    }
    for (const row of this.rows.values()) if (matches(row, eq)) yield row;
  }

  seeks(eq: Record<string, unknown>): boolean {
    const first = this.keys[0];
    return first !== undefined && eq[first] !== undefined;
  }

  get(key: Record<string, unknown>): Row | undefined {
    return this.rows.get(keyString(this.keys, key));
  }

  put(row: Row): void {
    this.version++;
    const k = keyString(this.keys, row);
    this.rows.set(k, row);
    const first = String(row[this.keys[0] ?? ""] ?? "");
    let bucket = this.byFirstKey.get(first);
    if (!bucket) {
      bucket = new Map();
      this.byFirstKey.set(first, bucket);
    }
    bucket.set(k, row);
  }

  delete(key: Record<string, unknown>): boolean {
    const k = keyString(this.keys, key);
    const row = this.rows.get(k);
    if (!row) return false;
    this.version++;
    this.rows.delete(k);
    this.byFirstKey.get(String(row[this.keys[0] ?? ""] ?? ""))?.delete(k);
    return true;
  }

  get size(): number {
    return this.rows.size;
  }
}

/**
 * A table whose rows are derived on demand from an index (product N → its rows), so 100k
 * products cost no memory until changed. Changes live in an overlay.
 */
export class GeneratedTable implements Table {
  private readonly overlay = new Map<string, Row | null>();
  private changes = 0;
  private readonly added: MemoryTable;

  constructor(
    readonly keys: readonly string[],
    private readonly count: number,
    private readonly rowsFor: (index: number) => Row[],
    /** Which index an equality constraint pins down, if any (e.g. Product 'TG11' → 1). */
    private readonly indexOf: (eq: Record<string, unknown>) => number | undefined,
  ) {
    this.added = new MemoryTable(keys);
  }

  private *withOverlay(rows: Row[]): Iterable<Row> {
    for (const row of rows) {
      const k = keyString(this.keys, row);
      const o = this.overlay.get(k);
      if (o === undefined) yield row;
      else if (o !== null) yield o;
    }
  }

  *scan(): Iterable<Row> {
    for (let i = 0; i < this.count; i++) yield* this.withOverlay(this.rowsFor(i));
    yield* this.added.scan();
  }

  *where(eq: Record<string, unknown>): Iterable<Row> {
    const i = this.indexOf(eq);
    if (i !== undefined) {
      if (i >= 0 && i < this.count)
        for (const row of this.withOverlay(this.rowsFor(i))) if (matches(row, eq)) yield row;
      yield* this.added.where(eq);
      return;
    }
    for (const row of this.scan()) if (matches(row, eq)) yield row;
  }

  seeks(eq: Record<string, unknown>): boolean {
    return this.indexOf(eq) !== undefined;
  }

  get(key: Record<string, unknown>): Row | undefined {
    const eq = Object.fromEntries(this.keys.map((k) => [k, key[k]]));
    for (const row of this.where(eq)) return row;
    return undefined;
  }

  private generated(key: Record<string, unknown>): boolean {
    const eq = Object.fromEntries(this.keys.map((k) => [k, key[k]]));
    const i = this.indexOf(eq);
    if (i === undefined || i < 0 || i >= this.count) return false;
    return this.rowsFor(i).some((r) => matches(r, eq));
  }

  get version(): number {
    return this.changes + this.added.version;
  }

  put(row: Row): void {
    if (this.generated(row)) {
      this.changes++;
      this.overlay.set(keyString(this.keys, row), row);
    } else {
      this.added.put(row);
    }
  }

  delete(key: Record<string, unknown>): boolean {
    if (this.generated(key)) {
      this.changes++;
      this.overlay.set(keyString(this.keys, key), null);
      return true;
    }
    return this.added.delete(key);
  }
}
