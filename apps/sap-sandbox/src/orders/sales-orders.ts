import { sapExternalNumber } from "@icp/domain";
import { type BusinessEventMessage, SapEventTypes, salesOrderEvent } from "../events/business-events";
import type { PurchaseOrderCheck } from "../http/faults";
import type { ServiceModel } from "../model/model";
import { SapError, type SapErrorDetail } from "../odata/errors";
import { CURRENCY, DISTRIBUTION_CHANNEL, DIVISION, PLANTS, SALES_ORG } from "../seed/catalog";
import type { Clock } from "../simulation/clock";
import type { SandboxStore } from "../store/store";
import type { Row, Table } from "../store/table";
import { saveWarnings } from "./save-warnings";
import { payloadToRow } from "./validate";

export const SO = "API_SALES_ORDER_SRV";
const PRICING = "API_SLSPRICINGCONDITIONRECORD_SRV";
const DAY = 86_400_000;
const dateOnly = (ms: number) => ms - (ms % DAY);
const TAX_RATE = 0.19;
/** OR is the English key of the standard order TA: two names of one sales document type. */
const DOCUMENT_TYPE_OF: Record<string, string> = { OR: "OR", TA: "OR" };

/** The settings of a sales document type (transaction VOV8) the sandbox simulates. */
export interface SalesDocumentTypeConfig {
  /**
   * "Check Purch.No.": whether a new document may repeat a PurchaseOrderByCustomer its sold-to
   * party already used. SAP raises message V4/115 as a warning; customers commonly make it an
   * error so a repeat is refused (how is system-specific). `off` = the field is blank.
   */
  purchaseOrderCheck: PurchaseOrderCheck;
}

/** Our S/4HANA: the standard order refuses a repeated customer reference. */
export const DEFAULT_SALES_DOCUMENT_TYPES: Readonly<Record<string, SalesDocumentTypeConfig>> = {
  OR: { purchaseOrderCheck: "error" },
};

export interface SalesOrderOptions {
  /** Per sales document type (OR; TA is the same type); types left out have no check. */
  documentTypes?: Readonly<Record<string, SalesDocumentTypeConfig>>;
  /** Read per create: when it answers, it overrides every type's check (the fault API's switch). */
  purchaseOrderCheckOverride?: () => PurchaseOrderCheck | undefined;
  /** Told of every document the check refused (the sandbox's stats count them). */
  onDuplicateRefused?: () => void;
}

/** SAP's message for a repeated customer reference (class V4, number 115). */
export const DUPLICATE_PURCHASE_ORDER = "V4/115";
const poKey = (soldTo: string, reference: string) => `${soldTo}\u0001${reference}`;
/** SD stores partner functions in their internal (German) codes; English ones are converted. */
const PARTNER_FUNCTION_INTERNAL: Record<string, string> = {
  AG: "AG",
  WE: "WE",
  RE: "RE",
  RG: "RG",
  SP: "AG",
  SH: "WE",
  BP: "RE",
  PY: "RG",
};
const round2 = (n: number) => Math.round(n * 100) / 100;

const businessError = (status: number, code: string, message: string, target = ""): SapError => {
  const detail: SapErrorDetail = { code, message, target };
  return new SapError(status, code, message, [detail]);
};

export interface SalesOrderEvents {
  emit(messages: BusinessEventMessage[]): void;
}

/**
 * Sales order behaviour of API_SALES_ORDER_SRV: deep insert with SAP's checks and pricing,
 * item changes and rejections (SAP's way to cancel), deletion.
 */
export class SalesOrders {
  constructor(
    private readonly store: SandboxStore,
    private readonly model: ServiceModel,
    private readonly clock: Clock,
    private readonly events: SalesOrderEvents,
    private readonly systemId: string,
    private readonly options: SalesOrderOptions = {},
  ) {}

  /** Sales orders by sold-to party and customer reference, per orders table (a reset makes a new one). */
  private readonly poIndex = new WeakMap<Table, Map<string, Set<string>>>();

  private purchaseOrders(): Map<string, Set<string>> {
    const table = this.orders;
    let index = this.poIndex.get(table);
    if (!index) {
      index = new Map();
      for (const row of table.scan()) indexAdd(index, row);
      this.poIndex.set(table, index);
    }
    return index;
  }

