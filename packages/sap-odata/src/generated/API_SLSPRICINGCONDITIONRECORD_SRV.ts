// Generated from specs/API_SLSPRICINGCONDITIONRECORD_SRV.edmx by scripts/generate.ts — do not edit.
import type { EdmService } from "../edmx";

export interface A_SlsPrcgCndnRecdSuplmntType {
  /** Condition Record No. · max 10 · Edm.String */
  ConditionRecord: string;
  /** Sequent. No. of Cond · max 2 · Edm.String */
  ConditionSequentialNumber: string;
  /** Condition Table · max 3 · Edm.String */
  ConditionTable?: string | null;
  /** Application · max 2 · Edm.String */
  ConditionApplication?: string | null;
  /** Condition Type · max 4 · Edm.String */
  ConditionType?: string | null;
  /** Valid To · Edm.DateTime (0,0) */
  ConditionValidityEndDate?: Date | null;
  /** Valid From · Edm.DateTime (0,0) */
  ConditionValidityStartDate?: Date | null;
  /** Created By · max 12 · Edm.String */
  CreatedByUser?: string | null;
  /** Created On · Edm.DateTime (0,0) */
  CreationDate?: Date | null;
  /** Text number · max 10 · Edm.String */
  ConditionTextID?: string | null;
  /** Scale Type · max 1 · Edm.String */
  PricingScaleType?: string | null;
  /** Scale Base Type · max 1 · Edm.String */
  PricingScaleBasis?: string | null;
  /** Scale Quantity · Edm.Decimal (15,3) */
  ConditionScaleQuantity?: string | null;
  /** Scale Unit of Meas. · max 3 · Edm.String */
  ConditionScaleQuantityUnit?: string | null;
  /** Scale Value · Edm.Decimal (16,3) */
  ConditionScaleAmount?: string | null;
  /** Scale Currency · max 5 · Edm.String */
  ConditionScaleAmountCurrency?: string | null;
  /** Calculation Type · max 1 · Edm.String */
  ConditionCalculationType?: string | null;
  /** Condition Amount · Edm.Decimal (12,3) */
  ConditionRateValue?: string | null;
  /** Condition Currency · max 5 · Edm.String */
  ConditionRateValueUnit?: string | null;
  /** Ratio · Edm.Decimal (24,9) */
  ConditionRateRatio?: string | null;
  /** Unit of Measure · max 3 · Edm.String */
  ConditionRateRatioUnit?: string | null;
  /** Amount · Edm.Decimal (24,9) */
  ConditionRateAmount?: string | null;
  /** Condition Currency · max 5 · Edm.String */
  ConditionCurrency?: string | null;
  /** Pricing Unit · Edm.Decimal (5,0) */
  ConditionQuantity?: string | null;
  /** Unit of Measure · max 3 · Edm.String */
  ConditionQuantityUnit?: string | null;
  /** NumeratorForConvers. · Edm.Decimal (5,0) */
  ConditionToBaseQtyNmrtr?: string | null;
  /** Denom.for Conversion · Edm.Decimal (5,0) */
  ConditionToBaseQtyDnmntr?: string | null;
  /** Base Unit of Measure · max 3 · Edm.String */
  BaseUnit?: string | null;
  /** Lower limit · Edm.Decimal (12,3) */
  ConditionLowerLimit?: string | null;
  /** Amount · Edm.Decimal (24,9) */
  ConditionLowerLimitAmount?: string | null;
  /** Ratio · Edm.Decimal (24,9) */
  ConditionLowerLimitRatio?: string | null;
  /** Upper limit · Edm.Decimal (12,3) */
  ConditionUpperLimit?: string | null;
  /** Amount · Edm.Decimal (24,9) */
  ConditionUpperLimitAmount?: string | null;
  /** Ratio · Edm.Decimal (24,9) */
  ConditionUpperLimitRatio?: string | null;
  /** Condition Currency · max 5 · Edm.String */
  ConditionAlternativeCurrency?: string | null;
  /** Exclusion · max 1 · Edm.String */
  ConditionExclusion?: string | null;
  /** Deletion Indicator · Edm.Boolean */
  ConditionIsDeleted?: boolean | null;
  /** Addit. Value Days · max 2 · Edm.String */
  AdditionalValueDays?: string | null;
  /** Fixed Value Date · Edm.DateTime (0,0) */
  FixedValueDate?: Date | null;
  /** Terms of Payment · max 4 · Edm.String */
  PaymentTerms?: string | null;
  /** Max.number.of.orders · max 2 · Edm.String */
  CndnMaxNumberOfSalesOrders?: string | null;
  /** Min.cond.base value · Edm.Decimal (15,3) */
  MinimumConditionBasisValue?: string | null;
  /** Max.cond.base value · Edm.Decimal (15,3) */
  MaximumConditionBasisValue?: string | null;
  /** Max.condition value · Edm.Decimal (14,3) */
  MaximumConditionAmount?: string | null;
  /** Incremental scale · max 4 · Edm.String */
  IncrementalScale?: string | null;
  /** Pricing scale · max 4 · Edm.String */
  PricingScaleLine?: string | null;
  /** Release Status · max 1 · Edm.String */
  ConditionReleaseStatus?: string | null;
  /** Approval Request · max 10 · Edm.String */
  SalesPriceApprovalRequest?: string | null;
  /** Cndn Change Reason · max 3 · Edm.String */
  ConditionChangeReason?: string | null;
  /** Condition Record No. · max 10 · Edm.String */
  PrevApprovedConditionRecord?: string | null;
  /** max 40 · Edm.String */
  ETag?: string | null;
  to_SlsPrcgCndnRecdValidity?: A_SlsPrcgCndnRecdValidityType[];
  to_SlsPrcgCndnRecordScale?: A_SlsPrcgCndnRecordScaleType[];
  to_SlsPrcgCndnSupplementText?: A_SlsPrcgCndnSupplementTextType[];
  to_SlsPrcgConditionRecord?: A_SlsPrcgConditionRecordType | null;
}

