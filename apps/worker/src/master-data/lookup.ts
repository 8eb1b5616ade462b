import type { CustomerInput, ProductInput, StockInput } from "./resync";

/**
 * Master data of named records, read from SAP now and mapped exactly as a resync maps it (the
 * same functions in sap.ts): what the drift check compares with the read model and what a
 * targeted resync writes. A record SAP does not have is absent from the answer.
 */
export interface MasterDataLookup {
  /**
   * Products with today's list price (and their images, as a resync copies them); `removed`:
   * the asked-for products SAP has marked for deletion, with their version.
   */
  products(
    skus: readonly string[],
  ): Promise<{ items: ProductInput[]; removed: { _id: string; version: number }[] }>;
  /** Every plant's unrestricted own stock of these materials, versioned by SAP's time of the read. */
  stockOf(skus: readonly string[]): Promise<StockInput[]>;
  /** Stock of these SKU/plant pairs (0 where SAP has none), versioned by SAP's time of the read. */
  stockAt(pairs: readonly { sku: string; plant: string }[]): Promise<StockInput[]>;
  customers(ids: readonly string[]): Promise<CustomerInput[]>;
}