  /** The first sales order (other than `except`) of this sold-to party that carries `reference`. */
  private orderWithReference(soldTo: string, reference: string, except?: string): string | undefined {
    for (const salesOrder of this.purchaseOrders().get(poKey(soldTo, reference)) ?? []) {
      if (salesOrder === except) continue;
      const row = this.orders.get({ SalesOrder: salesOrder });
      if (row && String(row.SoldToParty) === soldTo && String(row.PurchaseOrderByCustomer) === reference)
        return salesOrder;
    }
    return undefined;
  }

  private purchaseOrderCheck(orderType: string): PurchaseOrderCheck {
    const override = this.options.purchaseOrderCheckOverride?.();
    if (override) return override;
    const types = this.options.documentTypes ?? DEFAULT_SALES_DOCUMENT_TYPES;
    return types[DOCUMENT_TYPE_OF[orderType] ?? orderType]?.purchaseOrderCheck ?? "off";
  }

  /**
   * SAP's duplicate purchase-order check: a repeated PurchaseOrderByCustomer of the same sold-to
   * party is refused with V4/115 naming the existing document (check = error), or let through
   * with the message as a warning (check = warning). It runs in the same synchronous step as the
   * insert, so two concurrent creates with one reference cannot both pass (see docs/sap-fidelity.md
   * for how real SAP differs).
   */
  private checkPurchaseOrder(
    orderType: string,
    soldTo: string,
    reference: string,
    except?: string,
  ): SapErrorDetail | undefined {
    if (reference === "") return undefined;
    const check = this.purchaseOrderCheck(orderType);
    if (check === "off") return undefined;
    const existing = this.orderWithReference(soldTo, reference, except);
    if (existing === undefined) return undefined;
    const detail: SapErrorDetail = {
      code: DUPLICATE_PURCHASE_ORDER,
      message: `Purchase order number ${reference} already exists in sales document ${existing}`,
      target: "A_SalesOrder/PurchaseOrderByCustomer",
      severity: check === "error" ? "error" : "warning",
    };
    if (check === "error") {
      this.options.onDuplicateRefused?.();
      throw new SapError(400, DUPLICATE_PURCHASE_ORDER, detail.message, [detail]);
    }
    return detail;
  }

  private type(set: string) {
    const t = this.model.entitySets.get(set)?.type;
    if (!t) throw new Error(`${set} missing from ${SO} model`);
    return t;
  }

  private get orders() {
    return this.store.table(SO, "A_SalesOrder");
  }
  private get items() {
    return this.store.table(SO, "A_SalesOrderItem");
  }

  createDeep(payload: Record<string, unknown>): {
    order: Row;
    expand: string[][];
    /** Warnings SAP sends back with a created document (in the `sap-message` header). */
    messages: SapErrorDetail[];
  } {
    const { header, items, partners, partnerAddresses, pricingPayloads } = this.parseDeepInsert(payload);
    checkSalesArea(header);
    // Numbers are read through their conversion exit (ALPHA, MATN1), as Gateway does: a padded
    // sold-to, material or partner is the same one (docs/sap-fidelity.md §18).
    const soldTo = sapExternalNumber(String(header.SoldToParty));
    this.checkCustomer(soldTo, "A_SalesOrder/SoldToParty");
    const reference = String(header.PurchaseOrderByCustomer ?? "");
    const poWarning = this.checkPurchaseOrder(String(header.SalesOrderType), soldTo, reference);
    if (items.length === 0)
      throw businessError(400, "V1/555", "Sales document contains no items", "A_SalesOrder/to_Item");

    const now = this.clock.now();
    const salesOrder = header.SalesOrder
      ? sapExternalNumber(String(header.SalesOrder))
      : this.store.nextSalesOrderNumber();
    if (this.orders.get({ SalesOrder: salesOrder })) {
      throw businessError(
        400,
        "V1/041",
        `Sales document ${salesOrder} already exists`,
        "A_SalesOrder/SalesOrder",
      );
    }
    const pricingDate = typeof header.PricingDate === "number" ? header.PricingDate : dateOnly(now);
    const itemRows: Row[] = [];
    const prRows: Row[] = [];
    items.forEach((item, k) => {
      const priced = this.priceItem(salesOrder, soldTo, pricingDate, item, k);
      itemRows.push(priced.item);
      prRows.push(...priced.pricingElements);
    });
    const partnerRows = this.partners(salesOrder, soldTo, partners);
    const total = round2(itemRows.reduce((s, r) => s + Number(r.NetAmount), 0));
    const order = orderRow(
      { ...header, SoldToParty: soldTo },
      {
        salesOrder,
        now,
        pricingDate,
        total,
        paymentTerms: () => this.paymentTermsOf(soldTo),
      },
    );
    const saved = this.savedWithWarnings(salesOrder, soldTo, header);
    Object.assign(order, saved.fields);
    this.orders.put(order);
    indexAdd(this.purchaseOrders(), order);
    for (const r of itemRows) this.items.put(r);
    const prTable = this.store.table(SO, "A_SalesOrderItemPrElement");
    for (const r of prRows) prTable.put(r);
    const partnerTable = this.store.table(SO, "A_SalesOrderHeaderPartner");
    for (const r of this.withDocumentAddresses(salesOrder, partnerRows, partnerAddresses))
      partnerTable.put(r);
    this.events.emit([salesOrderEvent(SapEventTypes.salesOrderCreated, salesOrder, this.systemId, now)]);
    const expand = [["to_Item"], ["to_Partner"]];
    if (items.some((i) => i.pricing.length > 0)) expand.push(["to_Item", "to_PricingElement"]);
    if (pricingPayloads.length > 0) expand.push(["to_PricingElement"]);
    return { order, expand, messages: [...(poWarning ? [poWarning] : []), ...saved.messages] };
  }

