// Generated from specs/API_SALES_ORDER_SRV.edmx by scripts/generate.ts — do not edit.
import type { EdmService } from "../edmx";

export interface A_SalesOrderType {
  /** Sales Order · max 10 · Edm.String */
  SalesOrder: string;
  /** Sales Order Type · max 4 · Edm.String */
  SalesOrderType?: string | null;
  /** Language key · max 4 · Edm.String */
  SalesOrderTypeInternalCode?: string | null;
  /** Sales Organization · max 4 · Edm.String */
  SalesOrganization?: string | null;
  /** Distribution Channel · max 2 · Edm.String */
  DistributionChannel?: string | null;
  /** Division · max 2 · Edm.String */
  OrganizationDivision?: string | null;
  /** Sales Group · max 3 · Edm.String */
  SalesGroup?: string | null;
  /** Sales Office · max 4 · Edm.String */
  SalesOffice?: string | null;
  /** Sales District · max 6 · Edm.String */
  SalesDistrict?: string | null;
  /** Sold-to Party · max 10 · Edm.String */
  SoldToParty?: string | null;
  /** Created On · Edm.DateTime (0,0) */
  CreationDate?: Date | null;
  /** Created By · max 12 · Edm.String */
  CreatedByUser?: string | null;
  /** Changed On · Edm.DateTime (0,0) */
  LastChangeDate?: Date | null;
  /** Ext. Bus. Syst. ID · max 60 · Edm.String */
  SenderBusinessSystemName?: string | null;
  /** External Document ID · max 40 · Edm.String */
  ExternalDocumentID?: string | null;
  /** Time Stamp · Edm.DateTimeOffset (7,0) */
  LastChangeDateTime?: Date | null;
  /** External Revision · Edm.DateTimeOffset (7,0) */
  ExternalDocLastChangeDateTime?: Date | null;
  /** Customer Reference · max 35 · Edm.String */
  PurchaseOrderByCustomer?: string | null;
  /** Customer Reference · max 35 · Edm.String */
  PurchaseOrderByShipToParty?: string | null;
  /** Purchase Order Type · max 4 · Edm.String */
  CustomerPurchaseOrderType?: string | null;
  /** Customer Reference Date · Edm.DateTime (0,0) */
  CustomerPurchaseOrderDate?: Date | null;
  /** Document Date · Edm.DateTime (0,0) */
  SalesOrderDate?: Date | null;
  /** Net Value · Edm.Decimal (16,3) */
  TotalNetAmount?: string | null;
  /** Delivery Status · max 1 · Edm.String */
  OverallDeliveryStatus?: string | null;
  /** Overall Block Status · max 1 · Edm.String */
  TotalBlockStatus?: string | null;
  /** Order-Related Billing Status · max 1 · Edm.String */
  OverallOrdReltdBillgStatus?: string | null;
  /** Reference Status · max 1 · Edm.String */
  OverallSDDocReferenceStatus?: string | null;
  /** Document Currency · max 5 · Edm.String */
  TransactionCurrency?: string | null;
  /** Order Reason · max 3 · Edm.String */
  SDDocumentReason?: string | null;
  /** Pricing Date · Edm.DateTime (0,0) */
  PricingDate?: Date | null;
  /** Exchange Rate · Edm.Decimal (9,5) */
  PriceDetnExchangeRate?: string | null;
  /** Bill. Plan No. · max 10 · Edm.String */
  BillingPlan?: string | null;
  /** Requested Delivery Date · Edm.DateTime (0,0) */
  RequestedDeliveryDate?: Date | null;
  /** Shipping Conditions · max 2 · Edm.String */
  ShippingCondition?: string | null;
  /** Complete Delivery · Edm.Boolean */
  CompleteDeliveryIsDefined?: boolean | null;
  /** Shipping Type · max 2 · Edm.String */
  ShippingType?: string | null;
  /** Billing Block · max 2 · Edm.String */
  HeaderBillingBlockReason?: string | null;
  /** Delivery Block · max 2 · Edm.String */
  DeliveryBlockReason?: string | null;
  /** Delivery Date Rule · max 1 · Edm.String */
  DeliveryDateTypeRule?: string | null;
  /** Incoterms · max 3 · Edm.String */
  IncotermsClassification?: string | null;
  /** Incoterms (Part 2) · max 28 · Edm.String */
  IncotermsTransferLocation?: string | null;
  /** Incoterms Location 1 · max 70 · Edm.String */
  IncotermsLocation1?: string | null;
  /** Incoterms Location 2 · max 70 · Edm.String */
  IncotermsLocation2?: string | null;
  /** Incoterms Version · max 4 · Edm.String */
  IncotermsVersion?: string | null;
  /** Customer Price Group · max 2 · Edm.String */
  CustomerPriceGroup?: string | null;
  /** Price List Type · max 2 · Edm.String */
  PriceListType?: string | null;
  /** Terms of Payment · max 4 · Edm.String */
  CustomerPaymentTerms?: string | null;
  /** Payment Method · max 1 · Edm.String */
  PaymentMethod?: string | null;
  /** Fixed Value Date · Edm.DateTime (0,0) */
  FixedValueDate?: Date | null;
  /** Assignment · max 18 · Edm.String */
  AssignmentReference?: string | null;
  /** Reference Document · max 10 · Edm.String */
  ReferenceSDDocument?: string | null;
  /** Reference Document Category · max 4 · Edm.String */
  ReferenceSDDocumentCategory?: string | null;
  /** Reference · max 16 · Edm.String */
  AccountingDocExternalReference?: string | null;
  /** Account Assignment Group for Customer · max 2 · Edm.String */
  CustomerAccountAssignmentGroup?: string | null;
  /** Exchng. Rate Accntg. · Edm.Decimal (9,5) */
  AccountingExchangeRate?: string | null;
  /** Customer Group · max 2 · Edm.String */
  CustomerGroup?: string | null;
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
  /** Relevant for Proof of Delivery · Edm.Boolean */
  SlsDocIsRlvtForProofOfDeliv?: boolean | null;
  /** Alt.Tax Classific. · max 1 · Edm.String */
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
  /** Tax Departure Country/Region · max 3 · Edm.String */
  TaxDepartureCountry?: string | null;
  /** Tax Destination Country/Region · max 3 · Edm.String */
  VATRegistrationCountry?: string | null;
  /** Approval Request Reason · max 4 · Edm.String */
  SalesOrderApprovalReason?: string | null;
  /** Approval Status · max 1 · Edm.String */
  SalesDocApprovalStatus?: string | null;
  /** Overall Status · max 1 · Edm.String */
  OverallSDProcessStatus?: string | null;
  /** Credit Status · max 1 · Edm.String */
  TotalCreditCheckStatus?: string | null;
  /** Ovrl Delivery Status · max 1 · Edm.String */
  OverallTotalDeliveryStatus?: string | null;
  /** Rejection Status · max 1 · Edm.String */
  OverallSDDocumentRejectionSts?: string | null;
  /** Billing Date · Edm.DateTime (0,0) */
  BillingDocumentDate?: Date | null;
  /** Contract Account · max 12 · Edm.String */
  ContractAccount?: string | null;
  /** Addit. Value Days · max 2 · Edm.String */
  AdditionalValueDays?: string | null;
  /** Supplement · max 4 · Edm.String */
  CustomerPurchaseOrderSuplmnt?: string | null;
  /** Date of Services Rendered · Edm.DateTime (0,0) */
  ServicesRenderedDate?: Date | null;
  to_BillingPlan?: A_SalesOrderBillingPlanType | null;
  to_Item?: A_SalesOrderItemType[];
  to_Partner?: A_SalesOrderHeaderPartnerType[];
  to_PaymentPlanItemDetails?: A_SlsOrdPaymentPlanItemDetailsType[];
  to_PrecedingProcFlowDoc?: A_SalesOrderPrecdgProcFlowType[];
  to_PricingElement?: A_SalesOrderHeaderPrElementType[];
  to_RelatedObject?: A_SalesOrderRelatedObjectType[];
  to_SubsequentProcFlowDoc?: A_SalesOrderSubsqntProcFlowType[];
  to_Text?: A_SalesOrderTextType[];
}

export interface A_SalesOrderBillingPlanType {
  /** Sales Order · max 10 · Edm.String */
  SalesOrder: string;
  /** Bill. Plan No. · max 10 · Edm.String */
  BillingPlan: string;
  /** Start Date · Edm.DateTime (0,0) */
  BillingPlanStartDate?: Date | null;
  /** Origin of Start Date · max 2 · Edm.String */
  BillingPlanStartDateRule?: string | null;
  /** Reference · max 10 · Edm.String */
  ReferenceBillingPlan?: string | null;
  /** Category · max 1 · Edm.String */
  BillingPlanCategory?: string | null;
  /** Billing Plan Type · max 2 · Edm.String */
  BillingPlanType?: string | null;
  /** End Date · Edm.DateTime (0,0) */
  BillingPlanEndDate?: Date | null;
  /** Origin End Date · max 2 · Edm.String */
  BillingPlanEndDateRule?: string | null;
  /** Search Term · max 10 · Edm.String */
  BillingPlanSearchTerm?: string | null;
  to_BillingPlanItem?: A_SalesOrderBillingPlanItemType[];
  to_SalesOrder?: A_SalesOrderType | null;
}

export interface A_SalesOrderBillingPlanItemType {
  /** Sales Order · max 10 · Edm.String */
  SalesOrder: string;
  /** Bill. Plan No. · max 10 · Edm.String */
  BillingPlan: string;
  /** Item · max 6 · Edm.String */
  BillingPlanItem: string;
  /** Date Category · max 2 · Edm.String */
  BillingPlanDateCategory?: string | null;
  /** Billing Date · Edm.DateTime (0,0) */
  BillingPlanBillingDate?: Date | null;
  /** Billing Value · Edm.Decimal (16,3) */
  BillingPlanAmount?: string | null;
  /** Currency · max 5 · Edm.String */
  TransactionCurrency?: string | null;
  /** Invoice Percentage · Edm.Decimal (5,2) */
  BillingPlanAmountPercent?: string | null;
  /** Terms of Payment · max 4 · Edm.String */
  CustomerPaymentTerms?: string | null;
  /** Billing Type · max 4 · Edm.String */
  ProposedBillingDocumentType?: string | null;
  /** Date Description · max 4 · Edm.String */
  BillingPlanDateDescriptionCode?: string | null;
  /** Billing Block · max 2 · Edm.String */
  BillingBlockReason?: string | null;
  /** Settlement Start Date · Edm.DateTime (0,0) */
  BillingPlanServiceStartDate?: Date | null;
  /** Settlement End Date · Edm.DateTime (0,0) */
  BillingPlanServiceEndDate?: Date | null;
  /** Billing Status · max 1 · Edm.String */
  BillingPlanRelatedBillgStatus?: string | null;
  /** Billing Plan Type · max 2 · Edm.String */
  BillingPlanType?: string | null;
  /** Fixed Date · max 1 · Edm.String */
  AdoptingBillingDateID?: string | null;
  /** Billing Rule · max 1 · Edm.String */
  BillingPlanBillingRule?: string | null;
  /** Usage · max 5 · Edm.String */
  BillingPlanMilestoneUsage?: string | null;
  /** Correction Date · max 1 · Edm.String */
  BillgPlnDteCorrectionRfndType?: string | null;
  /** Accounting Exchange Rate · Edm.Decimal (9,5) */
  AccountingExchangeRate?: string | null;
  /** Reason · max 255 · Edm.String */
  PostponementReason?: string | null;
  to_BillingPlan?: A_SalesOrderBillingPlanType | null;
  to_SalesOrder?: A_SalesOrderType | null;
}

export interface A_SalesOrderHeaderPartnerType {
  /** Sales Order · max 10 · Edm.String */
  SalesOrder: string;
  /** Partner Function · max 2 · Edm.String */
  PartnerFunction: string;
  /** Partner Function · max 2 · Edm.String */
  PartnerFunctionInternalCode?: string | null;
  /** Customer · max 10 · Edm.String */
  Customer?: string | null;
  /** Supplier · max 10 · Edm.String */
  Supplier?: string | null;
  /** Personnel Number · max 8 · Edm.String */
  Personnel?: string | null;
  /** Contact Person · max 10 · Edm.String */
  ContactPerson?: string | null;
  /** Business Partner · max 10 · Edm.String */
  ReferenceBusinessPartner?: string | null;
  /** Address Number · max 10 · Edm.String */
  AddressID?: string | null;
  /** VAT Registration No. · max 20 · Edm.String */
  VATRegistration?: string | null;
  to_Address?: A_SalesOrderPartnerAddressType[];
  to_SalesOrder?: A_SalesOrderType | null;
}

