import { GeneratedTable, type Row, type Table } from "../store/table";
import {
  type Catalog,
  CURRENCY,
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

export interface SeededTables {
  tables: Map<string, Table>;
}

export const tableId = (service: string, set: string) => `${service}/${set}`;

/** Key properties per seeded set, as the EDMX declares them (checked by the model test). */
export function seedTables(
  catalog: Catalog,
  keysOf: (service: string, set: string) => string[],
  imageUrl: (product: string) => string,
): Map<string, Table> {
  const tables = new Map<string, Table>();
  const byProduct = (service: string, set: string, prop: string, rows: (p: ProductSpec) => Row[]) => {
    tables.set(
      tableId(service, set),
      new GeneratedTable(
        keysOf(service, set),
        catalog.productCount,
        (i) => rows(catalog.product(i)),
        (eq) => (eq[prop] === undefined ? undefined : (catalog.productIndex(eq[prop]) ?? -1)),
      ),
    );
  };
  const P = "API_PRODUCT_SRV";
  byProduct(P, "A_Product", "Product", (p) => [
    {
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
    },
  ]);
  byProduct(P, "A_ProductDescription", "Product", (p) => [
    { Product: p.id, Language: "EN", ProductDescription: p.name },
    { Product: p.id, Language: "DE", ProductDescription: p.germanName },
  ]);
  byProduct(P, "A_ProductSales", "Product", (p) => [
    { Product: p.id, SalesStatus: "", TaxClassification: "1", TransportationGroup: "0001" },
  ]);
  byProduct(P, "A_ProductSalesDelivery", "Product", (p) => [
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
  byProduct(P, "A_ProductPlant", "Product", (p) =>
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

  const S = "API_MATERIAL_STOCK_SRV";
  byProduct(S, "A_MaterialStock", "Material", (p) => [{ Material: p.id, MaterialBaseUnit: "PC" }]);
  byProduct(S, "A_MatlStkInAcctMod", "Material", (p) =>
    PLANTS.map((plant, k) => stockRow(p.id, plant, p.stock[k] ?? 0)),
  );

  const C = "API_SLSPRICINGCONDITIONRECORD_SRV";
  const recordIndex = (eq: Record<string, unknown>) => {
    if (eq.ConditionRecord !== undefined) {
      const n = Number(String(eq.ConditionRecord).slice(1));
      return Number.isInteger(n) && n >= 1 && n <= catalog.productCount ? n - 1 : -1;
    }
    if (eq.Material !== undefined) return catalog.productIndex(eq.Material) ?? -1;
    return undefined;
  };
  const records = (p: ProductSpec) => {
    const base = {
      id: `1${String(p.index + 1).padStart(9, "0")}`,
      price: p.price,
      from: dateOnly(p.createdAt),
      to: p.futurePrice ? dateOnly(p.futurePrice.validFrom) - DAY : MAX_DATE,
      scales: p.scales,
    };
    const out = [base];
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
  };
  const gen = (set: string, rows: (p: ProductSpec) => Row[]) =>
    tables.set(
      tableId(C, set),
      new GeneratedTable(keysOf(C, set), catalog.productCount, (i) => rows(catalog.product(i)), recordIndex),
    );
  gen("A_SlsPrcgConditionRecord", (p) =>
    records(p).map((r) => ({
      ConditionRecord: r.id,
      ConditionSequentialNumber: "01",
      ConditionTable: "304",
      ConditionApplication: "V",
      ConditionType: "PR00",
      ConditionValidityStartDate: r.from,
      ConditionValidityEndDate: r.to,
      CreatedByUser: USER,
      CreationDate: dateOnly(p.createdAt),
      PricingScaleType: r.scales.length > 0 ? "A" : "",
      PricingScaleBasis: r.scales.length > 0 ? "C" : "",
      ConditionCalculationType: "C",
      ConditionRateValue: r.price,
      ConditionRateValueUnit: CURRENCY,
      ConditionCurrency: CURRENCY,
      ConditionQuantity: 1,
      ConditionQuantityUnit: "PC",
      BaseUnit: "PC",
      ConditionToBaseQtyNmrtr: 1,
      ConditionToBaseQtyDnmntr: 1,
      ConditionIsDeleted: false,
      ConditionReleaseStatus: "",
      LastChangeDateTime: p.lastChangedAt,
      ETag: String(p.lastChangedAt),
    })),
  );
  gen("A_SlsPrcgCndnRecdValidity", (p) =>
    records(p).map((r) => ({
      ConditionRecord: r.id,
      ConditionValidityEndDate: r.to,
      ConditionValidityStartDate: r.from,
      ConditionApplication: "V",
      ConditionType: "PR00",
      SalesOrganization: SALES_ORG,
      DistributionChannel: DISTRIBUTION_CHANNEL,
      Material: p.id,
      ETag: String(p.lastChangedAt),
    })),
  );
  gen("A_SlsPrcgCndnRecordScale", (p) =>
    records(p).flatMap((r) =>
      r.scales.map((s, k) => ({
        ConditionRecord: r.id,
        ConditionSequentialNumber: "01",
        ConditionScaleLine: String(k + 1).padStart(4, "0"),
        ConditionScaleQuantity: s.from,
        ConditionScaleQuantityUnit: "PC",
        ConditionRateValue: s.price,
        ConditionRateValueUnit: CURRENCY,
        ConditionCurrency: CURRENCY,
        ETag: String(p.lastChangedAt),
      })),
    ),
  );

  const A = "API_CV_ATTACHMENT_SRV";
  byProduct(A, "AttachmentContentSet", "LinkedSAPObjectKey", (p) => [
    {
      DocumentInfoRecordDocType: "",
      DocumentInfoRecordDocNumber: "",
      DocumentInfoRecordDocVersion: "",
      DocumentInfoRecordDocPart: "",
      LogicalDocument: `IMG${String(p.index + 1).padStart(29, "0")}`,
      ArchiveDocumentID: `ARC${String(p.index + 1).padStart(37, "0")}`,
      LinkedSAPObjectKey: p.id,
      BusinessObjectTypeName: "BUS1001006",
      SemanticObject: "Product",
      FileSize: "0",
      FileName: `${p.id}.svg`,
      DocumentURL: imageUrl(p.id),
      MimeType: "image/svg+xml",
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
    },
  ]);

  const B = "API_BUSINESS_PARTNER";
  const byCustomer = (set: string, prop: string, rows: (i: number) => Row[]) =>
    tables.set(
      tableId(B, set),
      new GeneratedTable(keysOf(B, set), catalog.customerCount, rows, (eq) =>
        eq[prop] === undefined ? undefined : (catalog.customerIndex(eq[prop]) ?? -1),
      ),
    );
  byCustomer("A_BusinessPartner", "BusinessPartner", (i) => {
    const c = catalog.customer(i);
    return [
      {
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
      },
    ];
  });
  byCustomer("A_Customer", "Customer", (i) => {
    const c = catalog.customer(i);
    return [
      {
        Customer: c.id,
        CreatedByUser: USER,
        CreationDate: dateOnly(c.createdAt),
        CustomerAccountGroup: "CUST",
        CustomerFullName: c.name,
        CustomerName: c.name,
        OrderIsBlockedForCustomer: c.blocked ? "01" : "",
        DeliveryIsBlocked: "",
        BillingIsBlockedForCustomer: "",
        PostingIsBlocked: false,
        DeletionIndicator: false,
      },
    ];
  });
  byCustomer("A_BusinessPartnerAddress", "BusinessPartner", (i) => {
    const c = catalog.customer(i);
    return [
      {
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
      },
    ];
  });
  byCustomer("A_BusinessPartnerRole", "BusinessPartner", (i) => [
    {
      BusinessPartner: catalog.customerId(i),
      BusinessPartnerRole: "FLCU01",
      ValidFrom: catalog.customer(i).createdAt,
      ValidTo: Date.UTC(9999, 11, 31, 23, 59, 59),
    },
  ]);
  byCustomer("A_CustomerSalesArea", "Customer", (i) => {
    const c = catalog.customer(i);
    return [
      {
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
        IncotermsClassification: "EXW",
        IncotermsLocation1: c.city,
        CustomerAccountGroup: "CUST",
      },
    ];
  });
  byCustomer("A_CustomerCompany", "Customer", (i) => {
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
  return tables;
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

function uuidFor(i: number): string {
  const hex = (i + 1).toString(16).padStart(12, "0");
  return `6a7f1c2e-0000-4000-8000-${hex}`;
}