  /**
   * The blocks and incompletion SAP saves a document with (see save-warnings.ts). Credit: every
   * 40th customer from the 14th is over its credit limit.
   */
  private savedWithWarnings(salesOrder: string, soldTo: string, header: Row) {
    const bp = "API_BUSINESS_PARTNER";
    const customer = this.store.table(bp, "A_Customer").get({ Customer: soldTo });
    const area = [...this.store.table(bp, "A_CustomerSalesArea").where({ Customer: soldTo })][0];
    const index = this.store.catalog.customerIndex(soldTo);
    const saved = saveWarnings(
      salesOrder,
      customer,
      header.IncotermsClassification ? undefined : area,
      index !== undefined && index % 40 === 13,
    );
    if (!header.IncotermsClassification && area)
      saved.fields.IncotermsClassification = area.IncotermsClassification ?? "";
    return saved;
  }

  /** A deep insert's header, items (with their pricing elements) and partners, each checked against the model. */
  private parseDeepInsert(payload: Record<string, unknown>) {
    const header = payloadToRow(this.type("A_SalesOrder"), payload, "A_SalesOrder");
    const itemPayloads = results(payload.to_Item, "to_Item");
    const partnerPayloads = results(payload.to_Partner, "to_Partner");
    const pricingPayloads = results(payload.to_PricingElement, "to_PricingElement");
    const items: DeepItem[] = itemPayloads.map((p, k) => {
      const row = payloadToRow(this.type("A_SalesOrderItem"), p, `to_Item(${k + 1})`);
      const pe = results(p.to_PricingElement, "to_PricingElement").map((x) =>
        payloadToRow(this.type("A_SalesOrderItemPrElement"), x, `to_Item(${k + 1})/to_PricingElement`),
      );
      return { row, pricing: pe };
    });
    const partners = partnerPayloads.map((p) =>
      payloadToRow(this.type("A_SalesOrderHeaderPartner"), p, "to_Partner"),
    );
    // a partner's own address on this document (a one-time ship-to, a deviating address)
    const partnerAddresses = partnerPayloads.flatMap((p) =>
      results(p.to_Address, "to_Address").map((a) => ({
        partnerFunction: String(p.PartnerFunction ?? ""),
        row: payloadToRow(this.type("A_SalesOrderPartnerAddress"), a, "to_Partner/to_Address"),
      })),
    );
    // header pricing elements are accepted for shape but SAP derives them from the items
    for (const p of pricingPayloads)
      payloadToRow(this.type("A_SalesOrderHeaderPrElement"), p, "to_PricingElement");
    return { header, items, partners, partnerAddresses, pricingPayloads };
  }

