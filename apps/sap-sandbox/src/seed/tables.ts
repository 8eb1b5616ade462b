import { type ImageFormat, productImagePng } from "../images";
import { GeneratedTable, type Row, type Table } from "../store/table";
import {
  type Catalog,
  CURRENCY,
  type CustomerSpec,
  DISTRIBUTION_CHANNEL,
  DIVISION,
  PLANTS,
  type ProductSpec,
  SALES_ORG,
  STORAGE_LOCATION,
} from "./catalog";

/*
 * Maps the catalogue onto SAP's entity sets. Decimals are numbers here; the serialiser
 * formats them with the scale the model gives. Dates are epoch ms (DateTime at midnight UTC).
 */

const DAY = 86_400_000;
const dateOnly = (ms: number) => ms - (ms % DAY);
const MAX_DATE = Date.UTC(9999, 11, 31);
const USER = "CB9980000010";

const P = "API_PRODUCT_SRV";
const S = "API_MATERIAL_STOCK_SRV";
const C = "API_SLSPRICINGCONDITIONRECORD_SRV";
const A = "API_CV_ATTACHMENT_SRV";
const B = "API_BUSINESS_PARTNER";

export interface SeededTables {
  tables: Map<string, Table>;
}

export const tableId = (service: string, set: string) => `${service}/${set}`;

/** What the seeders share: the catalogue, the model's keys, and the map they fill. */
interface SeedContext {
  catalog: Catalog;
  keysOf: (service: string, set: string) => string[];
  imageUrl: (product: string) => string;
  /** The originals' media type: SVG, or PNG (raster, as most product photos are). */
  imageFormat: ImageFormat;
  tables: Map<string, Table>;
}

/** Key properties per seeded set, as the EDMX declares them (checked by the model test). */
export function seedTables(
  catalog: Catalog,
  keysOf: (service: string, set: string) => string[],
  imageUrl: (product: string) => string,
  imageFormat: ImageFormat = "svg",
): Map<string, Table> {
  const ctx: SeedContext = { catalog, keysOf, imageUrl, imageFormat, tables: new Map<string, Table>() };
  seedProducts(ctx);
  seedStock(ctx);
  seedPricing(ctx);
  seedAttachments(ctx);
  seedBusinessPartners(ctx);
  return ctx.tables;
}

/** A set with rows per product, found by the product id in `prop`. */
function byProduct(
  { tables, keysOf, catalog }: SeedContext,
  service: string,
  set: string,
  prop: string,
  rows: (p: ProductSpec) => Row[],
): void {
  tables.set(
    tableId(service, set),
    new GeneratedTable(
      keysOf(service, set),
      catalog.productCount,
      (i) => rows(catalog.product(i)),
      (eq) => (eq[prop] === undefined ? undefined : (catalog.productIndex(eq[prop]) ?? -1)),
    ),
  );
}

/** A business-partner set with rows per customer, found by the customer id in `prop`. */
function byCustomer(
  { tables, keysOf, catalog }: SeedContext,
  set: string,
  prop: string,
  rows: (i: number) => Row[],
) {
  tables.set(
    tableId(B, set),
    new GeneratedTable(keysOf(B, set), catalog.customerCount, rows, (eq) =>
      eq[prop] === undefined ? undefined : (catalog.customerIndex(eq[prop]) ?? -1),
    ),
  );
}

function seedProducts(ctx: SeedContext): void {
  byProduct(ctx, P, "A_Product", "Product", (p) => [productRow(p)]);
  byProduct(ctx, P, "A_ProductDescription", "Product", (p) => [
    { Product: p.id, Language: "EN", ProductDescription: p.name },
    { Product: p.id, Language: "DE", ProductDescription: p.germanName },
  ]);
  byProduct(ctx, P, "A_ProductSales", "Product", (p) => [
    { Product: p.id, SalesStatus: "", TaxClassification: "1", TransportationGroup: "0001" },
  ]);
  byProduct(ctx, P, "A_ProductSalesDelivery", "Product", (p) => [
    {
      Product: p.id,
      ProductSalesOrg: SALES_ORG,
      ProductDistributionChnl: DISTRIBUTION_CHANNEL,
      MinimumOrderQuantity: 1,
      SupplyingPlant: PLANTS[0],
      ItemCategoryGroup: "NORM",
      BaseUnit: "PC",
      SalesMeasureUnit: "PC",
    },
  ]);
  byProduct(ctx, P, "A_ProductPlant", "Product", (p) =>
    PLANTS.map((plant) => ({
      Product: p.id,
      Plant: plant,
      ProfitCenter: "YB101",
      AvailabilityCheckType: "02",
      MRPType: "PD",
      ProcurementType: "F",
      BaseUnit: "PC",
      GoodsIssueUnit: "PC",
    })),
  );
}

