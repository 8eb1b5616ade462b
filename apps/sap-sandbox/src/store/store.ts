import type { ImageFormat } from "../images";
import type { ServiceModel } from "../model/model";
import { Catalog } from "../seed/catalog";
import { seedTables, tableId } from "../seed/tables";
import { MemoryTable, type Table } from "./table";

export interface StoreOptions {
  seed: number;
  products: number;
  customers: number;
  /** End of the seeded history (ms); seeded change times lie before it. */
  epoch: number;
  imageUrl: (product: string) => string;
  /** The attachment originals' media type (default SVG). */
  imageFormat?: ImageFormat;
  /** First number of the sales order number range. */
  firstSalesOrder?: number;
}

/** All entity sets of all services: seeded ones generated lazily, the rest in memory. */
export class SandboxStore {
  readonly catalog: Catalog;
  private tables: Map<string, Table>;
  private nextOrder: number;

  constructor(
    readonly models: Map<string, ServiceModel>,
    private readonly options: StoreOptions,
  ) {
    this.catalog = new Catalog(options.seed, options.products, options.customers, options.epoch);
    this.tables = this.seed();
    this.nextOrder = options.firstSalesOrder ?? 1;
  }

  private keysOf = (service: string, set: string): string[] => {
    const keys = this.models.get(service)?.entitySets.get(set)?.type.keys;
    if (!keys) throw new Error(`seeded set ${service}/${set} is not in the model`);
    return keys;
  };

  private seed(): Map<string, Table> {
    return seedTables(this.catalog, this.keysOf, this.options.imageUrl, this.options.imageFormat);
  }

  table(service: string, set: string): Table {
    const id = tableId(service, set);
    let t = this.tables.get(id);
    if (!t) {
      t = new MemoryTable(this.keysOf(service, set));
      this.tables.set(id, t);
    }
    return t;
  }

  /**
   * Runs `fn` as one logical unit of work, as SAP runs a `$batch` changeset: when `failed(result)`
   * says so, every row it put or deleted is put back as it was (tables it created are dropped).
   * Sales order numbers it drew stay drawn, as SAP's buffered number ranges do.
   */
  atomically<T>(fn: () => T, failed: (result: T) => boolean): T {
    const undo: (() => void)[] = [];
    const before = new Set(this.tables.keys());
    const patched = [...this.tables.values()].map((t) => {
      const put = t.put.bind(t);
      const del = t.delete.bind(t);
      t.put = (row) => {
        const old = t.get(row);
        undo.push(() => (old ? put(old) : del(row)));
        put(row);
      };
      t.delete = (key) => {
        const old = t.get(key);
        if (old) undo.push(() => put(old));
        return del(key);
      };
      return { t, put, del };
    });
    let result: T;
    try {
      result = fn();
    } finally {
      for (const { t, put, del } of patched) {
        t.put = put;
        t.delete = del;
      }
    }
    if (failed(result)) {
      for (const step of undo.reverse()) step();
      for (const id of [...this.tables.keys()]) if (!before.has(id)) this.tables.delete(id);
    }
    return result;
  }

  /** SAP numbers sales orders from an internal range (the sandbox's starts at firstSalesOrder). */
  nextSalesOrderNumber(): string {
    return String(this.nextOrder++);
  }

  reset(): void {
    this.tables = this.seed();
    this.nextOrder = this.options.firstSalesOrder ?? 1;
  }
}