export interface A_SlsPrcgCndnRecdValidityType {
  /** Condition Record No. · max 10 · Edm.String */
  ConditionRecord: string;
  /** Valid To · Edm.DateTime (0,0) */
  ConditionValidityEndDate: Date;
  /** Valid From · Edm.DateTime (0,0) */
  ConditionValidityStartDate?: Date | null;
  /** Application · max 2 · Edm.String */
  ConditionApplication?: string | null;
  /** Condition Type · max 4 · Edm.String */
  ConditionType?: string | null;
  /** Release Status · max 1 · Edm.String */
  ConditionReleaseStatus?: string | null;
  /** Departure Ctry/Reg. · max 3 · Edm.String */
  DepartureCountry?: string | null;
  /** Sales Document · max 10 · Edm.String */
  SalesDocument?: string | null;
  /** Sales Document Item · max 6 · Edm.String */
  SalesDocumentItem?: string | null;
  /** Accounting Indicator · max 2 · Edm.String */
  BillableControl?: string | null;
  /** Industry · max 4 · Edm.String */
  Industry?: string | null;
  /** City Code · max 4 · Edm.String */
  CityCode?: string | null;
  /** Condition Contract · max 10 · Edm.String */
  ConditionContract?: string | null;
  /** County Code · max 3 · Edm.String */
  County?: string | null;
  /** Customer Project ID · max 40 · Edm.String */
  EngagementProject?: string | null;
  /** Internal Object No. · max 18 · Edm.String */
  ConfigurationNumber?: string | null;
  /** Document type · max 1 · Edm.String */
  BR_NFDocumentType?: string | null;
  /** Dynamic Key Field 1 · max 40 · Edm.String */
  BRSpcfcFreeDefinedField1?: string | null;
  /** Dynamic Key Field 2 · max 40 · Edm.String */
  BRSpcfcFreeDefinedField2?: string | null;
  /** Dynamic Key Field 3 · max 40 · Edm.String */
  BRSpcfcFreeDefinedField3?: string | null;
  /** EAN/UPC · max 18 · Edm.String */
  InternationalArticleNumber?: string | null;
  /** Object Type · max 10 · Edm.String */
  TechnicalObjectType?: string | null;
  /** Equipment · max 18 · Edm.String */
  Equipment?: string | null;
  /** Customer · max 10 · Edm.String */
  CustomerHierarchy?: string | null;
  /** Incoterms · max 3 · Edm.String */
  IncotermsClassification?: string | null;
  /** Incoterms (Part 2) · max 28 · Edm.String */
  IncotermsTransferLocation?: string | null;
  /** Tax Type · max 2 · Edm.String */
  AccountTaxType?: string | null;
  /** Tax Rel. Classif. · max 10 · Edm.String */
  TxRlvnceClassfctnForArgentina?: string | null;
  /** Tax Code · max 2 · Edm.String */
  BR_TaxCode?: string | null;
  /** LST CST Appl. Code · max 3 · Edm.String */
  LocalSalesTaxApplicabilityCode?: string | null;
  /** Customer Group · max 2 · Edm.String */
  CustomerGroup?: string | null;
  /** Price Group · max 2 · Edm.String */
  CustomerPriceGroup?: string | null;
  /** Material Price Grp · max 2 · Edm.String */
  MaterialPricingGroup?: string | null;
  /** Sold-to Party · max 10 · Edm.String */
  SoldToParty?: string | null;
  /** Business Partner · max 10 · Edm.String */
  BPForSoldToParty?: string | null;
  /** Customer · max 10 · Edm.String */
  Customer?: string | null;
  /** Business Partner · max 10 · Edm.String */
  BPForCustomer?: string | null;
  /** Payer · max 10 · Edm.String */
  PayerParty?: string | null;
  /** Business Partner · max 10 · Edm.String */
  BPForPayerParty?: string | null;
  /** Ship-to Party · max 10 · Edm.String */
  ShipToParty?: string | null;
  /** Business Partner · max 10 · Edm.String */
  BPForShipToParty?: string | null;
  /** Supplier · max 10 · Edm.String */
  Supplier?: string | null;
  /** Business Partner · max 10 · Edm.String */
  BPForSupplier?: string | null;
  /** Dest. Country/Region · max 3 · Edm.String */
  DestinationCountry?: string | null;
  /** Material Group · max 9 · Edm.String */
  MaterialGroup?: string | null;
  /** Material · max 40 · Edm.String */
  Material?: string | null;
  /** Refund Code · max 3 · Edm.String */
  ReturnsRefundExtent?: string | null;
  /** Material Group 1 · max 3 · Edm.String */
  AdditionalMaterialGroup1?: string | null;
  /** Material Group 2 · max 3 · Edm.String */
  AdditionalMaterialGroup2?: string | null;
  /** Material Group 3 · max 3 · Edm.String */
  AdditionalMaterialGroup3?: string | null;
  /** Material Group 4 · max 3 · Edm.String */
  AdditionalMaterialGroup4?: string | null;
  /** Material Group 5 · max 3 · Edm.String */
  AdditionalMaterialGroup5?: string | null;
  /** Personnel Number · max 8 · Edm.String */
  Personnel?: string | null;
  /** Price List Type · max 2 · Edm.String */
  PriceListType?: string | null;
  /** Postal Code · max 10 · Edm.String */
  PostalCode?: string | null;
  /** Region · max 3 · Edm.String */
  Region?: string | null;
  /** Service Organization · max 5 · Edm.String */
  EngagementProjectServiceOrg?: string | null;
  /** Requirement Segment · max 40 · Edm.String */
  RequirementSegment?: string | null;
  /** Stock Segment · max 40 · Edm.String */
  StockSegment?: string | null;
  /** Division · max 2 · Edm.String */
  Division?: string | null;
  /** Commodity Code · max 17 · Edm.String */
  CommodityCode?: string | null;
  /** Control Code · max 16 · Edm.String */
  ConsumptionTaxCtrlCode?: string | null;
  /** Tax Base · max 1 · Edm.String */
  BRSpcfcTaxBasePercentageCode?: string | null;
  /** Tax Group · max 2 · Edm.String */
  BRSpcfcTxGrpDynTaxExceptions?: string | null;
  /** Tax Class.1 Customer · max 1 · Edm.String */
  CustomerTaxClassification1?: string | null;
  /** Tax Class.2 Customer · max 1 · Edm.String */
  CustomerTaxClassification2?: string | null;
  /** Tax Class.3 Customer · max 1 · Edm.String */
  CustomerTaxClassification3?: string | null;
  /** Tax Class.4 Customer · max 1 · Edm.String */
  CustomerTaxClassification4?: string | null;
  /** Tax Class.5 Customer · max 1 · Edm.String */
  CustomerTaxClassification5?: string | null;
  /** Tax Class.6 Customer · max 1 · Edm.String */
  CustomerTaxClassification6?: string | null;
  /** Tax Class.7 Customer · max 1 · Edm.String */
  CustomerTaxClassification7?: string | null;
  /** Tax Class.8 Customer · max 1 · Edm.String */
  CustomerTaxClassification8?: string | null;
  /** Tax Class.9 Customer · max 1 · Edm.String */
  CustomerTaxClassification9?: string | null;
  /** Tax Class. Material · max 1 · Edm.String */
  ProductTaxClassification1?: string | null;
  /** Tax Class.2 Material · max 1 · Edm.String */
  ProductTaxClassification2?: string | null;
  /** Tax Class.3 Material · max 1 · Edm.String */
  ProductTaxClassification3?: string | null;
  /** Tax Class.4 Material · max 1 · Edm.String */
  ProductTaxClassification4?: string | null;
  /** Tax Class.5 Material · max 1 · Edm.String */
  ProductTaxClassification5?: string | null;
  /** Tax Class.6 Material · max 1 · Edm.String */
  ProductTaxClassification6?: string | null;
  /** Tax Class.7 Material · max 1 · Edm.String */
  ProductTaxClassification7?: string | null;
  /** Tax Class.8 Material · max 1 · Edm.String */
  ProductTaxClassification8?: string | null;
  /** Tax Class.9 Material · max 1 · Edm.String */
  ProductTaxClassification9?: string | null;
  /** Trading Contract · max 10 · Edm.String */
  TradingContract?: string | null;
  /** Item Number · max 6 · Edm.String */
  TradingContractItem?: string | null;
  /** Tax Jurisdiction · max 15 · Edm.String */
  TaxJurisdiction?: string | null;
  /** Ship From · max 3 · Edm.String */
  BRSpcfcTaxDepartureRegion?: string | null;
  /** Ship To · max 3 · Edm.String */
  BRSpcfcTaxDestinationRegion?: string | null;
  /** MnItem MatPricingGrp · max 2 · Edm.String */
  MainItemMaterialPricingGroup?: string | null;
  /** Pricing Ref.Material · max 40 · Edm.String */
  MainItemPricingRefMaterial?: string | null;
  /** Variant Key · max 26 · Edm.String */
  VariantCondition?: string | null;
  /** VAS Charge Code · max 3 · Edm.String */
  ValueAddedServiceChargeCode?: string | null;
  /** SD Document · max 10 · Edm.String */
  SDDocument?: string | null;
  /** Reference Document · max 10 · Edm.String */
  ReferenceSDDocument?: string | null;
  /** Reference Item · max 6 · Edm.String */
  ReferenceSDDocumentItem?: string | null;
  /** Sales Office · max 4 · Edm.String */
  SalesOffice?: string | null;
  /** Sales Group · max 3 · Edm.String */
  SalesGroup?: string | null;
  /** Sales Organization · max 4 · Edm.String */
  SalesOrganization?: string | null;
  /** Sales Org. of Order · max 4 · Edm.String */
  SalesOrderSalesOrganization?: string | null;
  /** Sales Unit · max 3 · Edm.String */
  OrderQuantityUnit?: string | null;
  /** Distribution Channel · max 2 · Edm.String */
  DistributionChannel?: string | null;
  /** Document Currency · max 5 · Edm.String */
  TransactionCurrency?: string | null;
  /** WBS Bill Elem. · max 24 · Edm.String */
  WBSElementInternalID?: string | null;
  /** WBS Element · max 24 · Edm.String */
  WBSElementExternalID?: string | null;
  /** WBS Work Packg. · max 24 · Edm.String */
  WorkPackage?: string | null;
  /** Plant · max 4 · Edm.String */
  Plant?: string | null;
  /** Region of Dlv. Plant · max 3 · Edm.String */
  PlantRegion?: string | null;
  /** Work Item ID · max 10 · Edm.String */
  WorkItem?: string | null;
  /** Processing Status · max 2 · Edm.String */
  ConditionProcessingStatus?: string | null;
  /** Cndn Pricing Date · Edm.DateTime (0,0) */
  PricingDate?: Date | null;
  /** Exclusive · Edm.Boolean */
  ConditionIsExclusive?: boolean | null;
  /** Scale Base Value · max 7 · Edm.String */
  ConditionScaleBasisValue?: string | null;
  /** Tax Code · max 2 · Edm.String */
  TaxCode?: string | null;
  /** Transaction ID · max 10 · Edm.String */
  ServiceDocument?: string | null;
  /** Item Number in Doc. · max 6 · Edm.String */
  ServiceDocumentItem?: string | null;
  /** Overtime Category · max 4 · Edm.String */
  TimeSheetOvertimeCategory?: string | null;
  /** SD Document Category · max 4 · Edm.String */
  SalesSDDocumentCategory?: string | null;
  /** Return Reason · max 3 · Edm.String */
  ReturnReason?: string | null;
  /** Node · max 24 · Edm.String */
  ProdUnivHierarchyNode?: string | null;
  /** Prod. Hier. Node · max 24 · Edm.String */
  ProductHierarchyNode?: string | null;
  /** CustomerCondGrp · max 2 · Edm.String */
  CustomerConditionGroup?: string | null;
  /** Shipping Type · max 2 · Edm.String */
  ShippingType?: string | null;
  /** Provider Durat. · max 13 · Edm.String */
  SubscriptionContractDuration?: string | null;
  /** Time Unit · max 12 · Edm.String */
  SubscrpnContrDurationUnit?: string | null;
  /** Lock Reason · max 8 · Edm.String */
  SubscriptionContractLockReason?: string | null;
  /** Price Version · max 4 · Edm.String */
  CrsCtlgMappgPriceVersionNumber?: string | null;
  /** Order Type · max 4 · Edm.String */
  OrderType?: string | null;
  /** Sales Document Type · max 4 · Edm.String */
  SalesDocumentType?: string | null;
  /** Order Reason · max 3 · Edm.String */
  SDDocumentReason?: string | null;
  /** Volume Rebate Group · max 2 · Edm.String */
  VolumeRebateGroup?: string | null;
  /** Valuation Type · max 10 · Edm.String */
  ValuationType?: string | null;
  /** Sales District · max 6 · Edm.String */
  SalesDistrict?: string | null;
  /** Batch · max 10 · Edm.String */
  Batch?: string | null;
  /** Supplying Plant · max 4 · Edm.String */
  PurgDocSupplyingPlant?: string | null;
  /** Usage · max 3 · Edm.String */
  MatUsageIndicator?: string | null;
  /** Shipping Conditions · max 2 · Edm.String */
  ShippingCondition?: string | null;
  /** County of Dlv. Plant · max 3 · Edm.String */
  PlantCounty?: string | null;
  /** City of Deliv. Plant · max 4 · Edm.String */
  PlantCity?: string | null;
  /** Ext. Material Group · max 18 · Edm.String */
  MaterialExternalGroup?: string | null;
  /** CH Rt. Nd. ID · max 20 · Edm.String */
  CustomerHierarchyRootNode?: string | null;
  /** Cust. Hier. Node ID · max 40 · Edm.String */
  CustomerHierarchyNodeID?: string | null;
  /** Cust. Hier. Nd. Type · max 30 · Edm.String */
  CustomerHierarchyNodeType?: string | null;
  /** Customer Group 1 · max 3 · Edm.String */
  AdditionalCustomerGroup1?: string | null;
  /** Customer Group 2 · max 3 · Edm.String */
  AdditionalCustomerGroup2?: string | null;
  /** Customer Group 3 · max 3 · Edm.String */
  AdditionalCustomerGroup3?: string | null;
  /** Customer Group 4 · max 3 · Edm.String */
  AdditionalCustomerGroup4?: string | null;
  /** Customer Group 5 · max 3 · Edm.String */
  AdditionalCustomerGroup5?: string | null;
  /** Item (SD) · max 6 · Edm.String */
  SDDocumentItem?: string | null;
  /** Billing Category · max 1 · Edm.String */
  CndnBillingDocumentCategory?: string | null;
  /** Country/Region Key · max 3 · Edm.String */
  Country?: string | null;
  /** Purchase Order Type · max 4 · Edm.String */
  CustomerPurchaseOrderType?: string | null;
  /** Cntry/Reg of Origin · max 3 · Edm.String */
  CountryOfOrigin?: string | null;
  /** Item Category · max 4 · Edm.String */
  SalesDocumentItemCategory?: string | null;
  /** Bill-to Party · max 10 · Edm.String */
  BillToParty?: string | null;
  /** Industry code · max 10 · Edm.String */
  BusinessPartnerIndustryCode?: string | null;
  /** Billing Type · max 4 · Edm.String */
  BillingDocumentType?: string | null;
  /** Acct Assmt Grp Mat. · max 2 · Edm.String */
  MatlAccountAssignmentGroup?: string | null;
  /** Contract · max 10 · Edm.String */
  PRAContract?: string | null;
  /** Well · max 15 · Edm.String */
  Well?: string | null;
  /** Well Completion · max 5 · Edm.String */
  WellCompletion?: string | null;
  /** Measurement Point · max 20 · Edm.String */
  MeasurementPoint?: string | null;
  /** Formula ID · max 10 · Edm.String */
  PricingFormulaNumber?: string | null;
  /** Auftragsarten · max 5 · Edm.String */
  YY1_Auftragsarten_PCI?: string | null;
  /** Mandantengruppe · max 10 · Edm.String */
  YY1_Mandantengruppe_PCH?: string | null;
  /** Mandantengruppe · max 10 · Edm.String */
  YY1_Mandantengruppe_PCI?: string | null;
  /** auftragsartengrupsd · max 2 · Edm.String */
  YY1_auftragsartengrpsd_PCI?: string | null;
  /** max 40 · Edm.String */
  ETag?: string | null;
  to_SlsPrcgCndnRecdSuplmnt?: A_SlsPrcgCndnRecdSuplmntType[];
  to_SlsPrcgConditionRecord?: A_SlsPrcgConditionRecordType | null;
}