  /** Item `k` checked (material, quantity, PR00 on the pricing date for the sold-to party) and priced: its row and its PR00/MWST elements. */
  private priceItem(
    salesOrder: string,
    soldTo: string,
    pricingDate: number,
    { row, pricing }: DeepItem,
    k: number,
  ): { item: Row; pricingElements: Row[] } {
    const itemNo = row.SalesOrderItem ? String(row.SalesOrderItem) : String((k + 1) * 10);
    const target = `A_SalesOrderItem(SalesOrder='${salesOrder}',SalesOrderItem='${itemNo}')`;
    const material = row.Material === undefined ? "" : sapExternalNumber(String(row.Material));
    if (material === "") throw businessError(400, "V1/384", "Enter a material", `${target}/Material`);
    const pIndex = this.store.catalog.productIndex(material);
    if (pIndex === undefined)
      throw businessError(400, "V1/320", `Material ${material} does not exist`, `${target}/Material`);
    const qty = typeof row.RequestedQuantity === "number" ? row.RequestedQuantity : Number.NaN;
    if (!(qty > 0))
      throw businessError(400, "V1/137", "Enter a positive order quantity", `${target}/RequestedQuantity`);
    const spec = this.store.catalog.product(pIndex);
    const condition = this.pr00(material, qty, pricingDate, soldTo);
    if (!condition) {
      throw businessError(
        400,
        "VK/202",
        `Pricing error: mandatory condition PR00 is missing for material ${material}`,
        `${target}/PricingDate`,
      );
    }
    const manual = pricing.find(
      (pe) => pe.ConditionType === "PR00" && typeof pe.ConditionRateValue === "number",
    );
    const unitPrice = manual ? Number(manual.ConditionRateValue) : condition.unit;
    const net = manual ? round2(unitPrice * qty) : condition.net;
    const tax = round2(net * TAX_RATE);
    const plant =
      typeof row.ProductionPlant === "string" && row.ProductionPlant !== "" ? row.ProductionPlant : PLANTS[0];
    const item: Row = {
      ...row,
      SalesOrder: salesOrder,
      SalesOrderItem: itemNo,
      SalesOrderItemCategory: "TAN",
      SalesOrderItemText: row.SalesOrderItemText ?? spec.name,
      Material: material,
      RequestedQuantity: qty,
      RequestedQuantityUnit: row.RequestedQuantityUnit ?? "PC",
      RequestedQuantitySAPUnit: "ST",
      RequestedQuantityISOUnit: "PCE",
      OrderQuantityUnit: "PC",
      OrderQuantitySAPUnit: "ST",
      OrderQuantityISOUnit: "PCE",
      ConfdDelivQtyInOrderQtyUnit: qty,
      ItemGrossWeight: round2(spec.grossWeightKg * qty),
      ItemNetWeight: round2(spec.netWeightKg * qty),
      ItemWeightUnit: "KG",
      TransactionCurrency: CURRENCY,
      NetAmount: net,
      TaxAmount: tax,
      CostAmount: round2(net * 0.6),
      Subtotal1Amount: net,
      MaterialGroup: spec.group,
      PricingDate: pricingDate,
      ProductionPlant: plant,
      StorageLocation: "101A",
      ShippingPoint: plant,
      SDProcessStatus: "A",
      DeliveryStatus: "A",
      OrderRelatedBillingStatus: "",
      SalesDocumentRjcnReason: "",
    };
    const pr = pricingElement(salesOrder, itemNo, pricingDate);
    const pricingElements = [
      pr("010", "PR00", unitPrice, qty, net, {
        ConditionRecord: manual ? "" : condition.record,
        ConditionIsManuallyChanged: Boolean(manual),
        ConditionOrigin: manual ? "C" : "A",
      }),
      pr("900", "MWST", TAX_RATE * 100, net, tax, { TaxCode: "A1" }),
    ];
    return { item, pricingElements };
  }