export interface A_SalesOrderHeaderPrElementType {
  /** Sales Order · max 10 · Edm.String */
  SalesOrder: string;
  /** Step Number · max 3 · Edm.String */
  PricingProcedureStep: string;
  /** Counter · max 3 · Edm.String */
  PricingProcedureCounter: string;
  /** Condition Type · max 4 · Edm.String */
  ConditionType?: string | null;
  /** Valid From · max 14 · Edm.String */
  PricingDateTime?: string | null;
  /** Cndn Pricing Date · Edm.DateTime (0,0) */
  PriceConditionDeterminationDte?: Date | null;
  /** Calculation Type · max 3 · Edm.String */
  ConditionCalculationType?: string | null;
  /** Condition Basis · Edm.Decimal (24,9) */
  ConditionBaseValue?: string | null;
  /** Amount · Edm.Decimal (24,9) */
  ConditionRateValue?: string | null;
  /** Currency · max 5 · Edm.String */
  ConditionCurrency?: string | null;
  /** Pricing Unit · Edm.Decimal (5,0) */
  ConditionQuantity?: string | null;
  /** Condition Unit · max 3 · Edm.String */
  ConditionQuantityUnit?: string | null;
  /** SAP Condition Qty · max 3 · Edm.String */
  ConditionQuantitySAPUnit?: string | null;
  /** ISO Condition Qty · max 3 · Edm.String */
  ConditionQuantityISOUnit?: string | null;
  /** Condition Category · max 1 · Edm.String */
  ConditionCategory?: string | null;
  /** Statistical · Edm.Boolean */
  ConditionIsForStatistics?: boolean | null;
  /** Scale Type · max 1 · Edm.String */
  PricingScaleType?: string | null;
  /** Condition Origin · max 1 · Edm.String */
  ConditionOrigin?: string | null;
  /** Group Condition · max 1 · Edm.String */
  IsGroupCondition?: string | null;
  /** Condition Record No. · max 10 · Edm.String */
  ConditionRecord?: string | null;
  /** Sequent.No. of Cond. · max 3 · Edm.String */
  ConditionSequentialNumber?: string | null;
  /** Tax Code · max 2 · Edm.String */
  TaxCode?: string | null;
  /** W/Tax Code · max 2 · Edm.String */
  WithholdingTaxCode?: string | null;
  /** Cond.Rounding Diff. · Edm.Decimal (6,3) */
  CndnRoundingOffDiffAmount?: string | null;
  /** Condition Value · Edm.Decimal (16,3) */
  ConditionAmount?: string | null;
  /** Document Currency · max 5 · Edm.String */
  TransactionCurrency?: string | null;
  /** Condition Control · max 1 · Edm.String */
  ConditionControl?: string | null;
  /** Inactive Condition · max 1 · Edm.String */
  ConditionInactiveReason?: string | null;
  /** Condition Class · max 1 · Edm.String */
  ConditionClass?: string | null;
  /** Counter · max 3 · Edm.String */
  PrcgProcedureCounterForHeader?: string | null;
  /** Condition Factor · Edm.Double */
  FactorForConditionBasisValue?: number | null;
  /** Structure Condition · max 1 · Edm.String */
  StructureCondition?: string | null;
  /** Condition Factor · Edm.Double */
  PeriodFactorForCndnBasisValue?: number | null;
  /** Scale Basis · max 3 · Edm.String */
  PricingScaleBasis?: string | null;
  /** Scale Base Val. · Edm.Decimal (24,9) */
  ConditionScaleBasisValue?: string | null;
  /** Scale Unit of Meas. · max 3 · Edm.String */
  ConditionScaleBasisUnit?: string | null;
  /** Scale Currency · max 5 · Edm.String */
  ConditionScaleBasisCurrency?: string | null;
  /** Intercomp.Billing · Edm.Boolean */
  CndnIsRelevantForIntcoBilling?: boolean | null;
  /** Changed Manually · Edm.Boolean */
  ConditionIsManuallyChanged?: boolean | null;
  /** UsedforVariantConfig · Edm.Boolean */
  ConditionIsForConfiguration?: boolean | null;
  /** Variant Key · max 26 · Edm.String */
  VariantCondition?: string | null;
  to_SalesOrder?: A_SalesOrderType | null;
}

export interface A_SalesOrderItemType {
  /** Sales Order · max 10 · Edm.String */
  SalesOrder: string;
  /** Item · max 6 · Edm.String */
  SalesOrderItem: string;
  /** Higher-Level Item · max 6 · Edm.String */
  HigherLevelItem?: string | null;
  /** Usage of HL Item · max 1 · Edm.String */
  HigherLevelItemUsage?: string | null;
  /** Item Category · max 4 · Edm.String */
  SalesOrderItemCategory?: string | null;
  /** Item Description · max 40 · Edm.String */
  SalesOrderItemText?: string | null;
  /** Customer Reference · max 35 · Edm.String */
  PurchaseOrderByCustomer?: string | null;
  /** Customer Reference · max 35 · Edm.String */
  PurchaseOrderByShipToParty?: string | null;
  /** Purchase Order Item · max 6 · Edm.String */
  UnderlyingPurchaseOrderItem?: string | null;
  /** External Item ID · max 40 · Edm.String */
  ExternalItemID?: string | null;
  /** Material · max 40 · Edm.String */
  Material?: string | null;
  /** Customer Material · max 35 · Edm.String */
  MaterialByCustomer?: string | null;
  /** Pricing Date · Edm.DateTime (0,0) */
  PricingDate?: Date | null;
  /** Pricing Ref. Matl · max 40 · Edm.String */
  PricingReferenceMaterial?: string | null;
  /** Bill. Plan No. · max 10 · Edm.String */
  BillingPlan?: string | null;
  /** Requested Quantity · Edm.Decimal (15,3) */
  RequestedQuantity?: string | null;
  /** Requested Qty Unit · max 3 · Edm.String */
  RequestedQuantityUnit?: string | null;
  /** SAP Code Req. Qty · max 3 · Edm.String */
  RequestedQuantitySAPUnit?: string | null;
  /** ISO Code Req. Qty · max 3 · Edm.String */
  RequestedQuantityISOUnit?: string | null;
  /** Sales Unit · max 3 · Edm.String */
  OrderQuantityUnit?: string | null;
  /** SAP Order Quantity · max 3 · Edm.String */
  OrderQuantitySAPUnit?: string | null;
  /** ISO Order Quantity · max 3 · Edm.String */
  OrderQuantityISOUnit?: string | null;
  /** Confirmed Quantity · Edm.Decimal (15,3) */
  ConfdDelivQtyInOrderQtyUnit?: string | null;
  /** Gross Weight · Edm.Decimal (15,3) */
  ItemGrossWeight?: string | null;
  /** Net Weight · Edm.Decimal (15,3) */
  ItemNetWeight?: string | null;
  /** Unit of Weight · max 3 · Edm.String */
  ItemWeightUnit?: string | null;
  /** SAP Code Item Weight · max 3 · Edm.String */
  ItemWeightSAPUnit?: string | null;
  /** ISO Code Item Weight · max 3 · Edm.String */
  ItemWeightISOUnit?: string | null;
  /** Volume · Edm.Decimal (15,3) */
  ItemVolume?: string | null;
  /** Volume Unit · max 3 · Edm.String */
  ItemVolumeUnit?: string | null;
  /** SAP Code f Item Vol. · max 3 · Edm.String */
  ItemVolumeSAPUnit?: string | null;
  /** ISO Unit Item Volume · max 3 · Edm.String */
  ItemVolumeISOUnit?: string | null;
  /** Document Currency · max 5 · Edm.String */
  TransactionCurrency?: string | null;
  /** Net Value · Edm.Decimal (16,3) */
  NetAmount?: string | null;
  /** Ovrl Reference Sts · max 1 · Edm.String */
  TotalSDDocReferenceStatus?: string | null;
  /** Reference Status · max 1 · Edm.String */
  SDDocReferenceStatus?: string | null;
  /** Substitution Reason · max 4 · Edm.String */
  MaterialSubstitutionReason?: string | null;
  /** Material Group · max 9 · Edm.String */
  MaterialGroup?: string | null;
  /** Product Price Group · max 2 · Edm.String */
  MaterialPricingGroup?: string | null;
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
  /** Billing Date · Edm.DateTime (0,0) */
  BillingDocumentDate?: Date | null;
  /** Contract Account · max 12 · Edm.String */
  ContractAccount?: string | null;
  /** Addit. Value Days · max 2 · Edm.String */
  AdditionalValueDays?: string | null;
  /** Date of Services Rendered · Edm.DateTime (0,0) */
  ServicesRenderedDate?: Date | null;
  /** Batch · max 10 · Edm.String */
  Batch?: string | null;
  /** Plant · max 4 · Edm.String */
  ProductionPlant?: string | null;
  /** Original Plant · max 4 · Edm.String */
  OriginalPlant?: string | null;
  /** Substitution Status · max 1 · Edm.String */
  AltvBsdConfSubstitutionStatus?: string | null;
  /** Storage Location · max 4 · Edm.String */
  StorageLocation?: string | null;
  /** Delivery Group · max 3 · Edm.String */
  DeliveryGroup?: string | null;
  /** Shipping Point · max 4 · Edm.String */
  ShippingPoint?: string | null;
  /** Shipping Type · max 2 · Edm.String */
  ShippingType?: string | null;
  /** Delivery Priority · max 2 · Edm.String */
  DeliveryPriority?: string | null;
  /** Fixed Date and Qty · Edm.Boolean */
  DeliveryDateQuantityIsFixed?: boolean | null;
  /** Deliv Date Rule · max 1 · Edm.String */
  DeliveryDateTypeRule?: string | null;
  /** Incoterms · max 3 · Edm.String */
  IncotermsClassification?: string | null;
  /** Incoterms (Part 2) · max 28 · Edm.String */
  IncotermsTransferLocation?: string | null;
  /** Incoterms Location 1 · max 70 · Edm.String */
  IncotermsLocation1?: string | null;
  /** Incoterms Location 2 · max 70 · Edm.String */
  IncotermsLocation2?: string | null;
  /** Tax Amount · Edm.Decimal (14,3) */
  TaxAmount?: string | null;
  /** Tax Classifc. Mat. · max 1 · Edm.String */
  ProductTaxClassification1?: string | null;
  /** Tax Classifc. Mat. · max 1 · Edm.String */
  ProductTaxClassification2?: string | null;
  /** Tax Classifc. Mat. · max 1 · Edm.String */
  ProductTaxClassification3?: string | null;
  /** Tax Classifc. Mat. · max 1 · Edm.String */
  ProductTaxClassification4?: string | null;
  /** Tax Classifc. Mat. · max 1 · Edm.String */
  ProductTaxClassification5?: string | null;
  /** Tax Classifc. Mat. · max 1 · Edm.String */
  ProductTaxClassification6?: string | null;
  /** Tax Classifc. Mat. · max 1 · Edm.String */
  ProductTaxClassification7?: string | null;
  /** Tax Classifc. Mat. · max 1 · Edm.String */
  ProductTaxClassification8?: string | null;
  /** Tax Classifc. Mat. · max 1 · Edm.String */
  ProductTaxClassification9?: string | null;
  /** Acct Assmt Grp Mat. · max 2 · Edm.String */
  MatlAccountAssignmentGroup?: string | null;
  /** Cost · Edm.Decimal (14,3) */
  CostAmount?: string | null;
  /** Terms of Payment · max 4 · Edm.String */
  CustomerPaymentTerms?: string | null;
  /** Fixed Value Date · Edm.DateTime (0,0) */
  FixedValueDate?: Date | null;
  /** Customer Group · max 2 · Edm.String */
  CustomerGroup?: string | null;
  /** Reason for Rejection · max 2 · Edm.String */
  SalesDocumentRjcnReason?: string | null;
  /** Billing Block · max 2 · Edm.String */
  ItemBillingBlockReason?: string | null;
  /** Relevant for POD · Edm.Boolean */
  SlsDocIsRlvtForProofOfDeliv?: boolean | null;
  /** WBS Element · max 24 · Edm.String */
  WBSElement?: string | null;
  /** Profit Center · max 10 · Edm.String */
  ProfitCenter?: string | null;
  /** Exchng. Rate Accntg. · Edm.Decimal (9,5) */
  AccountingExchangeRate?: string | null;
  /** Reference Document · max 10 · Edm.String */
  ReferenceSDDocument?: string | null;
  /** Reference Item · max 6 · Edm.String */
  ReferenceSDDocumentItem?: string | null;
  /** Overall Status · max 1 · Edm.String */
  SDProcessStatus?: string | null;
  /** Delivery Status · max 1 · Edm.String */
  DeliveryStatus?: string | null;
  /** Order-Related Billing Status · max 1 · Edm.String */
  OrderRelatedBillingStatus?: string | null;
  /** Subtotal 1 · Edm.Decimal (14,3) */
  Subtotal1Amount?: string | null;
  /** Subtotal 2 · Edm.Decimal (14,3) */
  Subtotal2Amount?: string | null;
  /** Subtotal 3 · Edm.Decimal (14,3) */
  Subtotal3Amount?: string | null;
  /** Subtotal 4 · Edm.Decimal (14,3) */
  Subtotal4Amount?: string | null;
  /** Subtotal 5 · Edm.Decimal (14,3) */
  Subtotal5Amount?: string | null;
  /** Subtotal 6 · Edm.Decimal (14,3) */
  Subtotal6Amount?: string | null;
  to_BillingPlan?: A_SalesOrderItemBillingPlanType | null;
  to_Partner?: A_SalesOrderItemPartnerType[];
  to_PrecedingProcFlowDocItem?: A_SalesOrderItmPrecdgProcFlowType[];
  to_PricingElement?: A_SalesOrderItemPrElementType[];
  to_RelatedObject?: A_SalesOrderItemRelatedObjectType[];
  to_SalesOrder?: A_SalesOrderType | null;
  to_ScheduleLine?: A_SalesOrderScheduleLineType[];
  to_SubsequentProcFlowDocItem?: A_SalesOrderItmSubsqntProcFlowType[];
  to_Text?: A_SalesOrderItemTextType[];
}