export interface A_SlsPrcgCndnRecordScaleType {
  /** Condition Record No. · max 10 · Edm.String */
  ConditionRecord: string;
  /** Sequent. No. of Cond · max 2 · Edm.String */
  ConditionSequentialNumber: string;
  /** Line number · max 4 · Edm.String */
  ConditionScaleLine: string;
  /** Scale Quantity · Edm.Decimal (15,3) */
  ConditionScaleQuantity?: string | null;
  /** Scale Unit of Meas. · max 3 · Edm.String */
  ConditionScaleQuantityUnit?: string | null;
  /** Scale Value · Edm.Decimal (16,3) */
  ConditionScaleAmount?: string | null;
  /** Scale Currency · max 5 · Edm.String */
  ConditionScaleAmountCurrency?: string | null;
  /** Amount · Edm.Decimal (12,3) */
  ConditionRateValue?: string | null;
  /** Condition Currency · max 5 · Edm.String */
  ConditionRateValueUnit?: string | null;
  /** Ratio · Edm.Decimal (24,9) */
  ConditionRateRatio?: string | null;
  /** Unit of Measure · max 3 · Edm.String */
  ConditionRateRatioUnit?: string | null;
  /** Amount · Edm.Decimal (24,9) */
  ConditionRateAmount?: string | null;
  /** Condition Currency · max 5 · Edm.String */
  ConditionCurrency?: string | null;
  /** max 40 · Edm.String */
  ETag?: string | null;
  to_SlsPrcgCndnRecdSuplmnt?: A_SlsPrcgCndnRecdSuplmntType | null;
  to_SlsPrcgConditionRecord?: A_SlsPrcgConditionRecordType | null;
}