function productRow(p: ProductSpec): Row {
  return {
    Product: p.id,
    ProductType: "HAWA",
    CreationDate: dateOnly(p.createdAt),
    CreatedByUser: USER,
    LastChangeDate: dateOnly(p.lastChangedAt),
    LastChangedByUser: USER,
    LastChangeDateTime: p.lastChangedAt,
    IsMarkedForDeletion: false,
    GrossWeight: p.grossWeightKg,
    WeightUnit: "KG",
    NetWeight: p.netWeightKg,
    CountryOfOrigin: "DE",
    ProductGroup: p.group,
    BaseUnit: "PC",
    ItemCategoryGroup: "NORM",
    Division: DIVISION,
    VolumeUnit: "CDM",
    MaterialVolume: Math.round((p.dimsCm[0] * p.dimsCm[1] * p.dimsCm[2]) / 10) / 100,
    SizeOrDimensionText: `${p.dimsCm[0]}x${p.dimsCm[1]}x${p.dimsCm[2]} cm`.slice(0, 32),
    ProductStandardID: p.ean,
    InternationalArticleNumberCat: "HE",
    IndustrySector: "M",
    ProductManufacturerNumber: `${p.brand.slice(0, 3).toUpperCase()}-${p.id}`,
    MaximumPackagingLength: p.dimsCm[0],
    MaximumPackagingWidth: p.dimsCm[1],
    MaximumPackagingHeight: p.dimsCm[2],
    UnitForMaxPackagingDimensions: "CM",
  };
}

function seedStock(ctx: SeedContext): void {
  byProduct(ctx, S, "A_MaterialStock", "Material", (p) => [{ Material: p.id, MaterialBaseUnit: "PC" }]);
  byProduct(ctx, S, "A_MatlStkInAcctMod", "Material", (p) => [
    ...PLANTS.map((plant, k) => stockRow(p.id, plant, p.stock[k] ?? 0)),
    ...specialStockRows(p),
  ]);
}

/** A condition record of a product's price: today's, and the announced future one if any. */
interface PriceRecord {
  id: string;
  price: number;
  from: number;
  to: number;
  scales: ProductSpec["scales"];
  /** Pricing unit: the rate is per this many pieces (ConditionQuantity); default 1. */
  per?: number;
  /** Another sales area's sales organisation (default ours). */
  salesOrganization?: string;
  /** Another sales area's distribution channel (default ours). */
  distributionChannel?: string;
  /** A customer-specific price (condition table 305 instead of 304). */
  customer?: string;
  deleted?: boolean;
}

/**
 * Every 10th product from the 6th is priced as real condition records often are: per 10 pieces
 * (ConditionQuantity 10) with quantity scales (from 10 and 50 pieces: -5 %, -10 %), and beside
 * its list price it has records of other sales areas (1010/20: -20 %; 1710/10: +10 %), one for
 * customer 17100001 (table 305, -30 %, from 20 pieces -35 %), an expired one for customer
 * 17100002 (-50 %) and a record flagged for deletion (double the price). The list price for
 * the storefront is still the 304 record of 1010/10; SAP's order pricing (sales-orders.ts)
 * takes the sold-to party's own record first.
 */
function realisticPricing(p: ProductSpec): boolean {
  return p.index % 10 === 5;
}

