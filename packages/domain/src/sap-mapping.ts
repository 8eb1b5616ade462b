import type { OrderSubmitted } from "./events";

/** The sales area and document type every storefront order is booked in. */
export interface SalesArea {
  salesOrderType: string; // e.g. "OR" standard order
  salesOrganization: string;
  distributionChannel: string;
  organizationDivision: string;
}

export const DEFAULT_SALES_AREA: SalesArea = {
  salesOrderType: "OR",
  salesOrganization: "1010",
  distributionChannel: "10",
  organizationDivision: "00",
};

/** The A_SalesOrder deep-insert body (field names as API_SALES_ORDER_SRV defines them). */
export interface SalesOrderDeepInsert {
  SalesOrderType: string;
  SalesOrganization: string;
  DistributionChannel: string;
  OrganizationDivision: string;
  SoldToParty: string;
  PurchaseOrderByCustomer: string;
  TransactionCurrency: string;
  RequestedDeliveryDate?: Date;
  to_Item: { SalesOrderItem: string; Material: string; RequestedQuantity: string }[];
  to_Partner?: { PartnerFunction: string; Customer: string }[];
}

/**
 * Storefront order → SAP sales order. `PurchaseOrderByCustomer` carries the storefront order id:
 * it is how `createSalesOrderOnce` finds an order SAP created although the answer was lost.
 * Items are numbered 10, 20, … as SD does by default.
 */
export function toSalesOrderDeepInsert(
  order: OrderSubmitted,
  area: SalesArea = DEFAULT_SALES_AREA,
): SalesOrderDeepInsert {
  return {
    SalesOrderType: area.salesOrderType,
    SalesOrganization: area.salesOrganization,
    DistributionChannel: area.distributionChannel,
    OrganizationDivision: area.organizationDivision,
    SoldToParty: order.customerId,
    PurchaseOrderByCustomer: order.orderId,
    TransactionCurrency: order.currency,
    ...(order.requestedDeliveryDate
      ? { RequestedDeliveryDate: new Date(`${order.requestedDeliveryDate}T00:00:00Z`) }
      : {}),
    to_Item: order.lines.map((line, i) => ({
      SalesOrderItem: String((i + 1) * 10),
      Material: line.sku,
      RequestedQuantity: String(line.quantity),
    })),
    to_Partner: [
      { PartnerFunction: "AG", Customer: order.customerId },
      { PartnerFunction: "WE", Customer: order.customerId },
    ],
  };
}
