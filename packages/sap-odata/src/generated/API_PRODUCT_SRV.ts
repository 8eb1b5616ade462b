// Generated from specs/API_PRODUCT_SRV.edmx by scripts/generate.ts — do not edit.
import type { EdmService } from "../edmx";

export interface A_ProductType {
  /** Product · max 40 · Edm.String */
  Product: string;
  /** Product Type · max 4 · Edm.String */
  ProductType?: string | null;
  /** CrossPlantProdStatus · max 2 · Edm.String */
  CrossPlantStatus?: string | null;
  /** Valid from · Edm.DateTime (0,0) */
  CrossPlantStatusValidityDate?: Date | null;
  /** Created On · Edm.DateTime (0,0) */
  CreationDate?: Date | null;
  /** Created by · max 12 · Edm.String */
  CreatedByUser?: string | null;
  /** Last Change · Edm.DateTime (0,0) */
  LastChangeDate?: Date | null;
  /** Changed by · max 12 · Edm.String */
  LastChangedByUser?: string | null;
  /** Last Changed · Edm.DateTimeOffset (7,0) */
  LastChangeDateTime?: Date | null;
  /** Marked for Deletion · Edm.Boolean */
  IsMarkedForDeletion?: boolean | null;
  /** Old product number · max 40 · Edm.String */
  ProductOldID?: string | null;
  /** Gross weight · Edm.Decimal (13,3) */
  GrossWeight?: string | null;
  /** Order Unit · max 3 · Edm.String */
  PurchaseOrderQuantityUnit?: string | null;
  /** Source of supply · max 1 · Edm.String */
  SourceOfSupply?: string | null;
  /** Weight unit · max 3 · Edm.String */
  WeightUnit?: string | null;
  /** Net weight · Edm.Decimal (13,3) */
  NetWeight?: string | null;
  /** Country of origin · max 3 · Edm.String */
  CountryOfOrigin?: string | null;
  /** Competitor · max 10 · Edm.String */
  CompetitorID?: string | null;
  /** Product Group · max 9 · Edm.String */
  ProductGroup?: string | null;
  /** Base Unit of Measure · max 3 · Edm.String */
  BaseUnit?: string | null;
  /** Gen. item cat. grp · max 4 · Edm.String */
  ItemCategoryGroup?: string | null;
  /** Product hierarchy · max 18 · Edm.String */
  ProductHierarchy?: string | null;
  /** Division · max 2 · Edm.String */
  Division?: string | null;
  /** Var. Order Unit · max 1 · Edm.String */
  VarblPurOrdUnitIsActive?: string | null;
  /** Volume unit · max 3 · Edm.String */
  VolumeUnit?: string | null;
  /** Volume · Edm.Decimal (13,3) */
  MaterialVolume?: string | null;
  /** ANP Code · max 9 · Edm.String */
  ANPCode?: string | null;
  /** Brand · max 4 · Edm.String */
  Brand?: string | null;
  /** Procurement rule · max 1 · Edm.String */
  ProcurementRule?: string | null;
  /** Valid From · Edm.DateTime (0,0) */
  ValidityStartDate?: Date | null;
  /** Low-Level Code · max 3 · Edm.String */
  LowLevelCode?: string | null;
  /** Generic Material · max 40 · Edm.String */
  ProdNoInGenProdInPrepackProd?: string | null;
  /** Serial No. Profile · max 4 · Edm.String */
  SerialIdentifierAssgmtProfile?: string | null;
  /** Size/dimensions · max 32 · Edm.String */
  SizeOrDimensionText?: string | null;
  /** Industry Std Desc. · max 18 · Edm.String */
  IndustryStandardName?: string | null;
  /** GTIN · max 18 · Edm.String */
  ProductStandardID?: string | null;
  /** EAN category · max 2 · Edm.String */
  InternationalArticleNumberCat?: string | null;
  /** Configurable · Edm.Boolean */
  ProductIsConfigurable?: boolean | null;
  /** Batch Management · Edm.Boolean */
  IsBatchManagementRequired?: boolean | null;
  /** Ext. Product Group · max 18 · Edm.String */
  ExternalProductGroup?: string | null;
  /** Cross-plant CP · max 40 · Edm.String */
  CrossPlantConfigurableProduct?: string | null;
  /** Serialization level · max 1 · Edm.String */
  SerialNoExplicitnessLevel?: string | null;
  /** Mfr Part Number · max 40 · Edm.String */
  ProductManufacturerNumber?: string | null;
  /** Manufacturer · max 10 · Edm.String */
  ManufacturerNumber?: string | null;
  /** Mfr part profile · max 4 · Edm.String */
  ManufacturerPartProfile?: string | null;
  /** QM in Procur. Active · Edm.Boolean */
  QltyMgmtInProcmtIsActive?: boolean | null;
  /** Industry Sector · max 1 · Edm.String */
  IndustrySector?: string | null;
  /** Change Number · max 12 · Edm.String */
  ChangeNumber?: string | null;
  /** Revision Level · max 2 · Edm.String */
  MaterialRevisionLevel?: string | null;
  /** Handling Indicator · max 4 · Edm.String */
  HandlingIndicator?: string | null;
  /** WH Material Group · max 4 · Edm.String */
  WarehouseProductGroup?: string | null;
  /** WH Storage Condition · max 2 · Edm.String */
  WarehouseStorageCondition?: string | null;
  /** Standard HU Type · max 4 · Edm.String */
  StandardHandlingUnitType?: string | null;
  /** Serial No. Profile · max 4 · Edm.String */
  SerialNumberProfile?: string | null;
  /** Adjust. Profile · max 3 · Edm.String */
  AdjustmentProfile?: string | null;
  /** Preferred UoM · max 3 · Edm.String */
  PreferredUnitOfMeasure?: string | null;
  /** Pilferable · Edm.Boolean */
  IsPilferable?: boolean | null;
  /** Relevant for HS · Edm.Boolean */
  IsRelevantForHzdsSubstances?: boolean | null;
  /** Quarant. Per. · Edm.Decimal (3,0) */
  QuarantinePeriod?: string | null;
  /** Time Unit · max 3 · Edm.String */
  TimeUnitForQuarantinePeriod?: string | null;
  /** Quality Inspec. Grp · max 4 · Edm.String */
  QualityInspectionGroup?: string | null;
  /** Authorization Group · max 4 · Edm.String */
  AuthorizationGroup?: string | null;
  /** Handling Unit Type · max 4 · Edm.String */
  HandlingUnitType?: string | null;
  /** Varb. Tare Weight · Edm.Boolean */
  HasVariableTareWeight?: boolean | null;
  /** Max. Pack. Length · Edm.Decimal (15,3) */
  MaximumPackagingLength?: string | null;
  /** Max. Pack. Width · Edm.Decimal (15,3) */
  MaximumPackagingWidth?: string | null;
  /** Max. Pack. Height · Edm.Decimal (15,3) */
  MaximumPackagingHeight?: string | null;
  /** Unit of Measurement · max 3 · Edm.String */
  UnitForMaxPackagingDimensions?: string | null;
  to_Description?: A_ProductDescriptionType[];
  to_Plant?: A_ProductPlantType[];
  to_ProductBasicText?: A_ProductBasicTextType[];
  to_ProductInspectionText?: A_ProductInspectionTextType[];
  to_ProductProcurement?: A_ProductProcurementType | null;
  to_ProductPurchaseText?: A_ProductPurchaseTextType[];
  to_ProductQualityMgmt?: A_ProductQualityMgmtType | null;
  to_ProductSales?: A_ProductSalesType | null;
  to_ProductSalesTax?: A_ProductSalesTaxType[];
  to_ProductStorage?: A_ProductStorageType | null;
  to_ProductUnitsOfMeasure?: A_ProductUnitsOfMeasureType[];
  to_SalesDelivery?: A_ProductSalesDeliveryType[];
  to_Valuation?: A_ProductValuationType[];
}

export interface A_ProductBasicTextType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** Language Key · max 2 · Edm.String */
  Language: string;
  /** String · Edm.String */
  LongText?: string | null;
}

export interface A_ProductDescriptionType {
  /** Product · max 40 · Edm.String */
  Product: string;
  /** Language Key · max 2 · Edm.String */
  Language: string;
  /** Product Description · max 40 · Edm.String */
  ProductDescription?: string | null;
}

export interface A_ProductInspectionTextType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** Language Key · max 2 · Edm.String */
  Language: string;
  /** String · Edm.String */
  LongText?: string | null;
}

export interface A_ProductMLAccountType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** Valuation area · max 4 · Edm.String */
  ValuationArea: string;
  /** Valuation Type · max 10 · Edm.String */
  ValuationType: string;
  /** Curr./Val. Type · max 2 · Edm.String */
  CurrencyRole: string;
  /** Currency · max 5 · Edm.String */
  Currency?: string | null;
  /** Price control · max 1 · Edm.String */
  ProductPriceControl?: string | null;
  /** Price Unit · Edm.Decimal (5,0) */
  PriceUnitQty?: string | null;
  /** Per. Unit Price · Edm.Decimal (12,3) */
  MovingAveragePrice?: string | null;
  /** Standard Price · Edm.Decimal (12,3) */
  StandardPrice?: string | null;
}

export interface A_ProductMLPricesType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** Valuation area · max 4 · Edm.String */
  ValuationArea: string;
  /** Valuation Type · max 10 · Edm.String */
  ValuationType: string;
  /** Curr./Val. Type · max 2 · Edm.String */
  CurrencyRole: string;
  /** Currency · max 5 · Edm.String */
  Currency?: string | null;
  /** Future price · Edm.Decimal (12,3) */
  FuturePrice?: string | null;
  /** Price Valid From · Edm.DateTime (0,0) */
  FuturePriceValidityStartDate?: Date | null;
  /** Cost · Edm.Decimal (24,3) */
  PlannedPrice?: string | null;
}

