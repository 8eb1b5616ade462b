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
    return seedTables(this.catalog, this.keysOf, this.options.imageUrl);
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

  /** SAP numbers sales orders from an internal range (the sandbox's starts at firstSalesOrder). */
  nextSalesOrderNumber(): string {
    return String(this.nextOrder++);
  }

  reset(): void {
    this.tables = this.seed();
    this.nextOrder = this.options.firstSalesOrder ?? 1;
  }
}