  /**
   * PR00 from the pricing condition records as the pricing service serves them, by the sandbox's
   * access sequence for PR00: the sold-to party's own record (table 305, customer/material)
   * before our sales area's list price (table 304, material); records flagged for deletion are
   * skipped; of two valid records the later-starting one. Then the chosen record's quantity
   * scale (the line with the highest scale quantity ≤ the quantity). The rate is per
   * ConditionQuantity pieces (the pricing unit): `unit` is per one piece, `net` is
   * rate × quantity ÷ pricing unit rounded half up to the cent, as SAP's condition value is.
   */
  private pr00(
    material: string,
    quantity: number,
    at: number,
    customer: string,
  ): { unit: number; net: number; record: string } | undefined {
    const records = this.store.table(PRICING, "A_SlsPrcgConditionRecord");
    const valid = [...this.store.table(PRICING, "A_SlsPrcgCndnRecdValidity").where({ Material: material })]
      .filter(
        (v) =>
          v.ConditionType === "PR00" &&
          v.SalesOrganization === SALES_ORG &&
          v.DistributionChannel === DISTRIBUTION_CHANNEL &&
          Number(v.ConditionValidityStartDate) <= at &&
          at <= Number(v.ConditionValidityEndDate) &&
          records.get({ ConditionRecord: v.ConditionRecord })?.ConditionIsDeleted !== true,
      )
      .sort((a, b) => Number(b.ConditionValidityStartDate) - Number(a.ConditionValidityStartDate));
    const validity = valid.find((v) => v.Customer === customer) ?? valid.find((v) => !v.Customer);
    if (!validity) return undefined;
    const record = String(validity.ConditionRecord);
    const rec = records.get({ ConditionRecord: record });
    if (!rec) return undefined;
    const per = Number(rec.ConditionQuantity ?? 1) || 1;
    let rate = Number(rec.ConditionRateValue);
    const scales = [
      ...this.store.table(PRICING, "A_SlsPrcgCndnRecordScale").where({ ConditionRecord: record }),
    ].sort((a, b) => Number(a.ConditionScaleQuantity) - Number(b.ConditionScaleQuantity));
    for (const sc of scales)
      if (quantity >= Number(sc.ConditionScaleQuantity)) rate = Number(sc.ConditionRateValue);
    // in thousandths of the currency (rates have 3 decimals at most): one rounding, to the cent
    const net = Math.round((Math.round(rate * 1000) * quantity) / (per * 10)) / 100;
    return { unit: rate / per, net, record };
  }

  private checkCustomer(customer: string, target: string): void {
    const c = this.store.table("API_BUSINESS_PARTNER", "A_Customer").get({ Customer: customer });
    if (!c)
      throw businessError(
        400,
        "V1/302",
        `Sold-to party ${customer} not maintained for sales area ${SALES_ORG} ${DISTRIBUTION_CHANNEL} ${DIVISION}`,
        target,
      );
    if (c.OrderIsBlockedForCustomer) {
      throw businessError(
        400,
        "V1/462",
        `Sold-to party ${customer} is blocked for orders (block ${String(c.OrderIsBlockedForCustomer)})`,
        target,
      );
    }
  }

  private paymentTermsOf(customer: string): string {
    const area = this.store.table("API_BUSINESS_PARTNER", "A_CustomerSalesArea").get({
      Customer: customer,
      SalesOrganization: SALES_ORG,
      DistributionChannel: DISTRIBUTION_CHANNEL,
      Division: DIVISION,
    });
    return String(area?.CustomerPaymentTerms ?? "0001");
  }

  /**
   * A partner given its own address on the document: SAP stores it as a document address
   * (`A_SalesOrderPartnerAddress`, address version "") and points the partner's `AddressID` at
   * it; the customer master's address is left alone. Served by `to_Partner/to_Address`.
   */
  private withDocumentAddresses(
    salesOrder: string,
    partners: Row[],
    addresses: { partnerFunction: string; row: Row }[],
  ): Row[] {
    const table = this.store.table(SO, "A_SalesOrderPartnerAddress");
    return partners.map((partner, k) => {
      const fn = String(partner.PartnerFunction);
      const own = addresses.filter((a) => PARTNER_FUNCTION_INTERNAL[a.partnerFunction] === fn);
      if (own.length === 0) return partner;
      const addressId = `9${salesOrder.padStart(8, "0")}${k}`;
      for (const a of own)
        table.put({
          ...a.row,
          SalesOrder: salesOrder,
          PartnerFunction: fn,
          AddressRepresentationCode: a.row.AddressRepresentationCode ?? "",
        });
      return { ...partner, AddressID: addressId };
    });
  }

