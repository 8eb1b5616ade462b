import type { Env } from "@icp/config";
import type { Logger } from "@icp/observability";
import type { MasterDataSource } from "./master-data/resync";
import type { ErrorClassifier, SalesOrderPort } from "./orders/push-order";
import type { SalesOrderSnapshot } from "./status/apply-status";

/** Everything the worker's flows need from SAP, behind one port. */
export interface SapPorts {
  salesOrders: SalesOrderPort;
  readSalesOrder(salesOrder: string): Promise<SalesOrderSnapshot | null>;
  readStock(material: string, plant: string): Promise<number | null>;
  masterData: MasterDataSource;
  classify: ErrorClassifier;
  close(): Promise<void>;
}

export function createSapPorts(_env: Env, _logger: Logger): SapPorts {
  throw new Error("SAP client not wired yet");
}