export interface A_ProductPlantType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** Plant · max 4 · Edm.String */
  Plant: string;
  /** Purchasing Group · max 3 · Edm.String */
  PurchasingGroup?: string | null;
  /** Country of origin · max 3 · Edm.String */
  CountryOfOrigin?: string | null;
  /** Region of origin · max 3 · Edm.String */
  RegionOfOrigin?: string | null;
  /** Prod. stor. location · max 4 · Edm.String */
  ProductionInvtryManagedLoc?: string | null;
  /** Plant-Sp.Matl Status · max 2 · Edm.String */
  ProfileCode?: string | null;
  /** Valid From · Edm.DateTime (0,0) */
  ProfileValidityStartDate?: Date | null;
  /** Availability check · max 2 · Edm.String */
  AvailabilityCheckType?: string | null;
  /** Fiscal Year Variant · max 2 · Edm.String */
  FiscalYearVariant?: string | null;
  /** Period Indicator · max 1 · Edm.String */
  PeriodType?: string | null;
  /** Profit Center · max 10 · Edm.String */
  ProfitCenter?: string | null;
  /** Commodity Code · max 17 · Edm.String */
  Commodity?: string | null;
  /** GR processing time · Edm.Decimal (3,0) */
  GoodsReceiptDuration?: string | null;
  /** Maintenance status · max 15 · Edm.String */
  MaintenanceStatusName?: string | null;
  /** DF at plant level · Edm.Boolean */
  IsMarkedForDeletion?: boolean | null;
  /** MRP Type · max 2 · Edm.String */
  MRPType?: string | null;
  /** MRP Controller · max 3 · Edm.String */
  MRPResponsible?: string | null;
  /** ABC Indicator · max 1 · Edm.String */
  ABCIndicator?: string | null;
  /** Minimum Lot Size · Edm.Decimal (13,3) */
  MinimumLotSizeQuantity?: string | null;
  /** Maximum Lot Size · Edm.Decimal (13,3) */
  MaximumLotSizeQuantity?: string | null;
  /** Fixed lot size · Edm.Decimal (13,3) */
  FixedLotSizeQuantity?: string | null;
  /** Control code · max 16 · Edm.String */
  ConsumptionTaxCtrlCode?: string | null;
  /** Co-product · Edm.Boolean */
  IsCoProduct?: boolean | null;
  /** ConfigurableProduct · max 40 · Edm.String */
  ProductIsConfigurable?: string | null;
  /** Stock det. grp · max 4 · Edm.String */
  StockDeterminationGroup?: string | null;
  /** Edm.Decimal (13,3) */
  StockInTransferQuantity?: string | null;
  /** Edm.Decimal (13,3) */
  StockInTransitQuantity?: string | null;
  /** Post to insp. stock · Edm.Boolean */
  HasPostToInspectionStock?: boolean | null;
  /** Batch Mgmt Rqt(Plnt) · Edm.Boolean */
  IsBatchManagementRequired?: boolean | null;
  /** Serial No. Profile · max 4 · Edm.String */
  SerialNumberProfile?: string | null;
  /** Neg. stocks in plant · Edm.Boolean */
  IsNegativeStockAllowed?: boolean | null;
  /** Edm.Decimal (13,3) */
  GoodsReceiptBlockedStockQty?: string | null;
  /** Consign.Control · max 1 · Edm.String */
  HasConsignmentCtrl?: string | null;
  /** max 4 · Edm.String */
  FiscalYearCurrentPeriod?: string | null;
  /** max 2 · Edm.String */
  FiscalMonthCurrentPeriod?: string | null;
  /** Procurement Type · max 1 · Edm.String */
  ProcurementType?: string | null;
  /** Batch Management · Edm.Boolean */
  IsInternalBatchManaged?: boolean | null;
  /** Mat. CFOP category · max 2 · Edm.String */
  ProductCFOPCategory?: string | null;
  /** Is Excise Tax Relevant · Edm.Boolean */
  ProductIsExciseTaxRelevant?: boolean | null;
  /** Base Unit of Measure · max 3 · Edm.String */
  BaseUnit?: string | null;
  /** ConfigurableMaterial · max 40 · Edm.String */
  ConfigurableProduct?: string | null;
  /** Unit of issue · max 3 · Edm.String */
  GoodsIssueUnit?: string | null;
  /** Material freight grp · max 8 · Edm.String */
  MaterialFreightGroup?: string | null;
  /** OB Reference Materl · max 40 · Edm.String */
  OriginalBatchReferenceMaterial?: string | null;
  /** OB Management · max 1 · Edm.String */
  OriglBatchManagementIsRequired?: string | null;
  /** Critical Part · Edm.Boolean */
  ProductIsCriticalPrt?: boolean | null;
  /** Log. handling group · max 4 · Edm.String */
  ProductLogisticsHandlingGroup?: string | null;
  to_PlantMRPArea?: A_ProductPlantMRPAreaType[];
  to_PlantQualityMgmt?: A_ProductPlantQualityMgmtType | null;
  to_PlantSales?: A_ProductPlantSalesType | null;
  to_PlantStorage?: A_ProductPlantStorageType | null;
  to_PlantText?: A_ProductPlantTextType | null;
  to_ProdPlantInternationalTrade?: A_ProductPlantIntlTrdType | null;
  to_ProductPlantCosting?: A_ProductPlantCostingType | null;
  to_ProductPlantForecast?: A_ProductPlantForecastingType | null;
  to_ProductPlantProcurement?: A_ProductPlantProcurementType | null;
  to_ProductSupplyPlanning?: A_ProductSupplyPlanningType | null;
  to_ProductWorkScheduling?: A_ProductWorkSchedulingType | null;
  to_StorageLocation?: A_ProductStorageLocationType[];
}

export interface A_ProductPlantCostingType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** Plant · max 4 · Edm.String */
  Plant: string;
  /** Co-product · Edm.Boolean */
  IsCoProduct?: boolean | null;
  /** Costing Lot Size · Edm.Decimal (13,3) */
  CostingLotSize?: string | null;
  /** Variance Key · max 6 · Edm.String */
  VarianceKey?: string | null;
  /** Base Unit of Measure · max 3 · Edm.String */
  BaseUnit?: string | null;
  /** Group Counter · max 2 · Edm.String */
  TaskListGroupCounter?: string | null;
  /** Group · max 8 · Edm.String */
  TaskListGroup?: string | null;
  /** Task List Type · max 1 · Edm.String */
  TaskListType?: string | null;
  /** Production Version · max 4 · Edm.String */
  CostingProductionVersion?: string | null;
  /** Fixed-Price Co-Prod. · Edm.Boolean */
  IsFixedPriceCoProduct?: boolean | null;
  /** Special Procurement Type · max 2 · Edm.String */
  CostingSpecialProcurementType?: string | null;
  /** Alternative BOM · max 2 · Edm.String */
  SourceBOMAlternative?: string | null;
  /** BOM Usage · max 1 · Edm.String */
  ProductBOMUsage?: string | null;
  /** Do Not Cost · Edm.Boolean */
  ProductIsCostingRelevant?: boolean | null;
}

export interface A_ProductPlantForecastingType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** Plant · max 4 · Edm.String */
  Plant: string;
  /** Date to · Edm.DateTime (0,0) */
  ConsumptionRefUsageEndDate?: Date | null;
  /** Multiplier · Edm.Decimal (4,2) */
  ConsumptionQtyMultiplier?: string | null;
  /** RefMatl: consumption · max 40 · Edm.String */
  ConsumptionReferenceProduct?: string | null;
  /** RefPlant:consumption · max 4 · Edm.String */
  ConsumptionReferencePlant?: string | null;
}

export interface A_ProductPlantIntlTrdType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** Plant · max 4 · Edm.String */
  Plant: string;
  /** Country of Origin · max 3 · Edm.String */
  CountryOfOrigin?: string | null;
  /** Region of Origin · max 3 · Edm.String */
  RegionOfOrigin?: string | null;
  /** Control code · max 16 · Edm.String */
  ConsumptionTaxCtrlCode?: string | null;
  /** CAS number (pharm.) · max 15 · Edm.String */
  ProductCASNumber?: string | null;
  /** PRODCOM no. · max 9 · Edm.String */
  ProdIntlTradeClassification?: string | null;
  /** Intrastat Group · max 4 · Edm.String */
  ExportAndImportProductGroup?: string | null;
}

export interface A_ProductPlantMRPAreaType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** MRP area: Plant · max 4 · Edm.String */
  Plant: string;
  /** MRP Area · max 10 · Edm.String */
  MRPArea: string;
  /** MRP Type · max 2 · Edm.String */
  MRPType?: string | null;
  /** MRP Controller · max 3 · Edm.String */
  MRPResponsible?: string | null;
  /** MRP Group · max 4 · Edm.String */
  MRPGroup?: string | null;
  /** Reorder Point · Edm.Decimal (13,3) */
  ReorderThresholdQuantity?: string | null;
  /** Planning time fence · max 3 · Edm.String */
  PlanningTimeFence?: string | null;
  /** Lot Sizing Procedure · max 2 · Edm.String */
  LotSizingProcedure?: string | null;
  /** Rounding value · Edm.Decimal (13,3) */
  LotSizeRoundingQuantity?: string | null;
  /** Minimum Lot Size · Edm.Decimal (13,3) */
  MinimumLotSizeQuantity?: string | null;
  /** Maximum Lot Size · Edm.Decimal (13,3) */
  MaximumLotSizeQuantity?: string | null;
  /** Maximum Stock Level · Edm.Decimal (13,3) */
  MaximumStockQuantity?: string | null;
  /** Assembly scrap (%) · Edm.Decimal (5,2) */
  AssemblyScrapPercent?: string | null;
  /** Special procurement · max 2 · Edm.String */
  ProcurementSubType?: string | null;
  /** Storage loc. for EP · max 4 · Edm.String */
  DfltStorageLocationExtProcmt?: string | null;
  /** Planning Calendar · max 3 · Edm.String */
  MRPPlanningCalendar?: string | null;
  /** Safety stock · Edm.Decimal (13,3) */
  SafetyStockQuantity?: string | null;
  /** Coverage profile · max 3 · Edm.String */
  RangeOfCvrgPrflCode?: string | null;
  /** Safety time/act.cov. · max 2 · Edm.String */
  SafetyDuration?: string | null;
  /** Fixed lot size · Edm.Decimal (13,3) */
  FixedLotSizeQuantity?: string | null;
  /** LS-Independent Costs · Edm.Decimal (12,3) */
  LotSizeIndependentCosts?: string | null;
  /** Storage Costs Code · max 1 · Edm.String */
  IsStorageCosts?: string | null;
  /** Takt time · Edm.Decimal (3,0) */
  RqmtQtyRcptTaktTmeInWrkgDays?: string | null;
  /** Service level (%) · Edm.Decimal (3,1) */
  SrvcLvl?: string | null;
  /** Deletion Indicator · Edm.Boolean */
  IsMarkedForDeletion?: boolean | null;
  /** STime period profile · max 3 · Edm.String */
  PerdPrflForSftyTme?: string | null;
  /** MRP dep.requirements · max 1 · Edm.String */
  IsMRPDependentRqmt?: string | null;
  /** Safety time ind. · max 1 · Edm.String */
  IsSafetyTime?: string | null;
  /** Planned Deliv. Time · Edm.Decimal (3,0) */
  PlannedDeliveryDurationInDays?: string | null;
  /** Consider PlDelTime · Edm.Boolean */
  IsPlannedDeliveryTime?: boolean | null;
  /** Currency · max 5 · Edm.String */
  Currency?: string | null;
  /** Base Unit of Measure · max 3 · Edm.String */
  BaseUnit?: string | null;
  /** Planning cycle · max 3 · Edm.String */
  PlanAndOrderDayDetermination?: string | null;
  /** Rounding Profile · max 4 · Edm.String */
  RoundingProfile?: string | null;
  /** Prod. stor. location · max 4 · Edm.String */
  StorageLocation?: string | null;
}

export interface A_ProductPlantProcurementType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** Plant · max 4 · Edm.String */
  Plant: string;
  /** Automatic PO · Edm.Boolean */
  IsAutoPurOrdCreationAllowed?: boolean | null;
  /** Source list · Edm.Boolean */
  IsSourceListRequired?: boolean | null;
  /** Source of supply · max 1 · Edm.String */
  SourceOfSupplyCategory?: string | null;
  /** JIT Indicator · max 1 · Edm.String */
  ItmIsRlvtToJITDelivSchedules?: string | null;
}

export interface A_ProductPlantQualityMgmtType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** Plant · max 4 · Edm.String */
  Plant: string;
  /** Max. Storage Period · Edm.Decimal (5,0) */
  MaximumStoragePeriod?: string | null;
  /** QM Control Key · max 8 · Edm.String */
  QualityMgmtCtrlKey?: string | null;
  /** QM Material Auth. · max 6 · Edm.String */
  MatlQualityAuthorizationGroup?: string | null;
  /** Post to insp. stock · Edm.Boolean */
  HasPostToInspectionStock?: boolean | null;
  /** Documentation reqd · Edm.Boolean */
  InspLotDocumentationIsRequired?: boolean | null;
  /** Target QM system · max 4 · Edm.String */
  SuplrQualityManagementSystem?: string | null;
  /** Inspection Interval · Edm.Decimal (5,0) */
  RecrrgInspIntervalTimeInDays?: string | null;
  /** Certificate Type · max 4 · Edm.String */
  ProductQualityCertificateType?: string | null;
}