export interface A_SlsPrcgCndnSupplementTextType {
  /** Condition Record No. · max 10 · Edm.String */
  ConditionRecord: string;
  /** Sequent. No. of Cond · max 2 · Edm.String */
  ConditionSequentialNumber: string;
  /** Language Key · max 2 · Edm.String */
  Language: string;
  /** Description · max 40 · Edm.String */
  ConditionText?: string | null;
  /** max 40 · Edm.String */
  ETag?: string | null;
  to_SlsPrcgCndnRecdSuplmnt?: A_SlsPrcgCndnRecdSuplmntType | null;
}

export interface A_SlsPrcgConditionRecordType {
  /** Condition Record No. · max 10 · Edm.String */
  ConditionRecord: string;
  /** Sequent. No. of Cond · max 2 · Edm.String */
  ConditionSequentialNumber?: string | null;
  /** Condition Table · max 3 · Edm.String */
  ConditionTable?: string | null;
  /** Application · max 2 · Edm.String */
  ConditionApplication?: string | null;
  /** Condition Type · max 4 · Edm.String */
  ConditionType?: string | null;
  /** Valid To · Edm.DateTime (0,0) */
  ConditionValidityEndDate?: Date | null;
  /** Valid From · Edm.DateTime (0,0) */
  ConditionValidityStartDate?: Date | null;
  /** Created By · max 12 · Edm.String */
  CreatedByUser?: string | null;
  /** Created On · Edm.DateTime (0,0) */
  CreationDate?: Date | null;
  /** Text number · max 10 · Edm.String */
  ConditionTextID?: string | null;
  /** Scale Type · max 1 · Edm.String */
  PricingScaleType?: string | null;
  /** Scale Base Type · max 1 · Edm.String */
  PricingScaleBasis?: string | null;
  /** Scale Quantity · Edm.Decimal (15,3) */
  ConditionScaleQuantity?: string | null;
  /** Scale Unit of Meas. · max 3 · Edm.String */
  ConditionScaleQuantityUnit?: string | null;
  /** Scale Value · Edm.Decimal (16,3) */
  ConditionScaleAmount?: string | null;
  /** Scale Currency · max 5 · Edm.String */
  ConditionScaleAmountCurrency?: string | null;
  /** Calculation Type · max 1 · Edm.String */
  ConditionCalculationType?: string | null;
  /** Condition Amount · Edm.Decimal (12,3) */
  ConditionRateValue?: string | null;
  /** Condition Currency · max 5 · Edm.String */
  ConditionRateValueUnit?: string | null;
  /** Ratio · Edm.Decimal (24,9) */
  ConditionRateRatio?: string | null;
  /** Unit of Measure · max 3 · Edm.String */
  ConditionRateRatioUnit?: string | null;
  /** Amount · Edm.Decimal (24,9) */
  ConditionRateAmount?: string | null;
  /** Condition Currency · max 5 · Edm.String */
  ConditionCurrency?: string | null;
  /** Pricing Unit · Edm.Decimal (5,0) */
  ConditionQuantity?: string | null;
  /** Unit of Measure · max 3 · Edm.String */
  ConditionQuantityUnit?: string | null;
  /** NumeratorForConvers. · Edm.Decimal (5,0) */
  ConditionToBaseQtyNmrtr?: string | null;
  /** Denom.for Conversion · Edm.Decimal (5,0) */
  ConditionToBaseQtyDnmntr?: string | null;
  /** Base Unit of Measure · max 3 · Edm.String */
  BaseUnit?: string | null;
  /** Lower limit · Edm.Decimal (12,3) */
  ConditionLowerLimit?: string | null;
  /** Amount · Edm.Decimal (24,9) */
  ConditionLowerLimitAmount?: string | null;
  /** Ratio · Edm.Decimal (24,9) */
  ConditionLowerLimitRatio?: string | null;
  /** Upper limit · Edm.Decimal (12,3) */
  ConditionUpperLimit?: string | null;
  /** Amount · Edm.Decimal (24,9) */
  ConditionUpperLimitAmount?: string | null;
  /** Ratio · Edm.Decimal (24,9) */
  ConditionUpperLimitRatio?: string | null;
  /** Condition Currency · max 5 · Edm.String */
  ConditionAlternativeCurrency?: string | null;
  /** Exclusion · max 1 · Edm.String */
  ConditionExclusion?: string | null;
  /** Deletion Indicator · Edm.Boolean */
  ConditionIsDeleted?: boolean | null;
  /** Addit. Value Days · max 2 · Edm.String */
  AdditionalValueDays?: string | null;
  /** Fixed Value Date · Edm.DateTime (0,0) */
  FixedValueDate?: Date | null;
  /** Terms of Payment · max 4 · Edm.String */
  PaymentTerms?: string | null;
  /** Max.number.of.orders · max 2 · Edm.String */
  CndnMaxNumberOfSalesOrders?: string | null;
  /** Min.cond.base value · Edm.Decimal (15,3) */
  MinimumConditionBasisValue?: string | null;
  /** Max.cond.base value · Edm.Decimal (15,3) */
  MaximumConditionBasisValue?: string | null;
  /** Max.condition value · Edm.Decimal (14,3) */
  MaximumConditionAmount?: string | null;
  /** Incremental scale · max 4 · Edm.String */
  IncrementalScale?: string | null;
  /** Pricing scale · max 4 · Edm.String */
  PricingScaleLine?: string | null;
  /** Release Status · max 1 · Edm.String */
  ConditionReleaseStatus?: string | null;
  /** Approval Request · max 10 · Edm.String */
  SalesPriceApprovalRequest?: string | null;
  /** Cndn Change Reason · max 3 · Edm.String */
  ConditionChangeReason?: string | null;
  /** Condition Record No. · max 10 · Edm.String */
  PrevApprovedConditionRecord?: string | null;
  /** Tax Code · max 2 · Edm.String */
  ConditionTaxCode?: string | null;
  /** W/Tax Code · max 2 · Edm.String */
  ConditionWithholdingTaxCode?: string | null;
  /** License Number · max 24 · Edm.String */
  TaxExemptionLicense?: string | null;
  /** License Date · Edm.DateTime (0,0) */
  LicenseGrantDate?: Date | null;
  /** Time Stamp · Edm.DateTimeOffset (7,0) */
  LastChangeDateTime?: Date | null;
  /** SONT Name · max 30 · Edm.String */
  SAPObjectNodeType?: string | null;
  /** max 40 · Edm.String */
  ETag?: string | null;
  to_SlsPrcgCndnRecdSuplmnt?: A_SlsPrcgCndnRecdSuplmntType[];
  to_SlsPrcgCndnRecdValidity?: A_SlsPrcgCndnRecdValidityType[];
  to_SlsPrcgCndnRecordScale?: A_SlsPrcgCndnRecordScaleType[];
  to_SlsPrcgConditionRecordText?: A_SlsPrcgConditionRecordTextType[];
}