export interface A_SalesOrderItemBillingPlanType {
  /** Sales Order · max 10 · Edm.String */
  SalesOrder: string;
  /** Item · max 6 · Edm.String */
  SalesOrderItem: string;
  /** Bill. Plan No. · max 10 · Edm.String */
  BillingPlan: string;
  /** Header Billing Plan · Edm.Boolean */
  BillingPlanIsInHeader?: boolean | null;
  /** Start Date · Edm.DateTime (0,0) */
  BillingPlanStartDate?: Date | null;
  /** Origin of Start Date · max 2 · Edm.String */
  BillingPlanStartDateRule?: string | null;
  /** Reference · max 10 · Edm.String */
  ReferenceBillingPlan?: string | null;
  /** Category · max 1 · Edm.String */
  BillingPlanCategory?: string | null;
  /** Billing Plan Type · max 2 · Edm.String */
  BillingPlanType?: string | null;
  /** End Date · Edm.DateTime (0,0) */
  BillingPlanEndDate?: Date | null;
  /** Origin End Date · max 2 · Edm.String */
  BillingPlanEndDateRule?: string | null;
  /** Search Term · max 10 · Edm.String */
  BillingPlanSearchTerm?: string | null;
  to_BillingPlanItem?: A_SlsOrderItemBillingPlanItemType[];
  to_SalesOrder?: A_SalesOrderType | null;
  to_SalesOrderItem?: A_SalesOrderItemType | null;
}

export interface A_SalesOrderItemPartnerType {
  /** Sales Order · max 10 · Edm.String */
  SalesOrder: string;
  /** Item · max 6 · Edm.String */
  SalesOrderItem: string;
  /** Partner Function · max 2 · Edm.String */
  PartnerFunction: string;
  /** Partner Function · max 2 · Edm.String */
  PartnerFunctionInternalCode?: string | null;
  /** Customer · max 10 · Edm.String */
  Customer?: string | null;
  /** Supplier · max 10 · Edm.String */
  Supplier?: string | null;
  /** Personnel Number · max 8 · Edm.String */
  Personnel?: string | null;
  /** Contact Person · max 10 · Edm.String */
  ContactPerson?: string | null;
  /** Business Partner · max 10 · Edm.String */
  ReferenceBusinessPartner?: string | null;
  /** Address Number · max 10 · Edm.String */
  AddressID?: string | null;
  /** VAT Registration No. · max 20 · Edm.String */
  VATRegistration?: string | null;
  to_Address?: A_SalesOrderItemPartnerAddressType[];
  to_SalesOrder?: A_SalesOrderType | null;
  to_SalesOrderItem?: A_SalesOrderItemType | null;
}

export interface A_SalesOrderItemPartnerAddressType {
  /** SD Document · max 10 · Edm.String */
  SalesOrder: string;
  /** Item (SD) · max 6 · Edm.String */
  SalesOrderItem: string;
  /** Partner Function · max 2 · Edm.String */
  PartnerFunction: string;
  /** Address Version · max 1 · Edm.String */
  AddressRepresentationCode: string;
  /** Language Key · max 2 · Edm.String */
  CorrespondenceLanguage?: string | null;
  /** Full Name · max 80 · Edm.String */
  AddresseeFullName?: string | null;
  /** Name · max 40 · Edm.String */
  OrganizationName1?: string | null;
  /** Name 2 · max 40 · Edm.String */
  OrganizationName2?: string | null;
  /** Name 3 · max 40 · Edm.String */
  OrganizationName3?: string | null;
  /** Name 4 · max 40 · Edm.String */
  OrganizationName4?: string | null;
  /** City · max 40 · Edm.String */
  CityName?: string | null;
  /** District · max 40 · Edm.String */
  DistrictName?: string | null;
  /** Postal Code · max 10 · Edm.String */
  PostalCode?: string | null;
  /** Street · max 60 · Edm.String */
  StreetName?: string | null;
  /** Street Address Non-Deliverable Reason · max 40 · Edm.String */
  StreetPrefixName1?: string | null;
  /** Street 3 · max 40 · Edm.String */
  StreetPrefixName2?: string | null;
  /** Street 4 · max 40 · Edm.String */
  StreetSuffixName1?: string | null;
  /** Street 5 · max 40 · Edm.String */
  StreetSuffixName2?: string | null;
  /** House Number · max 10 · Edm.String */
  HouseNumber?: string | null;
  /** Country/Region Key · max 3 · Edm.String */
  Country?: string | null;
  /** Region · max 3 · Edm.String */
  Region?: string | null;
  /** Title Key · max 4 · Edm.String */
  FormOfAddress?: string | null;
  /** Tax Jurisdiction · max 15 · Edm.String */
  TaxJurisdiction?: string | null;
  /** Transportation Zone · max 10 · Edm.String */
  TransportZone?: string | null;
  /** PO Box · max 10 · Edm.String */
  POBox?: string | null;
  /** PO Box Postal Code · max 10 · Edm.String */
  POBoxPostalCode?: string | null;
  /** Email Address · max 241 · Edm.String */
  EmailAddress?: string | null;
  /** Country/Region · max 3 · Edm.String */
  MobilePhoneCountry?: string | null;
  /** Telephone · max 30 · Edm.String */
  MobileNumber?: string | null;
  /** Country/Region · max 3 · Edm.String */
  PhoneNumberCountry?: string | null;
  /** Telephone · max 30 · Edm.String */
  PhoneNumber?: string | null;
  /** Extension · max 10 · Edm.String */
  PhoneExtensionNumber?: string | null;
  /** Country/Region · max 3 · Edm.String */
  FaxNumberCountry?: string | null;
  /** Fax · max 30 · Edm.String */
  FaxAreaCodeSubscriberNumber?: string | null;
  /** Extension · max 10 · Edm.String */
  FaxExtensionNumber?: string | null;
  to_Partner?: A_SalesOrderItemPartnerType | null;
  to_SalesOrder?: A_SalesOrderType | null;
  to_SalesOrderItem?: A_SalesOrderItemType | null;
}

export interface A_SalesOrderItemPrElementType {
  /** Sales Order · max 10 · Edm.String */
  SalesOrder: string;
  /** Item · max 6 · Edm.String */
  SalesOrderItem: string;
  /** Step Number · max 3 · Edm.String */
  PricingProcedureStep: string;
  /** Counter · max 3 · Edm.String */
  PricingProcedureCounter: string;
  /** Condition Type · max 4 · Edm.String */
  ConditionType?: string | null;
  /** Valid From · max 14 · Edm.String */
  PricingDateTime?: string | null;
  /** Cndn Pricing Date · Edm.DateTime (0,0) */
  PriceConditionDeterminationDte?: Date | null;
  /** Calculation Type · max 3 · Edm.String */
  ConditionCalculationType?: string | null;
  /** Condition Basis · Edm.Decimal (24,9) */
  ConditionBaseValue?: string | null;
  /** Amount · Edm.Decimal (24,9) */
  ConditionRateValue?: string | null;
  /** Currency · max 5 · Edm.String */
  ConditionCurrency?: string | null;
  /** Pricing Unit · Edm.Decimal (5,0) */
  ConditionQuantity?: string | null;
  /** Condition Unit · max 3 · Edm.String */
  ConditionQuantityUnit?: string | null;
  /** SAP Condition Qty · max 3 · Edm.String */
  ConditionQuantitySAPUnit?: string | null;
  /** ISO Condition Qty · max 3 · Edm.String */
  ConditionQuantityISOUnit?: string | null;
  /** Condition Category · max 1 · Edm.String */
  ConditionCategory?: string | null;
  /** Statistical · Edm.Boolean */
  ConditionIsForStatistics?: boolean | null;
  /** Scale Type · max 1 · Edm.String */
  PricingScaleType?: string | null;
  /** Accruals · Edm.Boolean */
  IsRelevantForAccrual?: boolean | null;
  /** Invoice List Cond. · max 1 · Edm.String */
  CndnIsRelevantForInvoiceList?: string | null;
  /** Condition Origin · max 1 · Edm.String */
  ConditionOrigin?: string | null;
  /** Group Condition · max 1 · Edm.String */
  IsGroupCondition?: string | null;
  /** Condition Record No. · max 10 · Edm.String */
  ConditionRecord?: string | null;
  /** Sequent.No. of Cond. · max 3 · Edm.String */
  ConditionSequentialNumber?: string | null;
  /** Tax Code · max 2 · Edm.String */
  TaxCode?: string | null;
  /** W/Tax Code · max 2 · Edm.String */
  WithholdingTaxCode?: string | null;
  /** Cond.Rounding Diff. · Edm.Decimal (6,3) */
  CndnRoundingOffDiffAmount?: string | null;
  /** Condition Value · Edm.Decimal (16,3) */
  ConditionAmount?: string | null;
  /** Document Currency · max 5 · Edm.String */
  TransactionCurrency?: string | null;
  /** Condition Control · max 1 · Edm.String */
  ConditionControl?: string | null;
  /** Inactive Condition · max 1 · Edm.String */
  ConditionInactiveReason?: string | null;
  /** Condition Class · max 1 · Edm.String */
  ConditionClass?: string | null;
  /** Counter · max 3 · Edm.String */
  PrcgProcedureCounterForHeader?: string | null;
  /** Condition Factor · Edm.Double */
  FactorForConditionBasisValue?: number | null;
  /** Structure Condition · max 1 · Edm.String */
  StructureCondition?: string | null;
  /** Condition Factor · Edm.Double */
  PeriodFactorForCndnBasisValue?: number | null;
  /** Scale Basis · max 3 · Edm.String */
  PricingScaleBasis?: string | null;
  /** Scale Base Val. · Edm.Decimal (24,9) */
  ConditionScaleBasisValue?: string | null;
  /** Scale Unit of Meas. · max 3 · Edm.String */
  ConditionScaleBasisUnit?: string | null;
  /** Scale Currency · max 5 · Edm.String */
  ConditionScaleBasisCurrency?: string | null;
  /** Intercomp.Billing · Edm.Boolean */
  CndnIsRelevantForIntcoBilling?: boolean | null;
  /** Changed Manually · Edm.Boolean */
  ConditionIsManuallyChanged?: boolean | null;
  /** UsedforVariantConfig · Edm.Boolean */
  ConditionIsForConfiguration?: boolean | null;
  /** Variant Key · max 26 · Edm.String */
  VariantCondition?: string | null;
  to_SalesOrder?: A_SalesOrderType | null;
  to_SalesOrderItem?: A_SalesOrderItemType | null;
}

export interface A_SalesOrderItemRelatedObjectType {
  /** Sales Order · max 10 · Edm.String */
  SalesOrder: string;
  /** Item · max 6 · Edm.String */
  SalesOrderItem: string;
  /** Sequence Number · max 4 · Edm.String */
  SDDocRelatedObjectSequenceNmbr: string;
  /** Related Object Type · max 5 · Edm.String */
  SDDocumentRelatedObjectType?: string | null;
  /** System of Reltd Obj. · max 60 · Edm.String */
  SDDocRelatedObjectSystem?: string | null;
  /** Reltd Obj. Reference · max 60 · Edm.String */
  SDDocRelatedObjectReference1?: string | null;
  /** Reltd Obj. Reference · max 60 · Edm.String */
  SDDocRelatedObjectReference2?: string | null;
  to_SalesOrder?: A_SalesOrderType | null;
  to_SalesOrderItem?: A_SalesOrderItemType | null;
}

export interface A_SalesOrderItemTextType {
  /** Sales Order · max 10 · Edm.String */
  SalesOrder: string;
  /** Item · max 6 · Edm.String */
  SalesOrderItem: string;
  /** Language Key · max 2 · Edm.String */
  Language: string;
  /** Text ID · max 4 · Edm.String */
  LongTextID: string;
  /** String · Edm.String */
  LongText?: string | null;
  to_SalesOrder?: A_SalesOrderType | null;
  to_SalesOrderItem?: A_SalesOrderItemType | null;
}

export interface A_SalesOrderItmPrecdgProcFlowType {
  /** Subsequent Document · max 10 · Edm.String */
  SalesOrder: string;
  /** Subsequent Item · max 6 · Edm.String */
  SalesOrderItem: string;
  /** DocRelationshipUUID · Edm.Guid */
  DocRelationshipUUID: string;
  /** Preceding Document · max 10 · Edm.String */
  PrecedingDocument?: string | null;
  /** Preceding Item · max 6 · Edm.String */
  PrecedingDocumentItem?: string | null;
  /** Preceding Doc.Categ. · max 4 · Edm.String */
  PrecedingDocumentCategory?: string | null;
  /** Level · max 2 · Edm.String */
  ProcessFlowLevel?: string | null;
  /** Field Name · max 30 · Edm.String */
  RelatedProcFlowDocStsFieldName?: string | null;
  /** Overall Status · max 1 · Edm.String */
  SDProcessStatus?: string | null;
  /** Posting Status · max 1 · Edm.String */
  AccountingTransferStatus?: string | null;
  /** Status · max 1 · Edm.String */
  PrelimBillingDocumentStatus?: string | null;
  /** Created On · Edm.DateTime (0,0) */
  CreationDate?: Date | null;
  /** Time · Edm.Time (0,0) */
  CreationTime?: string | null;
  /** Changed On · Edm.DateTime (0,0) */
  LastChangeDate?: Date | null;
  to_SalesOrder?: A_SalesOrderType | null;
  to_SalesOrderItem?: A_SalesOrderItemType | null;
}