export interface A_ProductPlantSalesType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** Plant · max 4 · Edm.String */
  Plant: string;
  /** Loading Group · max 4 · Edm.String */
  LoadingGroup?: string | null;
  /** Replacement Part · max 1 · Edm.String */
  ReplacementPartType?: string | null;
  /** Base quantity · Edm.Decimal (13,3) */
  CapPlanningQuantityInBaseUoM?: string | null;
  /** Processing time · Edm.Decimal (5,2) */
  ProductShippingProcessingTime?: string | null;
  /** Setup time · Edm.Decimal (5,2) */
  WrkCentersShipgSetupTimeInDays?: string | null;
  /** Availability check · max 2 · Edm.String */
  AvailabilityCheckType?: string | null;
  /** Base Unit of Measure · max 3 · Edm.String */
  BaseUnit?: string | null;
}

export interface A_ProductPlantStorageType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** Plant · max 4 · Edm.String */
  Plant: string;
  /** CC Phys. Inv. Ind. · max 1 · Edm.String */
  InventoryForCycleCountInd?: string | null;
  /** Service Level · max 1 · Edm.String */
  ProvisioningServiceLevel?: string | null;
  /** CC indicator fixed · Edm.Boolean */
  CycleCountingIndicatorIsFixed?: boolean | null;
  /** Time unit · max 3 · Edm.String */
  ProdMaximumStoragePeriodUnit?: string | null;
  /** Putaway/StkRmvl · max 1 · Edm.String */
  WrhsMgmtPtwyAndStkRemovalStrgy?: string | null;
}

export interface A_ProductPlantTextType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** Plant · max 4 · Edm.String */
  Plant: string;
  /** String · Edm.String */
  LongText?: string | null;
}

export interface A_ProductProcurementType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** Order Unit · max 3 · Edm.String */
  PurchaseOrderQuantityUnit?: string | null;
  /** Var. Order Unit · max 1 · Edm.String */
  VarblPurOrdUnitStatus?: string | null;
  /** Purchasing value key · max 4 · Edm.String */
  PurchasingAcknProfile?: string | null;
}

export interface A_ProductPurchaseTextType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** Language Key · max 2 · Edm.String */
  Language: string;
  /** String · Edm.String */
  LongText?: string | null;
}

export interface A_ProductQualityMgmtType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** QM in Procur. Active · Edm.Boolean */
  QltyMgmtInProcmtIsActive?: boolean | null;
}

export interface A_ProductSalesType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** X-distr.chain status · max 2 · Edm.String */
  SalesStatus?: string | null;
  /** Valid from · Edm.DateTime (0,0) */
  SalesStatusValidityDate?: Date | null;
  /** Tax classification · max 1 · Edm.String */
  TaxClassification?: string | null;
  /** Transportation Group · max 4 · Edm.String */
  TransportationGroup?: string | null;
}

export interface A_ProductSalesDeliveryType {
  /** Product · max 40 · Edm.String */
  Product: string;
  /** Sales Organization · max 4 · Edm.String */
  ProductSalesOrg: string;
  /** Distribution Channel · max 2 · Edm.String */
  ProductDistributionChnl: string;
  /** Minimum order qty · Edm.Decimal (13,3) */
  MinimumOrderQuantity?: string | null;
  /** Delivering Plant · max 4 · Edm.String */
  SupplyingPlant?: string | null;
  /** Product Price Group · max 2 · Edm.String */
  PriceSpecificationProductGroup?: string | null;
  /** Acct Assmt Grp Mat. · max 2 · Edm.String */
  AccountDetnProductGroup?: string | null;
  /** Minimum Delivery Qty · Edm.Decimal (13,3) */
  DeliveryNoteProcMinDelivQty?: string | null;
  /** Item Category Group · max 4 · Edm.String */
  ItemCategoryGroup?: string | null;
  /** Unit of measure · max 3 · Edm.String */
  DeliveryQuantityUnit?: string | null;
  /** Delivery unit · Edm.Decimal (13,3) */
  DeliveryQuantity?: string | null;
  /** DChain-spec. status · max 2 · Edm.String */
  ProductSalesStatus?: string | null;
  /** Valid from · Edm.DateTime (0,0) */
  ProductSalesStatusValidityDate?: Date | null;
  /** Sales unit · max 3 · Edm.String */
  SalesMeasureUnit?: string | null;
  /** DF distr. chain lvl · Edm.Boolean */
  IsMarkedForDeletion?: boolean | null;
  /** Product hierarchy · max 18 · Edm.String */
  ProductHierarchy?: string | null;
  /** Product Group 1 · max 3 · Edm.String */
  FirstSalesSpecProductGroup?: string | null;
  /** Product group 2 · max 3 · Edm.String */
  SecondSalesSpecProductGroup?: string | null;
  /** Product group 3 · max 3 · Edm.String */
  ThirdSalesSpecProductGroup?: string | null;
  /** Product group 4 · max 3 · Edm.String */
  FourthSalesSpecProductGroup?: string | null;
  /** Product group 5 · max 3 · Edm.String */
  FifthSalesSpecProductGroup?: string | null;
  /** Min. MtO quantity · Edm.Decimal (13,3) */
  MinimumMakeToOrderOrderQty?: string | null;
  /** Base Unit of Measure · max 3 · Edm.String */
  BaseUnit?: string | null;
  /** Matl statistics grp · max 1 · Edm.String */
  LogisticsStatisticsGroup?: string | null;
  /** Volume Rebate Group · max 2 · Edm.String */
  VolumeRebateGroup?: string | null;
  /** Commission Group · max 2 · Edm.String */
  ProductCommissionGroup?: string | null;
  /** Cash Discount · Edm.Boolean */
  CashDiscountIsDeductible?: boolean | null;
  /** Pricing Ref. Matl · max 40 · Edm.String */
  PricingReferenceProduct?: string | null;
  /** Rounding Profile · max 4 · Edm.String */
  RoundingProfile?: string | null;
  /** Unit of Measure Grp · max 4 · Edm.String */
  ProductUnitGroup?: string | null;
  /** Sales unit not var. · Edm.Boolean */
  VariableSalesUnitIsNotAllowed?: boolean | null;
  /** Product Attribute 1 · Edm.Boolean */
  ProductHasAttributeID01?: boolean | null;
  /** Product Attribute 2 · Edm.Boolean */
  ProductHasAttributeID02?: boolean | null;
  /** Product Attribute 3 · Edm.Boolean */
  ProductHasAttributeID03?: boolean | null;
  /** Product Attribute 4 · Edm.Boolean */
  ProductHasAttributeID04?: boolean | null;
  /** Product Attribute 5 · Edm.Boolean */
  ProductHasAttributeID05?: boolean | null;
  /** Product Attribute 6 · Edm.Boolean */
  ProductHasAttributeID06?: boolean | null;
  /** Product Attribute 7 · Edm.Boolean */
  ProductHasAttributeID07?: boolean | null;
  /** Product Attribute 8 · Edm.Boolean */
  ProductHasAttributeID08?: boolean | null;
  /** Product Attribute 9 · Edm.Boolean */
  ProductHasAttributeID09?: boolean | null;
  /** Product Attribute 10 · Edm.Boolean */
  ProductHasAttributeID10?: boolean | null;
  to_SalesTax?: A_ProductSalesTaxType[];
  to_SalesText?: A_ProductSalesTextType[];
}

export interface A_ProductSalesTaxType {
  /** Product · max 40 · Edm.String */
  Product: string;
  /** Country · max 3 · Edm.String */
  Country: string;
  /** Tax Category · max 4 · Edm.String */
  TaxCategory: string;
  /** max 1 · Edm.String */
  TaxClassification: string;
}

export interface A_ProductSalesTextType {
  /** Product · max 40 · Edm.String */
  Product: string;
  /** Sales Organization · max 4 · Edm.String */
  ProductSalesOrg: string;
  /** Distribution Channel · max 2 · Edm.String */
  ProductDistributionChnl: string;
  /** Language Key · max 2 · Edm.String */
  Language: string;
  /** String · Edm.String */
  LongText?: string | null;
}

export interface A_ProductStorageType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** Storage conditions · max 2 · Edm.String */
  StorageConditions?: string | null;
  /** Temp. conditions · max 2 · Edm.String */
  TemperatureConditionInd?: string | null;
  /** Haz. material number · max 40 · Edm.String */
  HazardousMaterialNumber?: string | null;
  /** GR slips quantity · Edm.Decimal (13,3) */
  NmbrOfGROrGISlipsToPrintQty?: string | null;
  /** Label type · max 2 · Edm.String */
  LabelType?: string | null;
  /** Label form · max 2 · Edm.String */
  LabelForm?: string | null;
  /** Min. Rem. Shelf Life · Edm.Decimal (4,0) */
  MinRemainingShelfLife?: string | null;
  /** Expiration Date · max 1 · Edm.String */
  ExpirationDate?: string | null;
  /** Period Ind. for SLED · max 1 · Edm.String */
  ShelfLifeExpirationDatePeriod?: string | null;
  /** Total shelf life · Edm.Decimal (4,0) */
  TotalShelfLife?: string | null;
  /** Base Unit of Measure · max 3 · Edm.String */
  BaseUnit?: string | null;
}

export interface A_ProductStorageLocationType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** Plant · max 4 · Edm.String */
  Plant: string;
  /** Storage location · max 4 · Edm.String */
  StorageLocation: string;
  /** Storage Bin · max 10 · Edm.String */
  WarehouseStorageBin?: string | null;
  /** Maintenance status · max 15 · Edm.String */
  MaintenanceStatus?: string | null;
  /** Phys. Inv. Block · max 1 · Edm.String */
  PhysicalInventoryBlockInd?: string | null;
  /** Created On · Edm.DateTime (0,0) */
  CreationDate?: Date | null;
  /** DF stor. loc. level · Edm.Boolean */
  IsMarkedForDeletion?: boolean | null;
  /** Date of Last Count · Edm.DateTime (0,0) */
  DateOfLastPostedCntUnRstrcdStk?: Date | null;
  /** Invent. corr. factor · Edm.Double */
  InventoryCorrectionFactor?: number | null;
  /** Restricted-use stock · max 3 · Edm.String */
  InvtryRestrictedUseStockInd?: string | null;
  /** Warehouse stock CY · max 3 · Edm.String */
  InvtryCurrentYearStockInd?: string | null;
  /** Qual. insp. stock CY · max 3 · Edm.String */
  InvtryQualInspCurrentYrStkInd?: string | null;
  /** Blocked stock · max 3 · Edm.String */
  InventoryBlockStockInd?: string | null;
  /** Restricted use, PP · max 3 · Edm.String */
  InvtryRestStockPrevPeriodInd?: string | null;
  /** Warehouse stock PY · max 3 · Edm.String */
  InventoryStockPrevPeriod?: string | null;
  /** QualInspStock prv.pd · max 3 · Edm.String */
  InvtryStockQltyInspPrevPeriod?: string | null;
  /** Blcked stock prev.pd · max 3 · Edm.String */
  HasInvtryBlockStockPrevPeriod?: string | null;
  /** max 4 · Edm.String */
  FiscalYearCurrentPeriod?: string | null;
  /** max 2 · Edm.String */
  FiscalMonthCurrentPeriod?: string | null;
  /** Fiscal year of current physical inventory indicator · max 4 · Edm.String */
  FiscalYearCurrentInvtryPeriod?: string | null;
  /** Picking area · max 3 · Edm.String */
  LeanWrhsManagementPickingArea?: string | null;
}