function priceRecords(p: ProductSpec): PriceRecord[] {
  const base: PriceRecord = {
    id: `1${String(p.index + 1).padStart(9, "0")}`,
    price: p.price,
    from: dateOnly(p.createdAt),
    to: p.futurePrice ? dateOnly(p.futurePrice.validFrom) - DAY : MAX_DATE,
    scales: p.scales,
  };
  const out: PriceRecord[] = [base];
  if (realisticPricing(p)) {
    const n = String(p.index + 1).padStart(9, "0");
    const today = { from: base.from, to: base.to, scales: [] };
    base.per = 10;
    if (base.scales.length === 0)
      base.scales = [
        { from: 1, price: p.price },
        { from: 10, price: round2(p.price * 0.95) },
        { from: 50, price: round2(p.price * 0.9) },
      ];
    const own = round2(p.price * 0.7);
    out.push(
      { ...today, id: `7${n}`, price: round2(p.price * 0.8), distributionChannel: "20" },
      { ...today, id: `2${n}`, price: round2(p.price * 1.1), salesOrganization: "1710" },
      {
        ...today,
        id: `8${n}`,
        price: own,
        per: 10,
        customer: "17100001",
        scales: [
          { from: 1, price: own },
          { from: 20, price: round2(p.price * 0.65) },
        ],
      },
      { ...today, id: `3${n}`, price: round2(p.price * 0.5), customer: "17100002", to: base.from + 30 * DAY },
      { ...today, id: `6${n}`, price: round2(p.price * 2), deleted: true },
    );
  }
  if (p.futurePrice) {
    out.push({
      id: `5${String(p.index + 1).padStart(9, "0")}`,
      price: p.futurePrice.price,
      from: dateOnly(p.futurePrice.validFrom),
      to: MAX_DATE,
      scales: [],
    });
  }
  return out;
}

function seedPricing(ctx: SeedContext): void {
  const { catalog, keysOf, tables } = ctx;
  const recordIndex = (eq: Record<string, unknown>) => {
    if (eq.ConditionRecord !== undefined) {
      const n = Number(String(eq.ConditionRecord).slice(1));
      return Number.isInteger(n) && n >= 1 && n <= catalog.productCount ? n - 1 : -1;
    }
    if (eq.Material !== undefined) return catalog.productIndex(eq.Material) ?? -1;
    return undefined;
  };
  const gen = (set: string, rows: (p: ProductSpec) => Row[]) =>
    tables.set(
      tableId(C, set),
      new GeneratedTable(keysOf(C, set), catalog.productCount, (i) => rows(catalog.product(i)), recordIndex),
    );
  gen("A_SlsPrcgConditionRecord", (p) => priceRecords(p).map((r) => conditionRecordRow(p, r)));
  gen("A_SlsPrcgCndnRecdValidity", (p) =>
    priceRecords(p).map((r) => ({
      ConditionRecord: r.id,
      ConditionValidityEndDate: r.to,
      ConditionValidityStartDate: r.from,
      ConditionApplication: "V",
      ConditionType: "PR00",
      SalesOrganization: r.salesOrganization ?? SALES_ORG,
      DistributionChannel: r.distributionChannel ?? DISTRIBUTION_CHANNEL,
      Customer: r.customer ?? "",
      Material: p.id,
      ETag: String(p.lastChangedAt),
    })),
  );
  gen("A_SlsPrcgCndnRecordScale", (p) =>
    priceRecords(p).flatMap((r) =>
      r.scales.map((s, k) => ({
        ConditionRecord: r.id,
        ConditionSequentialNumber: "01",
        ConditionScaleLine: String(k + 1).padStart(4, "0"),
        ConditionScaleQuantity: s.from,
        ConditionScaleQuantityUnit: "PC",
        ConditionRateValue: round2(s.price * (r.per ?? 1)),
        ConditionRateValueUnit: CURRENCY,
        ConditionCurrency: CURRENCY,
        ETag: String(p.lastChangedAt),
      })),
    ),
  );
}

function conditionRecordRow(p: ProductSpec, r: PriceRecord): Row {
  return {
    ConditionRecord: r.id,
    ConditionSequentialNumber: "01",
    ConditionTable: r.customer ? "305" : "304",
    ConditionApplication: "V",
    ConditionType: "PR00",
    ConditionValidityStartDate: r.from,
    ConditionValidityEndDate: r.to,
    CreatedByUser: USER,
    CreationDate: dateOnly(p.createdAt),
    PricingScaleType: r.scales.length > 0 ? "A" : "",
    PricingScaleBasis: r.scales.length > 0 ? "C" : "",
    ConditionCalculationType: "C",
    ConditionRateValue: round2(r.price * (r.per ?? 1)),
    ConditionRateValueUnit: CURRENCY,
    ConditionCurrency: CURRENCY,
    ConditionQuantity: r.per ?? 1,
    ConditionQuantityUnit: "PC",
    BaseUnit: "PC",
    ConditionToBaseQtyNmrtr: 1,
    ConditionToBaseQtyDnmntr: 1,
    ConditionIsDeleted: r.deleted ?? false,
    ConditionReleaseStatus: "",
    LastChangeDateTime: p.lastChangedAt,
    ETag: String(p.lastChangedAt),
  };
}

