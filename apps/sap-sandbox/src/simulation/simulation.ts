import {
  type BusinessEventMessage,
  materialStockEvent,
  SapEventTypes,
  salesOrderEvent,
} from "../events/business-events";
import { type SalesOrders, SO } from "../orders/sales-orders";
import { PLANTS, STORAGE_LOCATION } from "../seed/catalog";
import { Prng } from "../seed/prng";
import { stockRow } from "../seed/tables";
import type { SandboxStore } from "../store/store";
import type { Row } from "../store/table";
import type { Clock } from "./clock";

const DAY = 86_400_000;
const STOCK = "API_MATERIAL_STOCK_SRV";
const PRICING = "API_SLSPRICINGCONDITIONRECORD_SRV";

export interface SimulationOptions {
  /** Chance per tick that an open order moves to its next stage. */
  advanceProbability: number;
  /** Chance per tick that an order not yet delivered gets a quantity change. */
  modifyProbability: number;
  /** Chance per tick that an order not yet delivered is cancelled (all items rejected). */
  cancelProbability: number;
  /** Goods receipts per tick (random product/plant). */
  receiptsPerTick: number;
  /** Chance per tick that a random product's PR00 price and master record change (for delta sync). */
  masterDataChangeProbability: number;
  /**
   * Chance per tick that a random business partner changes (name, address): SAP stamps
   * LastChangeDate + LastChangeTime with the time of day, so several changes fall on one date.
   */
  partnerChangeProbability: number;
  seed: number;
}

export const defaultSimulationOptions: SimulationOptions = {
  advanceProbability: 0.6,
  modifyProbability: 0.03,
  cancelProbability: 0.02,
  receiptsPerTick: 1,
  masterDataChangeProbability: 0.2,
  partnerChangeProbability: 0.2,
  seed: 42,
};

/**
 * The back office the sandbox pretends to have: on each tick, open sales orders move
 * created → in process → shipped (goods issue lowers stock) → delivered → billed; some are changed
 * or cancelled; goods receipts raise stock. Every change is emitted as a business event.
 */