export interface A_ProductSupplyPlanningType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** Plant · max 4 · Edm.String */
  Plant: string;
  /** Fixed lot size · Edm.Decimal (13,3) */
  FixedLotSizeQuantity?: string | null;
  /** Maximum Lot Size · Edm.Decimal (13,3) */
  MaximumLotSizeQuantity?: string | null;
  /** Minimum Lot Size · Edm.Decimal (13,3) */
  MinimumLotSizeQuantity?: string | null;
  /** Rounding value · Edm.Decimal (13,3) */
  LotSizeRoundingQuantity?: string | null;
  /** Lot Sizing Procedure · max 2 · Edm.String */
  LotSizingProcedure?: string | null;
  /** MRP Type · max 2 · Edm.String */
  MRPType?: string | null;
  /** MRP Controller · max 3 · Edm.String */
  MRPResponsible?: string | null;
  /** Safety stock · Edm.Decimal (13,3) */
  SafetyStockQuantity?: string | null;
  /** Min safety stock · Edm.Decimal (13,3) */
  MinimumSafetyStockQuantity?: string | null;
  /** Planning time fence · max 3 · Edm.String */
  PlanningTimeFence?: string | null;
  /** ABC Indicator · max 1 · Edm.String */
  ABCIndicator?: string | null;
  /** Maximum Stock Level · Edm.Decimal (13,3) */
  MaximumStockQuantity?: string | null;
  /** Reorder Point · Edm.Decimal (13,3) */
  ReorderThresholdQuantity?: string | null;
  /** Planned Deliv. Time · Edm.Decimal (3,0) */
  PlannedDeliveryDurationInDays?: string | null;
  /** Safety time/act.cov. · max 2 · Edm.String */
  SafetyDuration?: string | null;
  /** Strategy Group · max 2 · Edm.String */
  PlanningStrategyGroup?: string | null;
  /** Tot. repl. lead time · Edm.Decimal (3,0) */
  TotalReplenishmentLeadTime?: string | null;
  /** Procurement Type · max 1 · Edm.String */
  ProcurementType?: string | null;
  /** Special procurement · max 2 · Edm.String */
  ProcurementSubType?: string | null;
  /** Assembly scrap (%) · Edm.Decimal (5,2) */
  AssemblyScrapPercent?: string | null;
  /** Availability check · max 2 · Edm.String */
  AvailabilityCheckType?: string | null;
  /** GR processing time · Edm.Decimal (3,0) */
  GoodsReceiptDuration?: string | null;
  /** MRP Group · max 4 · Edm.String */
  MRPGroup?: string | null;
  /** Storage loc. for EP · max 4 · Edm.String */
  DfltStorageLocationExtProcmt?: string | null;
  /** Consumption mode · max 1 · Edm.String */
  ProdRqmtsConsumptionMode?: string | null;
  /** Backward Consumption Period · max 3 · Edm.String */
  BackwardCnsmpnPeriodInWorkDays?: string | null;
  /** Forward Consumption Period · max 3 · Edm.String */
  FwdConsumptionPeriodInWorkDays?: string | null;
  /** Base Unit of Measure · max 3 · Edm.String */
  BaseUnit?: string | null;
  /** Planning cycle · max 3 · Edm.String */
  PlanAndOrderDayDetermination?: string | null;
  /** Rounding Profile · max 4 · Edm.String */
  RoundingProfile?: string | null;
  /** LS-Independent Costs · Edm.Decimal (12,3) */
  LotSizeIndependentCosts?: string | null;
  /** Planning Calendar · max 3 · Edm.String */
  MRPPlanningCalendar?: string | null;
  /** Coverage profile · max 3 · Edm.String */
  RangeOfCvrgPrflCode?: string | null;
  /** Safety time ind. · max 1 · Edm.String */
  IsSafetyTime?: string | null;
  /** STime period profile · max 3 · Edm.String */
  PerdPrflForSftyTme?: string | null;
  /** MRP dep.requirements · max 1 · Edm.String */
  IsMRPDependentRqmt?: string | null;
  /** In-house production · Edm.Decimal (3,0) */
  InHouseProductionTime?: string | null;
  /** Cross-project matl · max 1 · Edm.String */
  ProductIsForCrossProject?: string | null;
  /** Storage Costs Code · max 1 · Edm.String */
  StorageCostsPercentageCode?: string | null;
  /** Service level (%) · Edm.Decimal (3,1) */
  SrvcLvl?: string | null;
  /** Mixed MRP · max 1 · Edm.String */
  MRPAvailabilityType?: string | null;
  /** Follow-Up Material · max 40 · Edm.String */
  FollowUpProduct?: string | null;
  /** Repet. Manufacturing · Edm.Boolean */
  RepetitiveManufacturingIsAllwd?: boolean | null;
  /** Individual/coll. · max 1 · Edm.String */
  DependentRequirementsType?: string | null;
  /** Bulk material · Edm.Boolean */
  IsBulkMaterialComponent?: boolean | null;
  /** REM Profile · max 4 · Edm.String */
  RepetitiveManufacturingProfile?: string | null;
  /** Takt time · Edm.Decimal (3,0) */
  RqmtQtyRcptTaktTmeInWrkgDays?: string | null;
  /** Splitting indicator · max 1 · Edm.String */
  ForecastRequirementsAreSplit?: string | null;
  /** Effective-Out Date · Edm.DateTime (0,0) */
  EffectiveOutDate?: Date | null;
  /** MRP profile · max 4 · Edm.String */
  MRPProfile?: string | null;
  /** Component Scrap (%) · Edm.Decimal (5,2) */
  ComponentScrapInPercent?: string | null;
  /** Discontinuation ind. · max 1 · Edm.String */
  ProductIsToBeDiscontinued?: string | null;
  /** Requirements group · max 1 · Edm.String */
  ProdRqmtsAreConsolidated?: string | null;
  /** Backflush · max 1 · Edm.String */
  MatlCompIsMarkedForBackflush?: string | null;
  /** Proposed supply area · max 10 · Edm.String */
  ProposedProductSupplyArea?: string | null;
  /** Currency · max 5 · Edm.String */
  Currency?: string | null;
  /** Action Control · max 2 · Edm.String */
  PlannedOrderActionControl?: string | null;
}

export interface A_ProductUnitsOfMeasureType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** AlternativeUnit · max 3 · Edm.String */
  AlternativeUnit: string;
  /** Counter · Edm.Decimal (5,0) */
  QuantityNumerator?: string | null;
  /** Denominator · Edm.Decimal (5,0) */
  QuantityDenominator?: string | null;
  /** Volume · Edm.Decimal (13,3) */
  MaterialVolume?: string | null;
  /** Volume unit · max 3 · Edm.String */
  VolumeUnit?: string | null;
  /** Gross weight · Edm.Decimal (13,3) */
  GrossWeight?: string | null;
  /** Weight unit · max 3 · Edm.String */
  WeightUnit?: string | null;
  /** EAN/UPC · max 18 · Edm.String */
  GlobalTradeItemNumber?: string | null;
  /** GTIN Category · max 2 · Edm.String */
  GlobalTradeItemNumberCategory?: string | null;
  /** Length · Edm.Decimal (13,3) */
  UnitSpecificProductLength?: string | null;
  /** Width · Edm.Decimal (13,3) */
  UnitSpecificProductWidth?: string | null;
  /** Height · Edm.Decimal (13,3) */
  UnitSpecificProductHeight?: string | null;
  /** Unit of Dimension · max 3 · Edm.String */
  ProductMeasurementUnit?: string | null;
  /** Lower-level unit · max 3 · Edm.String */
  LowerLevelPackagingUnit?: string | null;
  /** Rem.Vol.After Nestng · Edm.Decimal (3,0) */
  RemainingVolumeAfterNesting?: string | null;
  /** Max. Stacking Factor · Edm.Byte */
  MaximumStackingFactor?: number | null;
  /** Capacity Usage · Edm.Decimal (15,3) */
  CapacityUsage?: string | null;
  /** Base Unit of Measure · max 3 · Edm.String */
  BaseUnit?: string | null;
  to_InternationalArticleNumber?: A_ProductUnitsOfMeasureEANType[];
}

export interface A_ProductUnitsOfMeasureEANType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** Display Unit/Measure · max 3 · Edm.String */
  AlternativeUnit: string;
  /** Consecutive number · max 5 · Edm.String */
  ConsecutiveNumber: string;
  /** EAN/UPC · max 18 · Edm.String */
  ProductStandardID?: string | null;
  /** GTIN Category · max 2 · Edm.String */
  InternationalArticleNumberCat?: string | null;
  /** Main EAN · Edm.Boolean */
  IsMainGlobalTradeItemNumber?: boolean | null;
}

export interface A_ProductValuationType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** Valuation area · max 4 · Edm.String */
  ValuationArea: string;
  /** Valuation Type · max 10 · Edm.String */
  ValuationType: string;
  /** Valuation Class · max 4 · Edm.String */
  ValuationClass?: string | null;
  /** Price Determ. · max 1 · Edm.String */
  PriceDeterminationControl?: string | null;
  /** Standard price · Edm.Decimal (12,3) */
  StandardPrice?: string | null;
  /** Price unit · Edm.Decimal (5,0) */
  PriceUnitQty?: string | null;
  /** Price Control · max 1 · Edm.String */
  InventoryValuationProcedure?: string | null;
  /** Del. flag val. type · Edm.Boolean */
  IsMarkedForDeletion?: boolean | null;
  /** Moving price · Edm.Decimal (12,3) */
  MovingAveragePrice?: string | null;
  /** Valuation Category · max 1 · Edm.String */
  ValuationCategory?: string | null;
  /** Product Usage · max 1 · Edm.String */
  ProductUsageType?: string | null;
  /** Product Origin · max 1 · Edm.String */
  ProductOriginType?: string | null;
  /** Produced in-house · Edm.Boolean */
  IsProducedInhouse?: boolean | null;
  /** ProdCostEst.No. · max 12 · Edm.String */
  ProdCostEstNumber?: string | null;
  /** Proj. stk val. class · max 4 · Edm.String */
  ProjectStockValuationClass?: string | null;
  /** VC: Sales order stk · max 4 · Edm.String */
  ValuationClassSalesOrderStock?: string | null;
  /** Planned price 1 · Edm.Decimal (12,3) */
  PlannedPrice1InCoCodeCrcy?: string | null;
  /** Planned price 2 · Edm.Decimal (12,3) */
  PlannedPrice2InCoCodeCrcy?: string | null;
  /** Planned price 3 · Edm.Decimal (12,3) */
  PlannedPrice3InCoCodeCrcy?: string | null;
  /** Planned price date 1 · Edm.DateTime (0,0) */
  FuturePlndPrice1ValdtyDate?: Date | null;
  /** Planned price date 2 · Edm.DateTime (0,0) */
  FuturePlndPrice2ValdtyDate?: Date | null;
  /** Planned price date 3 · Edm.DateTime (0,0) */
  FuturePlndPrice3ValdtyDate?: Date | null;
  /** Price unit · Edm.Decimal (5,0) */
  TaxBasedPricesPriceUnitQty?: string | null;
  /** Last price change · Edm.DateTime (0,0) */
  PriceLastChangeDate?: Date | null;
  /** Future planned price · Edm.Decimal (12,3) */
  PlannedPrice?: string | null;
  /** Previous price · Edm.Decimal (12,3) */
  PrevInvtryPriceInCoCodeCrcy?: string | null;
  /** Currency · max 5 · Edm.String */
  Currency?: string | null;
  /** Base Unit of Measure · max 3 · Edm.String */
  BaseUnit?: string | null;
  to_MLAccount?: A_ProductMLAccountType[];
  to_MLPrices?: A_ProductMLPricesType[];
  to_ValuationAccount?: A_ProductValuationAccountType | null;
  to_ValuationCosting?: A_ProductValuationCostingType | null;
}