function seedAttachments(ctx: SeedContext): void {
  byProduct(ctx, A, "AttachmentContentSet", "LinkedSAPObjectKey", (p) => [attachmentRow(p, ctx)]);
}

function attachmentRow(p: ProductSpec, ctx: SeedContext): Row {
  const png = ctx.imageFormat === "png";
  return {
    DocumentInfoRecordDocType: "",
    DocumentInfoRecordDocNumber: "",
    DocumentInfoRecordDocVersion: "",
    DocumentInfoRecordDocPart: "",
    LogicalDocument: `IMG${String(p.index + 1).padStart(29, "0")}`,
    ArchiveDocumentID: `ARC${String(p.index + 1).padStart(37, "0")}`,
    LinkedSAPObjectKey: p.id,
    BusinessObjectTypeName: "BUS1001006",
    SemanticObject: "Product",
    FileSize: png ? String(productImagePng(ctx.catalog.seed, p.id).length) : "0",
    FileName: `${p.id}.${png ? "png" : "svg"}`,
    DocumentURL: ctx.imageUrl(p.id),
    MimeType: png ? "image/png" : "image/svg+xml",
    CreatedByUser: USER,
    CreatedByUserFullName: "Catalogue Import",
    CreationDateTime: p.createdAt,
    BusinessObjectType: "BUS1001006",
    ChangedDateTime: p.lastChangedAt,
    StorageCategory: "SOMU",
    SAPObjectType: "PRODUCT",
    SAPObjectNodeType: "PRODUCT",
    HarmonizedDocumentType: "SAT",
    AttachmentDeletionIsAllowed: false,
    AttachmentRenameIsAllowed: false,
    Source: "SOMU",
  };
}

function seedBusinessPartners(ctx: SeedContext): void {
  const { catalog } = ctx;
  byCustomer(ctx, "A_BusinessPartner", "BusinessPartner", (i) => [
    businessPartnerRow(catalog.customer(i), i),
  ]);
  byCustomer(ctx, "A_Customer", "Customer", (i) => [customerRow(catalog.customer(i))]);
  byCustomer(ctx, "A_BusinessPartnerAddress", "BusinessPartner", (i) => [addressRow(catalog.customer(i), i)]);
  byCustomer(ctx, "A_BusinessPartnerRole", "BusinessPartner", (i) => [
    {
      BusinessPartner: catalog.customerId(i),
      BusinessPartnerRole: "FLCU01",
      ValidFrom: catalog.customer(i).createdAt,
      ValidTo: Date.UTC(9999, 11, 31, 23, 59, 59),
    },
  ]);
  byCustomer(ctx, "A_CustomerSalesArea", "Customer", (i) => [customerSalesAreaRow(catalog.customer(i))]);
  byCustomer(ctx, "A_CustomerCompany", "Customer", (i) => {
    const c = catalog.customer(i);
    return [
      {
        Customer: c.id,
        CompanyCode: SALES_ORG,
        PaymentTerms: c.paymentTerms,
        ReconciliationAccount: "12100000",
        CustomerAccountGroup: "CUST",
      },
    ];
  });
}

function businessPartnerRow(c: CustomerSpec, i: number): Row {
  return {
    BusinessPartner: c.id,
    Customer: c.id,
    BusinessPartnerCategory: c.isPerson ? "1" : "2",
    BusinessPartnerFullName: c.name,
    BusinessPartnerName: c.name,
    BusinessPartnerGrouping: "BP02",
    BusinessPartnerUUID: uuidFor(i),
    CorrespondenceLanguage: "EN",
    CreatedByUser: USER,
    CreationDate: dateOnly(c.createdAt),
    CreationTime: "PT09H00M00S",
    FirstName: c.firstName,
    LastName: c.lastName,
    IsNaturalPerson: c.isPerson ? "X" : "",
    Language: "EN",
    LastChangeDate: dateOnly(c.lastChangedAt),
    LastChangeTime: "PT10H30M00S",
    LastChangedByUser: USER,
    OrganizationBPName1: c.isPerson ? "" : c.name.slice(0, 40),
    SearchTerm1: c.name.toUpperCase().slice(0, 20),
    BusinessPartnerIsBlocked: c.blocked,
    ETag: String(c.lastChangedAt),
  };
}