export interface A_SalesOrderItmSubsqntProcFlowType {
  /** Preceding Document · max 10 · Edm.String */
  SalesOrder: string;
  /** Preceding Item · max 6 · Edm.String */
  SalesOrderItem: string;
  /** DocRelationshipUUID · Edm.Guid */
  DocRelationshipUUID: string;
  /** Subsequent Document · max 10 · Edm.String */
  SubsequentDocument?: string | null;
  /** Subsequent Item · max 6 · Edm.String */
  SubsequentDocumentItem?: string | null;
  /** Subsequent Doc. Cat. · max 4 · Edm.String */
  SubsequentDocumentCategory?: string | null;
  /** Level · max 2 · Edm.String */
  ProcessFlowLevel?: string | null;
  /** Field Name · max 30 · Edm.String */
  RelatedProcFlowDocStsFieldName?: string | null;
  /** Overall Status · max 1 · Edm.String */
  SDProcessStatus?: string | null;
  /** Posting Status · max 1 · Edm.String */
  AccountingTransferStatus?: string | null;
  /** Status · max 1 · Edm.String */
  PrelimBillingDocumentStatus?: string | null;
  /** Preceding Document · max 10 · Edm.String */
  SubsqntDocItmPrecdgDocument?: string | null;
  /** Preceding Item · max 6 · Edm.String */
  SubsqntDocItmPrecdgDocItem?: string | null;
  /** Preceding Doc.Categ. · max 4 · Edm.String */
  SubsqntDocItmPrecdgDocCategory?: string | null;
  /** Created On · Edm.DateTime (0,0) */
  CreationDate?: Date | null;
  /** Time · Edm.Time (0,0) */
  CreationTime?: string | null;
  /** Changed On · Edm.DateTime (0,0) */
  LastChangeDate?: Date | null;
  to_SalesOrder?: A_SalesOrderType | null;
  to_SalesOrderItem?: A_SalesOrderItemType | null;
}

export interface A_SalesOrderPartnerAddressType {
  /** SD Document · max 10 · Edm.String */
  SalesOrder: string;
  /** Partner Function · max 2 · Edm.String */
  PartnerFunction: string;
  /** Address Version · max 1 · Edm.String */
  AddressRepresentationCode: string;
  /** Language Key · max 2 · Edm.String */
  CorrespondenceLanguage?: string | null;
  /** Full Name · max 80 · Edm.String */
  AddresseeFullName?: string | null;
  /** Name · max 40 · Edm.String */
  OrganizationName1?: string | null;
  /** Name 2 · max 40 · Edm.String */
  OrganizationName2?: string | null;
  /** Name 3 · max 40 · Edm.String */
  OrganizationName3?: string | null;
  /** Name 4 · max 40 · Edm.String */
  OrganizationName4?: string | null;
  /** City · max 40 · Edm.String */
  CityName?: string | null;
  /** District · max 40 · Edm.String */
  DistrictName?: string | null;
  /** Postal Code · max 10 · Edm.String */
  PostalCode?: string | null;
  /** Street Address Non-Deliverable Reason · max 40 · Edm.String */
  StreetPrefixName1?: string | null;
  /** Street 3 · max 40 · Edm.String */
  StreetPrefixName2?: string | null;
  /** Street · max 60 · Edm.String */
  StreetName?: string | null;
  /** Street 4 · max 40 · Edm.String */
  StreetSuffixName1?: string | null;
  /** Street 5 · max 40 · Edm.String */
  StreetSuffixName2?: string | null;
  /** House Number · max 10 · Edm.String */
  HouseNumber?: string | null;
  /** Country/Region Key · max 3 · Edm.String */
  Country?: string | null;
  /** Region · max 3 · Edm.String */
  Region?: string | null;
  /** Title Key · max 4 · Edm.String */
  FormOfAddress?: string | null;
  /** Tax Jurisdiction · max 15 · Edm.String */
  TaxJurisdiction?: string | null;
  /** Transportation Zone · max 10 · Edm.String */
  TransportZone?: string | null;
  /** PO Box · max 10 · Edm.String */
  POBox?: string | null;
  /** PO Box Postal Code · max 10 · Edm.String */
  POBoxPostalCode?: string | null;
  /** Email Address · max 241 · Edm.String */
  EmailAddress?: string | null;
  /** Country/Region · max 3 · Edm.String */
  MobilePhoneCountry?: string | null;
  /** Telephone · max 30 · Edm.String */
  MobileNumber?: string | null;
  /** Country/Region · max 3 · Edm.String */
  PhoneNumberCountry?: string | null;
  /** Telephone · max 30 · Edm.String */
  PhoneNumber?: string | null;
  /** Extension · max 10 · Edm.String */
  PhoneExtensionNumber?: string | null;
  /** Country/Region · max 3 · Edm.String */
  FaxNumberCountry?: string | null;
  /** Fax · max 30 · Edm.String */
  FaxAreaCodeSubscriberNumber?: string | null;
  /** Extension · max 10 · Edm.String */
  FaxExtensionNumber?: string | null;
  to_Partner?: A_SalesOrderHeaderPartnerType | null;
  to_SalesOrder?: A_SalesOrderType | null;
}

export interface A_SalesOrderPrecdgProcFlowType {
  /** Subsequent Document · max 10 · Edm.String */
  SalesOrder: string;
  /** DocRelationshipUUID · Edm.Guid */
  DocRelationshipUUID: string;
  /** Preceding Document · max 10 · Edm.String */
  PrecedingDocument?: string | null;
  /** Preceding Doc.Categ. · max 4 · Edm.String */
  PrecedingDocumentCategory?: string | null;
  /** Level · max 2 · Edm.String */
  ProcessFlowLevel?: string | null;
  /** Overall Status · max 1 · Edm.String */
  OverallSDProcessStatus?: string | null;
  /** Created On · Edm.DateTime (0,0) */
  CreationDate?: Date | null;
  /** Time · Edm.Time (0,0) */
  CreationTime?: string | null;
  /** Changed On · Edm.DateTime (0,0) */
  LastChangeDate?: Date | null;
  to_SalesOrder?: A_SalesOrderType | null;
}

export interface A_SalesOrderRelatedObjectType {
  /** Sales Order · max 10 · Edm.String */
  SalesOrder: string;
  /** Sequence Number · max 4 · Edm.String */
  SDDocRelatedObjectSequenceNmbr: string;
  /** Related Object Type · max 5 · Edm.String */
  SDDocumentRelatedObjectType?: string | null;
  /** System of Reltd Obj. · max 60 · Edm.String */
  SDDocRelatedObjectSystem?: string | null;
  /** Reltd Obj. Reference · max 60 · Edm.String */
  SDDocRelatedObjectReference1?: string | null;
  /** Reltd Obj. Reference · max 60 · Edm.String */
  SDDocRelatedObjectReference2?: string | null;
  to_SalesOrder?: A_SalesOrderType | null;
}

export interface A_SalesOrderScheduleLineType {
  /** Sales Document · max 10 · Edm.String */
  SalesOrder: string;
  /** Sales Document Item · max 6 · Edm.String */
  SalesOrderItem: string;
  /** Schedule Line Number · max 4 · Edm.String */
  ScheduleLine: string;
  /** Delivery Date · Edm.DateTime (0,0) */
  RequestedDeliveryDate?: Date | null;
  /** Delivery Date · Edm.DateTime (0,0) */
  ConfirmedDeliveryDate?: Date | null;
  /** Sales Unit · max 3 · Edm.String */
  OrderQuantityUnit?: string | null;
  /** SAP Order Quantity · max 3 · Edm.String */
  OrderQuantitySAPUnit?: string | null;
  /** ISO Order Quantity · max 3 · Edm.String */
  OrderQuantityISOUnit?: string | null;
  /** Order Quantity · Edm.Decimal (13,3) */
  ScheduleLineOrderQuantity?: string | null;
  /** Confirmed Quantity · Edm.Decimal (13,3) */
  ConfdOrderQtyByMatlAvailCheck?: string | null;
  /** Delivered Quantity · Edm.Decimal (13,3) */
  DeliveredQtyInOrderQtyUnit?: string | null;
  /** Open Quantity · Edm.Decimal (13,3) */
  OpenConfdDelivQtyInOrdQtyUnit?: string | null;
  /** Corr.qty · Edm.Decimal (13,3) */
  CorrectedQtyInOrderQtyUnit?: string | null;
  /** Delivery Block · max 2 · Edm.String */
  DelivBlockReasonForSchedLine?: string | null;
}

export interface A_SalesOrderSubsqntProcFlowType {
  /** Preceding Document · max 10 · Edm.String */
  SalesOrder: string;
  /** DocRelationshipUUID · Edm.Guid */
  DocRelationshipUUID: string;
  /** Subsequent Document · max 10 · Edm.String */
  SubsequentDocument?: string | null;
  /** Subsequent Doc. Cat. · max 4 · Edm.String */
  SubsequentDocumentCategory?: string | null;
  /** Level · max 2 · Edm.String */
  ProcessFlowLevel?: string | null;
  /** Overall Status · max 1 · Edm.String */
  OverallSDProcessStatus?: string | null;
  /** Created On · Edm.DateTime (0,0) */
  CreationDate?: Date | null;
  /** Time · Edm.Time (0,0) */
  CreationTime?: string | null;
  /** Changed On · Edm.DateTime (0,0) */
  LastChangeDate?: Date | null;
  to_SalesOrder?: A_SalesOrderType | null;
}

export interface A_SalesOrderTextType {
  /** Sales Order · max 10 · Edm.String */
  SalesOrder: string;
  /** Language Key · max 2 · Edm.String */
  Language: string;
  /** Text ID · max 4 · Edm.String */
  LongTextID: string;
  /** String · Edm.String */
  LongText?: string | null;
  to_SalesOrder?: A_SalesOrderType | null;
}

export interface A_SlsOrderItemBillingPlanItemType {
  /** Sales Order · max 10 · Edm.String */
  SalesOrder: string;
  /** Item · max 6 · Edm.String */
  SalesOrderItem: string;
  /** Bill. Plan No. · max 10 · Edm.String */
  BillingPlan: string;
  /** Item · max 6 · Edm.String */
  BillingPlanItem: string;
  /** Date Category · max 2 · Edm.String */
  BillingPlanDateCategory?: string | null;
  /** Billing Date · Edm.DateTime (0,0) */
  BillingPlanBillingDate?: Date | null;
  /** Billing Value · Edm.Decimal (16,3) */
  BillingPlanAmount?: string | null;
  /** Currency · max 5 · Edm.String */
  TransactionCurrency?: string | null;
  /** Invoice Percentage · Edm.Decimal (5,2) */
  BillingPlanAmountPercent?: string | null;
  /** Terms of Payment · max 4 · Edm.String */
  CustomerPaymentTerms?: string | null;
  /** Billing Type · max 4 · Edm.String */
  ProposedBillingDocumentType?: string | null;
  /** Date Description · max 4 · Edm.String */
  BillingPlanDateDescriptionCode?: string | null;
  /** Billing Block · max 2 · Edm.String */
  BillingBlockReason?: string | null;
  /** Settlement Start Date · Edm.DateTime (0,0) */
  BillingPlanServiceStartDate?: Date | null;
  /** Settlement End Date · Edm.DateTime (0,0) */
  BillingPlanServiceEndDate?: Date | null;
  /** Billing Status · max 1 · Edm.String */
  BillingPlanRelatedBillgStatus?: string | null;
  /** Billing Plan Type · max 2 · Edm.String */
  BillingPlanType?: string | null;
  /** Fixed Date · max 1 · Edm.String */
  AdoptingBillingDateID?: string | null;
  /** Billing Rule · max 1 · Edm.String */
  BillingPlanBillingRule?: string | null;
  /** Usage · max 5 · Edm.String */
  BillingPlanMilestoneUsage?: string | null;
  /** Correction Date · max 1 · Edm.String */
  BillgPlnDteCorrectionRfndType?: string | null;
  /** Accounting Exchange Rate · Edm.Decimal (9,5) */
  AccountingExchangeRate?: string | null;
  /** Reason · max 255 · Edm.String */
  PostponementReason?: string | null;
  to_BillingPlan?: A_SalesOrderItemBillingPlanType | null;
  to_SalesOrder?: A_SalesOrderType | null;
  to_SalesOrderItem?: A_SalesOrderItemType | null;
}

export interface A_SlsOrdPaymentPlanItemDetailsType {
  /** Sales Order · max 10 · Edm.String */
  SalesOrder: string;
  /** Item · max 6 · Edm.String */
  PaymentPlanItem: string;
  /** Bill. Plan No. · max 10 · Edm.String */
  PaymentPlan?: string | null;
  /** EPayt Type · max 4 · Edm.String */
  ElectronicPaymentType?: string | null;
  /** Account Number · max 25 · Edm.String */
  ElectronicPayment?: string | null;
  /** EPayt Valid from · Edm.DateTime (0,0) */
  EPaytValidityStartDate?: Date | null;
  /** EPayt Valid to · Edm.DateTime (0,0) */
  EPaytValidityEndDate?: Date | null;
  /** Account Holder · max 40 · Edm.String */
  ElectronicPaymentHolderName?: string | null;
  /** Authorized Amount · Edm.Decimal (16,3) */
  AuthorizedAmountInAuthznCrcy?: string | null;
  /** Currency · max 5 · Edm.String */
  AuthorizationCurrency?: string | null;
  /** Auth. Number · max 10 · Edm.String */
  AuthorizationByDigitalPaytSrvc?: string | null;
  /** Auth. Ref. Code · max 15 · Edm.String */
  AuthorizationByAcquirer?: string | null;
  /** EPayt Auth. Date · Edm.DateTime (0,0) */
  AuthorizationDate?: Date | null;
  /** EPayt Auth. Time · Edm.Time (0,0) */
  AuthorizationTime?: string | null;
  /** Text · max 40 · Edm.String */
  AuthorizationStatusName?: string | null;
  /** EPayt Token · max 25 · Edm.String */
  EPaytByDigitalPaymentSrvc?: string | null;
  /** Call Status · max 1 · Edm.String */
  ElectronicPaymentCallStatus?: string | null;
  /** Rsp to Auth. Check · max 1 · Edm.String */
  EPaytAuthorizationResult?: string | null;
  /** Amt to Be Auth. · Edm.Decimal (16,3) */
  EPaytToBeAuthorizedAmount?: string | null;
  /** Auth. Expired · Edm.Boolean */
  EPaytAuthorizationIsExpired?: boolean | null;
  /** Amount Changed · Edm.Boolean */
  EPaytAmountIsChanged?: boolean | null;
  /** Preauthorization · Edm.Boolean */
  PreauthorizationIsRequested?: boolean | null;
  /** Paymnt Serv. Provid. · max 4 · Edm.String */
  PaymentServiceProvider?: string | null;
  /** Payment Identifier · max 40 · Edm.String */
  PaymentByPaymentServicePrvdr?: string | null;
  /** PSP Transaction ID · max 40 · Edm.String */
  TransactionByPaytSrvcPrvdr?: string | null;
  /** Merchant ID · max 15 · Edm.String */
  MerchantByClearingHouse?: string | null;
  /** Auth. Rel. ID · max 44 · Edm.String */
  PaymentCardAuthznRelationID?: string | null;
  /** Billing Value · Edm.Decimal (16,3) */
  MaximumToBeAuthorizedAmount?: string | null;
  /** Higher-level plan · max 10 · Edm.String */
  PaytPlnForAuthorizationItem?: string | null;
  /** Higher-level item · max 6 · Edm.String */
  PaytPlnItmForAuthorizationItem?: string | null;
  to_SalesOrder?: A_SalesOrderType | null;
}