export interface A_ProductValuationAccountType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** Valuation area · max 4 · Edm.String */
  ValuationArea: string;
  /** Valuation Type · max 10 · Edm.String */
  ValuationType: string;
  /** Commercial price 1 · Edm.Decimal (12,3) */
  CommercialPrice1InCoCodeCrcy?: string | null;
  /** Commercial price 2 · Edm.Decimal (12,3) */
  CommercialPrice2InCoCodeCrcy?: string | null;
  /** Commercial price 3 · Edm.Decimal (12,3) */
  CommercialPrice3InCoCodeCrcy?: string | null;
  /** Devaluation ind. · max 2 · Edm.String */
  DevaluationYearCount?: string | null;
  /** Future price · Edm.Decimal (12,3) */
  FutureEvaluatedAmountValue?: string | null;
  /** Valid from · Edm.DateTime (0,0) */
  FuturePriceValidityStartDate?: Date | null;
  /** TRUE · Edm.Boolean */
  IsLIFOAndFIFORelevant?: boolean | null;
  /** LIFO pool · max 4 · Edm.String */
  LIFOValuationPoolNumber?: string | null;
  /** Tax price 1 · Edm.Decimal (12,3) */
  TaxPricel1InCoCodeCrcy?: string | null;
  /** Tax price 2 · Edm.Decimal (12,3) */
  TaxPrice2InCoCodeCrcy?: string | null;
  /** Tax price 3 · Edm.Decimal (12,3) */
  TaxPrice3InCoCodeCrcy?: string | null;
  /** Currency · max 5 · Edm.String */
  Currency?: string | null;
}

export interface A_ProductValuationCostingType {
  /** Material · max 40 · Edm.String */
  Product: string;
  /** Valuation area · max 4 · Edm.String */
  ValuationArea: string;
  /** Valuation Type · max 10 · Edm.String */
  ValuationType: string;
  /** With Qty Structure · Edm.Boolean */
  IsMaterialCostedWithQtyStruc?: boolean | null;
  /** Material origin · max 1 · Edm.String */
  IsMaterialRelatedOrigin?: string | null;
  /** Origin group · max 4 · Edm.String */
  CostOriginGroup?: string | null;
  /** Overhead Group · max 10 · Edm.String */
  CostingOverheadGroup?: string | null;
}

export interface A_ProductWorkSchedulingType {
  /** Product · max 40 · Edm.String */
  Product: string;
  /** Plant · max 4 · Edm.String */
  Plant: string;
  /** Base quantity · Edm.Decimal (13,3) */
  MaterialBaseQuantity?: string | null;
  /** Unltd Overdelivery · Edm.Boolean */
  UnlimitedOverDelivIsAllowed?: boolean | null;
  /** Overdely tolerance · Edm.Decimal (3,1) */
  OverDelivToleranceLimit?: string | null;
  /** Underdely tolerance · Edm.Decimal (3,1) */
  UnderDelivToleranceLimit?: string | null;
  /** Prod. stor. location · max 4 · Edm.String */
  ProductionInvtryManagedLoc?: string | null;
  /** Base Unit of Measure · max 3 · Edm.String */
  BaseUnit?: string | null;
  /** Processing time · Edm.Decimal (5,2) */
  ProductProcessingTime?: string | null;
  /** Prodn Supervisor · max 3 · Edm.String */
  ProductionSupervisor?: string | null;
  /** Production unit · max 3 · Edm.String */
  ProductProductionQuantityUnit?: string | null;
  /** Batch entry · max 1 · Edm.String */
  ProdnOrderIsBatchRequired?: string | null;
  /** Material Grouping · max 20 · Edm.String */
  TransitionMatrixProductsGroup?: string | null;
  /** Change overall prof. · max 6 · Edm.String */
  OrderChangeManagementProfile?: string | null;
  /** Backflush · max 1 · Edm.String */
  MatlCompIsMarkedForBackflush?: string | null;
  /** Setup time · Edm.Decimal (5,2) */
  SetupAndTeardownTime?: string | null;
  /** Production Scheduling Profile · max 6 · Edm.String */
  ProductionSchedulingProfile?: string | null;
  /** Interoperation · Edm.Decimal (5,2) */
  TransitionTime?: string | null;
}