function customerRow(c: CustomerSpec): Row {
  return {
    Customer: c.id,
    CreatedByUser: USER,
    CreationDate: dateOnly(c.createdAt),
    CustomerAccountGroup: "CUST",
    CustomerFullName: c.name,
    CustomerName: c.name,
    OrderIsBlockedForCustomer: c.blocked ? "01" : "",
    // every 40th customer from the 18th has a central delivery block (its orders are saved blocked)
    DeliveryIsBlocked: c.index % 40 === 17 ? "01" : "",
    BillingIsBlockedForCustomer: "",
    PostingIsBlocked: false,
    DeletionIndicator: false,
  };
}

function addressRow(c: CustomerSpec, i: number): Row {
  return {
    BusinessPartner: c.id,
    AddressID: String(30_000 + i),
    ValidityStartDate: c.createdAt,
    ValidityEndDate: Date.UTC(9999, 11, 31, 23, 59, 59),
    AddressUUID: uuidFor(i + 1_000_000),
    AddressTimeZone: "CET",
    CityName: c.city,
    Country: c.country,
    FullName: c.name.slice(0, 80),
    HouseNumber: c.houseNumber,
    Language: "EN",
    PostalCode: c.postalCode,
    Region: c.region,
    StreetName: c.street,
  };
}

function customerSalesAreaRow(c: CustomerSpec): Row {
  return {
    Customer: c.id,
    SalesOrganization: SALES_ORG,
    DistributionChannel: DISTRIBUTION_CHANNEL,
    Division: DIVISION,
    Currency: CURRENCY,
    CustomerPaymentTerms: c.paymentTerms,
    CustomerPricingProcedure: "01",
    OrderIsBlockedForCustomer: c.blocked ? "01" : "",
    ShippingCondition: "01",
    SupplyingPlant: PLANTS[0],
    // every 40th from the 24th lacks incoterms: its orders are saved incomplete
    IncotermsClassification: c.index % 40 === 23 ? "" : "EXW",
    IncotermsLocation1: c.city,
    CustomerAccountGroup: "CUST",
  };
}

export function stockRow(material: string, plant: string, quantity: number): Row {
  return {
    Material: material,
    Plant: plant,
    StorageLocation: STORAGE_LOCATION,
    Batch: "",
    Supplier: "",
    Customer: "",
    WBSElementInternalID: "00000000",
    SDDocument: "",
    SDDocumentItem: "000000",
    InventorySpecialStockType: "",
    InventoryStockType: "01",
    WBSElementExternalID: "",
    MaterialBaseUnit: "PC",
    MatlWrhsStkQtyInMatlBaseUnit: quantity,
  };
}

/**
 * Special stocks, as a real plant has them: every fourth product has, in the first plant,
 * consignment stock at a customer (K) and stock reserved for a sales order item (E). Both are
 * unrestricted-use (InventoryStockType 01) and neither may be sold from the storefront.
 */
export function specialStockRows(p: ProductSpec): Row[] {
  if (p.index % 4 !== 0) return [];
  const own = stockRow(p.id, PLANTS[0] ?? "1010", 0);
  return [
    { ...own, InventorySpecialStockType: "K", Customer: "17100001", MatlWrhsStkQtyInMatlBaseUnit: 40 },
    {
      ...own,
      InventorySpecialStockType: "E",
      SDDocument: "9000000001",
      SDDocumentItem: "000010",
      MatlWrhsStkQtyInMatlBaseUnit: 25,
    },
  ];
}

function uuidFor(i: number): string {
  const hex = (i + 1).toString(16).padStart(12, "0");
  return `6a7f1c2e-0000-4000-8000-${hex}`;
}

const round2 = (n: number) => Math.round(n * 100) / 100;