  private partners(salesOrder: string, soldTo: string, given: Row[]): Row[] {
    const out = new Map<string, Row>();
    for (const fn of ["AG", "WE", "RE", "RG"])
      out.set(fn, { SalesOrder: salesOrder, PartnerFunction: fn, Customer: soldTo });
    for (const p of given) {
      const fn = PARTNER_FUNCTION_INTERNAL[String(p.PartnerFunction ?? "")];
      if (!fn) {
        throw businessError(
          400,
          "V1/101",
          `Partner function ${String(p.PartnerFunction ?? "")} is not defined`,
          "to_Partner/PartnerFunction",
        );
      }
      const customer = sapExternalNumber(String(p.Customer ?? ""));
      if (
        customer === "" ||
        !this.store.table("API_BUSINESS_PARTNER", "A_Customer").get({ Customer: customer })
      ) {
        throw businessError(
          400,
          "V1/302",
          `Partner ${customer} not maintained for sales area ${SALES_ORG} ${DISTRIBUTION_CHANNEL} ${DIVISION}`,
          "to_Partner/Customer",
        );
      }
      out.set(fn, { ...p, SalesOrder: salesOrder, PartnerFunction: fn, Customer: customer });
    }
    return [...out.values()];
  }

  /** MERGE/PATCH of an item: quantity changes reprice; a rejection reason cancels the item. */
  changeItem(key: { SalesOrder: string; SalesOrderItem: string }, payload: Record<string, unknown>): void {
    const item = this.items.get(key);
    const order = this.orders.get({ SalesOrder: key.SalesOrder });
    if (!item || !order)
      throw new SapError(404, "/IWBEP/CM_MGW_RT/020", "Resource not found for segment 'A_SalesOrderItem'");
    const patch = payloadToRow(
      this.type("A_SalesOrderItem"),
      payload,
      `A_SalesOrderItem(SalesOrder='${key.SalesOrder}',SalesOrderItem='${key.SalesOrderItem}')`,
    );
    for (const k of ["SalesOrder", "SalesOrderItem", "Material"]) {
      if (patch[k] !== undefined && patch[k] !== item[k]) {
        throw businessError(400, "V1/087", `Field ${k} cannot be changed`, `A_SalesOrderItem/${k}`);
      }
    }
    if (item.DeliveryStatus === "C" || item.DeliveryStatus === "B") {
      throw businessError(
        400,
        "V1/113",
        `Item ${key.SalesOrderItem} has already been delivered and cannot be changed`,
        "A_SalesOrderItem",
      );
    }
    const next: Row = { ...item, ...patch };
    if (patch.RequestedQuantity !== undefined) {
      const qty = Number(patch.RequestedQuantity);
      if (!(qty > 0))
        throw businessError(
          400,
          "V1/137",
          "Enter a positive order quantity",
          "A_SalesOrderItem/RequestedQuantity",
        );
      const condition = this.pr00(
        String(item.Material),
        qty,
        Number(item.PricingDate ?? this.clock.now()),
        String(order.SoldToParty ?? ""),
      );
      const unit = Number(item.NetAmount) / Number(item.RequestedQuantity);
      next.ConfdDelivQtyInOrderQtyUnit = qty;
      next.NetAmount = condition ? condition.net : round2(unit * qty);
      next.TaxAmount = round2(Number(next.NetAmount) * TAX_RATE);
      next.Subtotal1Amount = next.NetAmount;
    }
    this.items.put(next);
    this.touchOrder(key.SalesOrder, patch.SalesDocumentRjcnReason !== undefined);
  }

  /** PATCH of header fields that are updatable in the model (e.g. PurchaseOrderByCustomer). */
  changeHeader(salesOrder: string, payload: Record<string, unknown>): void {
    const order = this.orders.get({ SalesOrder: salesOrder });
    if (!order)
      throw new SapError(404, "/IWBEP/CM_MGW_RT/020", "Resource not found for segment 'A_SalesOrder'");
    const patch = payloadToRow(this.type("A_SalesOrder"), payload, `A_SalesOrder('${salesOrder}')`);
    delete patch.SalesOrder;
    for (const [k] of Object.entries(patch)) {
      const p = this.type("A_SalesOrder").propertyByName.get(k);
      if (p && !p.updatable)
        throw businessError(400, "V1/087", `Field ${k} cannot be changed`, `A_SalesOrder/${k}`);
    }
    if (
      patch.PurchaseOrderByCustomer !== undefined &&
      patch.PurchaseOrderByCustomer !== order.PurchaseOrderByCustomer
    ) {
      // VA02 runs the same check when the reference changes; a warning lets the change through
      this.checkPurchaseOrder(
        String(order.SalesOrderType),
        String(order.SoldToParty),
        String(patch.PurchaseOrderByCustomer),
        salesOrder,
      );
    }
    const changed = { ...order, ...patch };
    this.orders.put(changed);
    indexRemove(this.purchaseOrders(), order);
    indexAdd(this.purchaseOrders(), changed);
    this.touchOrder(salesOrder, false);
  }