export const API_PRODUCT_SRV_MODEL: EdmService = {"name":"API_PRODUCT_SRV","namespace":"API_PRODUCT_SRV","entityTypes":{"A_ProductType":{"name":"A_ProductType","keys":["Product"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Product"},{"name":"ProductType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Product Type"},{"name":"CrossPlantStatus","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"CrossPlantProdStatus"},{"name":"CrossPlantStatusValidityDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid from"},{"name":"CreationDate","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":0,"label":"Created On"},{"name":"CreatedByUser","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":12,"label":"Created by"},{"name":"LastChangeDate","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":0,"label":"Last Change"},{"name":"LastChangedByUser","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":12,"label":"Changed by"},{"name":"LastChangeDateTime","type":"Edm.DateTimeOffset","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":7,"label":"Last Changed"},{"name":"IsMarkedForDeletion","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Marked for Deletion"},{"name":"ProductOldID","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Old product number"},{"name":"GrossWeight","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Gross weight"},{"name":"PurchaseOrderQuantityUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Order Unit"},{"name":"SourceOfSupply","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Source of supply"},{"name":"WeightUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Weight unit"},{"name":"NetWeight","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Net weight"},{"name":"CountryOfOrigin","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Country of origin"},{"name":"CompetitorID","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Competitor"},{"name":"ProductGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":9,"label":"Product Group"},{"name":"BaseUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Base Unit of Measure"},{"name":"ItemCategoryGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Gen. item cat. grp"},{"name":"ProductHierarchy","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":18,"label":"Product hierarchy"},{"name":"Division","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Division"},{"name":"VarblPurOrdUnitIsActive","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Var. Order Unit"},{"name":"VolumeUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Volume unit"},{"name":"MaterialVolume","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Volume"},{"name":"ANPCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":9,"label":"ANP Code"},{"name":"Brand","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Brand"},{"name":"ProcurementRule","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Procurement rule"},{"name":"ValidityStartDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid From"},{"name":"LowLevelCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Low-Level Code"},{"name":"ProdNoInGenProdInPrepackProd","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Generic Material"},{"name":"SerialIdentifierAssgmtProfile","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Serial No. Profile"},{"name":"SizeOrDimensionText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":32,"label":"Size/dimensions"},{"name":"IndustryStandardName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":18,"label":"Industry Std Desc."},{"name":"ProductStandardID","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":18,"label":"GTIN"},{"name":"InternationalArticleNumberCat","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"EAN category"},{"name":"ProductIsConfigurable","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Configurable"},{"name":"IsBatchManagementRequired","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Batch Management"},{"name":"ExternalProductGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":18,"label":"Ext. Product Group"},{"name":"CrossPlantConfigurableProduct","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Cross-plant CP"},{"name":"SerialNoExplicitnessLevel","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Serialization level"},{"name":"ProductManufacturerNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Mfr Part Number"},{"name":"ManufacturerNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Manufacturer"},{"name":"ManufacturerPartProfile","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Mfr part profile"},{"name":"QltyMgmtInProcmtIsActive","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"QM in Procur. Active"},{"name":"IndustrySector","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Industry Sector"},{"name":"ChangeNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":12,"label":"Change Number"},{"name":"MaterialRevisionLevel","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Revision Level"},{"name":"HandlingIndicator","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Handling Indicator"},{"name":"WarehouseProductGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"WH Material Group"},{"name":"WarehouseStorageCondition","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"WH Storage Condition"},{"name":"StandardHandlingUnitType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Standard HU Type"},{"name":"SerialNumberProfile","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Serial No. Profile"},{"name":"AdjustmentProfile","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Adjust. Profile"},{"name":"PreferredUnitOfMeasure","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Preferred UoM"},{"name":"IsPilferable","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Pilferable"},{"name":"IsRelevantForHzdsSubstances","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Relevant for HS"},{"name":"QuarantinePeriod","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":3,"scale":0,"label":"Quarant. Per."},{"name":"TimeUnitForQuarantinePeriod","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Time Unit"},{"name":"QualityInspectionGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Quality Inspec. Grp"},{"name":"AuthorizationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Authorization Group"},{"name":"HandlingUnitType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Handling Unit Type"},{"name":"HasVariableTareWeight","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Varb. Tare Weight"},{"name":"MaximumPackagingLength","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":15,"scale":3,"label":"Max. Pack. Length"},{"name":"MaximumPackagingWidth","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":15,"scale":3,"label":"Max. Pack. Width"},{"name":"MaximumPackagingHeight","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":15,"scale":3,"label":"Max. Pack. Height"},{"name":"UnitForMaxPackagingDimensions","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Unit of Measurement"}],"navigationProperties":[{"name":"to_Description","target":"A_ProductDescriptionType","multiplicity":"*"},{"name":"to_Plant","target":"A_ProductPlantType","multiplicity":"*"},{"name":"to_ProductBasicText","target":"A_ProductBasicTextType","multiplicity":"*"},{"name":"to_ProductInspectionText","target":"A_ProductInspectionTextType","multiplicity":"*"},{"name":"to_ProductProcurement","target":"A_ProductProcurementType","multiplicity":"0..1"},{"name":"to_ProductPurchaseText","target":"A_ProductPurchaseTextType","multiplicity":"*"},{"name":"to_ProductQualityMgmt","target":"A_ProductQualityMgmtType","multiplicity":"0..1"},{"name":"to_ProductSales","target":"A_ProductSalesType","multiplicity":"0..1"},{"name":"to_ProductSalesTax","target":"A_ProductSalesTaxType","multiplicity":"*"},{"name":"to_ProductStorage","target":"A_ProductStorageType","multiplicity":"0..1"},{"name":"to_ProductUnitsOfMeasure","target":"A_ProductUnitsOfMeasureType","multiplicity":"*"},{"name":"to_SalesDelivery","target":"A_ProductSalesDeliveryType","multiplicity":"*"},{"name":"to_Valuation","target":"A_ProductValuationType","multiplicity":"*"}]},"A_ProductBasicTextType":{"name":"A_ProductBasicTextType","keys":["Product","Language"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"Language","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Language Key"},{"name":"LongText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"String"}],"navigationProperties":[]},"A_ProductDescriptionType":{"name":"A_ProductDescriptionType","keys":["Product","Language"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Product"},{"name":"Language","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Language Key"},{"name":"ProductDescription","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Product Description"}],"navigationProperties":[]},"A_ProductInspectionTextType":{"name":"A_ProductInspectionTextType","keys":["Product","Language"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"Language","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Language Key"},{"name":"LongText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"String"}],"navigationProperties":[]},"A_ProductMLAccountType":{"name":"A_ProductMLAccountType","keys":["Product","ValuationArea","ValuationType","CurrencyRole"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"ValuationArea","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Valuation area"},{"name":"ValuationType","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Valuation Type"},{"name":"CurrencyRole","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Curr./Val. Type"},{"name":"Currency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Currency"},{"name":"ProductPriceControl","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Price control"},{"name":"PriceUnitQty","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":0,"label":"Price Unit"},{"name":"MovingAveragePrice","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Per. Unit Price"},{"name":"StandardPrice","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Standard Price"}],"navigationProperties":[]},"A_ProductMLPricesType":{"name":"A_ProductMLPricesType","keys":["Product","ValuationArea","ValuationType","CurrencyRole"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"ValuationArea","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Valuation area"},{"name":"ValuationType","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Valuation Type"},{"name":"CurrencyRole","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Curr./Val. Type"},{"name":"Currency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Currency"},{"name":"FuturePrice","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Future price"},{"name":"FuturePriceValidityStartDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Price Valid From"},{"name":"PlannedPrice","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":24,"scale":3,"label":"Cost"}],"navigationProperties":[]},"A_ProductPlantType":{"name":"A_ProductPlantType","keys":["Product","Plant"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"Plant","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Plant"},{"name":"PurchasingGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Purchasing Group"},{"name":"CountryOfOrigin","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Country of origin"},{"name":"RegionOfOrigin","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Region of origin"},{"name":"ProductionInvtryManagedLoc","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Prod. stor. location"},{"name":"ProfileCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Plant-Sp.Matl Status"},{"name":"ProfileValidityStartDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid From"},{"name":"AvailabilityCheckType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Availability check"},{"name":"FiscalYearVariant","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Fiscal Year Variant"},{"name":"PeriodType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Period Indicator"},{"name":"ProfitCenter","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Profit Center"},{"name":"Commodity","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":17,"label":"Commodity Code"},{"name":"GoodsReceiptDuration","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":3,"scale":0,"label":"GR processing time"},{"name":"MaintenanceStatusName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":15,"label":"Maintenance status"},{"name":"IsMarkedForDeletion","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"DF at plant level"},{"name":"MRPType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"MRP Type"},{"name":"MRPResponsible","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"MRP Controller"},{"name":"ABCIndicator","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"ABC Indicator"},{"name":"MinimumLotSizeQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Minimum Lot Size"},{"name":"MaximumLotSizeQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Maximum Lot Size"},{"name":"FixedLotSizeQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Fixed lot size"},{"name":"ConsumptionTaxCtrlCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":16,"label":"Control code"},{"name":"IsCoProduct","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Co-product"},{"name":"ProductIsConfigurable","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"ConfigurableProduct"},{"name":"StockDeterminationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Stock det. grp"},{"name":"StockInTransferQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3},{"name":"StockInTransitQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3},{"name":"HasPostToInspectionStock","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Post to insp. stock"},{"name":"IsBatchManagementRequired","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Batch Mgmt Rqt(Plnt)"},{"name":"SerialNumberProfile","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Serial No. Profile"},{"name":"IsNegativeStockAllowed","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Neg. stocks in plant"},{"name":"GoodsReceiptBlockedStockQty","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3},{"name":"HasConsignmentCtrl","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Consign.Control"},{"name":"FiscalYearCurrentPeriod","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4},{"name":"FiscalMonthCurrentPeriod","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2},{"name":"ProcurementType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Procurement Type"},{"name":"IsInternalBatchManaged","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Batch Management"},{"name":"ProductCFOPCategory","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Mat. CFOP category"},{"name":"ProductIsExciseTaxRelevant","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Is Excise Tax Relevant"},{"name":"BaseUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Base Unit of Measure"},{"name":"ConfigurableProduct","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"ConfigurableMaterial"},{"name":"GoodsIssueUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Unit of issue"},{"name":"MaterialFreightGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":8,"label":"Material freight grp"},{"name":"OriginalBatchReferenceMaterial","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"OB Reference Materl"},{"name":"OriglBatchManagementIsRequired","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"OB Management"},{"name":"ProductIsCriticalPrt","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Critical Part"},{"name":"ProductLogisticsHandlingGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Log. handling group"}],"navigationProperties":[{"name":"to_PlantMRPArea","target":"A_ProductPlantMRPAreaType","multiplicity":"*"},{"name":"to_PlantQualityMgmt","target":"A_ProductPlantQualityMgmtType","multiplicity":"0..1"},{"name":"to_PlantSales","target":"A_ProductPlantSalesType","multiplicity":"0..1"},{"name":"to_PlantStorage","target":"A_ProductPlantStorageType","multiplicity":"0..1"},{"name":"to_PlantText","target":"A_ProductPlantTextType","multiplicity":"0..1"},{"name":"to_ProdPlantInternationalTrade","target":"A_ProductPlantIntlTrdType","multiplicity":"0..1"},{"name":"to_ProductPlantCosting","target":"A_ProductPlantCostingType","multiplicity":"0..1"},{"name":"to_ProductPlantForecast","target":"A_ProductPlantForecastingType","multiplicity":"0..1"},{"name":"to_ProductPlantProcurement","target":"A_ProductPlantProcurementType","multiplicity":"0..1"},{"name":"to_ProductSupplyPlanning","target":"A_ProductSupplyPlanningType","multiplicity":"0..1"},{"name":"to_ProductWorkScheduling","target":"A_ProductWorkSchedulingType","multiplicity":"0..1"},{"name":"to_StorageLocation","target":"A_ProductStorageLocationType","multiplicity":"*"}]},"A_ProductPlantCostingType":{"name":"A_ProductPlantCostingType","keys":["Product","Plant"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"Plant","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Plant"},{"name":"IsCoProduct","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Co-product"},{"name":"CostingLotSize","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Costing Lot Size"},{"name":"VarianceKey","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Variance Key"},{"name":"BaseUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Base Unit of Measure"},{"name":"TaskListGroupCounter","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Group Counter"},{"name":"TaskListGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":8,"label":"Group"},{"name":"TaskListType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Task List Type"},{"name":"CostingProductionVersion","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Production Version"},{"name":"IsFixedPriceCoProduct","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Fixed-Price Co-Prod."},{"name":"CostingSpecialProcurementType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Special Procurement Type"},{"name":"SourceBOMAlternative","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Alternative BOM"},{"name":"ProductBOMUsage","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"BOM Usage"},{"name":"ProductIsCostingRelevant","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Do Not Cost"}],"navigationProperties":[]},"A_ProductPlantForecastingType":{"name":"A_ProductPlantForecastingType","keys":["Product","Plant"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"Plant","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Plant"},{"name":"ConsumptionRefUsageEndDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Date to"},{"name":"ConsumptionQtyMultiplier","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":4,"scale":2,"label":"Multiplier"},{"name":"ConsumptionReferenceProduct","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"RefMatl: consumption"},{"name":"ConsumptionReferencePlant","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"RefPlant:consumption"}],"navigationProperties":[]},"A_ProductPlantIntlTrdType":{"name":"A_ProductPlantIntlTrdType","keys":["Product","Plant"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"Plant","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Plant"},{"name":"CountryOfOrigin","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Country of Origin"},{"name":"RegionOfOrigin","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Region of Origin"},{"name":"ConsumptionTaxCtrlCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":16,"label":"Control code"},{"name":"ProductCASNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":15,"label":"CAS number (pharm.)"},{"name":"ProdIntlTradeClassification","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":9,"label":"PRODCOM no."},{"name":"ExportAndImportProductGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Intrastat Group"}],"navigationProperties":[]},"A_ProductPlantMRPAreaType":{"name":"A_ProductPlantMRPAreaType","keys":["Product","Plant","MRPArea"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"Plant","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"MRP area: Plant"},{"name":"MRPArea","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"MRP Area"},{"name":"MRPType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"MRP Type"},{"name":"MRPResponsible","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"MRP Controller"},{"name":"MRPGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"MRP Group"},{"name":"ReorderThresholdQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Reorder Point"},{"name":"PlanningTimeFence","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Planning time fence"},{"name":"LotSizingProcedure","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Lot Sizing Procedure"},{"name":"LotSizeRoundingQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Rounding value"},{"name":"MinimumLotSizeQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Minimum Lot Size"},{"name":"MaximumLotSizeQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Maximum Lot Size"},{"name":"MaximumStockQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Maximum Stock Level"},{"name":"AssemblyScrapPercent","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":2,"label":"Assembly scrap (%)"},{"name":"ProcurementSubType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Special procurement"},{"name":"DfltStorageLocationExtProcmt","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Storage loc. for EP"},{"name":"MRPPlanningCalendar","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Planning Calendar"},{"name":"SafetyStockQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Safety stock"},{"name":"RangeOfCvrgPrflCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Coverage profile"},{"name":"SafetyDuration","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Safety time/act.cov."},{"name":"FixedLotSizeQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Fixed lot size"},{"name":"LotSizeIndependentCosts","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"LS-Independent Costs"},{"name":"IsStorageCosts","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Storage Costs Code"},{"name":"RqmtQtyRcptTaktTmeInWrkgDays","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":3,"scale":0,"label":"Takt time"},{"name":"SrvcLvl","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":3,"scale":1,"label":"Service level (%)"},{"name":"IsMarkedForDeletion","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Deletion Indicator"},{"name":"PerdPrflForSftyTme","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"STime period profile"},{"name":"IsMRPDependentRqmt","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"MRP dep.requirements"},{"name":"IsSafetyTime","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Safety time ind."},{"name":"PlannedDeliveryDurationInDays","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":3,"scale":0,"label":"Planned Deliv. Time"},{"name":"IsPlannedDeliveryTime","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Consider PlDelTime"},{"name":"Currency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Currency"},{"name":"BaseUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Base Unit of Measure"},{"name":"PlanAndOrderDayDetermination","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Planning cycle"},{"name":"RoundingProfile","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Rounding Profile"},{"name":"StorageLocation","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Prod. stor. location"}],"navigationProperties":[]},"A_ProductPlantProcurementType":{"name":"A_ProductPlantProcurementType","keys":["Product","Plant"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"Plant","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Plant"},{"name":"IsAutoPurOrdCreationAllowed","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Automatic PO"},{"name":"IsSourceListRequired","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Source list"},{"name":"SourceOfSupplyCategory","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Source of supply"},{"name":"ItmIsRlvtToJITDelivSchedules","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"JIT Indicator"}],"navigationProperties":[]},"A_ProductPlantQualityMgmtType":{"name":"A_ProductPlantQualityMgmtType","keys":["Product","Plant"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"Plant","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Plant"},{"name":"MaximumStoragePeriod","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":0,"label":"Max. Storage Period"},{"name":"QualityMgmtCtrlKey","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":8,"label":"QM Control Key"},{"name":"MatlQualityAuthorizationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"QM Material Auth."},{"name":"HasPostToInspectionStock","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Post to insp. stock"},{"name":"InspLotDocumentationIsRequired","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Documentation reqd"},{"name":"SuplrQualityManagementSystem","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Target QM system"},{"name":"RecrrgInspIntervalTimeInDays","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":0,"label":"Inspection Interval"},{"name":"ProductQualityCertificateType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Certificate Type"}],"navigationProperties":[]},"A_ProductPlantSalesType":{"name":"A_ProductPlantSalesType","keys":["Product","Plant"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"Plant","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Plant"},{"name":"LoadingGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Loading Group"},{"name":"ReplacementPartType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Replacement Part"},{"name":"CapPlanningQuantityInBaseUoM","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Base quantity"},{"name":"ProductShippingProcessingTime","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":2,"label":"Processing time"},{"name":"WrkCentersShipgSetupTimeInDays","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":2,"label":"Setup time"},{"name":"AvailabilityCheckType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Availability check"},{"name":"BaseUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Base Unit of Measure"}],"navigationProperties":[]},"A_ProductPlantStorageType":{"name":"A_ProductPlantStorageType","keys":["Product","Plant"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"Plant","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Plant"},{"name":"InventoryForCycleCountInd","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"CC Phys. Inv. Ind."},{"name":"ProvisioningServiceLevel","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Service Level"},{"name":"CycleCountingIndicatorIsFixed","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"CC indicator fixed"},{"name":"ProdMaximumStoragePeriodUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Time unit"},{"name":"WrhsMgmtPtwyAndStkRemovalStrgy","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Putaway/StkRmvl"}],"navigationProperties":[]},"A_ProductPlantTextType":{"name":"A_ProductPlantTextType","keys":["Product","Plant"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"Plant","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Plant"},{"name":"LongText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"String"}],"navigationProperties":[]},"A_ProductProcurementType":{"name":"A_ProductProcurementType","keys":["Product"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"PurchaseOrderQuantityUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Order Unit"},{"name":"VarblPurOrdUnitStatus","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Var. Order Unit"},{"name":"PurchasingAcknProfile","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Purchasing value key"}],"navigationProperties":[]},"A_ProductPurchaseTextType":{"name":"A_ProductPurchaseTextType","keys":["Product","Language"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"Language","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Language Key"},{"name":"LongText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"String"}],"navigationProperties":[]},"A_ProductQualityMgmtType":{"name":"A_ProductQualityMgmtType","keys":["Product"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"QltyMgmtInProcmtIsActive","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"QM in Procur. Active"}],"navigationProperties":[]},"A_ProductSalesType":{"name":"A_ProductSalesType","keys":["Product"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"SalesStatus","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"X-distr.chain status"},{"name":"SalesStatusValidityDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid from"},{"name":"TaxClassification","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax classification"},{"name":"TransportationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Transportation Group"}],"navigationProperties":[]},"A_ProductSalesDeliveryType":{"name":"A_ProductSalesDeliveryType","keys":["Product","ProductSalesOrg","ProductDistributionChnl"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Product"},{"name":"ProductSalesOrg","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Sales Organization"},{"name":"ProductDistributionChnl","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Distribution Channel"},{"name":"MinimumOrderQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Minimum order qty"},{"name":"SupplyingPlant","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Delivering Plant"},{"name":"PriceSpecificationProductGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Product Price Group"},{"name":"AccountDetnProductGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Acct Assmt Grp Mat."},{"name":"DeliveryNoteProcMinDelivQty","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Minimum Delivery Qty"},{"name":"ItemCategoryGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Item Category Group"},{"name":"DeliveryQuantityUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Unit of measure"},{"name":"DeliveryQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Delivery unit"},{"name":"ProductSalesStatus","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"DChain-spec. status"},{"name":"ProductSalesStatusValidityDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid from"},{"name":"SalesMeasureUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Sales unit"},{"name":"IsMarkedForDeletion","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"DF distr. chain lvl"},{"name":"ProductHierarchy","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":18,"label":"Product hierarchy"},{"name":"FirstSalesSpecProductGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Product Group 1"},{"name":"SecondSalesSpecProductGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Product group 2"},{"name":"ThirdSalesSpecProductGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Product group 3"},{"name":"FourthSalesSpecProductGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Product group 4"},{"name":"FifthSalesSpecProductGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Product group 5"},{"name":"MinimumMakeToOrderOrderQty","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Min. MtO quantity"},{"name":"BaseUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Base Unit of Measure"},{"name":"LogisticsStatisticsGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Matl statistics grp"},{"name":"VolumeRebateGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Volume Rebate Group"},{"name":"ProductCommissionGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Commission Group"},{"name":"CashDiscountIsDeductible","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Cash Discount"},{"name":"PricingReferenceProduct","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Pricing Ref. Matl"},{"name":"RoundingProfile","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Rounding Profile"},{"name":"ProductUnitGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Unit of Measure Grp"},{"name":"VariableSalesUnitIsNotAllowed","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Sales unit not var."},{"name":"ProductHasAttributeID01","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Product Attribute 1"},{"name":"ProductHasAttributeID02","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Product Attribute 2"},{"name":"ProductHasAttributeID03","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Product Attribute 3"},{"name":"ProductHasAttributeID04","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Product Attribute 4"},{"name":"ProductHasAttributeID05","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Product Attribute 5"},{"name":"ProductHasAttributeID06","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Product Attribute 6"},{"name":"ProductHasAttributeID07","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Product Attribute 7"},{"name":"ProductHasAttributeID08","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Product Attribute 8"},{"name":"ProductHasAttributeID09","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Product Attribute 9"},{"name":"ProductHasAttributeID10","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Product Attribute 10"}],"navigationProperties":[{"name":"to_SalesTax","target":"A_ProductSalesTaxType","multiplicity":"*"},{"name":"to_SalesText","target":"A_ProductSalesTextType","multiplicity":"*"}]},"A_ProductSalesTaxType":{"name":"A_ProductSalesTaxType","keys":["Product","Country","TaxCategory","TaxClassification"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Product"},{"name":"Country","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Country"},{"name":"TaxCategory","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Tax Category"},{"name":"TaxClassification","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":1}],"navigationProperties":[]},"A_ProductSalesTextType":{"name":"A_ProductSalesTextType","keys":["Product","ProductSalesOrg","ProductDistributionChnl","Language"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Product"},{"name":"ProductSalesOrg","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Sales Organization"},{"name":"ProductDistributionChnl","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Distribution Channel"},{"name":"Language","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Language Key"},{"name":"LongText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"String"}],"navigationProperties":[]},"A_ProductStorageType":{"name":"A_ProductStorageType","keys":["Product"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"StorageConditions","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Storage conditions"},{"name":"TemperatureConditionInd","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Temp. conditions"},{"name":"HazardousMaterialNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Haz. material number"},{"name":"NmbrOfGROrGISlipsToPrintQty","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"GR slips quantity"},{"name":"LabelType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Label type"},{"name":"LabelForm","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Label form"},{"name":"MinRemainingShelfLife","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":4,"scale":0,"label":"Min. Rem. Shelf Life"},{"name":"ExpirationDate","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Expiration Date"},{"name":"ShelfLifeExpirationDatePeriod","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Period Ind. for SLED"},{"name":"TotalShelfLife","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":4,"scale":0,"label":"Total shelf life"},{"name":"BaseUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Base Unit of Measure"}],"navigationProperties":[]},"A_ProductStorageLocationType":{"name":"A_ProductStorageLocationType","keys":["Product","Plant","StorageLocation"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"Plant","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Plant"},{"name":"StorageLocation","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Storage location"},{"name":"WarehouseStorageBin","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Storage Bin"},{"name":"MaintenanceStatus","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":15,"label":"Maintenance status"},{"name":"PhysicalInventoryBlockInd","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Phys. Inv. Block"},{"name":"CreationDate","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":0,"label":"Created On"},{"name":"IsMarkedForDeletion","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"DF stor. loc. level"},{"name":"DateOfLastPostedCntUnRstrcdStk","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Date of Last Count"},{"name":"InventoryCorrectionFactor","type":"Edm.Double","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Invent. corr. factor"},{"name":"InvtryRestrictedUseStockInd","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Restricted-use stock"},{"name":"InvtryCurrentYearStockInd","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Warehouse stock CY"},{"name":"InvtryQualInspCurrentYrStkInd","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Qual. insp. stock CY"},{"name":"InventoryBlockStockInd","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Blocked stock"},{"name":"InvtryRestStockPrevPeriodInd","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Restricted use, PP"},{"name":"InventoryStockPrevPeriod","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Warehouse stock PY"},{"name":"InvtryStockQltyInspPrevPeriod","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"QualInspStock prv.pd"},{"name":"HasInvtryBlockStockPrevPeriod","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Blcked stock prev.pd"},{"name":"FiscalYearCurrentPeriod","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4},{"name":"FiscalMonthCurrentPeriod","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2},{"name":"FiscalYearCurrentInvtryPeriod","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Fiscal year of current physical inventory indicator"},{"name":"LeanWrhsManagementPickingArea","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Picking area"}],"navigationProperties":[]},"A_ProductSupplyPlanningType":{"name":"A_ProductSupplyPlanningType","keys":["Product","Plant"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"Plant","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Plant"},{"name":"FixedLotSizeQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Fixed lot size"},{"name":"MaximumLotSizeQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Maximum Lot Size"},{"name":"MinimumLotSizeQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Minimum Lot Size"},{"name":"LotSizeRoundingQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Rounding value"},{"name":"LotSizingProcedure","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Lot Sizing Procedure"},{"name":"MRPType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"MRP Type"},{"name":"MRPResponsible","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"MRP Controller"},{"name":"SafetyStockQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Safety stock"},{"name":"MinimumSafetyStockQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Min safety stock"},{"name":"PlanningTimeFence","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Planning time fence"},{"name":"ABCIndicator","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"ABC Indicator"},{"name":"MaximumStockQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Maximum Stock Level"},{"name":"ReorderThresholdQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Reorder Point"},{"name":"PlannedDeliveryDurationInDays","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":3,"scale":0,"label":"Planned Deliv. Time"},{"name":"SafetyDuration","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Safety time/act.cov."},{"name":"PlanningStrategyGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Strategy Group"},{"name":"TotalReplenishmentLeadTime","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":3,"scale":0,"label":"Tot. repl. lead time"},{"name":"ProcurementType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Procurement Type"},{"name":"ProcurementSubType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Special procurement"},{"name":"AssemblyScrapPercent","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":2,"label":"Assembly scrap (%)"},{"name":"AvailabilityCheckType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Availability check"},{"name":"GoodsReceiptDuration","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":3,"scale":0,"label":"GR processing time"},{"name":"MRPGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"MRP Group"},{"name":"DfltStorageLocationExtProcmt","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Storage loc. for EP"},{"name":"ProdRqmtsConsumptionMode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Consumption mode"},{"name":"BackwardCnsmpnPeriodInWorkDays","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Backward Consumption Period"},{"name":"FwdConsumptionPeriodInWorkDays","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Forward Consumption Period"},{"name":"BaseUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Base Unit of Measure"},{"name":"PlanAndOrderDayDetermination","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Planning cycle"},{"name":"RoundingProfile","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Rounding Profile"},{"name":"LotSizeIndependentCosts","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"LS-Independent Costs"},{"name":"MRPPlanningCalendar","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Planning Calendar"},{"name":"RangeOfCvrgPrflCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Coverage profile"},{"name":"IsSafetyTime","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Safety time ind."},{"name":"PerdPrflForSftyTme","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"STime period profile"},{"name":"IsMRPDependentRqmt","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"MRP dep.requirements"},{"name":"InHouseProductionTime","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":3,"scale":0,"label":"In-house production"},{"name":"ProductIsForCrossProject","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Cross-project matl"},{"name":"StorageCostsPercentageCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Storage Costs Code"},{"name":"SrvcLvl","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":3,"scale":1,"label":"Service level (%)"},{"name":"MRPAvailabilityType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Mixed MRP"},{"name":"FollowUpProduct","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Follow-Up Material"},{"name":"RepetitiveManufacturingIsAllwd","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Repet. Manufacturing"},{"name":"DependentRequirementsType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Individual/coll."},{"name":"IsBulkMaterialComponent","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Bulk material"},{"name":"RepetitiveManufacturingProfile","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"REM Profile"},{"name":"RqmtQtyRcptTaktTmeInWrkgDays","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":3,"scale":0,"label":"Takt time"},{"name":"ForecastRequirementsAreSplit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Splitting indicator"},{"name":"EffectiveOutDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Effective-Out Date"},{"name":"MRPProfile","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"MRP profile"},{"name":"ComponentScrapInPercent","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":2,"label":"Component Scrap (%)"},{"name":"ProductIsToBeDiscontinued","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Discontinuation ind."},{"name":"ProdRqmtsAreConsolidated","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Requirements group"},{"name":"MatlCompIsMarkedForBackflush","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Backflush"},{"name":"ProposedProductSupplyArea","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Proposed supply area"},{"name":"Currency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Currency"},{"name":"PlannedOrderActionControl","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Action Control"}],"navigationProperties":[]},"A_ProductUnitsOfMeasureType":{"name":"A_ProductUnitsOfMeasureType","keys":["Product","AlternativeUnit"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"AlternativeUnit","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"AlternativeUnit"},{"name":"QuantityNumerator","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":0,"label":"Counter"},{"name":"QuantityDenominator","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":0,"label":"Denominator"},{"name":"MaterialVolume","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Volume"},{"name":"VolumeUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Volume unit"},{"name":"GrossWeight","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Gross weight"},{"name":"WeightUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Weight unit"},{"name":"GlobalTradeItemNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":18,"label":"EAN/UPC"},{"name":"GlobalTradeItemNumberCategory","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"GTIN Category"},{"name":"UnitSpecificProductLength","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Length"},{"name":"UnitSpecificProductWidth","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Width"},{"name":"UnitSpecificProductHeight","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Height"},{"name":"ProductMeasurementUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Unit of Dimension"},{"name":"LowerLevelPackagingUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Lower-level unit"},{"name":"RemainingVolumeAfterNesting","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":3,"scale":0,"label":"Rem.Vol.After Nestng"},{"name":"MaximumStackingFactor","type":"Edm.Byte","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Max. Stacking Factor"},{"name":"CapacityUsage","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":15,"scale":3,"label":"Capacity Usage"},{"name":"BaseUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Base Unit of Measure"}],"navigationProperties":[{"name":"to_InternationalArticleNumber","target":"A_ProductUnitsOfMeasureEANType","multiplicity":"*"}]},"A_ProductUnitsOfMeasureEANType":{"name":"A_ProductUnitsOfMeasureEANType","keys":["Product","AlternativeUnit","ConsecutiveNumber"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"AlternativeUnit","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Display Unit/Measure"},{"name":"ConsecutiveNumber","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Consecutive number"},{"name":"ProductStandardID","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":18,"label":"EAN/UPC"},{"name":"InternationalArticleNumberCat","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"GTIN Category"},{"name":"IsMainGlobalTradeItemNumber","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Main EAN"}],"navigationProperties":[]},"A_ProductValuationType":{"name":"A_ProductValuationType","keys":["Product","ValuationArea","ValuationType"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"ValuationArea","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Valuation area"},{"name":"ValuationType","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Valuation Type"},{"name":"ValuationClass","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Valuation Class"},{"name":"PriceDeterminationControl","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Price Determ."},{"name":"StandardPrice","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Standard price"},{"name":"PriceUnitQty","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":0,"label":"Price unit"},{"name":"InventoryValuationProcedure","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Price Control"},{"name":"IsMarkedForDeletion","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Del. flag val. type"},{"name":"MovingAveragePrice","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Moving price"},{"name":"ValuationCategory","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Valuation Category"},{"name":"ProductUsageType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Product Usage"},{"name":"ProductOriginType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Product Origin"},{"name":"IsProducedInhouse","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Produced in-house"},{"name":"ProdCostEstNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":12,"label":"ProdCostEst.No."},{"name":"ProjectStockValuationClass","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Proj. stk val. class"},{"name":"ValuationClassSalesOrderStock","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"VC: Sales order stk"},{"name":"PlannedPrice1InCoCodeCrcy","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Planned price 1"},{"name":"PlannedPrice2InCoCodeCrcy","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Planned price 2"},{"name":"PlannedPrice3InCoCodeCrcy","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Planned price 3"},{"name":"FuturePlndPrice1ValdtyDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Planned price date 1"},{"name":"FuturePlndPrice2ValdtyDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Planned price date 2"},{"name":"FuturePlndPrice3ValdtyDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Planned price date 3"},{"name":"TaxBasedPricesPriceUnitQty","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":0,"label":"Price unit"},{"name":"PriceLastChangeDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Last price change"},{"name":"PlannedPrice","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Future planned price"},{"name":"PrevInvtryPriceInCoCodeCrcy","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Previous price"},{"name":"Currency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Currency"},{"name":"BaseUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Base Unit of Measure"}],"navigationProperties":[{"name":"to_MLAccount","target":"A_ProductMLAccountType","multiplicity":"*"},{"name":"to_MLPrices","target":"A_ProductMLPricesType","multiplicity":"*"},{"name":"to_ValuationAccount","target":"A_ProductValuationAccountType","multiplicity":"0..1"},{"name":"to_ValuationCosting","target":"A_ProductValuationCostingType","multiplicity":"0..1"}]},"A_ProductValuationAccountType":{"name":"A_ProductValuationAccountType","keys":["Product","ValuationArea","ValuationType"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"ValuationArea","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Valuation area"},{"name":"ValuationType","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Valuation Type"},{"name":"CommercialPrice1InCoCodeCrcy","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Commercial price 1"},{"name":"CommercialPrice2InCoCodeCrcy","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Commercial price 2"},{"name":"CommercialPrice3InCoCodeCrcy","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Commercial price 3"},{"name":"DevaluationYearCount","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Devaluation ind."},{"name":"FutureEvaluatedAmountValue","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Future price"},{"name":"FuturePriceValidityStartDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid from"},{"name":"IsLIFOAndFIFORelevant","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"TRUE"},{"name":"LIFOValuationPoolNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"LIFO pool"},{"name":"TaxPricel1InCoCodeCrcy","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Tax price 1"},{"name":"TaxPrice2InCoCodeCrcy","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Tax price 2"},{"name":"TaxPrice3InCoCodeCrcy","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Tax price 3"},{"name":"Currency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Currency"}],"navigationProperties":[]},"A_ProductValuationCostingType":{"name":"A_ProductValuationCostingType","keys":["Product","ValuationArea","ValuationType"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"ValuationArea","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Valuation area"},{"name":"ValuationType","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Valuation Type"},{"name":"IsMaterialCostedWithQtyStruc","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"With Qty Structure"},{"name":"IsMaterialRelatedOrigin","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Material origin"},{"name":"CostOriginGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Origin group"},{"name":"CostingOverheadGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Overhead Group"}],"navigationProperties":[]},"A_ProductWorkSchedulingType":{"name":"A_ProductWorkSchedulingType","keys":["Product","Plant"],"properties":[{"name":"Product","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Product"},{"name":"Plant","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Plant"},{"name":"MaterialBaseQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Base quantity"},{"name":"UnlimitedOverDelivIsAllowed","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Unltd Overdelivery"},{"name":"OverDelivToleranceLimit","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":3,"scale":1,"label":"Overdely tolerance"},{"name":"UnderDelivToleranceLimit","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":3,"scale":1,"label":"Underdely tolerance"},{"name":"ProductionInvtryManagedLoc","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Prod. stor. location"},{"name":"BaseUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Base Unit of Measure"},{"name":"ProductProcessingTime","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":2,"label":"Processing time"},{"name":"ProductionSupervisor","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Prodn Supervisor"},{"name":"ProductProductionQuantityUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Production unit"},{"name":"ProdnOrderIsBatchRequired","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Batch entry"},{"name":"TransitionMatrixProductsGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":20,"label":"Material Grouping"},{"name":"OrderChangeManagementProfile","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Change overall prof."},{"name":"MatlCompIsMarkedForBackflush","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Backflush"},{"name":"SetupAndTeardownTime","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":2,"label":"Setup time"},{"name":"ProductionSchedulingProfile","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Production Scheduling Profile"},{"name":"TransitionTime","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":2,"label":"Interoperation"}],"navigationProperties":[]}},"entitySets":{"A_Product":{"name":"A_Product","entityType":"A_ProductType","creatable":true,"updatable":true,"deletable":false},"A_ProductBasicText":{"name":"A_ProductBasicText","entityType":"A_ProductBasicTextType","creatable":true,"updatable":true,"deletable":true},"A_ProductDescription":{"name":"A_ProductDescription","entityType":"A_ProductDescriptionType","creatable":true,"updatable":true,"deletable":true},"A_ProductInspectionText":{"name":"A_ProductInspectionText","entityType":"A_ProductInspectionTextType","creatable":true,"updatable":true,"deletable":true},"A_ProductMLAccount":{"name":"A_ProductMLAccount","entityType":"A_ProductMLAccountType","creatable":true,"updatable":true,"deletable":false},"A_ProductMLPrices":{"name":"A_ProductMLPrices","entityType":"A_ProductMLPricesType","creatable":true,"updatable":true,"deletable":false},"A_ProductPlant":{"name":"A_ProductPlant","entityType":"A_ProductPlantType","creatable":true,"updatable":true,"deletable":false},"A_ProductPlantCosting":{"name":"A_ProductPlantCosting","entityType":"A_ProductPlantCostingType","creatable":true,"updatable":true,"deletable":false},"A_ProductPlantForecasting":{"name":"A_ProductPlantForecasting","entityType":"A_ProductPlantForecastingType","creatable":true,"updatable":true,"deletable":false},"A_ProductPlantIntlTrd":{"name":"A_ProductPlantIntlTrd","entityType":"A_ProductPlantIntlTrdType","creatable":true,"updatable":true,"deletable":false},"A_ProductPlantMRPArea":{"name":"A_ProductPlantMRPArea","entityType":"A_ProductPlantMRPAreaType","creatable":true,"updatable":true,"deletable":false},"A_ProductPlantProcurement":{"name":"A_ProductPlantProcurement","entityType":"A_ProductPlantProcurementType","creatable":true,"updatable":true,"deletable":false},"A_ProductPlantQualityMgmt":{"name":"A_ProductPlantQualityMgmt","entityType":"A_ProductPlantQualityMgmtType","creatable":true,"updatable":true,"deletable":false},"A_ProductPlantSales":{"name":"A_ProductPlantSales","entityType":"A_ProductPlantSalesType","creatable":true,"updatable":true,"deletable":false},"A_ProductPlantStorage":{"name":"A_ProductPlantStorage","entityType":"A_ProductPlantStorageType","creatable":true,"updatable":true,"deletable":false},"A_ProductPlantText":{"name":"A_ProductPlantText","entityType":"A_ProductPlantTextType","creatable":true,"updatable":true,"deletable":true},"A_ProductProcurement":{"name":"A_ProductProcurement","entityType":"A_ProductProcurementType","creatable":true,"updatable":true,"deletable":false},"A_ProductPurchaseText":{"name":"A_ProductPurchaseText","entityType":"A_ProductPurchaseTextType","creatable":true,"updatable":true,"deletable":true},"A_ProductQualityMgmt":{"name":"A_ProductQualityMgmt","entityType":"A_ProductQualityMgmtType","creatable":true,"updatable":true,"deletable":false},"A_ProductSales":{"name":"A_ProductSales","entityType":"A_ProductSalesType","creatable":true,"updatable":true,"deletable":false},"A_ProductSalesDelivery":{"name":"A_ProductSalesDelivery","entityType":"A_ProductSalesDeliveryType","creatable":true,"updatable":true,"deletable":false},"A_ProductSalesTax":{"name":"A_ProductSalesTax","entityType":"A_ProductSalesTaxType","creatable":true,"updatable":true,"deletable":true},"A_ProductSalesText":{"name":"A_ProductSalesText","entityType":"A_ProductSalesTextType","creatable":true,"updatable":true,"deletable":true},"A_ProductStorage":{"name":"A_ProductStorage","entityType":"A_ProductStorageType","creatable":true,"updatable":true,"deletable":false},"A_ProductStorageLocation":{"name":"A_ProductStorageLocation","entityType":"A_ProductStorageLocationType","creatable":true,"updatable":true,"deletable":false},"A_ProductSupplyPlanning":{"name":"A_ProductSupplyPlanning","entityType":"A_ProductSupplyPlanningType","creatable":true,"updatable":true,"deletable":false},"A_ProductUnitsOfMeasure":{"name":"A_ProductUnitsOfMeasure","entityType":"A_ProductUnitsOfMeasureType","creatable":true,"updatable":true,"deletable":true},"A_ProductUnitsOfMeasureEAN":{"name":"A_ProductUnitsOfMeasureEAN","entityType":"A_ProductUnitsOfMeasureEANType","creatable":true,"updatable":true,"deletable":true},"A_ProductValuation":{"name":"A_ProductValuation","entityType":"A_ProductValuationType","creatable":true,"updatable":true,"deletable":false},"A_ProductValuationAccount":{"name":"A_ProductValuationAccount","entityType":"A_ProductValuationAccountType","creatable":true,"updatable":true,"deletable":false},"A_ProductValuationCosting":{"name":"A_ProductValuationCosting","entityType":"A_ProductValuationCostingType","creatable":true,"updatable":true,"deletable":false},"A_ProductWorkScheduling":{"name":"A_ProductWorkScheduling","entityType":"A_ProductWorkSchedulingType","creatable":true,"updatable":true,"deletable":false}},"functionImports":[]};