export interface A_SlsPrcgConditionRecordTextType {
  /** Condition Record No. · max 10 · Edm.String */
  ConditionRecord: string;
  /** Sequent. No. of Cond · max 2 · Edm.String */
  ConditionSequentialNumber: string;
  /** Language Key · max 2 · Edm.String */
  Language: string;
  /** Description · max 40 · Edm.String */
  ConditionText?: string | null;
  /** max 40 · Edm.String */
  ETag?: string | null;
  to_SlsPrcgConditionRecord?: A_SlsPrcgConditionRecordType | null;
}

export const API_SLSPRICINGCONDITIONRECORD_SRV_MODEL: EdmService = {"name":"API_SLSPRICINGCONDITIONRECORD_SRV","namespace":"API_SLSPRICINGCONDITIONRECORD_SRV","entityTypes":{"A_SlsPrcgCndnRecdSuplmntType":{"name":"A_SlsPrcgCndnRecdSuplmntType","keys":["ConditionRecord","ConditionSequentialNumber"],"properties":[{"name":"ConditionRecord","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Condition Record No."},{"name":"ConditionSequentialNumber","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Sequent. No. of Cond"},{"name":"ConditionTable","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Condition Table"},{"name":"ConditionApplication","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Application"},{"name":"ConditionType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Condition Type"},{"name":"ConditionValidityEndDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid To"},{"name":"ConditionValidityStartDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid From"},{"name":"CreatedByUser","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":12,"label":"Created By"},{"name":"CreationDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Created On"},{"name":"ConditionTextID","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Text number"},{"name":"PricingScaleType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Scale Type"},{"name":"PricingScaleBasis","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Scale Base Type"},{"name":"ConditionScaleQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":15,"scale":3,"label":"Scale Quantity"},{"name":"ConditionScaleQuantityUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Scale Unit of Meas."},{"name":"ConditionScaleAmount","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":16,"scale":3,"label":"Scale Value"},{"name":"ConditionScaleAmountCurrency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Scale Currency"},{"name":"ConditionCalculationType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Calculation Type"},{"name":"ConditionRateValue","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Condition Amount"},{"name":"ConditionRateValueUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Condition Currency"},{"name":"ConditionRateRatio","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":24,"scale":9,"label":"Ratio"},{"name":"ConditionRateRatioUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Unit of Measure"},{"name":"ConditionRateAmount","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":24,"scale":9,"label":"Amount"},{"name":"ConditionCurrency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Condition Currency"},{"name":"ConditionQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":0,"label":"Pricing Unit"},{"name":"ConditionQuantityUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Unit of Measure"},{"name":"ConditionToBaseQtyNmrtr","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":0,"label":"NumeratorForConvers."},{"name":"ConditionToBaseQtyDnmntr","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":0,"label":"Denom.for Conversion"},{"name":"BaseUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Base Unit of Measure"},{"name":"ConditionLowerLimit","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Lower limit"},{"name":"ConditionLowerLimitAmount","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":24,"scale":9,"label":"Amount"},{"name":"ConditionLowerLimitRatio","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":24,"scale":9,"label":"Ratio"},{"name":"ConditionUpperLimit","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Upper limit"},{"name":"ConditionUpperLimitAmount","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":24,"scale":9,"label":"Amount"},{"name":"ConditionUpperLimitRatio","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":24,"scale":9,"label":"Ratio"},{"name":"ConditionAlternativeCurrency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Condition Currency"},{"name":"ConditionExclusion","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Exclusion"},{"name":"ConditionIsDeleted","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Deletion Indicator"},{"name":"AdditionalValueDays","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Addit. Value Days"},{"name":"FixedValueDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Fixed Value Date"},{"name":"PaymentTerms","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Terms of Payment"},{"name":"CndnMaxNumberOfSalesOrders","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Max.number.of.orders"},{"name":"MinimumConditionBasisValue","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":15,"scale":3,"label":"Min.cond.base value"},{"name":"MaximumConditionBasisValue","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":15,"scale":3,"label":"Max.cond.base value"},{"name":"MaximumConditionAmount","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":14,"scale":3,"label":"Max.condition value"},{"name":"IncrementalScale","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Incremental scale"},{"name":"PricingScaleLine","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Pricing scale"},{"name":"ConditionReleaseStatus","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Release Status"},{"name":"SalesPriceApprovalRequest","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Approval Request"},{"name":"ConditionChangeReason","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Cndn Change Reason"},{"name":"PrevApprovedConditionRecord","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Condition Record No."},{"name":"ETag","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40}],"navigationProperties":[{"name":"to_SlsPrcgCndnRecdValidity","target":"A_SlsPrcgCndnRecdValidityType","multiplicity":"*"},{"name":"to_SlsPrcgCndnRecordScale","target":"A_SlsPrcgCndnRecordScaleType","multiplicity":"*"},{"name":"to_SlsPrcgCndnSupplementText","target":"A_SlsPrcgCndnSupplementTextType","multiplicity":"*"},{"name":"to_SlsPrcgConditionRecord","target":"A_SlsPrcgConditionRecordType","multiplicity":"0..1"}]},"A_SlsPrcgCndnRecdValidityType":{"name":"A_SlsPrcgCndnRecdValidityType","keys":["ConditionRecord","ConditionValidityEndDate"],"properties":[{"name":"ConditionRecord","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Condition Record No."},{"name":"ConditionValidityEndDate","type":"Edm.DateTime","nullable":false,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid To"},{"name":"ConditionValidityStartDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid From"},{"name":"ConditionApplication","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Application"},{"name":"ConditionType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Condition Type"},{"name":"ConditionReleaseStatus","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Release Status"},{"name":"DepartureCountry","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Departure Ctry/Reg."},{"name":"SalesDocument","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Sales Document"},{"name":"SalesDocumentItem","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Sales Document Item"},{"name":"BillableControl","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Accounting Indicator"},{"name":"Industry","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Industry"},{"name":"CityCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"City Code"},{"name":"ConditionContract","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Condition Contract"},{"name":"County","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"County Code"},{"name":"EngagementProject","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Customer Project ID"},{"name":"ConfigurationNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":18,"label":"Internal Object No."},{"name":"BR_NFDocumentType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Document type"},{"name":"BRSpcfcFreeDefinedField1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Dynamic Key Field 1"},{"name":"BRSpcfcFreeDefinedField2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Dynamic Key Field 2"},{"name":"BRSpcfcFreeDefinedField3","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Dynamic Key Field 3"},{"name":"InternationalArticleNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":18,"label":"EAN/UPC"},{"name":"TechnicalObjectType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Object Type"},{"name":"Equipment","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":18,"label":"Equipment"},{"name":"CustomerHierarchy","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Customer"},{"name":"IncotermsClassification","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Incoterms"},{"name":"IncotermsTransferLocation","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":28,"label":"Incoterms (Part 2)"},{"name":"AccountTaxType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Tax Type"},{"name":"TxRlvnceClassfctnForArgentina","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Tax Rel. Classif."},{"name":"BR_TaxCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Tax Code"},{"name":"LocalSalesTaxApplicabilityCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"LST CST Appl. Code"},{"name":"CustomerGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Customer Group"},{"name":"CustomerPriceGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Price Group"},{"name":"MaterialPricingGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Material Price Grp"},{"name":"SoldToParty","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Sold-to Party"},{"name":"BPForSoldToParty","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Business Partner"},{"name":"Customer","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Customer"},{"name":"BPForCustomer","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Business Partner"},{"name":"PayerParty","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Payer"},{"name":"BPForPayerParty","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Business Partner"},{"name":"ShipToParty","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Ship-to Party"},{"name":"BPForShipToParty","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Business Partner"},{"name":"Supplier","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Supplier"},{"name":"BPForSupplier","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Business Partner"},{"name":"DestinationCountry","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Dest. Country/Region"},{"name":"MaterialGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":9,"label":"Material Group"},{"name":"Material","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"ReturnsRefundExtent","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Refund Code"},{"name":"AdditionalMaterialGroup1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Material Group 1"},{"name":"AdditionalMaterialGroup2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Material Group 2"},{"name":"AdditionalMaterialGroup3","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Material Group 3"},{"name":"AdditionalMaterialGroup4","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Material Group 4"},{"name":"AdditionalMaterialGroup5","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Material Group 5"},{"name":"Personnel","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":8,"label":"Personnel Number"},{"name":"PriceListType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Price List Type"},{"name":"PostalCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Postal Code"},{"name":"Region","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Region"},{"name":"EngagementProjectServiceOrg","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Service Organization"},{"name":"RequirementSegment","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Requirement Segment"},{"name":"StockSegment","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Stock Segment"},{"name":"Division","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Division"},{"name":"CommodityCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":17,"label":"Commodity Code"},{"name":"ConsumptionTaxCtrlCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":16,"label":"Control Code"},{"name":"BRSpcfcTaxBasePercentageCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Base"},{"name":"BRSpcfcTxGrpDynTaxExceptions","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Tax Group"},{"name":"CustomerTaxClassification1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.1 Customer"},{"name":"CustomerTaxClassification2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.2 Customer"},{"name":"CustomerTaxClassification3","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.3 Customer"},{"name":"CustomerTaxClassification4","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.4 Customer"},{"name":"CustomerTaxClassification5","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.5 Customer"},{"name":"CustomerTaxClassification6","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.6 Customer"},{"name":"CustomerTaxClassification7","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.7 Customer"},{"name":"CustomerTaxClassification8","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.8 Customer"},{"name":"CustomerTaxClassification9","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.9 Customer"},{"name":"ProductTaxClassification1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class. Material"},{"name":"ProductTaxClassification2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.2 Material"},{"name":"ProductTaxClassification3","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.3 Material"},{"name":"ProductTaxClassification4","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.4 Material"},{"name":"ProductTaxClassification5","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.5 Material"},{"name":"ProductTaxClassification6","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.6 Material"},{"name":"ProductTaxClassification7","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.7 Material"},{"name":"ProductTaxClassification8","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.8 Material"},{"name":"ProductTaxClassification9","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.9 Material"},{"name":"TradingContract","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Trading Contract"},{"name":"TradingContractItem","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Item Number"},{"name":"TaxJurisdiction","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":15,"label":"Tax Jurisdiction"},{"name":"BRSpcfcTaxDepartureRegion","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Ship From"},{"name":"BRSpcfcTaxDestinationRegion","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Ship To"},{"name":"MainItemMaterialPricingGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"MnItem MatPricingGrp"},{"name":"MainItemPricingRefMaterial","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Pricing Ref.Material"},{"name":"VariantCondition","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":26,"label":"Variant Key"},{"name":"ValueAddedServiceChargeCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"VAS Charge Code"},{"name":"SDDocument","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"SD Document"},{"name":"ReferenceSDDocument","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Reference Document"},{"name":"ReferenceSDDocumentItem","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Reference Item"},{"name":"SalesOffice","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Sales Office"},{"name":"SalesGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Sales Group"},{"name":"SalesOrganization","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Sales Organization"},{"name":"SalesOrderSalesOrganization","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Sales Org. of Order"},{"name":"OrderQuantityUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Sales Unit"},{"name":"DistributionChannel","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Distribution Channel"},{"name":"TransactionCurrency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Document Currency"},{"name":"WBSElementInternalID","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":24,"label":"WBS Bill Elem."},{"name":"WBSElementExternalID","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":24,"label":"WBS Element"},{"name":"WorkPackage","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":24,"label":"WBS Work Packg."},{"name":"Plant","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Plant"},{"name":"PlantRegion","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Region of Dlv. Plant"},{"name":"WorkItem","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Work Item ID"},{"name":"ConditionProcessingStatus","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Processing Status"},{"name":"PricingDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Cndn Pricing Date"},{"name":"ConditionIsExclusive","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Exclusive"},{"name":"ConditionScaleBasisValue","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":7,"label":"Scale Base Value"},{"name":"TaxCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Tax Code"},{"name":"ServiceDocument","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Transaction ID"},{"name":"ServiceDocumentItem","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Item Number in Doc."},{"name":"TimeSheetOvertimeCategory","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Overtime Category"},{"name":"SalesSDDocumentCategory","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"SD Document Category"},{"name":"ReturnReason","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Return Reason"},{"name":"ProdUnivHierarchyNode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":24,"label":"Node"},{"name":"ProductHierarchyNode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":24,"label":"Prod. Hier. Node"},{"name":"CustomerConditionGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"CustomerCondGrp"},{"name":"ShippingType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Shipping Type"},{"name":"SubscriptionContractDuration","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":13,"label":"Provider Durat."},{"name":"SubscrpnContrDurationUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":12,"label":"Time Unit"},{"name":"SubscriptionContractLockReason","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":8,"label":"Lock Reason"},{"name":"CrsCtlgMappgPriceVersionNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Price Version"},{"name":"OrderType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Order Type"},{"name":"SalesDocumentType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Sales Document Type"},{"name":"SDDocumentReason","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Order Reason"},{"name":"VolumeRebateGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Volume Rebate Group"},{"name":"ValuationType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Valuation Type"},{"name":"SalesDistrict","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Sales District"},{"name":"Batch","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Batch"},{"name":"PurgDocSupplyingPlant","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Supplying Plant"},{"name":"MatUsageIndicator","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Usage"},{"name":"ShippingCondition","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Shipping Conditions"},{"name":"PlantCounty","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"County of Dlv. Plant"},{"name":"PlantCity","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"City of Deliv. Plant"},{"name":"MaterialExternalGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":18,"label":"Ext. Material Group"},{"name":"CustomerHierarchyRootNode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":20,"label":"CH Rt. Nd. ID"},{"name":"CustomerHierarchyNodeID","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Cust. Hier. Node ID"},{"name":"CustomerHierarchyNodeType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":30,"label":"Cust. Hier. Nd. Type"},{"name":"AdditionalCustomerGroup1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Customer Group 1"},{"name":"AdditionalCustomerGroup2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Customer Group 2"},{"name":"AdditionalCustomerGroup3","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Customer Group 3"},{"name":"AdditionalCustomerGroup4","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Customer Group 4"},{"name":"AdditionalCustomerGroup5","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Customer Group 5"},{"name":"SDDocumentItem","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Item (SD)"},{"name":"CndnBillingDocumentCategory","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Billing Category"},{"name":"Country","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Country/Region Key"},{"name":"CustomerPurchaseOrderType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Purchase Order Type"},{"name":"CountryOfOrigin","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Cntry/Reg of Origin"},{"name":"SalesDocumentItemCategory","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Item Category"},{"name":"BillToParty","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Bill-to Party"},{"name":"BusinessPartnerIndustryCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Industry code"},{"name":"BillingDocumentType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Billing Type"},{"name":"MatlAccountAssignmentGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Acct Assmt Grp Mat."},{"name":"PRAContract","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Contract"},{"name":"Well","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":15,"label":"Well"},{"name":"WellCompletion","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Well Completion"},{"name":"MeasurementPoint","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":20,"label":"Measurement Point"},{"name":"PricingFormulaNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Formula ID"},{"name":"YY1_Auftragsarten_PCI","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Auftragsarten"},{"name":"YY1_Mandantengruppe_PCH","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Mandantengruppe"},{"name":"YY1_Mandantengruppe_PCI","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Mandantengruppe"},{"name":"YY1_auftragsartengrpsd_PCI","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"auftragsartengrupsd"},{"name":"ETag","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40}],"navigationProperties":[{"name":"to_SlsPrcgCndnRecdSuplmnt","target":"A_SlsPrcgCndnRecdSuplmntType","multiplicity":"*"},{"name":"to_SlsPrcgConditionRecord","target":"A_SlsPrcgConditionRecordType","multiplicity":"0..1"}]},"A_SlsPrcgCndnRecordScaleType":{"name":"A_SlsPrcgCndnRecordScaleType","keys":["ConditionRecord","ConditionSequentialNumber","ConditionScaleLine"],"properties":[{"name":"ConditionRecord","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Condition Record No."},{"name":"ConditionSequentialNumber","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Sequent. No. of Cond"},{"name":"ConditionScaleLine","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Line number"},{"name":"ConditionScaleQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":15,"scale":3,"label":"Scale Quantity"},{"name":"ConditionScaleQuantityUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Scale Unit of Meas."},{"name":"ConditionScaleAmount","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":16,"scale":3,"label":"Scale Value"},{"name":"ConditionScaleAmountCurrency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Scale Currency"},{"name":"ConditionRateValue","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Amount"},{"name":"ConditionRateValueUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Condition Currency"},{"name":"ConditionRateRatio","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":24,"scale":9,"label":"Ratio"},{"name":"ConditionRateRatioUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Unit of Measure"},{"name":"ConditionRateAmount","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":24,"scale":9,"label":"Amount"},{"name":"ConditionCurrency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Condition Currency"},{"name":"ETag","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40}],"navigationProperties":[{"name":"to_SlsPrcgCndnRecdSuplmnt","target":"A_SlsPrcgCndnRecdSuplmntType","multiplicity":"0..1"},{"name":"to_SlsPrcgConditionRecord","target":"A_SlsPrcgConditionRecordType","multiplicity":"0..1"}]},"A_SlsPrcgCndnSupplementTextType":{"name":"A_SlsPrcgCndnSupplementTextType","keys":["ConditionRecord","ConditionSequentialNumber","Language"],"properties":[{"name":"ConditionRecord","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Condition Record No."},{"name":"ConditionSequentialNumber","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Sequent. No. of Cond"},{"name":"Language","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Language Key"},{"name":"ConditionText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Description"},{"name":"ETag","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40}],"navigationProperties":[{"name":"to_SlsPrcgCndnRecdSuplmnt","target":"A_SlsPrcgCndnRecdSuplmntType","multiplicity":"0..1"}]},"A_SlsPrcgConditionRecordType":{"name":"A_SlsPrcgConditionRecordType","keys":["ConditionRecord"],"properties":[{"name":"ConditionRecord","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Condition Record No."},{"name":"ConditionSequentialNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Sequent. No. of Cond"},{"name":"ConditionTable","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Condition Table"},{"name":"ConditionApplication","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Application"},{"name":"ConditionType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Condition Type"},{"name":"ConditionValidityEndDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid To"},{"name":"ConditionValidityStartDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid From"},{"name":"CreatedByUser","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":12,"label":"Created By"},{"name":"CreationDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Created On"},{"name":"ConditionTextID","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Text number"},{"name":"PricingScaleType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Scale Type"},{"name":"PricingScaleBasis","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Scale Base Type"},{"name":"ConditionScaleQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":15,"scale":3,"label":"Scale Quantity"},{"name":"ConditionScaleQuantityUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Scale Unit of Meas."},{"name":"ConditionScaleAmount","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":16,"scale":3,"label":"Scale Value"},{"name":"ConditionScaleAmountCurrency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Scale Currency"},{"name":"ConditionCalculationType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Calculation Type"},{"name":"ConditionRateValue","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Condition Amount"},{"name":"ConditionRateValueUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Condition Currency"},{"name":"ConditionRateRatio","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":24,"scale":9,"label":"Ratio"},{"name":"ConditionRateRatioUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Unit of Measure"},{"name":"ConditionRateAmount","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":24,"scale":9,"label":"Amount"},{"name":"ConditionCurrency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Condition Currency"},{"name":"ConditionQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":0,"label":"Pricing Unit"},{"name":"ConditionQuantityUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Unit of Measure"},{"name":"ConditionToBaseQtyNmrtr","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":0,"label":"NumeratorForConvers."},{"name":"ConditionToBaseQtyDnmntr","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":0,"label":"Denom.for Conversion"},{"name":"BaseUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Base Unit of Measure"},{"name":"ConditionLowerLimit","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Lower limit"},{"name":"ConditionLowerLimitAmount","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":24,"scale":9,"label":"Amount"},{"name":"ConditionLowerLimitRatio","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":24,"scale":9,"label":"Ratio"},{"name":"ConditionUpperLimit","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":12,"scale":3,"label":"Upper limit"},{"name":"ConditionUpperLimitAmount","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":24,"scale":9,"label":"Amount"},{"name":"ConditionUpperLimitRatio","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":24,"scale":9,"label":"Ratio"},{"name":"ConditionAlternativeCurrency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Condition Currency"},{"name":"ConditionExclusion","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Exclusion"},{"name":"ConditionIsDeleted","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Deletion Indicator"},{"name":"AdditionalValueDays","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Addit. Value Days"},{"name":"FixedValueDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Fixed Value Date"},{"name":"PaymentTerms","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Terms of Payment"},{"name":"CndnMaxNumberOfSalesOrders","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Max.number.of.orders"},{"name":"MinimumConditionBasisValue","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":15,"scale":3,"label":"Min.cond.base value"},{"name":"MaximumConditionBasisValue","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":15,"scale":3,"label":"Max.cond.base value"},{"name":"MaximumConditionAmount","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":14,"scale":3,"label":"Max.condition value"},{"name":"IncrementalScale","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Incremental scale"},{"name":"PricingScaleLine","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Pricing scale"},{"name":"ConditionReleaseStatus","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Release Status"},{"name":"SalesPriceApprovalRequest","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Approval Request"},{"name":"ConditionChangeReason","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Cndn Change Reason"},{"name":"PrevApprovedConditionRecord","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Condition Record No."},{"name":"ConditionTaxCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Tax Code"},{"name":"ConditionWithholdingTaxCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"W/Tax Code"},{"name":"TaxExemptionLicense","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":24,"label":"License Number"},{"name":"LicenseGrantDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"License Date"},{"name":"LastChangeDateTime","type":"Edm.DateTimeOffset","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":7,"label":"Time Stamp"},{"name":"SAPObjectNodeType","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":30,"label":"SONT Name"},{"name":"ETag","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40}],"navigationProperties":[{"name":"to_SlsPrcgCndnRecdSuplmnt","target":"A_SlsPrcgCndnRecdSuplmntType","multiplicity":"*"},{"name":"to_SlsPrcgCndnRecdValidity","target":"A_SlsPrcgCndnRecdValidityType","multiplicity":"*"},{"name":"to_SlsPrcgCndnRecordScale","target":"A_SlsPrcgCndnRecordScaleType","multiplicity":"*"},{"name":"to_SlsPrcgConditionRecordText","target":"A_SlsPrcgConditionRecordTextType","multiplicity":"*"}]},"A_SlsPrcgConditionRecordTextType":{"name":"A_SlsPrcgConditionRecordTextType","keys":["ConditionRecord","ConditionSequentialNumber","Language"],"properties":[{"name":"ConditionRecord","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Condition Record No."},{"name":"ConditionSequentialNumber","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Sequent. No. of Cond"},{"name":"Language","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Language Key"},{"name":"ConditionText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Description"},{"name":"ETag","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40}],"navigationProperties":[{"name":"to_SlsPrcgConditionRecord","target":"A_SlsPrcgConditionRecordType","multiplicity":"0..1"}]}},"entitySets":{"A_SlsPrcgCndnRecdSuplmnt":{"name":"A_SlsPrcgCndnRecdSuplmnt","entityType":"A_SlsPrcgCndnRecdSuplmntType","creatable":true,"updatable":true,"deletable":true},"A_SlsPrcgCndnRecdValidity":{"name":"A_SlsPrcgCndnRecdValidity","entityType":"A_SlsPrcgCndnRecdValidityType","creatable":false,"updatable":true,"deletable":false},"A_SlsPrcgCndnRecordScale":{"name":"A_SlsPrcgCndnRecordScale","entityType":"A_SlsPrcgCndnRecordScaleType","creatable":true,"updatable":true,"deletable":true},"A_SlsPrcgCndnSupplementText":{"name":"A_SlsPrcgCndnSupplementText","entityType":"A_SlsPrcgCndnSupplementTextType","creatable":true,"updatable":true,"deletable":true},"A_SlsPrcgConditionRecord":{"name":"A_SlsPrcgConditionRecord","entityType":"A_SlsPrcgConditionRecordType","creatable":true,"updatable":true,"deletable":true},"A_SlsPrcgConditionRecordText":{"name":"A_SlsPrcgConditionRecordText","entityType":"A_SlsPrcgConditionRecordTextType","creatable":true,"updatable":true,"deletable":true}},"functionImports":[]};