export const API_SALES_ORDER_SRV_MODEL: EdmService = {"name":"API_SALES_ORDER_SRV","namespace":"API_SALES_ORDER_SRV","entityTypes":{"A_SalesOrderType":{"name":"A_SalesOrderType","keys":["SalesOrder"],"properties":[{"name":"SalesOrder","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Sales Order"},{"name":"SalesOrderType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Sales Order Type"},{"name":"SalesOrderTypeInternalCode","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":4,"label":"Language key"},{"name":"SalesOrganization","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Sales Organization"},{"name":"DistributionChannel","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Distribution Channel"},{"name":"OrganizationDivision","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Division"},{"name":"SalesGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Sales Group"},{"name":"SalesOffice","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Sales Office"},{"name":"SalesDistrict","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Sales District"},{"name":"SoldToParty","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Sold-to Party"},{"name":"CreationDate","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":0,"label":"Created On"},{"name":"CreatedByUser","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":12,"label":"Created By"},{"name":"LastChangeDate","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":0,"label":"Changed On"},{"name":"SenderBusinessSystemName","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":60,"label":"Ext. Bus. Syst. ID"},{"name":"ExternalDocumentID","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":40,"label":"External Document ID"},{"name":"LastChangeDateTime","type":"Edm.DateTimeOffset","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":7,"label":"Time Stamp"},{"name":"ExternalDocLastChangeDateTime","type":"Edm.DateTimeOffset","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":7,"label":"External Revision"},{"name":"PurchaseOrderByCustomer","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":35,"label":"Customer Reference"},{"name":"PurchaseOrderByShipToParty","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":35,"label":"Customer Reference"},{"name":"CustomerPurchaseOrderType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Purchase Order Type"},{"name":"CustomerPurchaseOrderDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Customer Reference Date"},{"name":"SalesOrderDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Document Date"},{"name":"TotalNetAmount","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":16,"scale":3,"label":"Net Value"},{"name":"OverallDeliveryStatus","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Delivery Status"},{"name":"TotalBlockStatus","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Overall Block Status"},{"name":"OverallOrdReltdBillgStatus","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Order-Related Billing Status"},{"name":"OverallSDDocReferenceStatus","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Reference Status"},{"name":"TransactionCurrency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Document Currency"},{"name":"SDDocumentReason","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Order Reason"},{"name":"PricingDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Pricing Date"},{"name":"PriceDetnExchangeRate","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":9,"scale":5,"label":"Exchange Rate"},{"name":"BillingPlan","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Bill. Plan No."},{"name":"RequestedDeliveryDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Requested Delivery Date"},{"name":"ShippingCondition","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Shipping Conditions"},{"name":"CompleteDeliveryIsDefined","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Complete Delivery"},{"name":"ShippingType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Shipping Type"},{"name":"HeaderBillingBlockReason","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Billing Block"},{"name":"DeliveryBlockReason","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Delivery Block"},{"name":"DeliveryDateTypeRule","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Delivery Date Rule"},{"name":"IncotermsClassification","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Incoterms"},{"name":"IncotermsTransferLocation","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":28,"label":"Incoterms (Part 2)"},{"name":"IncotermsLocation1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":70,"label":"Incoterms Location 1"},{"name":"IncotermsLocation2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":70,"label":"Incoterms Location 2"},{"name":"IncotermsVersion","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Incoterms Version"},{"name":"CustomerPriceGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Customer Price Group"},{"name":"PriceListType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Price List Type"},{"name":"CustomerPaymentTerms","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Terms of Payment"},{"name":"PaymentMethod","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Payment Method"},{"name":"FixedValueDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Fixed Value Date"},{"name":"AssignmentReference","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":18,"label":"Assignment"},{"name":"ReferenceSDDocument","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Reference Document"},{"name":"ReferenceSDDocumentCategory","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":4,"label":"Reference Document Category"},{"name":"AccountingDocExternalReference","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":16,"label":"Reference"},{"name":"CustomerAccountAssignmentGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Account Assignment Group for Customer"},{"name":"AccountingExchangeRate","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":9,"scale":5,"label":"Exchng. Rate Accntg."},{"name":"CustomerGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Customer Group"},{"name":"AdditionalCustomerGroup1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Customer Group 1"},{"name":"AdditionalCustomerGroup2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Customer Group 2"},{"name":"AdditionalCustomerGroup3","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Customer Group 3"},{"name":"AdditionalCustomerGroup4","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Customer Group 4"},{"name":"AdditionalCustomerGroup5","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Customer Group 5"},{"name":"SlsDocIsRlvtForProofOfDeliv","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Relevant for Proof of Delivery"},{"name":"CustomerTaxClassification1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Alt.Tax Classific."},{"name":"CustomerTaxClassification2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.2 Customer"},{"name":"CustomerTaxClassification3","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.3 Customer"},{"name":"CustomerTaxClassification4","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.4 Customer"},{"name":"CustomerTaxClassification5","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.5 Customer"},{"name":"CustomerTaxClassification6","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.6 Customer"},{"name":"CustomerTaxClassification7","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.7 Customer"},{"name":"CustomerTaxClassification8","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.8 Customer"},{"name":"CustomerTaxClassification9","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Class.9 Customer"},{"name":"TaxDepartureCountry","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Tax Departure Country/Region"},{"name":"VATRegistrationCountry","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Tax Destination Country/Region"},{"name":"SalesOrderApprovalReason","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":4,"label":"Approval Request Reason"},{"name":"SalesDocApprovalStatus","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Approval Status"},{"name":"OverallSDProcessStatus","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Overall Status"},{"name":"TotalCreditCheckStatus","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Credit Status"},{"name":"OverallTotalDeliveryStatus","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Ovrl Delivery Status"},{"name":"OverallSDDocumentRejectionSts","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Rejection Status"},{"name":"BillingDocumentDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Billing Date"},{"name":"ContractAccount","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":12,"label":"Contract Account"},{"name":"AdditionalValueDays","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Addit. Value Days"},{"name":"CustomerPurchaseOrderSuplmnt","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Supplement"},{"name":"ServicesRenderedDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Date of Services Rendered"}],"navigationProperties":[{"name":"to_BillingPlan","target":"A_SalesOrderBillingPlanType","multiplicity":"0..1"},{"name":"to_Item","target":"A_SalesOrderItemType","multiplicity":"*"},{"name":"to_Partner","target":"A_SalesOrderHeaderPartnerType","multiplicity":"*"},{"name":"to_PaymentPlanItemDetails","target":"A_SlsOrdPaymentPlanItemDetailsType","multiplicity":"*"},{"name":"to_PrecedingProcFlowDoc","target":"A_SalesOrderPrecdgProcFlowType","multiplicity":"*"},{"name":"to_PricingElement","target":"A_SalesOrderHeaderPrElementType","multiplicity":"*"},{"name":"to_RelatedObject","target":"A_SalesOrderRelatedObjectType","multiplicity":"*"},{"name":"to_SubsequentProcFlowDoc","target":"A_SalesOrderSubsqntProcFlowType","multiplicity":"*"},{"name":"to_Text","target":"A_SalesOrderTextType","multiplicity":"*"}]},"A_SalesOrderBillingPlanType":{"name":"A_SalesOrderBillingPlanType","keys":["SalesOrder","BillingPlan"],"properties":[{"name":"SalesOrder","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Sales Order"},{"name":"BillingPlan","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Bill. Plan No."},{"name":"BillingPlanStartDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Start Date"},{"name":"BillingPlanStartDateRule","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Origin of Start Date"},{"name":"ReferenceBillingPlan","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Reference"},{"name":"BillingPlanCategory","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Category"},{"name":"BillingPlanType","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":2,"label":"Billing Plan Type"},{"name":"BillingPlanEndDate","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":0,"label":"End Date"},{"name":"BillingPlanEndDateRule","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":2,"label":"Origin End Date"},{"name":"BillingPlanSearchTerm","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Search Term"}],"navigationProperties":[{"name":"to_BillingPlanItem","target":"A_SalesOrderBillingPlanItemType","multiplicity":"*"},{"name":"to_SalesOrder","target":"A_SalesOrderType","multiplicity":"1"}]},"A_SalesOrderBillingPlanItemType":{"name":"A_SalesOrderBillingPlanItemType","keys":["SalesOrder","BillingPlan","BillingPlanItem"],"properties":[{"name":"SalesOrder","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Sales Order"},{"name":"BillingPlan","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Bill. Plan No."},{"name":"BillingPlanItem","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":6,"label":"Item"},{"name":"BillingPlanDateCategory","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Date Category"},{"name":"BillingPlanBillingDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Billing Date"},{"name":"BillingPlanAmount","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":16,"scale":3,"label":"Billing Value"},{"name":"TransactionCurrency","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":5,"label":"Currency"},{"name":"BillingPlanAmountPercent","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":2,"label":"Invoice Percentage"},{"name":"CustomerPaymentTerms","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Terms of Payment"},{"name":"ProposedBillingDocumentType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Billing Type"},{"name":"BillingPlanDateDescriptionCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Date Description"},{"name":"BillingBlockReason","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Billing Block"},{"name":"BillingPlanServiceStartDate","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":0,"label":"Settlement Start Date"},{"name":"BillingPlanServiceEndDate","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":0,"label":"Settlement End Date"},{"name":"BillingPlanRelatedBillgStatus","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Billing Status"},{"name":"BillingPlanType","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":2,"label":"Billing Plan Type"},{"name":"AdoptingBillingDateID","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Fixed Date"},{"name":"BillingPlanBillingRule","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Billing Rule"},{"name":"BillingPlanMilestoneUsage","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":5,"label":"Usage"},{"name":"BillgPlnDteCorrectionRfndType","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Correction Date"},{"name":"AccountingExchangeRate","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":9,"scale":5,"label":"Accounting Exchange Rate"},{"name":"PostponementReason","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":255,"label":"Reason"}],"navigationProperties":[{"name":"to_BillingPlan","target":"A_SalesOrderBillingPlanType","multiplicity":"1"},{"name":"to_SalesOrder","target":"A_SalesOrderType","multiplicity":"1"}]},"A_SalesOrderHeaderPartnerType":{"name":"A_SalesOrderHeaderPartnerType","keys":["SalesOrder","PartnerFunction"],"properties":[{"name":"SalesOrder","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Sales Order"},{"name":"PartnerFunction","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Partner Function"},{"name":"PartnerFunctionInternalCode","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":2,"label":"Partner Function"},{"name":"Customer","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Customer"},{"name":"Supplier","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Supplier"},{"name":"Personnel","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":8,"label":"Personnel Number"},{"name":"ContactPerson","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Contact Person"},{"name":"ReferenceBusinessPartner","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Business Partner"},{"name":"AddressID","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Address Number"},{"name":"VATRegistration","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":20,"label":"VAT Registration No."}],"navigationProperties":[{"name":"to_Address","target":"A_SalesOrderPartnerAddressType","multiplicity":"*"},{"name":"to_SalesOrder","target":"A_SalesOrderType","multiplicity":"1"}]},"A_SalesOrderHeaderPrElementType":{"name":"A_SalesOrderHeaderPrElementType","keys":["SalesOrder","PricingProcedureStep","PricingProcedureCounter"],"properties":[{"name":"SalesOrder","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Sales Order"},{"name":"PricingProcedureStep","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Step Number"},{"name":"PricingProcedureCounter","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Counter"},{"name":"ConditionType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Condition Type"},{"name":"PricingDateTime","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":14,"label":"Valid From"},{"name":"PriceConditionDeterminationDte","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":0,"label":"Cndn Pricing Date"},{"name":"ConditionCalculationType","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":3,"label":"Calculation Type"},{"name":"ConditionBaseValue","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":24,"scale":9,"label":"Condition Basis"},{"name":"ConditionRateValue","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":24,"scale":9,"label":"Amount"},{"name":"ConditionCurrency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Currency"},{"name":"ConditionQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":0,"label":"Pricing Unit"},{"name":"ConditionQuantityUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Condition Unit"},{"name":"ConditionQuantitySAPUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"SAP Condition Qty"},{"name":"ConditionQuantityISOUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"ISO Condition Qty"},{"name":"ConditionCategory","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Condition Category"},{"name":"ConditionIsForStatistics","type":"Edm.Boolean","nullable":true,"creatable":false,"updatable":false,"filterable":true,"label":"Statistical"},{"name":"PricingScaleType","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Scale Type"},{"name":"ConditionOrigin","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Condition Origin"},{"name":"IsGroupCondition","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Group Condition"},{"name":"ConditionRecord","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Condition Record No."},{"name":"ConditionSequentialNumber","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":3,"label":"Sequent.No. of Cond."},{"name":"TaxCode","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":2,"label":"Tax Code"},{"name":"WithholdingTaxCode","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":2,"label":"W/Tax Code"},{"name":"CndnRoundingOffDiffAmount","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":6,"scale":3,"label":"Cond.Rounding Diff."},{"name":"ConditionAmount","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":16,"scale":3,"label":"Condition Value"},{"name":"TransactionCurrency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Document Currency"},{"name":"ConditionControl","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Condition Control"},{"name":"ConditionInactiveReason","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Inactive Condition"},{"name":"ConditionClass","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Condition Class"},{"name":"PrcgProcedureCounterForHeader","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":3,"label":"Counter"},{"name":"FactorForConditionBasisValue","type":"Edm.Double","nullable":true,"creatable":false,"updatable":false,"filterable":true,"label":"Condition Factor"},{"name":"StructureCondition","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Structure Condition"},{"name":"PeriodFactorForCndnBasisValue","type":"Edm.Double","nullable":true,"creatable":false,"updatable":false,"filterable":true,"label":"Condition Factor"},{"name":"PricingScaleBasis","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":3,"label":"Scale Basis"},{"name":"ConditionScaleBasisValue","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":24,"scale":9,"label":"Scale Base Val."},{"name":"ConditionScaleBasisUnit","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":3,"label":"Scale Unit of Meas."},{"name":"ConditionScaleBasisCurrency","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":5,"label":"Scale Currency"},{"name":"CndnIsRelevantForIntcoBilling","type":"Edm.Boolean","nullable":true,"creatable":false,"updatable":false,"filterable":true,"label":"Intercomp.Billing"},{"name":"ConditionIsManuallyChanged","type":"Edm.Boolean","nullable":true,"creatable":false,"updatable":false,"filterable":true,"label":"Changed Manually"},{"name":"ConditionIsForConfiguration","type":"Edm.Boolean","nullable":true,"creatable":false,"updatable":false,"filterable":true,"label":"UsedforVariantConfig"},{"name":"VariantCondition","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":26,"label":"Variant Key"}],"navigationProperties":[{"name":"to_SalesOrder","target":"A_SalesOrderType","multiplicity":"1"}]},"A_SalesOrderItemType":{"name":"A_SalesOrderItemType","keys":["SalesOrder","SalesOrderItem"],"properties":[{"name":"SalesOrder","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Sales Order"},{"name":"SalesOrderItem","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Item"},{"name":"HigherLevelItem","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Higher-Level Item"},{"name":"HigherLevelItemUsage","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Usage of HL Item"},{"name":"SalesOrderItemCategory","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Item Category"},{"name":"SalesOrderItemText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Item Description"},{"name":"PurchaseOrderByCustomer","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":35,"label":"Customer Reference"},{"name":"PurchaseOrderByShipToParty","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":35,"label":"Customer Reference"},{"name":"UnderlyingPurchaseOrderItem","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Purchase Order Item"},{"name":"ExternalItemID","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":40,"label":"External Item ID"},{"name":"Material","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"MaterialByCustomer","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":35,"label":"Customer Material"},{"name":"PricingDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Pricing Date"},{"name":"PricingReferenceMaterial","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Pricing Ref. Matl"},{"name":"BillingPlan","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Bill. Plan No."},{"name":"RequestedQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":15,"scale":3,"label":"Requested Quantity"},{"name":"RequestedQuantityUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Requested Qty Unit"},{"name":"RequestedQuantitySAPUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"SAP Code Req. Qty"},{"name":"RequestedQuantityISOUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"ISO Code Req. Qty"},{"name":"OrderQuantityUnit","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":3,"label":"Sales Unit"},{"name":"OrderQuantitySAPUnit","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":3,"label":"SAP Order Quantity"},{"name":"OrderQuantityISOUnit","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":3,"label":"ISO Order Quantity"},{"name":"ConfdDelivQtyInOrderQtyUnit","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":15,"scale":3,"label":"Confirmed Quantity"},{"name":"ItemGrossWeight","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":15,"scale":3,"label":"Gross Weight"},{"name":"ItemNetWeight","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":15,"scale":3,"label":"Net Weight"},{"name":"ItemWeightUnit","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":3,"label":"Unit of Weight"},{"name":"ItemWeightSAPUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"SAP Code Item Weight"},{"name":"ItemWeightISOUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"ISO Code Item Weight"},{"name":"ItemVolume","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":15,"scale":3,"label":"Volume"},{"name":"ItemVolumeUnit","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":3,"label":"Volume Unit"},{"name":"ItemVolumeSAPUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"SAP Code f Item Vol."},{"name":"ItemVolumeISOUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"ISO Unit Item Volume"},{"name":"TransactionCurrency","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":5,"label":"Document Currency"},{"name":"NetAmount","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":16,"scale":3,"label":"Net Value"},{"name":"TotalSDDocReferenceStatus","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Ovrl Reference Sts"},{"name":"SDDocReferenceStatus","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Reference Status"},{"name":"MaterialSubstitutionReason","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":4,"label":"Substitution Reason"},{"name":"MaterialGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":9,"label":"Material Group"},{"name":"MaterialPricingGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Product Price Group"},{"name":"AdditionalMaterialGroup1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Material Group 1"},{"name":"AdditionalMaterialGroup2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Material Group 2"},{"name":"AdditionalMaterialGroup3","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Material Group 3"},{"name":"AdditionalMaterialGroup4","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Material Group 4"},{"name":"AdditionalMaterialGroup5","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Material Group 5"},{"name":"BillingDocumentDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Billing Date"},{"name":"ContractAccount","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":12,"label":"Contract Account"},{"name":"AdditionalValueDays","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Addit. Value Days"},{"name":"ServicesRenderedDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Date of Services Rendered"},{"name":"Batch","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Batch"},{"name":"ProductionPlant","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Plant"},{"name":"OriginalPlant","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":4,"label":"Original Plant"},{"name":"AltvBsdConfSubstitutionStatus","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Substitution Status"},{"name":"StorageLocation","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Storage Location"},{"name":"DeliveryGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Delivery Group"},{"name":"ShippingPoint","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Shipping Point"},{"name":"ShippingType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Shipping Type"},{"name":"DeliveryPriority","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Delivery Priority"},{"name":"DeliveryDateQuantityIsFixed","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Fixed Date and Qty"},{"name":"DeliveryDateTypeRule","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Deliv Date Rule"},{"name":"IncotermsClassification","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Incoterms"},{"name":"IncotermsTransferLocation","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":28,"label":"Incoterms (Part 2)"},{"name":"IncotermsLocation1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":70,"label":"Incoterms Location 1"},{"name":"IncotermsLocation2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":70,"label":"Incoterms Location 2"},{"name":"TaxAmount","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":14,"scale":3,"label":"Tax Amount"},{"name":"ProductTaxClassification1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Classifc. Mat."},{"name":"ProductTaxClassification2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Classifc. Mat."},{"name":"ProductTaxClassification3","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Classifc. Mat."},{"name":"ProductTaxClassification4","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Classifc. Mat."},{"name":"ProductTaxClassification5","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Classifc. Mat."},{"name":"ProductTaxClassification6","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Classifc. Mat."},{"name":"ProductTaxClassification7","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Classifc. Mat."},{"name":"ProductTaxClassification8","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Classifc. Mat."},{"name":"ProductTaxClassification9","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Classifc. Mat."},{"name":"MatlAccountAssignmentGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Acct Assmt Grp Mat."},{"name":"CostAmount","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":14,"scale":3,"label":"Cost"},{"name":"CustomerPaymentTerms","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Terms of Payment"},{"name":"FixedValueDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Fixed Value Date"},{"name":"CustomerGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Customer Group"},{"name":"SalesDocumentRjcnReason","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Reason for Rejection"},{"name":"ItemBillingBlockReason","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Billing Block"},{"name":"SlsDocIsRlvtForProofOfDeliv","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Relevant for POD"},{"name":"WBSElement","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":24,"label":"WBS Element"},{"name":"ProfitCenter","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Profit Center"},{"name":"AccountingExchangeRate","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":9,"scale":5,"label":"Exchng. Rate Accntg."},{"name":"ReferenceSDDocument","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Reference Document"},{"name":"ReferenceSDDocumentItem","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Reference Item"},{"name":"SDProcessStatus","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Overall Status"},{"name":"DeliveryStatus","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Delivery Status"},{"name":"OrderRelatedBillingStatus","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Order-Related Billing Status"},{"name":"Subtotal1Amount","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":14,"scale":3,"label":"Subtotal 1"},{"name":"Subtotal2Amount","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":14,"scale":3,"label":"Subtotal 2"},{"name":"Subtotal3Amount","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":14,"scale":3,"label":"Subtotal 3"},{"name":"Subtotal4Amount","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":14,"scale":3,"label":"Subtotal 4"},{"name":"Subtotal5Amount","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":14,"scale":3,"label":"Subtotal 5"},{"name":"Subtotal6Amount","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":14,"scale":3,"label":"Subtotal 6"}],"navigationProperties":[{"name":"to_BillingPlan","target":"A_SalesOrderItemBillingPlanType","multiplicity":"0..1"},{"name":"to_Partner","target":"A_SalesOrderItemPartnerType","multiplicity":"*"},{"name":"to_PrecedingProcFlowDocItem","target":"A_SalesOrderItmPrecdgProcFlowType","multiplicity":"*"},{"name":"to_PricingElement","target":"A_SalesOrderItemPrElementType","multiplicity":"*"},{"name":"to_RelatedObject","target":"A_SalesOrderItemRelatedObjectType","multiplicity":"*"},{"name":"to_SalesOrder","target":"A_SalesOrderType","multiplicity":"1"},{"name":"to_ScheduleLine","target":"A_SalesOrderScheduleLineType","multiplicity":"*"},{"name":"to_SubsequentProcFlowDocItem","target":"A_SalesOrderItmSubsqntProcFlowType","multiplicity":"*"},{"name":"to_Text","target":"A_SalesOrderItemTextType","multiplicity":"*"}]},"A_SalesOrderItemBillingPlanType":{"name":"A_SalesOrderItemBillingPlanType","keys":["SalesOrder","SalesOrderItem","BillingPlan"],"properties":[{"name":"SalesOrder","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Sales Order"},{"name":"SalesOrderItem","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":6,"label":"Item"},{"name":"BillingPlan","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Bill. Plan No."},{"name":"BillingPlanIsInHeader","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Header Billing Plan"},{"name":"BillingPlanStartDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Start Date"},{"name":"BillingPlanStartDateRule","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Origin of Start Date"},{"name":"ReferenceBillingPlan","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Reference"},{"name":"BillingPlanCategory","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Category"},{"name":"BillingPlanType","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":2,"label":"Billing Plan Type"},{"name":"BillingPlanEndDate","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":0,"label":"End Date"},{"name":"BillingPlanEndDateRule","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":2,"label":"Origin End Date"},{"name":"BillingPlanSearchTerm","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Search Term"}],"navigationProperties":[{"name":"to_BillingPlanItem","target":"A_SlsOrderItemBillingPlanItemType","multiplicity":"*"},{"name":"to_SalesOrder","target":"A_SalesOrderType","multiplicity":"1"},{"name":"to_SalesOrderItem","target":"A_SalesOrderItemType","multiplicity":"1"}]},"A_SalesOrderItemPartnerType":{"name":"A_SalesOrderItemPartnerType","keys":["SalesOrder","SalesOrderItem","PartnerFunction"],"properties":[{"name":"SalesOrder","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Sales Order"},{"name":"SalesOrderItem","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":6,"label":"Item"},{"name":"PartnerFunction","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Partner Function"},{"name":"PartnerFunctionInternalCode","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":2,"label":"Partner Function"},{"name":"Customer","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Customer"},{"name":"Supplier","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Supplier"},{"name":"Personnel","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":8,"label":"Personnel Number"},{"name":"ContactPerson","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Contact Person"},{"name":"ReferenceBusinessPartner","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Business Partner"},{"name":"AddressID","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Address Number"},{"name":"VATRegistration","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":20,"label":"VAT Registration No."}],"navigationProperties":[{"name":"to_Address","target":"A_SalesOrderItemPartnerAddressType","multiplicity":"*"},{"name":"to_SalesOrder","target":"A_SalesOrderType","multiplicity":"1"},{"name":"to_SalesOrderItem","target":"A_SalesOrderItemType","multiplicity":"1"}]},"A_SalesOrderItemPartnerAddressType":{"name":"A_SalesOrderItemPartnerAddressType","keys":["SalesOrder","SalesOrderItem","PartnerFunction","AddressRepresentationCode"],"properties":[{"name":"SalesOrder","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"SD Document"},{"name":"SalesOrderItem","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Item (SD)"},{"name":"PartnerFunction","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Partner Function"},{"name":"AddressRepresentationCode","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Address Version"},{"name":"CorrespondenceLanguage","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Language Key"},{"name":"AddresseeFullName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":80,"label":"Full Name"},{"name":"OrganizationName1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Name"},{"name":"OrganizationName2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Name 2"},{"name":"OrganizationName3","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Name 3"},{"name":"OrganizationName4","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Name 4"},{"name":"CityName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"City"},{"name":"DistrictName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"District"},{"name":"PostalCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Postal Code"},{"name":"StreetName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":60,"label":"Street"},{"name":"StreetPrefixName1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Street Address Non-Deliverable Reason"},{"name":"StreetPrefixName2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Street 3"},{"name":"StreetSuffixName1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Street 4"},{"name":"StreetSuffixName2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Street 5"},{"name":"HouseNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"House Number"},{"name":"Country","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Country/Region Key"},{"name":"Region","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Region"},{"name":"FormOfAddress","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Title Key"},{"name":"TaxJurisdiction","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":15,"label":"Tax Jurisdiction"},{"name":"TransportZone","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Transportation Zone"},{"name":"POBox","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"PO Box"},{"name":"POBoxPostalCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"PO Box Postal Code"},{"name":"EmailAddress","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":241,"label":"Email Address"},{"name":"MobilePhoneCountry","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Country/Region"},{"name":"MobileNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":30,"label":"Telephone"},{"name":"PhoneNumberCountry","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Country/Region"},{"name":"PhoneNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":30,"label":"Telephone"},{"name":"PhoneExtensionNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Extension"},{"name":"FaxNumberCountry","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Country/Region"},{"name":"FaxAreaCodeSubscriberNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":30,"label":"Fax"},{"name":"FaxExtensionNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Extension"}],"navigationProperties":[{"name":"to_Partner","target":"A_SalesOrderItemPartnerType","multiplicity":"1"},{"name":"to_SalesOrder","target":"A_SalesOrderType","multiplicity":"1"},{"name":"to_SalesOrderItem","target":"A_SalesOrderItemType","multiplicity":"1"}]},"A_SalesOrderItemPrElementType":{"name":"A_SalesOrderItemPrElementType","keys":["SalesOrder","SalesOrderItem","PricingProcedureStep","PricingProcedureCounter"],"properties":[{"name":"SalesOrder","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Sales Order"},{"name":"SalesOrderItem","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":6,"label":"Item"},{"name":"PricingProcedureStep","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Step Number"},{"name":"PricingProcedureCounter","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Counter"},{"name":"ConditionType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Condition Type"},{"name":"PricingDateTime","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":14,"label":"Valid From"},{"name":"PriceConditionDeterminationDte","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":0,"label":"Cndn Pricing Date"},{"name":"ConditionCalculationType","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":3,"label":"Calculation Type"},{"name":"ConditionBaseValue","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":24,"scale":9,"label":"Condition Basis"},{"name":"ConditionRateValue","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":24,"scale":9,"label":"Amount"},{"name":"ConditionCurrency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Currency"},{"name":"ConditionQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":0,"label":"Pricing Unit"},{"name":"ConditionQuantityUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Condition Unit"},{"name":"ConditionQuantitySAPUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"SAP Condition Qty"},{"name":"ConditionQuantityISOUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"ISO Condition Qty"},{"name":"ConditionCategory","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Condition Category"},{"name":"ConditionIsForStatistics","type":"Edm.Boolean","nullable":true,"creatable":false,"updatable":false,"filterable":true,"label":"Statistical"},{"name":"PricingScaleType","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Scale Type"},{"name":"IsRelevantForAccrual","type":"Edm.Boolean","nullable":true,"creatable":false,"updatable":false,"filterable":true,"label":"Accruals"},{"name":"CndnIsRelevantForInvoiceList","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Invoice List Cond."},{"name":"ConditionOrigin","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Condition Origin"},{"name":"IsGroupCondition","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Group Condition"},{"name":"ConditionRecord","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Condition Record No."},{"name":"ConditionSequentialNumber","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":3,"label":"Sequent.No. of Cond."},{"name":"TaxCode","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":2,"label":"Tax Code"},{"name":"WithholdingTaxCode","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":2,"label":"W/Tax Code"},{"name":"CndnRoundingOffDiffAmount","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":6,"scale":3,"label":"Cond.Rounding Diff."},{"name":"ConditionAmount","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":16,"scale":3,"label":"Condition Value"},{"name":"TransactionCurrency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Document Currency"},{"name":"ConditionControl","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Condition Control"},{"name":"ConditionInactiveReason","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Inactive Condition"},{"name":"ConditionClass","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Condition Class"},{"name":"PrcgProcedureCounterForHeader","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":3,"label":"Counter"},{"name":"FactorForConditionBasisValue","type":"Edm.Double","nullable":true,"creatable":false,"updatable":false,"filterable":true,"label":"Condition Factor"},{"name":"StructureCondition","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Structure Condition"},{"name":"PeriodFactorForCndnBasisValue","type":"Edm.Double","nullable":true,"creatable":false,"updatable":false,"filterable":true,"label":"Condition Factor"},{"name":"PricingScaleBasis","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":3,"label":"Scale Basis"},{"name":"ConditionScaleBasisValue","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":24,"scale":9,"label":"Scale Base Val."},{"name":"ConditionScaleBasisUnit","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":3,"label":"Scale Unit of Meas."},{"name":"ConditionScaleBasisCurrency","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":5,"label":"Scale Currency"},{"name":"CndnIsRelevantForIntcoBilling","type":"Edm.Boolean","nullable":true,"creatable":false,"updatable":false,"filterable":true,"label":"Intercomp.Billing"},{"name":"ConditionIsManuallyChanged","type":"Edm.Boolean","nullable":true,"creatable":false,"updatable":false,"filterable":true,"label":"Changed Manually"},{"name":"ConditionIsForConfiguration","type":"Edm.Boolean","nullable":true,"creatable":false,"updatable":false,"filterable":true,"label":"UsedforVariantConfig"},{"name":"VariantCondition","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":26,"label":"Variant Key"}],"navigationProperties":[{"name":"to_SalesOrder","target":"A_SalesOrderType","multiplicity":"1"},{"name":"to_SalesOrderItem","target":"A_SalesOrderItemType","multiplicity":"1"}]},"A_SalesOrderItemRelatedObjectType":{"name":"A_SalesOrderItemRelatedObjectType","keys":["SalesOrder","SalesOrderItem","SDDocRelatedObjectSequenceNmbr"],"properties":[{"name":"SalesOrder","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Sales Order"},{"name":"SalesOrderItem","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":6,"label":"Item"},{"name":"SDDocRelatedObjectSequenceNmbr","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":4,"label":"Sequence Number"},{"name":"SDDocumentRelatedObjectType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Related Object Type"},{"name":"SDDocRelatedObjectSystem","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":60,"label":"System of Reltd Obj."},{"name":"SDDocRelatedObjectReference1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":60,"label":"Reltd Obj. Reference"},{"name":"SDDocRelatedObjectReference2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":60,"label":"Reltd Obj. Reference"}],"navigationProperties":[{"name":"to_SalesOrder","target":"A_SalesOrderType","multiplicity":"1"},{"name":"to_SalesOrderItem","target":"A_SalesOrderItemType","multiplicity":"1"}]},"A_SalesOrderItemTextType":{"name":"A_SalesOrderItemTextType","keys":["SalesOrder","SalesOrderItem","Language","LongTextID"],"properties":[{"name":"SalesOrder","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Sales Order"},{"name":"SalesOrderItem","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":6,"label":"Item"},{"name":"Language","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Language Key"},{"name":"LongTextID","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Text ID"},{"name":"LongText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":false,"label":"String"}],"navigationProperties":[{"name":"to_SalesOrder","target":"A_SalesOrderType","multiplicity":"1"},{"name":"to_SalesOrderItem","target":"A_SalesOrderItemType","multiplicity":"1"}]},"A_SalesOrderItmPrecdgProcFlowType":{"name":"A_SalesOrderItmPrecdgProcFlowType","keys":["SalesOrder","SalesOrderItem","DocRelationshipUUID"],"properties":[{"name":"SalesOrder","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Subsequent Document"},{"name":"SalesOrderItem","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Subsequent Item"},{"name":"DocRelationshipUUID","type":"Edm.Guid","nullable":false,"creatable":true,"updatable":true,"filterable":true,"label":"DocRelationshipUUID"},{"name":"PrecedingDocument","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Preceding Document"},{"name":"PrecedingDocumentItem","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Preceding Item"},{"name":"PrecedingDocumentCategory","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Preceding Doc.Categ."},{"name":"ProcessFlowLevel","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Level"},{"name":"RelatedProcFlowDocStsFieldName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":false,"maxLength":30,"label":"Field Name"},{"name":"SDProcessStatus","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":false,"maxLength":1,"label":"Overall Status"},{"name":"AccountingTransferStatus","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":false,"maxLength":1,"label":"Posting Status"},{"name":"PrelimBillingDocumentStatus","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":false,"maxLength":1,"label":"Status"},{"name":"CreationDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Created On"},{"name":"CreationTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Time"},{"name":"LastChangeDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Changed On"}],"navigationProperties":[{"name":"to_SalesOrder","target":"A_SalesOrderType","multiplicity":"1"},{"name":"to_SalesOrderItem","target":"A_SalesOrderItemType","multiplicity":"1"}]},"A_SalesOrderItmSubsqntProcFlowType":{"name":"A_SalesOrderItmSubsqntProcFlowType","keys":["SalesOrder","SalesOrderItem","DocRelationshipUUID"],"properties":[{"name":"SalesOrder","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Preceding Document"},{"name":"SalesOrderItem","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Preceding Item"},{"name":"DocRelationshipUUID","type":"Edm.Guid","nullable":false,"creatable":true,"updatable":true,"filterable":true,"label":"DocRelationshipUUID"},{"name":"SubsequentDocument","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Subsequent Document"},{"name":"SubsequentDocumentItem","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Subsequent Item"},{"name":"SubsequentDocumentCategory","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Subsequent Doc. Cat."},{"name":"ProcessFlowLevel","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Level"},{"name":"RelatedProcFlowDocStsFieldName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":false,"maxLength":30,"label":"Field Name"},{"name":"SDProcessStatus","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":false,"maxLength":1,"label":"Overall Status"},{"name":"AccountingTransferStatus","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":false,"maxLength":1,"label":"Posting Status"},{"name":"PrelimBillingDocumentStatus","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":false,"maxLength":1,"label":"Status"},{"name":"SubsqntDocItmPrecdgDocument","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Preceding Document"},{"name":"SubsqntDocItmPrecdgDocItem","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Preceding Item"},{"name":"SubsqntDocItmPrecdgDocCategory","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Preceding Doc.Categ."},{"name":"CreationDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Created On"},{"name":"CreationTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Time"},{"name":"LastChangeDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Changed On"}],"navigationProperties":[{"name":"to_SalesOrder","target":"A_SalesOrderType","multiplicity":"1"},{"name":"to_SalesOrderItem","target":"A_SalesOrderItemType","multiplicity":"1"}]},"A_SalesOrderPartnerAddressType":{"name":"A_SalesOrderPartnerAddressType","keys":["SalesOrder","PartnerFunction","AddressRepresentationCode"],"properties":[{"name":"SalesOrder","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"SD Document"},{"name":"PartnerFunction","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Partner Function"},{"name":"AddressRepresentationCode","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Address Version"},{"name":"CorrespondenceLanguage","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Language Key"},{"name":"AddresseeFullName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":80,"label":"Full Name"},{"name":"OrganizationName1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Name"},{"name":"OrganizationName2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Name 2"},{"name":"OrganizationName3","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Name 3"},{"name":"OrganizationName4","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Name 4"},{"name":"CityName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"City"},{"name":"DistrictName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"District"},{"name":"PostalCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Postal Code"},{"name":"StreetPrefixName1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Street Address Non-Deliverable Reason"},{"name":"StreetPrefixName2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Street 3"},{"name":"StreetName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":60,"label":"Street"},{"name":"StreetSuffixName1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Street 4"},{"name":"StreetSuffixName2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Street 5"},{"name":"HouseNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"House Number"},{"name":"Country","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Country/Region Key"},{"name":"Region","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Region"},{"name":"FormOfAddress","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Title Key"},{"name":"TaxJurisdiction","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":15,"label":"Tax Jurisdiction"},{"name":"TransportZone","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Transportation Zone"},{"name":"POBox","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"PO Box"},{"name":"POBoxPostalCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"PO Box Postal Code"},{"name":"EmailAddress","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":241,"label":"Email Address"},{"name":"MobilePhoneCountry","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Country/Region"},{"name":"MobileNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":30,"label":"Telephone"},{"name":"PhoneNumberCountry","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Country/Region"},{"name":"PhoneNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":30,"label":"Telephone"},{"name":"PhoneExtensionNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Extension"},{"name":"FaxNumberCountry","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Country/Region"},{"name":"FaxAreaCodeSubscriberNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":30,"label":"Fax"},{"name":"FaxExtensionNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Extension"}],"navigationProperties":[{"name":"to_Partner","target":"A_SalesOrderHeaderPartnerType","multiplicity":"1"},{"name":"to_SalesOrder","target":"A_SalesOrderType","multiplicity":"1"}]},"A_SalesOrderPrecdgProcFlowType":{"name":"A_SalesOrderPrecdgProcFlowType","keys":["SalesOrder","DocRelationshipUUID"],"properties":[{"name":"SalesOrder","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Subsequent Document"},{"name":"DocRelationshipUUID","type":"Edm.Guid","nullable":false,"creatable":true,"updatable":true,"filterable":true,"label":"DocRelationshipUUID"},{"name":"PrecedingDocument","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Preceding Document"},{"name":"PrecedingDocumentCategory","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Preceding Doc.Categ."},{"name":"ProcessFlowLevel","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Level"},{"name":"OverallSDProcessStatus","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":false,"maxLength":1,"label":"Overall Status"},{"name":"CreationDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Created On"},{"name":"CreationTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Time"},{"name":"LastChangeDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Changed On"}],"navigationProperties":[{"name":"to_SalesOrder","target":"A_SalesOrderType","multiplicity":"1"}]},"A_SalesOrderRelatedObjectType":{"name":"A_SalesOrderRelatedObjectType","keys":["SalesOrder","SDDocRelatedObjectSequenceNmbr"],"properties":[{"name":"SalesOrder","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Sales Order"},{"name":"SDDocRelatedObjectSequenceNmbr","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":4,"label":"Sequence Number"},{"name":"SDDocumentRelatedObjectType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Related Object Type"},{"name":"SDDocRelatedObjectSystem","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":60,"label":"System of Reltd Obj."},{"name":"SDDocRelatedObjectReference1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":60,"label":"Reltd Obj. Reference"},{"name":"SDDocRelatedObjectReference2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":60,"label":"Reltd Obj. Reference"}],"navigationProperties":[{"name":"to_SalesOrder","target":"A_SalesOrderType","multiplicity":"1"}]},"A_SalesOrderScheduleLineType":{"name":"A_SalesOrderScheduleLineType","keys":["SalesOrder","SalesOrderItem","ScheduleLine"],"properties":[{"name":"SalesOrder","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Sales Document"},{"name":"SalesOrderItem","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":6,"label":"Sales Document Item"},{"name":"ScheduleLine","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Schedule Line Number"},{"name":"RequestedDeliveryDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Delivery Date"},{"name":"ConfirmedDeliveryDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Delivery Date"},{"name":"OrderQuantityUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Sales Unit"},{"name":"OrderQuantitySAPUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"SAP Order Quantity"},{"name":"OrderQuantityISOUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"ISO Order Quantity"},{"name":"ScheduleLineOrderQuantity","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Order Quantity"},{"name":"ConfdOrderQtyByMatlAvailCheck","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Confirmed Quantity"},{"name":"DeliveredQtyInOrderQtyUnit","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Delivered Quantity"},{"name":"OpenConfdDelivQtyInOrdQtyUnit","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Open Quantity"},{"name":"CorrectedQtyInOrderQtyUnit","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":13,"scale":3,"label":"Corr.qty"},{"name":"DelivBlockReasonForSchedLine","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Delivery Block"}],"navigationProperties":[]},"A_SalesOrderSubsqntProcFlowType":{"name":"A_SalesOrderSubsqntProcFlowType","keys":["SalesOrder","DocRelationshipUUID"],"properties":[{"name":"SalesOrder","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Preceding Document"},{"name":"DocRelationshipUUID","type":"Edm.Guid","nullable":false,"creatable":true,"updatable":true,"filterable":true,"label":"DocRelationshipUUID"},{"name":"SubsequentDocument","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Subsequent Document"},{"name":"SubsequentDocumentCategory","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Subsequent Doc. Cat."},{"name":"ProcessFlowLevel","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Level"},{"name":"OverallSDProcessStatus","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":false,"maxLength":1,"label":"Overall Status"},{"name":"CreationDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Created On"},{"name":"CreationTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Time"},{"name":"LastChangeDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Changed On"}],"navigationProperties":[{"name":"to_SalesOrder","target":"A_SalesOrderType","multiplicity":"1"}]},"A_SalesOrderTextType":{"name":"A_SalesOrderTextType","keys":["SalesOrder","Language","LongTextID"],"properties":[{"name":"SalesOrder","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Sales Order"},{"name":"Language","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Language Key"},{"name":"LongTextID","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Text ID"},{"name":"LongText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":false,"label":"String"}],"navigationProperties":[{"name":"to_SalesOrder","target":"A_SalesOrderType","multiplicity":"1"}]},"A_SlsOrderItemBillingPlanItemType":{"name":"A_SlsOrderItemBillingPlanItemType","keys":["SalesOrder","SalesOrderItem","BillingPlan","BillingPlanItem"],"properties":[{"name":"SalesOrder","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Sales Order"},{"name":"SalesOrderItem","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":6,"label":"Item"},{"name":"BillingPlan","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Bill. Plan No."},{"name":"BillingPlanItem","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":6,"label":"Item"},{"name":"BillingPlanDateCategory","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Date Category"},{"name":"BillingPlanBillingDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Billing Date"},{"name":"BillingPlanAmount","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":16,"scale":3,"label":"Billing Value"},{"name":"TransactionCurrency","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":5,"label":"Currency"},{"name":"BillingPlanAmountPercent","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":2,"label":"Invoice Percentage"},{"name":"CustomerPaymentTerms","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Terms of Payment"},{"name":"ProposedBillingDocumentType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Billing Type"},{"name":"BillingPlanDateDescriptionCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Date Description"},{"name":"BillingBlockReason","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Billing Block"},{"name":"BillingPlanServiceStartDate","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":0,"label":"Settlement Start Date"},{"name":"BillingPlanServiceEndDate","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":0,"label":"Settlement End Date"},{"name":"BillingPlanRelatedBillgStatus","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Billing Status"},{"name":"BillingPlanType","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":2,"label":"Billing Plan Type"},{"name":"AdoptingBillingDateID","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Fixed Date"},{"name":"BillingPlanBillingRule","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Billing Rule"},{"name":"BillingPlanMilestoneUsage","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":5,"label":"Usage"},{"name":"BillgPlnDteCorrectionRfndType","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Correction Date"},{"name":"AccountingExchangeRate","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":9,"scale":5,"label":"Accounting Exchange Rate"},{"name":"PostponementReason","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":255,"label":"Reason"}],"navigationProperties":[{"name":"to_BillingPlan","target":"A_SalesOrderItemBillingPlanType","multiplicity":"1"},{"name":"to_SalesOrder","target":"A_SalesOrderType","multiplicity":"1"},{"name":"to_SalesOrderItem","target":"A_SalesOrderItemType","multiplicity":"1"}]},"A_SlsOrdPaymentPlanItemDetailsType":{"name":"A_SlsOrdPaymentPlanItemDetailsType","keys":["SalesOrder","PaymentPlanItem"],"properties":[{"name":"SalesOrder","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Sales Order"},{"name":"PaymentPlanItem","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Item"},{"name":"PaymentPlan","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Bill. Plan No."},{"name":"ElectronicPaymentType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"EPayt Type"},{"name":"ElectronicPayment","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":25,"label":"Account Number"},{"name":"EPaytValidityStartDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"EPayt Valid from"},{"name":"EPaytValidityEndDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"EPayt Valid to"},{"name":"ElectronicPaymentHolderName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Account Holder"},{"name":"AuthorizedAmountInAuthznCrcy","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":16,"scale":3,"label":"Authorized Amount"},{"name":"AuthorizationCurrency","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":5,"label":"Currency"},{"name":"AuthorizationByDigitalPaytSrvc","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Auth. Number"},{"name":"AuthorizationByAcquirer","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":15,"label":"Auth. Ref. Code"},{"name":"AuthorizationDate","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":0,"label":"EPayt Auth. Date"},{"name":"AuthorizationTime","type":"Edm.Time","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":0,"label":"EPayt Auth. Time"},{"name":"AuthorizationStatusName","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":40,"label":"Text"},{"name":"EPaytByDigitalPaymentSrvc","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":25,"label":"EPayt Token"},{"name":"ElectronicPaymentCallStatus","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Call Status"},{"name":"EPaytAuthorizationResult","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":1,"label":"Rsp to Auth. Check"},{"name":"EPaytToBeAuthorizedAmount","type":"Edm.Decimal","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":16,"scale":3,"label":"Amt to Be Auth."},{"name":"EPaytAuthorizationIsExpired","type":"Edm.Boolean","nullable":true,"creatable":false,"updatable":false,"filterable":true,"label":"Auth. Expired"},{"name":"EPaytAmountIsChanged","type":"Edm.Boolean","nullable":true,"creatable":false,"updatable":false,"filterable":true,"label":"Amount Changed"},{"name":"PreauthorizationIsRequested","type":"Edm.Boolean","nullable":true,"creatable":false,"updatable":false,"filterable":true,"label":"Preauthorization"},{"name":"PaymentServiceProvider","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Paymnt Serv. Provid."},{"name":"PaymentByPaymentServicePrvdr","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Payment Identifier"},{"name":"TransactionByPaytSrvcPrvdr","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"PSP Transaction ID"},{"name":"MerchantByClearingHouse","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":15,"label":"Merchant ID"},{"name":"PaymentCardAuthznRelationID","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":44,"label":"Auth. Rel. ID"},{"name":"MaximumToBeAuthorizedAmount","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":16,"scale":3,"label":"Billing Value"},{"name":"PaytPlnForAuthorizationItem","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Higher-level plan"},{"name":"PaytPlnItmForAuthorizationItem","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":6,"label":"Higher-level item"}],"navigationProperties":[{"name":"to_SalesOrder","target":"A_SalesOrderType","multiplicity":"1"}]}},"entitySets":{"A_SalesOrder":{"name":"A_SalesOrder","entityType":"A_SalesOrderType","creatable":true,"updatable":true,"deletable":true},"A_SalesOrderBillingPlan":{"name":"A_SalesOrderBillingPlan","entityType":"A_SalesOrderBillingPlanType","creatable":false,"updatable":true,"deletable":false},"A_SalesOrderBillingPlanItem":{"name":"A_SalesOrderBillingPlanItem","entityType":"A_SalesOrderBillingPlanItemType","creatable":true,"updatable":true,"deletable":true},"A_SalesOrderHeaderPartner":{"name":"A_SalesOrderHeaderPartner","entityType":"A_SalesOrderHeaderPartnerType","creatable":true,"updatable":true,"deletable":true},"A_SalesOrderHeaderPrElement":{"name":"A_SalesOrderHeaderPrElement","entityType":"A_SalesOrderHeaderPrElementType","creatable":true,"updatable":true,"deletable":true},"A_SalesOrderItem":{"name":"A_SalesOrderItem","entityType":"A_SalesOrderItemType","creatable":true,"updatable":true,"deletable":true},"A_SalesOrderItemBillingPlan":{"name":"A_SalesOrderItemBillingPlan","entityType":"A_SalesOrderItemBillingPlanType","creatable":false,"updatable":true,"deletable":false},"A_SalesOrderItemPartner":{"name":"A_SalesOrderItemPartner","entityType":"A_SalesOrderItemPartnerType","creatable":true,"updatable":true,"deletable":true},"A_SalesOrderItemPartnerAddress":{"name":"A_SalesOrderItemPartnerAddress","entityType":"A_SalesOrderItemPartnerAddressType","creatable":false,"updatable":true,"deletable":false},"A_SalesOrderItemPrElement":{"name":"A_SalesOrderItemPrElement","entityType":"A_SalesOrderItemPrElementType","creatable":true,"updatable":true,"deletable":true},"A_SalesOrderItemRelatedObject":{"name":"A_SalesOrderItemRelatedObject","entityType":"A_SalesOrderItemRelatedObjectType","creatable":true,"updatable":false,"deletable":true},"A_SalesOrderItemText":{"name":"A_SalesOrderItemText","entityType":"A_SalesOrderItemTextType","creatable":true,"updatable":true,"deletable":true},"A_SalesOrderItmPrecdgProcFlow":{"name":"A_SalesOrderItmPrecdgProcFlow","entityType":"A_SalesOrderItmPrecdgProcFlowType","creatable":false,"updatable":false,"deletable":false},"A_SalesOrderItmSubsqntProcFlow":{"name":"A_SalesOrderItmSubsqntProcFlow","entityType":"A_SalesOrderItmSubsqntProcFlowType","creatable":false,"updatable":false,"deletable":false},"A_SalesOrderPartnerAddress":{"name":"A_SalesOrderPartnerAddress","entityType":"A_SalesOrderPartnerAddressType","creatable":false,"updatable":true,"deletable":false},"A_SalesOrderPrecdgProcFlow":{"name":"A_SalesOrderPrecdgProcFlow","entityType":"A_SalesOrderPrecdgProcFlowType","creatable":false,"updatable":false,"deletable":false},"A_SalesOrderRelatedObject":{"name":"A_SalesOrderRelatedObject","entityType":"A_SalesOrderRelatedObjectType","creatable":true,"updatable":false,"deletable":true},"A_SalesOrderScheduleLine":{"name":"A_SalesOrderScheduleLine","entityType":"A_SalesOrderScheduleLineType","creatable":true,"updatable":true,"deletable":true},"A_SalesOrderSubsqntProcFlow":{"name":"A_SalesOrderSubsqntProcFlow","entityType":"A_SalesOrderSubsqntProcFlowType","creatable":false,"updatable":false,"deletable":false},"A_SalesOrderText":{"name":"A_SalesOrderText","entityType":"A_SalesOrderTextType","creatable":true,"updatable":true,"deletable":true},"A_SlsOrderItemBillingPlanItem":{"name":"A_SlsOrderItemBillingPlanItem","entityType":"A_SlsOrderItemBillingPlanItemType","creatable":true,"updatable":true,"deletable":true},"A_SlsOrdPaymentPlanItemDetails":{"name":"A_SlsOrdPaymentPlanItemDetails","entityType":"A_SlsOrdPaymentPlanItemDetailsType","creatable":true,"updatable":true,"deletable":true}},"functionImports":[{"name":"rejectApprovalRequest","httpMethod":"POST","parameters":[{"name":"SalesOrder","type":"Edm.String","nullable":true,"maxLength":11000}],"returnType":"API_SALES_ORDER_SRV.FunctionResult"},{"name":"releaseApprovalRequest","httpMethod":"POST","parameters":[{"name":"SalesOrder","type":"Edm.String","nullable":true,"maxLength":11000}],"returnType":"API_SALES_ORDER_SRV.FunctionResult"}]};