export class BusinessSimulation {
  private rng: Prng;
  /** Partners change on their own stream, so the order and stock simulation stays as seeded. */
  private partnerRng: Prng;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly store: SandboxStore,
    private readonly orders: SalesOrders,
    private readonly clock: Clock,
    private readonly emit: (messages: BusinessEventMessage[]) => void,
    private readonly systemId: string,
    private readonly options: SimulationOptions = defaultSimulationOptions,
  ) {
    this.rng = new Prng(options.seed);
    this.partnerRng = new Prng(options.seed + 1);
  }

  start(tickMs: number): void {
    this.stop();
    this.timer = setInterval(() => this.tick(), tickMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  tick(): void {
    const orders = this.store.table(SO, "A_SalesOrder");
    for (const order of [...orders.scan()]) {
      if (order.OverallSDProcessStatus === "C") continue;
      const so = String(order.SalesOrder);
      const delivered = order.OverallDeliveryStatus === "C";
      if (!delivered && this.rng.next() < this.options.cancelProbability) {
        this.cancel(so);
        continue;
      }
      if (!delivered && this.rng.next() < this.options.modifyProbability) {
        this.modify(so);
        continue;
      }
      if (this.rng.next() < this.options.advanceProbability) this.advance(order);
    }
    for (let i = 0; i < this.options.receiptsPerTick; i++) this.goodsReceipt();
    if (this.rng.next() < this.options.masterDataChangeProbability) this.changeMasterData();
    if (this.partnerRng.next() < this.options.partnerChangeProbability)
      this.changeBusinessPartner(this.partnerRng.int(0, Math.max(0, this.store.catalog.customerCount - 1)));
  }

  /**
   * A business partner changed now, as BUT000 records it: the date (`LastChangeDate`, midnight)
   * and the time of day (`LastChangeTime`, whole seconds) apart; there is no LastChangeDateTime
   * in API_BUSINESS_PARTNER. Its search term and street change, so a reader can see which
   * version it has.
   */
  changeBusinessPartner(index: number): string | undefined {
    if (this.store.catalog.customerCount === 0) return undefined;
    const now = this.clock.now();
    const id = this.store.catalog.customerId(index);
    const partners = this.store.table("API_BUSINESS_PARTNER", "A_BusinessPartner");
    const bp = partners.get({ BusinessPartner: id });
    if (!bp) return undefined;
    const secs = Math.floor((now % DAY) / 1000);
    const pad = (n: number) => String(n).padStart(2, "0");
    const time = `PT${pad(Math.floor(secs / 3600))}H${pad(Math.floor(secs / 60) % 60)}M${pad(secs % 60)}S`;
    const version = Number(String(bp.SearchTerm2 || "0").replace(/\D/g, "")) + 1;
    partners.put({
      ...bp,
      SearchTerm2: `V${version}`,
      LastChangeDate: now - (now % DAY),
      LastChangeTime: time,
      LastChangedByUser: "CB9980000011",
      ETag: String(now),
    });
    const addresses = this.store.table("API_BUSINESS_PARTNER", "A_BusinessPartnerAddress");
    for (const a of [...addresses.where({ BusinessPartner: id })])
      addresses.put({ ...a, HouseNumber: String(version) });
    return id;
  }

  /** A price change on the current PR00 record and a touched product master, both stamped now. */
  changeMasterData(index = this.rng.int(0, Math.max(0, this.store.catalog.productCount - 1))): void {
    const catalog = this.store.catalog;
    if (catalog.productCount === 0) return;
    this.reprice(catalog.productId(index), () => 0.95 + this.rng.next() * 0.15);
  }

  /**
   * The product's current PR00 record (and its scale lines) times `factor()`, rounded to the
   * cent, and its product master touched, both stamped now (what a pricing clerk's change in
   * VK12 looks like to the APIs). Returns the new rate, or undefined (and changes nothing) when
   * the product has no current record. Also the admin API's price change (`POST /sandbox/admin/prices/:product`).
   */
  reprice(product: string, factor: () => number): { conditionRecord: string; rate: number } | undefined {
    const now = this.clock.now();
    const records = this.store.table(PRICING, "A_SlsPrcgConditionRecord");
    // condition records carry no material; their validity rows do
    const validity = [
      ...this.store.table(PRICING, "A_SlsPrcgCndnRecdValidity").where({ Material: product }),
    ].find((v) => Number(v.ConditionValidityStartDate) <= now && now <= Number(v.ConditionValidityEndDate));
    const current = validity ? records.get({ ConditionRecord: validity.ConditionRecord }) : undefined;
    // nothing changes without a current record (the admin API answers 404 for it)
    if (!current) return undefined;
    const products = this.store.table("API_PRODUCT_SRV", "A_Product");
    const p = products.get({ Product: product });
    if (p)
      products.put({
        ...p,
        LastChangeDateTime: now,
        LastChangeDate: now - (now % DAY),
        LastChangedByUser: "CB9980000011",
      });
    const f = factor();
    const rate = Math.round(Number(current.ConditionRateValue) * f * 100) / 100;
    records.put({ ...current, ConditionRateValue: rate, LastChangeDateTime: now, ETag: String(now) });
    const scales = this.store.table(PRICING, "A_SlsPrcgCndnRecordScale");
    for (const line of [...scales.where({ ConditionRecord: current.ConditionRecord })]) {
      const scaled = Math.round(Number(line.ConditionRateValue) * f * 100) / 100;
      scales.put({ ...line, ConditionRateValue: scaled, ETag: String(now) });
    }
    return { conditionRecord: String(current.ConditionRecord), rate };
  }

  private items(so: string): Row[] {
    return [...this.store.table(SO, "A_SalesOrderItem").where({ SalesOrder: so })];
  }

  /**
   * One sales order one stage on (created → in process → shipped → delivered → billed), as a
   * tick would move it but without chance: the admin API's `POST /sandbox/admin/orders/:so/advance`.
   * Returns the document after the move; undefined when it does not exist.
   */
  advanceOrder(salesOrder: string): Row | undefined {
    const orders = this.store.table(SO, "A_SalesOrder");
    const order = orders.get({ SalesOrder: salesOrder });
    if (!order) return undefined;
    if (order.OverallSDProcessStatus !== "C") this.advance(order);
    return orders.get({ SalesOrder: salesOrder });
  }

  /**
   * A stock count correction (MI07) of one material at one plant: its unrestricted stock in the
   * plant's storage location set to `quantity`, with the stock-changed event SAP raises — or,
   * `emit: false`, without it (the event lost on its way: what a drift check is for). The admin
   * API's `POST /sandbox/admin/stock/:product/:plant`. Returns the quantity before; undefined
   * (and nothing changes) for a product or plant the sandbox does not have.
   */
  setStock(material: string, plant: string, quantity: number, emit = true): { before: number } | undefined {
    if (!this.store.table("API_PRODUCT_SRV", "A_Product").get({ Product: material })) return undefined;
    if (!(PLANTS as readonly string[]).includes(plant)) return undefined;
    const table = this.store.table(STOCK, "A_MatlStkInAcctMod");
    const current = [
      ...table.where({ Material: material, Plant: plant, StorageLocation: STORAGE_LOCATION }),
    ][0];
    const before = Number(current?.MatlWrhsStkQtyInMatlBaseUnit ?? 0);
    const event = this.moveStock(material, plant, quantity - before, this.clock.now());
    if (emit) this.emit([event]);
    return { before };
  }

  private advance(order: Row): void {
    const so = String(order.SalesOrder);
    const now = Math.max(this.clock.now(), Number(order.LastChangeDateTime ?? 0) + 1);
    const items = this.store.table(SO, "A_SalesOrderItem");
    const base = { ...order, LastChangeDateTime: now, LastChangeDate: now - (now % DAY) };
    // a document saved with a delivery or credit block does not move until someone releases it
    if (order.DeliveryBlockReason || order.TotalCreditCheckStatus === "B") return;
    if (order.OverallSDProcessStatus === "A") {
      // in process: credit check passed, delivery being picked
      this.store
        .table(SO, "A_SalesOrder")
        .put({ ...base, OverallSDProcessStatus: "B", TotalCreditCheckStatus: "A" });
      for (const it of this.items(so))
        if (!it.SalesDocumentRjcnReason) items.put({ ...it, SDProcessStatus: "B" });
    } else if (order.OverallDeliveryStatus !== "C") {
      // shipped: outbound delivery created and goods issued from each item's plant
      const stockEvents: BusinessEventMessage[] = [];
      for (const it of this.items(so)) {
        if (it.SalesDocumentRjcnReason) continue;
        items.put({ ...it, DeliveryStatus: "C", SDDocReferenceStatus: "C", TotalSDDocReferenceStatus: "C" });
        const plant = String(it.ProductionPlant ?? PLANTS[0]);
        stockEvents.push(this.moveStock(String(it.Material), plant, -Number(it.RequestedQuantity ?? 0), now));
      }
      this.store.table(SO, "A_SalesOrder").put({
        ...base,
        OverallDeliveryStatus: "C",
        OverallTotalDeliveryStatus: "B",
        OverallSDDocReferenceStatus: "B",
      });
      this.emit(stockEvents);
    } else if (order.OverallTotalDeliveryStatus !== "C") {
      // delivered: proof of delivery, the delivery process is complete
      this.store.table(SO, "A_SalesOrder").put({ ...base, OverallTotalDeliveryStatus: "C" });
    } else {
      // billed: the order is complete
      for (const it of this.items(so)) {
        if (!it.SalesDocumentRjcnReason)
          items.put({
            ...it,
            SDProcessStatus: "C",
            OrderRelatedBillingStatus: "C",
            BillingDocumentDate: now - (now % DAY),
          });
      }
      this.store.table(SO, "A_SalesOrder").put({
        ...base,
        OverallSDProcessStatus: "C",
        OverallOrdReltdBillgStatus: "C",
        OverallSDDocReferenceStatus: "C",
        BillingDocumentDate: now - (now % DAY),
      });
    }
    this.emit([salesOrderEvent(SapEventTypes.salesOrderChanged, so, this.systemId, now)]);
  }

  private modify(so: string): void {
    const open = this.items(so).filter((i) => !i.SalesDocumentRjcnReason);
    const it = open[Math.floor(this.rng.next() * open.length)];
    if (!it) return;
    const qty = Math.max(1, Number(it.RequestedQuantity) + this.rng.int(-1, 2));
    this.orders.changeItem(
      { SalesOrder: so, SalesOrderItem: String(it.SalesOrderItem) },
      { RequestedQuantity: String(qty) },
    );
  }

  private cancel(so: string): void {
    const items = this.store.table(SO, "A_SalesOrderItem");
    for (const it of this.items(so))
      items.put({ ...it, SalesDocumentRjcnReason: "50", SDProcessStatus: "C" });
    this.orders.touchOrder(so, true);
  }

  private goodsReceipt(): void {
    const catalog = this.store.catalog;
    if (catalog.productCount === 0) return;
    const product = catalog.productId(this.rng.int(0, catalog.productCount - 1));
    const plant = PLANTS[this.rng.int(0, PLANTS.length - 1)] ?? PLANTS[0];
    this.emit([this.moveStock(product, plant, this.rng.int(5, 100), this.clock.now())]);
  }

  private moveStock(material: string, plant: string, delta: number, at: number): BusinessEventMessage {
    const table = this.store.table(STOCK, "A_MatlStkInAcctMod");
    const current = [
      ...table.where({ Material: material, Plant: plant, StorageLocation: STORAGE_LOCATION }),
    ][0];
    const qty = Number(current?.MatlWrhsStkQtyInMatlBaseUnit ?? 0) + delta;
    table.put({
      ...(current ?? stockRow(material, plant, 0)),
      MatlWrhsStkQtyInMatlBaseUnit: Math.max(0, qty),
    });
    return materialStockEvent(
      { Material: material, Plant: plant, StorageLocation: STORAGE_LOCATION },
      this.systemId,
      at,
    );
  }
}