  /** Recomputes header totals and statuses after a change, bumps the ETag, emits the event. */
  touchOrder(salesOrder: string, rejectionChanged: boolean): void {
    const order = this.orders.get({ SalesOrder: salesOrder });
    if (!order) return;
    const items = [...this.items.where({ SalesOrder: salesOrder })];
    const rejected = items.filter((i) => i.SalesDocumentRjcnReason);
    const active = items.filter((i) => !i.SalesDocumentRjcnReason);
    const now = Math.max(this.clock.now(), Number(order.LastChangeDateTime ?? 0) + 1);
    const allRejected = items.length > 0 && rejected.length === items.length;
    this.orders.put({
      ...order,
      TotalNetAmount: round2(active.reduce((s, i) => s + Number(i.NetAmount ?? 0), 0)),
      OverallSDDocumentRejectionSts: rejected.length === 0 ? "A" : allRejected ? "C" : "B",
      OverallSDProcessStatus: allRejected ? "C" : order.OverallSDProcessStatus,
      LastChangeDate: dateOnly(now),
      LastChangeDateTime: now,
    });
    const type =
      allRejected && rejectionChanged ? SapEventTypes.salesOrderCanceled : SapEventTypes.salesOrderChanged;
    this.events.emit([salesOrderEvent(type, salesOrder, this.systemId, now)]);
  }

  deleteOrder(salesOrder: string): void {
    const order = this.orders.get({ SalesOrder: salesOrder });
    if (!order)
      throw new SapError(404, "/IWBEP/CM_MGW_RT/020", "Resource not found for segment 'A_SalesOrder'");
    if (order.OverallDeliveryStatus === "B" || order.OverallDeliveryStatus === "C") {
      throw businessError(
        400,
        "V1/075",
        `Sales document ${salesOrder} has subsequent documents and cannot be deleted`,
        "A_SalesOrder",
      );
    }
    for (const set of ["A_SalesOrderItem", "A_SalesOrderItemPrElement", "A_SalesOrderHeaderPartner"]) {
      const t = this.store.table(SO, set);
      for (const r of [...t.where({ SalesOrder: salesOrder })]) t.delete(r);
    }
    this.orders.delete({ SalesOrder: salesOrder });
    indexRemove(this.purchaseOrders(), order);
    this.events.emit([
      // SAP's catalogue also has SalesOrder.Deleted; our consumers subscribe to Canceled, which is
      // what a deleted order means to the storefront
      salesOrderEvent(SapEventTypes.salesOrderCanceled, salesOrder, this.systemId, this.clock.now()),
    ]);
  }
}

/** An item of a deep insert as parsed: its row and the pricing elements sent with it. */
interface DeepItem {
  row: Row;
  pricing: Row[];
}

/** Mandatory header fields, a known document type and our sales area, in SAP's order of messages. */
function checkSalesArea(header: Row): void {
  for (const f of [
    "SalesOrderType",
    "SalesOrganization",
    "DistributionChannel",
    "OrganizationDivision",
    "SoldToParty",
  ]) {
    if (header[f] === undefined || header[f] === "" || header[f] === null) {
      throw businessError(400, "V1/384", `Enter a value for field ${f}`, `A_SalesOrder/${f}`);
    }
  }
  if (DOCUMENT_TYPE_OF[String(header.SalesOrderType)] === undefined) {
    throw businessError(
      400,
      "V1/311",
      `Sales document type ${String(header.SalesOrderType)} is not defined`,
      "A_SalesOrder/SalesOrderType",
    );
  }
  if (
    header.SalesOrganization !== SALES_ORG ||
    header.DistributionChannel !== DISTRIBUTION_CHANNEL ||
    header.OrganizationDivision !== DIVISION
  ) {
    throw businessError(
      400,
      "V1/312",
      `Sales area ${String(header.SalesOrganization)} ${String(header.DistributionChannel)} ${String(header.OrganizationDivision)} is not defined for customers`,
      "A_SalesOrder/SalesOrganization",
    );
  }
}

