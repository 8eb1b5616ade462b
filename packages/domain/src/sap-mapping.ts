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
  to_Partner?: SalesOrderPartner[];
}

/** A partner of the deep insert; `to_Address` gives it its own address on this document. */
export interface SalesOrderPartner {
  PartnerFunction: string;
  Customer: string;
  to_Address?: SalesOrderPartnerAddress[];
}

/** A_SalesOrderPartnerAddress, as much of it as the storefront's address fills. */
export interface SalesOrderPartnerAddress {
  AddresseeFullName: string;
  OrganizationName1: string;
  OrganizationName2?: string;
  StreetName: string;
  PostalCode: string;
  CityName: string;
  Country: string;
}

/**
 * The storefront's ship-to as SAP keeps a deviating delivery address: the ship-to partner (WE)
 * stays the customer (SAP needs a partner number for the function), with its own address on the
 * document (`to_Address`, stored as a document address; the customer master is not touched).
 * The name goes into AddresseeFullName (80) and, cut at 40, into OrganizationName1/2, which
 * is what delivery notes and labels print; the street line as given (house number included).
 */
export function shipToAddress(shipTo: NonNullable<OrderSubmitted["shipTo"]>): SalesOrderPartnerAddress {
  const rest = shipTo.name.slice(40);
  return {
    AddresseeFullName: shipTo.name,
    OrganizationName1: shipTo.name.slice(0, 40),
    ...(rest ? { OrganizationName2: rest } : {}),
    StreetName: shipTo.street,
    PostalCode: shipTo.postalCode,
    CityName: shipTo.city,
    Country: shipTo.country.toUpperCase(),
  };
}

/**
 * Storefront order → SAP sales order. `PurchaseOrderByCustomer` carries the storefront order id:
 * it is how `createSalesOrderOnce` finds an order SAP created although the answer was lost.
 * Items are numbered 10, 20, … as SD does by default. A storefront `shipTo` becomes the ship-to
 * partner's own address on the document (see `shipToAddress`).
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
      {
        PartnerFunction: "WE",
        Customer: order.customerId,
        ...(order.shipTo ? { to_Address: [shipToAddress(order.shipTo)] } : {}),
      },
    ],
  };
}