/** A pricing element of one item (PR00 price, MWST tax) as SAP determines it. */
function pricingElement(salesOrder: string, itemNo: string, pricingDate: number) {
  return (step: string, type: string, rate: number, base: number, amount: number, extra: Row = {}): Row => ({
    SalesOrder: salesOrder,
    SalesOrderItem: itemNo,
    PricingProcedureStep: step,
    PricingProcedureCounter: "001",
    ConditionType: type,
    PriceConditionDeterminationDte: pricingDate,
    ConditionCalculationType: type === "MWST" ? "A" : "C",
    ConditionBaseValue: base,
    ConditionRateValue: rate,
    ConditionCurrency: type === "MWST" ? "" : CURRENCY,
    ConditionQuantity: type === "MWST" ? 0 : 1,
    ConditionQuantityUnit: type === "MWST" ? "" : "PC",
    ConditionAmount: amount,
    TransactionCurrency: CURRENCY,
    ...extra,
  });
}

/** The created header: what the client sent, completed with SAP's defaults and statuses. */
function orderRow(
  header: Row,
  o: { salesOrder: string; now: number; pricingDate: number; total: number; paymentTerms: () => unknown },
): Row {
  const { now } = o;
  return {
    ...header,
    SalesOrder: o.salesOrder,
    SalesOrderTypeInternalCode: "TA",
    CreationDate: dateOnly(now),
    // SAP user names are at most 12 characters; communication users look like this
    CreatedByUser: "CC1000000001",
    LastChangeDate: dateOnly(now),
    LastChangeDateTime: now,
    SalesOrderDate: header.SalesOrderDate ?? dateOnly(now),
    PricingDate: o.pricingDate,
    RequestedDeliveryDate: header.RequestedDeliveryDate ?? dateOnly(now) + 3 * DAY,
    TotalNetAmount: o.total,
    TransactionCurrency: header.TransactionCurrency ?? CURRENCY,
    CustomerPaymentTerms: header.CustomerPaymentTerms ?? o.paymentTerms(),
    ShippingCondition: header.ShippingCondition ?? "01",
    IncotermsClassification: header.IncotermsClassification ?? "EXW",
    OverallSDProcessStatus: "A",
    OverallDeliveryStatus: "A",
    OverallTotalDeliveryStatus: "A",
    OverallOrdReltdBillgStatus: "",
    OverallSDDocReferenceStatus: "",
    OverallSDDocumentRejectionSts: "A",
    TotalCreditCheckStatus: "",
    TotalBlockStatus: "",
    SalesDocApprovalStatus: "",
  };
}

function indexAdd(index: Map<string, Set<string>>, order: Row): void {
  const reference = String(order.PurchaseOrderByCustomer ?? "");
  if (reference === "") return;
  const key = poKey(String(order.SoldToParty ?? ""), reference);
  let orders = index.get(key);
  if (!orders) {
    orders = new Set();
    index.set(key, orders);
  }
  orders.add(String(order.SalesOrder));
}

function indexRemove(index: Map<string, Set<string>>, order: Row): void {
  const key = poKey(String(order.SoldToParty ?? ""), String(order.PurchaseOrderByCustomer ?? ""));
  const orders = index.get(key);
  orders?.delete(String(order.SalesOrder));
  if (orders?.size === 0) index.delete(key);
}

function results(v: unknown, name: string): Record<string, unknown>[] {
  if (v === undefined || v === null) return [];
  const arr = Array.isArray(v)
    ? v
    : typeof v === "object" && Array.isArray((v as { results?: unknown }).results)
      ? (v as { results: unknown[] }).results
      : undefined;
  if (!arr)
    throw new SapError(
      400,
      "/IWBEP/CM_MGW_RT/021",
      `Navigation property '${name}' must be an array or {results:[...]}`,
    );
  return arr.map((x) => {
    if (typeof x !== "object" || x === null || Array.isArray(x)) {
      throw new SapError(400, "/IWBEP/CM_MGW_RT/021", `Entries of '${name}' must be objects`);
    }
    return x as Record<string, unknown>;
  });
}
