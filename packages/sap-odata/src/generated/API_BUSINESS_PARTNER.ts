// Generated from specs/API_BUSINESS_PARTNER.edmx by scripts/generate.ts — do not edit.
import type { EdmService } from "../edmx";

export interface A_AddressEmailAddressType {
  /** Address Number · max 10 · Edm.String */
  AddressID: string;
  /** Person Number · max 10 · Edm.String */
  Person: string;
  /** Sequence Number · max 3 · Edm.String */
  OrdinalNumber: string;
  /** Standard addr. · Edm.Boolean */
  IsDefaultEmailAddress?: boolean | null;
  /** Email Address · max 241 · Edm.String */
  EmailAddress?: string | null;
  /** E-Mail Address · max 20 · Edm.String */
  SearchEmailAddress?: string | null;
  /** Notes · max 50 · Edm.String */
  AddressCommunicationRemarkText?: string | null;
}

export interface A_AddressFaxNumberType {
  /** Address Number · max 10 · Edm.String */
  AddressID: string;
  /** Person Number · max 10 · Edm.String */
  Person: string;
  /** Sequence Number · max 3 · Edm.String */
  OrdinalNumber: string;
  /** Standard No. · Edm.Boolean */
  IsDefaultFaxNumber?: boolean | null;
  /** Country/Region · max 3 · Edm.String */
  FaxCountry?: string | null;
  /** Fax · max 30 · Edm.String */
  FaxNumber?: string | null;
  /** Extension · max 10 · Edm.String */
  FaxNumberExtension?: string | null;
  /** Fax Number · max 30 · Edm.String */
  InternationalFaxNumber?: string | null;
  /** Notes · max 50 · Edm.String */
  AddressCommunicationRemarkText?: string | null;
}

export interface A_AddressHomePageURLType {
  /** Address Number · max 10 · Edm.String */
  AddressID: string;
  /** Person Number · max 10 · Edm.String */
  Person: string;
  /** Sequence Number · max 3 · Edm.String */
  OrdinalNumber: string;
  /** from · Edm.DateTime (0,0) */
  ValidityStartDate: Date;
  /** Standard addr. · Edm.Boolean */
  IsDefaultURLAddress: boolean;
  /** URI address · max 50 · Edm.String */
  SearchURLAddress?: string | null;
  /** Notes · max 50 · Edm.String */
  AddressCommunicationRemarkText?: string | null;
  /** URI length · Edm.Int16 */
  URLFieldLength?: number | null;
  /** URI · max 2048 · Edm.String */
  WebsiteURL?: string | null;
}

export interface A_AddressPhoneNumberType {
  /** Address Number · max 10 · Edm.String */
  AddressID: string;
  /** Person Number · max 10 · Edm.String */
  Person: string;
  /** Sequence Number · max 3 · Edm.String */
  OrdinalNumber: string;
  /** Country/Region · max 3 · Edm.String */
  DestinationLocationCountry?: string | null;
  /** Standard No. · Edm.Boolean */
  IsDefaultPhoneNumber?: boolean | null;
  /** Telephone · max 30 · Edm.String */
  PhoneNumber?: string | null;
  /** Extension · max 10 · Edm.String */
  PhoneNumberExtension?: string | null;
  /** Telephone Number · max 30 · Edm.String */
  InternationalPhoneNumber?: string | null;
  /** Mobile phone · max 1 · Edm.String */
  PhoneNumberType?: string | null;
  /** Notes · max 50 · Edm.String */
  AddressCommunicationRemarkText?: string | null;
}

export interface A_BPContactToAddressType {
  /** BP Relationship No. · max 12 · Edm.String */
  RelationshipNumber: string;
  /** Business Partner · max 10 · Edm.String */
  BusinessPartnerCompany: string;
  /** Business Partner · max 10 · Edm.String */
  BusinessPartnerPerson: string;
  /** Valid To · Edm.DateTime (0,0) */
  ValidityEndDate: Date;
  /** Address Number · max 10 · Edm.String */
  AddressID: string;
  /** Address Number · max 10 · Edm.String */
  AddressNumber?: string | null;
  /** Street 3 · max 40 · Edm.String */
  AdditionalStreetPrefixName?: string | null;
  /** Street 5 · max 40 · Edm.String */
  AdditionalStreetSuffixName?: string | null;
  /** Time zone · max 6 · Edm.String */
  AddressTimeZone?: string | null;
  /** c/o · max 40 · Edm.String */
  CareOfName?: string | null;
  /** City Code · max 12 · Edm.String */
  CityCode?: string | null;
  /** City · max 40 · Edm.String */
  CityName?: string | null;
  /** Company Postal Code · max 10 · Edm.String */
  CompanyPostalCode?: string | null;
  /** Country/Region Key · max 3 · Edm.String */
  Country?: string | null;
  /** County · max 40 · Edm.String */
  County?: string | null;
  /** Delivery Service No. · max 10 · Edm.String */
  DeliveryServiceNumber?: string | null;
  /** Delvry Serv Type · max 4 · Edm.String */
  DeliveryServiceTypeCode?: string | null;
  /** District · max 40 · Edm.String */
  District?: string | null;
  /** Title · max 4 · Edm.String */
  FormOfAddress?: string | null;
  /** Full Name · max 80 · Edm.String */
  FullName?: string | null;
  /** Different City · max 40 · Edm.String */
  HomeCityName?: string | null;
  /** House Number · max 10 · Edm.String */
  HouseNumber?: string | null;
  /** Supplement · max 10 · Edm.String */
  HouseNumberSupplementText?: string | null;
  /** Language Key · max 2 · Edm.String */
  Language?: string | null;
  /** PO Box · max 10 · Edm.String */
  POBox?: string | null;
  /** PO Box City · max 40 · Edm.String */
  POBoxDeviatingCityName?: string | null;
  /** PO Box Ctry/Region · max 3 · Edm.String */
  POBoxDeviatingCountry?: string | null;
  /** PO Box Region · max 3 · Edm.String */
  POBoxDeviatingRegion?: string | null;
  /** PO Box w/o No. · Edm.Boolean */
  POBoxIsWithoutNumber?: boolean | null;
  /** PO Box Lobby · max 40 · Edm.String */
  POBoxLobbyName?: string | null;
  /** PO Box Postal Code · max 10 · Edm.String */
  POBoxPostalCode?: string | null;
  /** Person Number · max 10 · Edm.String */
  Person?: string | null;
  /** Postal Code · max 10 · Edm.String */
  PostalCode?: string | null;
  /** Comm. Method · max 3 · Edm.String */
  PrfrdCommMediumType?: string | null;
  /** Region · max 3 · Edm.String */
  Region?: string | null;
  /** Street · max 60 · Edm.String */
  StreetName?: string | null;
  /** Street 2 · max 40 · Edm.String */
  StreetPrefixName?: string | null;
  /** Street 4 · max 40 · Edm.String */
  StreetSuffixName?: string | null;
  /** Tax Jurisdiction · max 15 · Edm.String */
  TaxJurisdiction?: string | null;
  /** Transportation Zone · max 10 · Edm.String */
  TransportZone?: string | null;
  /** Address Version · max 1 · Edm.String */
  AddressRepresentationCode?: string | null;
  /** Function · max 40 · Edm.String */
  ContactRelationshipFunction?: string | null;
  /** Department · max 40 · Edm.String */
  ContactRelationshipDepartment?: string | null;
  /** Floor · max 10 · Edm.String */
  Floor?: string | null;
  /** Building code · max 10 · Edm.String */
  ContactPersonBuilding?: string | null;
  /** Room Number · max 10 · Edm.String */
  RoomNumber?: string | null;
  /** Comm. Method · max 3 · Edm.String */
  ContactPersonPrfrdCommMedium?: string | null;
  /** Short name · max 10 · Edm.String */
  CorrespondenceShortName?: string | null;
  /** Internal mail · max 10 · Edm.String */
  InhouseMail?: string | null;
  to_EmailAddress?: A_AddressEmailAddressType[];
  to_FaxNumber?: A_AddressFaxNumberType[];
  to_MobilePhoneNumber?: A_AddressPhoneNumberType[];
  to_PhoneNumber?: A_AddressPhoneNumberType[];
  to_URLAddress?: A_AddressHomePageURLType[];
}

export interface A_BPContactToFuncAndDeptType {
  /** BP Relationship No. · max 12 · Edm.String */
  RelationshipNumber: string;
  /** Business Partner · max 10 · Edm.String */
  BusinessPartnerCompany: string;
  /** Business Partner · max 10 · Edm.String */
  BusinessPartnerPerson: string;
  /** Valid To · Edm.DateTime (0,0) */
  ValidityEndDate: Date;
  /** Function · max 4 · Edm.String */
  ContactPersonFunction?: string | null;
  /** Department · max 4 · Edm.String */
  ContactPersonDepartment?: string | null;
  /** Telephone · max 30 · Edm.String */
  PhoneNumber?: string | null;
  /** Extension · max 10 · Edm.String */
  PhoneNumberExtension?: string | null;
  /** Fax · max 30 · Edm.String */
  FaxNumber?: string | null;
  /** Extension · max 10 · Edm.String */
  FaxNumberExtension?: string | null;
  /** Email Address · max 241 · Edm.String */
  EmailAddress?: string | null;
  /** Relationship Cat. · max 6 · Edm.String */
  RelationshipCategory?: string | null;
}

export interface A_BuPaAddressUsageType {
  /** Business Partner · max 10 · Edm.String */
  BusinessPartner: string;
  /** Valid To · Edm.DateTimeOffset (0,0) */
  ValidityEndDate: Date;
  /** Address Type · max 10 · Edm.String */
  AddressUsage: string;
  /** Address Number · max 10 · Edm.String */
  AddressID: string;
  /** Valid From · Edm.DateTimeOffset (0,0) */
  ValidityStartDate?: Date | null;
  /** Standard Usage · Edm.Boolean */
  StandardUsage?: boolean | null;
  /** Authorization Group · max 4 · Edm.String */
  AuthorizationGroup?: string | null;
}

export interface A_BuPaIdentificationType {
  /** Business Partner · max 10 · Edm.String */
  BusinessPartner: string;
  /** Identification Type · max 6 · Edm.String */
  BPIdentificationType: string;
  /** ID number · max 60 · Edm.String */
  BPIdentificationNumber: string;
  /** Responsible Institn · max 40 · Edm.String */
  BPIdnNmbrIssuingInstitute?: string | null;
  /** Entry date · Edm.DateTime (0,0) */
  BPIdentificationEntryDate?: Date | null;
  /** Country/Region · max 3 · Edm.String */
  Country?: string | null;
  /** Region · max 3 · Edm.String */
  Region?: string | null;
  /** Valid from · Edm.DateTime (0,0) */
  ValidityStartDate?: Date | null;
  /** Valid To · Edm.DateTime (0,0) */
  ValidityEndDate?: Date | null;
  /** Authorization Group · max 4 · Edm.String */
  AuthorizationGroup?: string | null;
}

export interface A_BuPaIndustryType {
  /** Industry · max 10 · Edm.String */
  IndustrySector: string;
  /** Industry System · max 4 · Edm.String */
  IndustrySystemType: string;
  /** Business Partner · max 10 · Edm.String */
  BusinessPartner: string;
  /** Standard Industry · max 1 · Edm.String */
  IsStandardIndustry?: string | null;
  /** Description · max 100 · Edm.String */
  IndustryKeyDescription?: string | null;
}

export interface A_BusinessPartnerType {
  /** Business Partner · max 10 · Edm.String */
  BusinessPartner: string;
  /** Customer · max 10 · Edm.String */
  Customer?: string | null;
  /** Supplier · max 10 · Edm.String */
  Supplier?: string | null;
  /** Academic Title 1 · max 4 · Edm.String */
  AcademicTitle?: string | null;
  /** Authorization Group · max 4 · Edm.String */
  AuthorizationGroup?: string | null;
  /** BP Category · max 1 · Edm.String */
  BusinessPartnerCategory?: string | null;
  /** max 81 · Edm.String */
  BusinessPartnerFullName?: string | null;
  /** Grouping · max 4 · Edm.String */
  BusinessPartnerGrouping?: string | null;
  /** max 81 · Edm.String */
  BusinessPartnerName?: string | null;
  /** BP GUID · Edm.Guid */
  BusinessPartnerUUID?: string | null;
  /** Correspondence lang. · max 2 · Edm.String */
  CorrespondenceLanguage?: string | null;
  /** Created By · max 12 · Edm.String */
  CreatedByUser?: string | null;
  /** Created on · Edm.DateTime (0,0) */
  CreationDate?: Date | null;
  /** Created at · Edm.Time (0,0) */
  CreationTime?: string | null;
  /** First Name · max 40 · Edm.String */
  FirstName?: string | null;
  /** Title · max 4 · Edm.String */
  FormOfAddress?: string | null;
  /** Industry sector · max 10 · Edm.String */
  Industry?: string | null;
  /** Int. location no. 1 · max 7 · Edm.String */
  InternationalLocationNumber1?: string | null;
  /** Int. location no. 2 · max 5 · Edm.String */
  InternationalLocationNumber2?: string | null;
  /** Female · Edm.Boolean */
  IsFemale?: boolean | null;
  /** Male · Edm.Boolean */
  IsMale?: boolean | null;
  /** Natural Person · max 1 · Edm.String */
  IsNaturalPerson?: string | null;
  /** Unknown · Edm.Boolean */
  IsSexUnknown?: boolean | null;
  /** Gender · max 1 · Edm.String */
  GenderCodeName?: string | null;
  /** Language · max 2 · Edm.String */
  Language?: string | null;
  /** Changed on · Edm.DateTime (0,0) */
  LastChangeDate?: Date | null;
  /** Changed at · Edm.Time (0,0) */
  LastChangeTime?: string | null;
  /** Changed by · max 12 · Edm.String */
  LastChangedByUser?: string | null;
  /** Last Name · max 40 · Edm.String */
  LastName?: string | null;
  /** Legal form · max 2 · Edm.String */
  LegalForm?: string | null;
  /** Name 1 · max 40 · Edm.String */
  OrganizationBPName1?: string | null;
  /** Name 2 · max 40 · Edm.String */
  OrganizationBPName2?: string | null;
  /** Name 3 · max 40 · Edm.String */
  OrganizationBPName3?: string | null;
  /** Name 4 · max 40 · Edm.String */
  OrganizationBPName4?: string | null;
  /** Date founded · Edm.DateTime (0,0) */
  OrganizationFoundationDate?: Date | null;
  /** Liquidation date · Edm.DateTime (0,0) */
  OrganizationLiquidationDate?: Date | null;
  /** Search Term 1 · max 20 · Edm.String */
  SearchTerm1?: string | null;
  /** Search Term 2 · max 20 · Edm.String */
  SearchTerm2?: string | null;
  /** Other Last Name · max 40 · Edm.String */
  AdditionalLastName?: string | null;
  /** Date of Birth · Edm.DateTime (0,0) */
  BirthDate?: Date | null;
  /** Birth Date Status · max 1 · Edm.String */
  BusinessPartnerBirthDateStatus?: string | null;
  /** Birthplace · max 40 · Edm.String */
  BusinessPartnerBirthplaceName?: string | null;
  /** Death date · Edm.DateTime (0,0) */
  BusinessPartnerDeathDate?: Date | null;
  /** Central Block · Edm.Boolean */
  BusinessPartnerIsBlocked?: boolean | null;
  /** BP Type · max 4 · Edm.String */
  BusinessPartnerType?: string | null;
  /** max 26 · Edm.String */
  ETag?: string | null;
  /** Name 1 · max 40 · Edm.String */
  GroupBusinessPartnerName1?: string | null;
  /** Name 2 · max 40 · Edm.String */
  GroupBusinessPartnerName2?: string | null;
  /** Address Number · max 10 · Edm.String */
  IndependentAddressID?: string | null;
  /** Check digit · max 1 · Edm.String */
  InternationalLocationNumber3?: string | null;
  /** Middle Name · max 40 · Edm.String */
  MiddleName?: string | null;
  /** Ctry/Reg. for Format · max 3 · Edm.String */
  NameCountry?: string | null;
  /** Name Format · max 2 · Edm.String */
  NameFormat?: string | null;
  /** Full Name · max 80 · Edm.String */
  PersonFullName?: string | null;
  /** Person Number · max 10 · Edm.String */
  PersonNumber?: string | null;
  /** Archiving Flag · Edm.Boolean */
  IsMarkedForArchiving?: boolean | null;
  /** External BP Number · max 20 · Edm.String */
  BusinessPartnerIDByExtSystem?: string | null;
  /** Trading Partner No. · max 6 · Edm.String */
  TradingPartner?: string | null;
  to_BuPaIdentification?: A_BuPaIdentificationType[];
  to_BuPaIndustry?: A_BuPaIndustryType[];
  to_BusinessPartnerAddress?: A_BusinessPartnerAddressType[];
  to_BusinessPartnerBank?: A_BusinessPartnerBankType[];
  to_BusinessPartnerContact?: A_BusinessPartnerContactType[];
  to_BusinessPartnerRole?: A_BusinessPartnerRoleType[];
  to_BusinessPartnerTax?: A_BusinessPartnerTaxNumberType[];
  to_Customer?: A_CustomerType | null;
  to_Supplier?: A_SupplierType | null;
}

export interface A_BusinessPartnerAddressType {
  /** Business Partner · max 10 · Edm.String */
  BusinessPartner: string;
  /** Address Number · max 10 · Edm.String */
  AddressID: string;
  /** Valid From · Edm.DateTimeOffset (0,0) */
  ValidityStartDate?: Date | null;
  /** Valid To · Edm.DateTimeOffset (0,0) */
  ValidityEndDate?: Date | null;
  /** Authorization Group · max 4 · Edm.String */
  AuthorizationGroup?: string | null;
  /** GUID of a Business Partner Address · Edm.Guid */
  AddressUUID?: string | null;
  /** Street 3 · max 40 · Edm.String */
  AdditionalStreetPrefixName?: string | null;
  /** Street 5 · max 40 · Edm.String */
  AdditionalStreetSuffixName?: string | null;
  /** Time zone · max 6 · Edm.String */
  AddressTimeZone?: string | null;
  /** c/o · max 40 · Edm.String */
  CareOfName?: string | null;
  /** City Code · max 12 · Edm.String */
  CityCode?: string | null;
  /** City · max 40 · Edm.String */
  CityName?: string | null;
  /** Company Postal Code · max 10 · Edm.String */
  CompanyPostalCode?: string | null;
  /** Country/Region Key · max 3 · Edm.String */
  Country?: string | null;
  /** County · max 40 · Edm.String */
  County?: string | null;
  /** Delivery Service No. · max 10 · Edm.String */
  DeliveryServiceNumber?: string | null;
  /** Delvry Serv Type · max 4 · Edm.String */
  DeliveryServiceTypeCode?: string | null;
  /** District · max 40 · Edm.String */
  District?: string | null;
  /** Title · max 4 · Edm.String */
  FormOfAddress?: string | null;
  /** Full Name · max 80 · Edm.String */
  FullName?: string | null;
  /** Different City · max 40 · Edm.String */
  HomeCityName?: string | null;
  /** House Number · max 10 · Edm.String */
  HouseNumber?: string | null;
  /** Supplement · max 10 · Edm.String */
  HouseNumberSupplementText?: string | null;
  /** Language Key · max 2 · Edm.String */
  Language?: string | null;
  /** PO Box · max 10 · Edm.String */
  POBox?: string | null;
  /** PO Box City · max 40 · Edm.String */
  POBoxDeviatingCityName?: string | null;
  /** PO Box Ctry/Region · max 3 · Edm.String */
  POBoxDeviatingCountry?: string | null;
  /** PO Box Region · max 3 · Edm.String */
  POBoxDeviatingRegion?: string | null;
  /** PO Box w/o No. · Edm.Boolean */
  POBoxIsWithoutNumber?: boolean | null;
  /** PO Box Lobby · max 40 · Edm.String */
  POBoxLobbyName?: string | null;
  /** PO Box Postal Code · max 10 · Edm.String */
  POBoxPostalCode?: string | null;
  /** Person Number · max 10 · Edm.String */
  Person?: string | null;
  /** Postal Code · max 10 · Edm.String */
  PostalCode?: string | null;
  /** Comm. Method · max 3 · Edm.String */
  PrfrdCommMediumType?: string | null;
  /** Region · max 3 · Edm.String */
  Region?: string | null;
  /** Street · max 60 · Edm.String */
  StreetName?: string | null;
  /** Street 2 · max 40 · Edm.String */
  StreetPrefixName?: string | null;
  /** Street 4 · max 40 · Edm.String */
  StreetSuffixName?: string | null;
  /** Tax Jurisdiction · max 15 · Edm.String */
  TaxJurisdiction?: string | null;
  /** Transportation Zone · max 10 · Edm.String */
  TransportZone?: string | null;
  /** External Address No. · max 20 · Edm.String */
  AddressIDByExternalSystem?: string | null;
  /** County code · max 8 · Edm.String */
  CountyCode?: string | null;
  /** Township code · max 8 · Edm.String */
  TownshipCode?: string | null;
  /** Township · max 40 · Edm.String */
  TownshipName?: string | null;
  to_AddressUsage?: A_BuPaAddressUsageType[];
  to_EmailAddress?: A_AddressEmailAddressType[];
  to_FaxNumber?: A_AddressFaxNumberType[];
  to_MobilePhoneNumber?: A_AddressPhoneNumberType[];
  to_PhoneNumber?: A_AddressPhoneNumberType[];
  to_URLAddress?: A_AddressHomePageURLType[];
}

export interface A_BusinessPartnerBankType {
  /** Business Partner · max 10 · Edm.String */
  BusinessPartner: string;
  /** Bank details ID · max 4 · Edm.String */
  BankIdentification: string;
  /** Bank Country/Region · max 3 · Edm.String */
  BankCountryKey?: string | null;
  /** Bank Name · max 60 · Edm.String */
  BankName?: string | null;
  /** Bank Key · max 15 · Edm.String */
  BankNumber?: string | null;
  /** SWIFT/BIC · max 11 · Edm.String */
  SWIFTCode?: string | null;
  /** Bank Control Key · max 2 · Edm.String */
  BankControlKey?: string | null;
  /** Account Holder · max 60 · Edm.String */
  BankAccountHolderName?: string | null;
  /** Account Name · max 40 · Edm.String */
  BankAccountName?: string | null;
  /** Valid From · Edm.DateTimeOffset (0,0) */
  ValidityStartDate?: Date | null;
  /** Valid To · Edm.DateTimeOffset (0,0) */
  ValidityEndDate?: Date | null;
  /** IBAN · max 34 · Edm.String */
  IBAN?: string | null;
  /** IBAN Valid From · Edm.DateTime (0,0) */
  IBANValidityStartDate?: Date | null;
  /** Bank Account · max 18 · Edm.String */
  BankAccount?: string | null;
  /** Reference Details · max 20 · Edm.String */
  BankAccountReferenceText?: string | null;
  /** Collect.author. · Edm.Boolean */
  CollectionAuthInd?: boolean | null;
  /** City · max 35 · Edm.String */
  CityName?: string | null;
  /** Authorization Group · max 4 · Edm.String */
  AuthorizationGroup?: string | null;
}

export interface A_BusinessPartnerContactType {
  /** BP Relationship No. · max 12 · Edm.String */
  RelationshipNumber: string;
  /** Business Partner · max 10 · Edm.String */
  BusinessPartnerCompany: string;
  /** Business Partner · max 10 · Edm.String */
  BusinessPartnerPerson: string;
  /** Valid To · Edm.DateTime (0,0) */
  ValidityEndDate: Date;
  /** Valid From · Edm.DateTime (0,0) */
  ValidityStartDate?: Date | null;
  /** Standard · Edm.Boolean */
  IsStandardRelationship?: boolean | null;
  /** Relationship Cat. · max 6 · Edm.String */
  RelationshipCategory?: string | null;
  to_ContactAddress?: A_BPContactToAddressType[];
  to_ContactRelationship?: A_BPContactToFuncAndDeptType | null;
}

export interface A_BusinessPartnerRoleType {
  /** Business Partner · max 10 · Edm.String */
  BusinessPartner: string;
  /** BP Role · max 6 · Edm.String */
  BusinessPartnerRole: string;
  /** Valid From · Edm.DateTimeOffset (0,0) */
  ValidFrom?: Date | null;
  /** Valid To · Edm.DateTimeOffset (0,0) */
  ValidTo?: Date | null;
  /** Authorization Group · max 4 · Edm.String */
  AuthorizationGroup?: string | null;
}

export interface A_BusinessPartnerTaxNumberType {
  /** Business Partner · max 10 · Edm.String */
  BusinessPartner: string;
  /** Tax Number Category · max 4 · Edm.String */
  BPTaxType: string;
  /** Tax number · max 20 · Edm.String */
  BPTaxNumber?: string | null;
  /** Tax Number · max 60 · Edm.String */
  BPTaxLongNumber?: string | null;
  /** Authorization Group · max 4 · Edm.String */
  AuthorizationGroup?: string | null;
}

export interface A_CustomerType {
  /** Customer · max 10 · Edm.String */
  Customer: string;
  /** Authorization · max 4 · Edm.String */
  AuthorizationGroup?: string | null;
  /** Billing Block · max 2 · Edm.String */
  BillingIsBlockedForCustomer?: string | null;
  /** Created by · max 12 · Edm.String */
  CreatedByUser?: string | null;
  /** Created on · Edm.DateTime (0,0) */
  CreationDate?: Date | null;
  /** Account Group · max 4 · Edm.String */
  CustomerAccountGroup?: string | null;
  /** Customer Classific. · max 2 · Edm.String */
  CustomerClassification?: string | null;
  /** Customer Name · max 220 · Edm.String */
  CustomerFullName?: string | null;
  /** Name of Customer · max 80 · Edm.String */
  CustomerName?: string | null;
  /** Delivery block · max 2 · Edm.String */
  DeliveryIsBlocked?: string | null;
  /** Natural Person · max 1 · Edm.String */
  NFPartnerIsNaturalPerson?: string | null;
  /** Order Block · max 2 · Edm.String */
  OrderIsBlockedForCustomer?: string | null;
  /** Posting Block · Edm.Boolean */
  PostingIsBlocked?: boolean | null;
  /** Supplier · max 10 · Edm.String */
  Supplier?: string | null;
  /** Group Key · max 10 · Edm.String */
  CustomerCorporateGroup?: string | null;
  /** Fiscal address · max 10 · Edm.String */
  FiscalAddress?: string | null;
  /** Industry · max 4 · Edm.String */
  Industry?: string | null;
  /** Industry Code 1 · max 10 · Edm.String */
  IndustryCode1?: string | null;
  /** Industry Code 2 · max 10 · Edm.String */
  IndustryCode2?: string | null;
  /** Industry Code 3 · max 10 · Edm.String */
  IndustryCode3?: string | null;
  /** Industry Code 4 · max 10 · Edm.String */
  IndustryCode4?: string | null;
  /** Industry Code 5 · max 10 · Edm.String */
  IndustryCode5?: string | null;
  /** Int. location no. 1 · max 7 · Edm.String */
  InternationalLocationNumber1?: string | null;
  /** Nielsen Indicator · max 2 · Edm.String */
  NielsenRegion?: string | null;
  /** Tax type · max 2 · Edm.String */
  ResponsibleType?: string | null;
  /** Tax Number 1 · max 16 · Edm.String */
  TaxNumber1?: string | null;
  /** Tax Number 2 · max 11 · Edm.String */
  TaxNumber2?: string | null;
  /** Tax Number 3 · max 18 · Edm.String */
  TaxNumber3?: string | null;
  /** Tax Number 4 · max 18 · Edm.String */
  TaxNumber4?: string | null;
  /** Tax Number 5 · max 60 · Edm.String */
  TaxNumber5?: string | null;
  /** Tax Number Type · max 2 · Edm.String */
  TaxNumberType?: string | null;
  /** VAT Registration No. · max 20 · Edm.String */
  VATRegistration?: string | null;
  /** Deletion flag · Edm.Boolean */
  DeletionIndicator?: boolean | null;
  /** Express station · max 25 · Edm.String */
  ExpressTrainStationName?: string | null;
  /** Train station · max 25 · Edm.String */
  TrainStationName?: string | null;
  /** City Code · max 4 · Edm.String */
  CityCode?: string | null;
  /** County Code · max 3 · Edm.String */
  County?: string | null;
  to_CustomerCompany?: A_CustomerCompanyType[];
  to_CustomerSalesArea?: A_CustomerSalesAreaType[];
  to_CustomerTaxGrouping?: A_CustomerTaxGroupingType[];
  to_CustomerText?: A_CustomerTextType[];
  to_CustomerUnloadingPoint?: A_CustomerUnloadingPointType[];
}

export interface A_CustomerCompanyType {
  /** Customer · max 10 · Edm.String */
  Customer: string;
  /** Company Code · max 4 · Edm.String */
  CompanyCode: string;
  /** Tolerance Group · max 4 · Edm.String */
  APARToleranceGroup?: string | null;
  /** Account at customer · max 12 · Edm.String */
  AccountByCustomer?: string | null;
  /** Clerk Abbrev. · max 2 · Edm.String */
  AccountingClerk?: string | null;
  /** Acctg clerk's fax · max 31 · Edm.String */
  AccountingClerkFaxNumber?: string | null;
  /** Clrk's internet add. · max 130 · Edm.String */
  AccountingClerkInternetAddress?: string | null;
  /** Acct.clerks tel.no. · max 30 · Edm.String */
  AccountingClerkPhoneNumber?: string | null;
  /** Alternative payer · max 10 · Edm.String */
  AlternativePayerAccount?: string | null;
  /** Authorization · max 4 · Edm.String */
  AuthorizationGroup?: string | null;
  /** Coll.Invoice Variant · max 1 · Edm.String */
  CollectiveInvoiceVariant?: string | null;
  /** Account Memo · max 30 · Edm.String */
  CustomerAccountNote?: string | null;
  /** Head office · max 10 · Edm.String */
  CustomerHeadOffice?: string | null;
  /** Clearing with vendor · Edm.Boolean */
  CustomerSupplierClearingIsUsed?: boolean | null;
  /** House Bank · max 5 · Edm.String */
  HouseBank?: string | null;
  /** Interest indicator · max 2 · Edm.String */
  InterestCalculationCode?: string | null;
  /** Last Key Date · Edm.DateTime (0,0) */
  InterestCalculationDate?: Date | null;
  /** Int.Calc.Freq. · max 2 · Edm.String */
  IntrstCalcFrequencyInMonths?: string | null;
  /** Local Processing · Edm.Boolean */
  IsToBeLocallyProcessed?: boolean | null;
  /** Individual Payment · Edm.Boolean */
  ItemIsToBePaidSeparately?: boolean | null;
  /** Sort Key · max 3 · Edm.String */
  LayoutSortingRule?: string | null;
  /** Payment Block · max 1 · Edm.String */
  PaymentBlockingReason?: string | null;
  /** Payment Methods · max 10 · Edm.String */
  PaymentMethodsList?: string | null;
  /** Terms of Payment · max 4 · Edm.String */
  PaymentTerms?: string | null;
  /** Pmnt advice by EDI · Edm.Boolean */
  PaytAdviceIsSentbyEDI?: boolean | null;
  /** Co.code post.block · Edm.Boolean */
  PhysicalInventoryBlockInd?: boolean | null;
  /** Reconciliation Acct · max 10 · Edm.String */
  ReconciliationAccount?: string | null;
  /** Record Pmnt History · Edm.Boolean */
  RecordPaymentHistoryIndicator?: boolean | null;
  /** User at customer · max 15 · Edm.String */
  UserAtCustomer?: string | null;
  /** Co.cde deletion flag · Edm.Boolean */
  DeletionIndicator?: boolean | null;
  /** Planning Group · max 10 · Edm.String */
  CashPlanningGroup?: string | null;
  /** Known/Negotiat.Leave · max 4 · Edm.String */
  KnownOrNegotiatedLeave?: string | null;
  /** Value Adjustment · max 2 · Edm.String */
  ValueAdjustmentKey?: string | null;
  /** Account Group · max 4 · Edm.String */
  CustomerAccountGroup?: string | null;
  to_CompanyText?: A_CustomerCompanyTextType[];
  to_CustomerDunning?: A_CustomerDunningType[];
  to_WithHoldingTax?: A_CustomerWithHoldingTaxType[];
}

export interface A_CustomerCompanyTextType {
  /** Customer · max 10 · Edm.String */
  Customer: string;
  /** Company Code · max 4 · Edm.String */
  CompanyCode: string;
  /** Language · max 2 · Edm.String */
  Language: string;
  /** Text ID · max 4 · Edm.String */
  LongTextID: string;
  /** String · Edm.String */
  LongText?: string | null;
}

export interface A_CustomerDunningType {
  /** Customer · max 10 · Edm.String */
  Customer: string;
  /** Company Code · max 4 · Edm.String */
  CompanyCode: string;
  /** Dunning Area · max 2 · Edm.String */
  DunningArea: string;
  /** Dunning Block · max 1 · Edm.String */
  DunningBlock?: string | null;
  /** Dunning Level · max 1 · Edm.String */
  DunningLevel?: string | null;
  /** Dunning Procedure · max 4 · Edm.String */
  DunningProcedure?: string | null;
  /** Dunning Recipient · max 10 · Edm.String */
  DunningRecipient?: string | null;
  /** Last Dunned · Edm.DateTime (0,0) */
  LastDunnedOn?: Date | null;
  /** Legal Dunn.Proc.From · Edm.DateTime (0,0) */
  LegDunningProcedureOn?: Date | null;
  /** Dunning Clerk · max 2 · Edm.String */
  DunningClerk?: string | null;
  /** Authorization · max 4 · Edm.String */
  AuthorizationGroup?: string | null;
  /** Account Group · max 4 · Edm.String */
  CustomerAccountGroup?: string | null;
}

export interface A_CustomerSalesAreaType {
  /** Customer · max 10 · Edm.String */
  Customer: string;
  /** Sales Organization · max 4 · Edm.String */
  SalesOrganization: string;
  /** Distribution Channel · max 2 · Edm.String */
  DistributionChannel: string;
  /** Division · max 2 · Edm.String */
  Division: string;
  /** Account at customer · max 12 · Edm.String */
  AccountByCustomer?: string | null;
  /** Authorization Group · max 4 · Edm.String */
  AuthorizationGroup?: string | null;
  /** BBlock for SlsA · max 2 · Edm.String */
  BillingIsBlockedForCustomer?: string | null;
  /** Complete Delivery · Edm.Boolean */
  CompleteDeliveryIsDefined?: boolean | null;
  /** Currency · max 5 · Edm.String */
  Currency?: string | null;
  /** ABC Classification · max 2 · Edm.String */
  CustomerABCClassification?: string | null;
  /** Acct Assmt Grp Cust. · max 2 · Edm.String */
  CustomerAccountAssignmentGroup?: string | null;
  /** Customer Group · max 2 · Edm.String */
  CustomerGroup?: string | null;
  /** Terms of Payment · max 4 · Edm.String */
  CustomerPaymentTerms?: string | null;
  /** Customer Price Group · max 2 · Edm.String */
  CustomerPriceGroup?: string | null;
  /** Cust.Pric.Procedure · max 2 · Edm.String */
  CustomerPricingProcedure?: string | null;
  /** DelBlckSalesAr. · max 2 · Edm.String */
  DeliveryIsBlockedForCustomer?: string | null;
  /** Delivery Priority · max 2 · Edm.String */
  DeliveryPriority?: string | null;
  /** Incoterms · max 3 · Edm.String */
  IncotermsClassification?: string | null;
  /** Incoterms Location 2 · max 70 · Edm.String */
  IncotermsLocation2?: string | null;
  /** Incoterms Version · max 4 · Edm.String */
  IncotermsVersion?: string | null;
  /** Incoterms Location 1 · max 70 · Edm.String */
  IncotermsLocation1?: string | null;
  /** Del.ID SlsArea · Edm.Boolean */
  DeletionIndicator?: boolean | null;
  /** Incoterms (Part 2) · max 28 · Edm.String */
  IncotermsTransferLocation?: string | null;
  /** Invoicing Dates · max 2 · Edm.String */
  InvoiceDate?: string | null;
  /** Order Probability · max 3 · Edm.String */
  ItemOrderProbabilityInPercent?: string | null;
  /** Order Combination · Edm.Boolean */
  OrderCombinationIsAllowed?: boolean | null;
  /** Ord.blk:sls ar. · max 2 · Edm.String */
  OrderIsBlockedForCustomer?: string | null;
  /** Partial Deliv./Item · max 1 · Edm.String */
  PartialDeliveryIsAllowed?: string | null;
  /** Price List Type · max 2 · Edm.String */
  PriceListType?: string | null;
  /** Sales Group · max 3 · Edm.String */
  SalesGroup?: string | null;
  /** Sales Office · max 4 · Edm.String */
  SalesOffice?: string | null;
  /** Shipping Conditions · max 2 · Edm.String */
  ShippingCondition?: string | null;
  /** Delivering Plant · max 4 · Edm.String */
  SupplyingPlant?: string | null;
  /** Sales District · max 6 · Edm.String */
  SalesDistrict?: string | null;
  /** Invoice List Sched. · max 2 · Edm.String */
  InvoiceListSchedule?: string | null;
  /** Exchange Rate Type · max 4 · Edm.String */
  ExchangeRateType?: string | null;
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
  /** Paymt guarant. proc. · max 4 · Edm.String */
  PaymentGuaranteeProcedure?: string | null;
  /** Account Group · max 4 · Edm.String */
  CustomerAccountGroup?: string | null;
  to_PartnerFunction?: A_CustSalesPartnerFuncType[];
  to_SalesAreaTax?: A_CustomerSalesAreaTaxType[];
  to_SalesAreaText?: A_CustomerSalesAreaTextType[];
}

export interface A_CustomerSalesAreaTaxType {
  /** Customer · max 10 · Edm.String */
  Customer: string;
  /** Sales Organization · max 4 · Edm.String */
  SalesOrganization: string;
  /** RefDistCh-Cust/Mat. · max 2 · Edm.String */
  DistributionChannel: string;
  /** Division · max 2 · Edm.String */
  Division: string;
  /** Departure Ctry/Reg. · max 3 · Edm.String */
  DepartureCountry: string;
  /** Tax Category · max 4 · Edm.String */
  CustomerTaxCategory: string;
  /** Tax Classification · max 1 · Edm.String */
  CustomerTaxClassification?: string | null;
}

export interface A_CustomerSalesAreaTextType {
  /** Customer · max 10 · Edm.String */
  Customer: string;
  /** Sales Organization · max 4 · Edm.String */
  SalesOrganization: string;
  /** Distribution Channel · max 2 · Edm.String */
  DistributionChannel: string;
  /** Division · max 2 · Edm.String */
  Division: string;
  /** Language · max 2 · Edm.String */
  Language: string;
  /** Text ID · max 4 · Edm.String */
  LongTextID: string;
  /** String · Edm.String */
  LongText?: string | null;
}

export interface A_CustomerTaxGroupingType {
  /** Customer · max 10 · Edm.String */
  Customer: string;
  /** Tax Category · max 3 · Edm.String */
  CustomerTaxGroupingCode: string;
  /** Exempt. Number · max 15 · Edm.String */
  CustTaxGrpExemptionCertificate?: string | null;
  /** Exemption Rate · Edm.Decimal (5,2) */
  CustTaxGroupExemptionRate?: string | null;
  /** Exempted from · Edm.DateTime (0,0) */
  CustTaxGroupExemptionStartDate?: Date | null;
  /** Exempted until · Edm.DateTime (0,0) */
  CustTaxGroupExemptionEndDate?: Date | null;
  /** subjected from · Edm.DateTime (0,0) */
  CustTaxGroupSubjectedStartDate?: Date | null;
  /** subjected until · Edm.DateTime (0,0) */
  CustTaxGroupSubjectedEndDate?: Date | null;
}

export interface A_CustomerTextType {
  /** Customer · max 10 · Edm.String */
  Customer: string;
  /** Language · max 2 · Edm.String */
  Language: string;
  /** Text ID · max 4 · Edm.String */
  LongTextID: string;
  /** String · Edm.String */
  LongText?: string | null;
}

export interface A_CustomerUnloadingPointType {
  /** Customer · max 10 · Edm.String */
  Customer: string;
  /** Unloading Point · max 25 · Edm.String */
  UnloadingPointName: string;
  /** Cust.fact.calendar · max 2 · Edm.String */
  CustomerFactoryCalenderCode?: string | null;
  /** Goods receiving hrs · max 3 · Edm.String */
  BPGoodsReceivingHoursCode?: string | null;
  /** Default unloading pt · Edm.Boolean */
  IsDfltBPUnloadingPoint?: boolean | null;
  /** Monday · Edm.Time (0,0) */
  MondayMorningOpeningTime?: string | null;
  /** Monday · Edm.Time (0,0) */
  MondayMorningClosingTime?: string | null;
  /** Monday · Edm.Time (0,0) */
  MondayAfternoonOpeningTime?: string | null;
  /** Monday · Edm.Time (0,0) */
  MondayAfternoonClosingTime?: string | null;
  /** Tuesday · Edm.Time (0,0) */
  TuesdayMorningOpeningTime?: string | null;
  /** Tuesday · Edm.Time (0,0) */
  TuesdayMorningClosingTime?: string | null;
  /** Tuesday · Edm.Time (0,0) */
  TuesdayAfternoonOpeningTime?: string | null;
  /** Tuesday · Edm.Time (0,0) */
  TuesdayAfternoonClosingTime?: string | null;
  /** Wednesday · Edm.Time (0,0) */
  WednesdayMorningOpeningTime?: string | null;
  /** Wednesday · Edm.Time (0,0) */
  WednesdayMorningClosingTime?: string | null;
  /** Wednesday · Edm.Time (0,0) */
  WednesdayAfternoonOpeningTime?: string | null;
  /** Wednesday · Edm.Time (0,0) */
  WednesdayAfternoonClosingTime?: string | null;
  /** Thursday · Edm.Time (0,0) */
  ThursdayMorningOpeningTime?: string | null;
  /** Thursday · Edm.Time (0,0) */
  ThursdayMorningClosingTime?: string | null;
  /** Thursday · Edm.Time (0,0) */
  ThursdayAfternoonOpeningTime?: string | null;
  /** Thursday · Edm.Time (0,0) */
  ThursdayAfternoonClosingTime?: string | null;
  /** Friday · Edm.Time (0,0) */
  FridayMorningOpeningTime?: string | null;
  /** Friday · Edm.Time (0,0) */
  FridayMorningClosingTime?: string | null;
  /** Friday · Edm.Time (0,0) */
  FridayAfternoonOpeningTime?: string | null;
  /** Friday · Edm.Time (0,0) */
  FridayAfternoonClosingTime?: string | null;
  /** Saturday · Edm.Time (0,0) */
  SaturdayMorningOpeningTime?: string | null;
  /** Saturday · Edm.Time (0,0) */
  SaturdayMorningClosingTime?: string | null;
  /** Saturday · Edm.Time (0,0) */
  SaturdayAfternoonOpeningTime?: string | null;
  /** Saturday · Edm.Time (0,0) */
  SaturdayAfternoonClosingTime?: string | null;
  /** Sunday · Edm.Time (0,0) */
  SundayMorningOpeningTime?: string | null;
  /** Sunday · Edm.Time (0,0) */
  SundayMorningClosingTime?: string | null;
  /** Sunday · Edm.Time (0,0) */
  SundayAfternoonOpeningTime?: string | null;
  /** Sunday · Edm.Time (0,0) */
  SundayAfternoonClosingTime?: string | null;
}

export interface A_CustomerWithHoldingTaxType {
  /** Customer · max 10 · Edm.String */
  Customer: string;
  /** Company Code · max 4 · Edm.String */
  CompanyCode: string;
  /** Withholding Tax Type · max 2 · Edm.String */
  WithholdingTaxType: string;
  /** W/Tax Code · max 2 · Edm.String */
  WithholdingTaxCode?: string | null;
  /** WTax Agent · Edm.Boolean */
  WithholdingTaxAgent?: boolean | null;
  /** W/Tax Obligated Frm · Edm.DateTime (0,0) */
  ObligationDateBegin?: Date | null;
  /** Oblig.to W/Tax Until · Edm.DateTime (0,0) */
  ObligationDateEnd?: Date | null;
  /** W/tax number · max 16 · Edm.String */
  WithholdingTaxNumber?: string | null;
  /** Exemption Number · max 25 · Edm.String */
  WithholdingTaxCertificate?: string | null;
  /** Exemption Rate · Edm.Decimal (5,2) */
  WithholdingTaxExmptPercent?: string | null;
  /** Exemption Start Date · Edm.DateTime (0,0) */
  ExemptionDateBegin?: Date | null;
  /** Exemption End Date · Edm.DateTime (0,0) */
  ExemptionDateEnd?: Date | null;
  /** Exemption Reason · max 2 · Edm.String */
  ExemptionReason?: string | null;
  /** Authorization · max 4 · Edm.String */
  AuthorizationGroup?: string | null;
}

export interface A_CustSalesPartnerFuncType {
  /** Customer · max 10 · Edm.String */
  Customer: string;
  /** Sales Organization · max 4 · Edm.String */
  SalesOrganization: string;
  /** Distribution Channel · max 2 · Edm.String */
  DistributionChannel: string;
  /** Division · max 2 · Edm.String */
  Division: string;
  /** Partner counter · max 3 · Edm.String */
  PartnerCounter: string;
  /** Partner Function · max 2 · Edm.String */
  PartnerFunction: string;
  /** Customer · max 10 · Edm.String */
  BPCustomerNumber?: string | null;
  /** Partner Description · max 30 · Edm.String */
  CustomerPartnerDescription?: string | null;
  /** Default Partner · Edm.Boolean */
  DefaultPartner?: boolean | null;
  /** Supplier · max 10 · Edm.String */
  Supplier?: string | null;
  /** Personnel Number · max 8 · Edm.String */
  PersonnelNumber?: string | null;
  /** Contact Person · max 10 · Edm.String */
  ContactPerson?: string | null;
  /** Authorization · max 4 · Edm.String */
  AuthorizationGroup?: string | null;
}

export interface A_SupplierType {
  /** Supplier · max 10 · Edm.String */
  Supplier: string;
  /** Alternative Payee · max 10 · Edm.String */
  AlternativePayeeAccountNumber?: string | null;
  /** Authorization · max 4 · Edm.String */
  AuthorizationGroup?: string | null;
  /** Created by · max 12 · Edm.String */
  CreatedByUser?: string | null;
  /** Created on · Edm.DateTime (0,0) */
  CreationDate?: Date | null;
  /** Customer · max 10 · Edm.String */
  Customer?: string | null;
  /** Payment block · Edm.Boolean */
  PaymentIsBlockedForSupplier?: boolean | null;
  /** Posting Block · Edm.Boolean */
  PostingIsBlocked?: boolean | null;
  /** Purch. block · Edm.Boolean */
  PurchasingIsBlocked?: boolean | null;
  /** Account Group · max 4 · Edm.String */
  SupplierAccountGroup?: string | null;
  /** Supplier Name · max 220 · Edm.String */
  SupplierFullName?: string | null;
  /** Name of Supplier · max 80 · Edm.String */
  SupplierName?: string | null;
  /** VAT Registration No. · max 20 · Edm.String */
  VATRegistration?: string | null;
  /** Date of Birth · Edm.DateTime (0,0) */
  BirthDate?: Date | null;
  /** Int. Location No. · max 20 · Edm.String */
  ConcatenatedInternationalLocNo?: string | null;
  /** Deletion flag · Edm.Boolean */
  DeletionIndicator?: boolean | null;
  /** Fiscal address · max 10 · Edm.String */
  FiscalAddress?: string | null;
  /** Industry · max 4 · Edm.String */
  Industry?: string | null;
  /** Int. location no. 1 · max 7 · Edm.String */
  InternationalLocationNumber1?: string | null;
  /** Int. location no. 2 · max 5 · Edm.String */
  InternationalLocationNumber2?: string | null;
  /** Check digit · max 1 · Edm.String */
  InternationalLocationNumber3?: string | null;
  /** Natural Person · max 1 · Edm.String */
  IsNaturalPerson?: string | null;
  /** Tax type · max 2 · Edm.String */
  ResponsibleType?: string | null;
  /** QM System Valid To · Edm.DateTime (0,0) */
  SuplrQltyInProcmtCertfnValidTo?: Date | null;
  /** Actual QM System · max 4 · Edm.String */
  SuplrQualityManagementSystem?: string | null;
  /** Group Key · max 10 · Edm.String */
  SupplierCorporateGroup?: string | null;
  /** Block Function · max 2 · Edm.String */
  SupplierProcurementBlock?: string | null;
  /** Tax Number 1 · max 16 · Edm.String */
  TaxNumber1?: string | null;
  /** Tax Number 2 · max 11 · Edm.String */
  TaxNumber2?: string | null;
  /** Tax Number 3 · max 18 · Edm.String */
  TaxNumber3?: string | null;
  /** Tax Number 4 · max 18 · Edm.String */
  TaxNumber4?: string | null;
  /** Tax Number 5 · max 60 · Edm.String */
  TaxNumber5?: string | null;
  /** Tax Number · max 18 · Edm.String */
  TaxNumberResponsible?: string | null;
  /** Tax Number Type · max 2 · Edm.String */
  TaxNumberType?: string | null;
  /** Relevant for POD · max 1 · Edm.String */
  SuplrProofOfDelivRlvtCode?: string | null;
  /** Tax split · Edm.Boolean */
  BR_TaxIsSplit?: boolean | null;
  to_SupplierCompany?: A_SupplierCompanyType[];
  to_SupplierPurchasingOrg?: A_SupplierPurchasingOrgType[];
  to_SupplierText?: A_SupplierTextType[];
}

export interface A_SupplierCompanyType {
  /** Supplier · max 10 · Edm.String */
  Supplier: string;
  /** Company Code · max 4 · Edm.String */
  CompanyCode: string;
  /** Authorization · max 4 · Edm.String */
  AuthorizationGroup?: string | null;
  /** Company Name · max 25 · Edm.String */
  CompanyCodeName?: string | null;
  /** Payment Block · max 1 · Edm.String */
  PaymentBlockingReason?: string | null;
  /** Co.code post.block · Edm.Boolean */
  SupplierIsBlockedForPosting?: boolean | null;
  /** Clerk Abbrev. · max 2 · Edm.String */
  AccountingClerk?: string | null;
  /** Acctg clerk's fax · max 31 · Edm.String */
  AccountingClerkFaxNumber?: string | null;
  /** Acct.clerks tel.no. · max 30 · Edm.String */
  AccountingClerkPhoneNumber?: string | null;
  /** Clerk at vendor · max 15 · Edm.String */
  SupplierClerk?: string | null;
  /** Clrk's internet add. · max 130 · Edm.String */
  SupplierClerkURL?: string | null;
  /** Payment Methods · max 10 · Edm.String */
  PaymentMethodsList?: string | null;
  /** Terms of Payment · max 4 · Edm.String */
  PaymentTerms?: string | null;
  /** Clearing with cust. · Edm.Boolean */
  ClearCustomerSupplier?: boolean | null;
  /** Local Processing · Edm.Boolean */
  IsToBeLocallyProcessed?: boolean | null;
  /** Individual Payment · Edm.Boolean */
  ItemIsToBePaidSeparately?: boolean | null;
  /** Pmnt advice by EDI · Edm.Boolean */
  PaymentIsToBeSentByEDI?: boolean | null;
  /** House Bank · max 5 · Edm.String */
  HouseBank?: string | null;
  /** Check Cashing Time · Edm.Decimal (3,0) */
  CheckPaidDurationInDays?: string | null;
  /** Currency · max 5 · Edm.String */
  Currency?: string | null;
  /** Bill/Ex. Limit · Edm.Decimal (14,3) */
  BillOfExchLmtAmtInCoCodeCrcy?: string | null;
  /** Account with vendor · max 12 · Edm.String */
  SupplierClerkIDBySupplier?: string | null;
  /** Reconciliation Acct · max 10 · Edm.String */
  ReconciliationAccount?: string | null;
  /** Interest indicator · max 2 · Edm.String */
  InterestCalculationCode?: string | null;
  /** Last Key Date · Edm.DateTime (0,0) */
  InterestCalculationDate?: Date | null;
  /** Int.Calc.Freq. · max 2 · Edm.String */
  IntrstCalcFrequencyInMonths?: string | null;
  /** Head office · max 10 · Edm.String */
  SupplierHeadOffice?: string | null;
  /** Alternative payee · max 10 · Edm.String */
  AlternativePayee?: string | null;
  /** Sort Key · max 3 · Edm.String */
  LayoutSortingRule?: string | null;
  /** Tolerance Group · max 4 · Edm.String */
  APARToleranceGroup?: string | null;
  /** Certification Date · Edm.DateTime (0,0) */
  SupplierCertificationDate?: Date | null;
  /** Account Memo · max 30 · Edm.String */
  SupplierAccountNote?: string | null;
  /** WTax C/R Key · max 3 · Edm.String */
  WithholdingTaxCountry?: string | null;
  /** Co.cde deletion flag · Edm.Boolean */
  DeletionIndicator?: boolean | null;
  /** Planning Group · max 10 · Edm.String */
  CashPlanningGroup?: string | null;
  /** Check Double Invoice · Edm.Boolean */
  IsToBeCheckedForDuplicates?: boolean | null;
  /** Minority Indicator · max 3 · Edm.String */
  MinorityGroup?: string | null;
  /** Account Group · max 4 · Edm.String */
  SupplierAccountGroup?: string | null;
  to_CompanyText?: A_SupplierCompanyTextType[];
  to_Supplier?: A_SupplierType | null;
  to_SupplierDunning?: A_SupplierDunningType[];
  to_SupplierWithHoldingTax?: A_SupplierWithHoldingTaxType[];
}

export interface A_SupplierCompanyTextType {
  /** Supplier · max 10 · Edm.String */
  Supplier: string;
  /** Company Code · max 4 · Edm.String */
  CompanyCode: string;
  /** Language · max 2 · Edm.String */
  Language: string;
  /** Text ID · max 4 · Edm.String */
  LongTextID: string;
  /** String · Edm.String */
  LongText?: string | null;
}

export interface A_SupplierDunningType {
  /** Supplier · max 10 · Edm.String */
  Supplier: string;
  /** Company Code · max 4 · Edm.String */
  CompanyCode: string;
  /** Dunning Area · max 2 · Edm.String */
  DunningArea: string;
  /** Dunning Block · max 1 · Edm.String */
  DunningBlock?: string | null;
  /** Dunning Level · max 1 · Edm.String */
  DunningLevel?: string | null;
  /** Dunning Procedure · max 4 · Edm.String */
  DunningProcedure?: string | null;
  /** Dunn.recipient · max 10 · Edm.String */
  DunningRecipient?: string | null;
  /** Last Dunned · Edm.DateTime (0,0) */
  LastDunnedOn?: Date | null;
  /** Legal Dunn.Proc.From · Edm.DateTime (0,0) */
  LegDunningProcedureOn?: Date | null;
  /** Dunning Clerk · max 2 · Edm.String */
  DunningClerk?: string | null;
  /** Authorization · max 4 · Edm.String */
  AuthorizationGroup?: string | null;
  /** Account Group · max 4 · Edm.String */
  SupplierAccountGroup?: string | null;
}

export interface A_SupplierPartnerFuncType {
  /** Supplier · max 10 · Edm.String */
  Supplier: string;
  /** Purch. Organization · max 4 · Edm.String */
  PurchasingOrganization: string;
  /** Supplier Subrange · max 6 · Edm.String */
  SupplierSubrange: string;
  /** Plant · max 4 · Edm.String */
  Plant: string;
  /** Partner Function · max 2 · Edm.String */
  PartnerFunction: string;
  /** Partner counter · max 3 · Edm.String */
  PartnerCounter: string;
  /** Default Partner · Edm.Boolean */
  DefaultPartner?: boolean | null;
  /** Created On · Edm.DateTime (0,0) */
  CreationDate?: Date | null;
  /** Created By · max 12 · Edm.String */
  CreatedByUser?: string | null;
  /** Ref. to vendor · max 10 · Edm.String */
  ReferenceSupplier?: string | null;
  /** Authorization · max 4 · Edm.String */
  AuthorizationGroup?: string | null;
}

export interface A_SupplierPurchasingOrgType {
  /** Supplier · max 10 · Edm.String */
  Supplier: string;
  /** Purch. Organization · max 4 · Edm.String */
  PurchasingOrganization: string;
  /** Schema Grp, Supplier · max 2 · Edm.String */
  CalculationSchemaGroupCode?: string | null;
  /** Del. flag POrg. · Edm.Boolean */
  DeletionIndicator?: boolean | null;
  /** Incoterms · max 3 · Edm.String */
  IncotermsClassification?: string | null;
  /** Incoterms (Part 2) · max 28 · Edm.String */
  IncotermsTransferLocation?: string | null;
  /** Incoterms Version · max 4 · Edm.String */
  IncotermsVersion?: string | null;
  /** Incoterms Location 1 · max 70 · Edm.String */
  IncotermsLocation1?: string | null;
  /** Incoterms Location 2 · max 70 · Edm.String */
  IncotermsLocation2?: string | null;
  /** GR-Based Inv. Verif. · Edm.Boolean */
  InvoiceIsGoodsReceiptBased?: boolean | null;
  /** Planned Deliv. Time · Edm.Decimal (3,0) */
  MaterialPlannedDeliveryDurn?: string | null;
  /** Minimum order value · Edm.Decimal (14,3) */
  MinimumOrderAmount?: string | null;
  /** Terms of Payment · max 4 · Edm.String */
  PaymentTerms?: string | null;
  /** Pricing Date Control · max 1 · Edm.String */
  PricingDateControl?: string | null;
  /** Automatic PO · Edm.Boolean */
  PurOrdAutoGenerationIsAllowed?: boolean | null;
  /** Order currency · max 5 · Edm.String */
  PurchaseOrderCurrency?: string | null;
  /** Purchasing Group · max 3 · Edm.String */
  PurchasingGroup?: string | null;
  /** Pur. block POrg · Edm.Boolean */
  PurchasingIsBlockedForSupplier?: boolean | null;
  /** Shipping Conditions · max 2 · Edm.String */
  ShippingCondition?: string | null;
  /** ABC indicator · max 1 · Edm.String */
  SupplierABCClassificationCode?: string | null;
  /** Telephone · max 16 · Edm.String */
  SupplierPhoneNumber?: string | null;
  /** Salesperson · max 30 · Edm.String */
  SupplierRespSalesPersonName?: string | null;
  /** Confirmation Control · max 4 · Edm.String */
  SupplierConfirmationControlKey?: string | null;
  /** Acknowledgment Reqd · Edm.Boolean */
  IsOrderAcknRqd?: boolean | null;
  /** Authorization · max 4 · Edm.String */
  AuthorizationGroup?: string | null;
  /** Account Group · max 4 · Edm.String */
  SupplierAccountGroup?: string | null;
  to_PartnerFunction?: A_SupplierPartnerFuncType[];
  to_PurchasingOrgText?: A_SupplierPurchasingOrgTextType[];
}

export interface A_SupplierPurchasingOrgTextType {
  /** max 10 · Edm.String */
  Supplier: string;
  /** max 4 · Edm.String */
  PurchasingOrganization: string;
  /** Language · max 2 · Edm.String */
  Language: string;
  /** Text ID · max 4 · Edm.String */
  LongTextID: string;
  /** String · Edm.String */
  LongText?: string | null;
}

export interface A_SupplierTextType {
  /** Supplier · max 10 · Edm.String */
  Supplier: string;
  /** Language · max 2 · Edm.String */
  Language: string;
  /** Text ID · max 4 · Edm.String */
  LongTextID: string;
  /** String · Edm.String */
  LongText?: string | null;
}

export interface A_SupplierWithHoldingTaxType {
  /** Supplier · max 10 · Edm.String */
  Supplier: string;
  /** Company Code · max 4 · Edm.String */
  CompanyCode: string;
  /** Withholding Tax Type · max 2 · Edm.String */
  WithholdingTaxType: string;
  /** Exemption Start Date · Edm.DateTime (0,0) */
  ExemptionDateBegin?: Date | null;
  /** Exemption End Date · Edm.DateTime (0,0) */
  ExemptionDateEnd?: Date | null;
  /** Exemption Reason · max 2 · Edm.String */
  ExemptionReason?: string | null;
  /** Subject to W/Tx · Edm.Boolean */
  IsWithholdingTaxSubject?: boolean | null;
  /** Recipient Type · max 2 · Edm.String */
  RecipientType?: string | null;
  /** Exemption Number · max 25 · Edm.String */
  WithholdingTaxCertificate?: string | null;
  /** W/Tax Code · max 2 · Edm.String */
  WithholdingTaxCode?: string | null;
  /** Exemption Rate · Edm.Decimal (5,2) */
  WithholdingTaxExmptPercent?: string | null;
  /** W/tax number · max 16 · Edm.String */
  WithholdingTaxNumber?: string | null;
  /** Authorization · max 4 · Edm.String */
  AuthorizationGroup?: string | null;
}

export const API_BUSINESS_PARTNER_MODEL: EdmService = {"name":"API_BUSINESS_PARTNER","namespace":"API_BUSINESS_PARTNER","entityTypes":{"A_AddressEmailAddressType":{"name":"A_AddressEmailAddressType","keys":["AddressID","Person","OrdinalNumber"],"properties":[{"name":"AddressID","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Address Number"},{"name":"Person","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Person Number"},{"name":"OrdinalNumber","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Sequence Number"},{"name":"IsDefaultEmailAddress","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Standard addr."},{"name":"EmailAddress","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":241,"label":"Email Address"},{"name":"SearchEmailAddress","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":20,"label":"E-Mail Address"},{"name":"AddressCommunicationRemarkText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":50,"label":"Notes"}],"navigationProperties":[]},"A_AddressFaxNumberType":{"name":"A_AddressFaxNumberType","keys":["AddressID","Person","OrdinalNumber"],"properties":[{"name":"AddressID","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Address Number"},{"name":"Person","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Person Number"},{"name":"OrdinalNumber","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Sequence Number"},{"name":"IsDefaultFaxNumber","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Standard No."},{"name":"FaxCountry","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Country/Region"},{"name":"FaxNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":30,"label":"Fax"},{"name":"FaxNumberExtension","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Extension"},{"name":"InternationalFaxNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":30,"label":"Fax Number"},{"name":"AddressCommunicationRemarkText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":50,"label":"Notes"}],"navigationProperties":[]},"A_AddressHomePageURLType":{"name":"A_AddressHomePageURLType","keys":["AddressID","Person","OrdinalNumber","ValidityStartDate","IsDefaultURLAddress"],"properties":[{"name":"AddressID","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Address Number"},{"name":"Person","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Person Number"},{"name":"OrdinalNumber","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Sequence Number"},{"name":"ValidityStartDate","type":"Edm.DateTime","nullable":false,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"from"},{"name":"IsDefaultURLAddress","type":"Edm.Boolean","nullable":false,"creatable":true,"updatable":true,"filterable":true,"label":"Standard addr."},{"name":"SearchURLAddress","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":50,"label":"URI address"},{"name":"AddressCommunicationRemarkText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":50,"label":"Notes"},{"name":"URLFieldLength","type":"Edm.Int16","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"URI length"},{"name":"WebsiteURL","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2048,"label":"URI"}],"navigationProperties":[]},"A_AddressPhoneNumberType":{"name":"A_AddressPhoneNumberType","keys":["AddressID","Person","OrdinalNumber"],"properties":[{"name":"AddressID","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Address Number"},{"name":"Person","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Person Number"},{"name":"OrdinalNumber","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Sequence Number"},{"name":"DestinationLocationCountry","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Country/Region"},{"name":"IsDefaultPhoneNumber","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Standard No."},{"name":"PhoneNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":30,"label":"Telephone"},{"name":"PhoneNumberExtension","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Extension"},{"name":"InternationalPhoneNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":30,"label":"Telephone Number"},{"name":"PhoneNumberType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Mobile phone"},{"name":"AddressCommunicationRemarkText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":50,"label":"Notes"}],"navigationProperties":[]},"A_BPContactToAddressType":{"name":"A_BPContactToAddressType","keys":["RelationshipNumber","BusinessPartnerCompany","BusinessPartnerPerson","ValidityEndDate","AddressID"],"properties":[{"name":"RelationshipNumber","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":12,"label":"BP Relationship No."},{"name":"BusinessPartnerCompany","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Business Partner"},{"name":"BusinessPartnerPerson","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Business Partner"},{"name":"ValidityEndDate","type":"Edm.DateTime","nullable":false,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid To"},{"name":"AddressID","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Address Number"},{"name":"AddressNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Address Number"},{"name":"AdditionalStreetPrefixName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Street 3"},{"name":"AdditionalStreetSuffixName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Street 5"},{"name":"AddressTimeZone","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Time zone"},{"name":"CareOfName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"c/o"},{"name":"CityCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":12,"label":"City Code"},{"name":"CityName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"City"},{"name":"CompanyPostalCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Company Postal Code"},{"name":"Country","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Country/Region Key"},{"name":"County","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"County"},{"name":"DeliveryServiceNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Delivery Service No."},{"name":"DeliveryServiceTypeCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Delvry Serv Type"},{"name":"District","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"District"},{"name":"FormOfAddress","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":4,"label":"Title"},{"name":"FullName","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":80,"label":"Full Name"},{"name":"HomeCityName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Different City"},{"name":"HouseNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"House Number"},{"name":"HouseNumberSupplementText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Supplement"},{"name":"Language","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Language Key"},{"name":"POBox","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"PO Box"},{"name":"POBoxDeviatingCityName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"PO Box City"},{"name":"POBoxDeviatingCountry","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"PO Box Ctry/Region"},{"name":"POBoxDeviatingRegion","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"PO Box Region"},{"name":"POBoxIsWithoutNumber","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"PO Box w/o No."},{"name":"POBoxLobbyName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"PO Box Lobby"},{"name":"POBoxPostalCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"PO Box Postal Code"},{"name":"Person","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Person Number"},{"name":"PostalCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Postal Code"},{"name":"PrfrdCommMediumType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Comm. Method"},{"name":"Region","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Region"},{"name":"StreetName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":60,"label":"Street"},{"name":"StreetPrefixName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Street 2"},{"name":"StreetSuffixName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Street 4"},{"name":"TaxJurisdiction","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":15,"label":"Tax Jurisdiction"},{"name":"TransportZone","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Transportation Zone"},{"name":"AddressRepresentationCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Address Version"},{"name":"ContactRelationshipFunction","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Function"},{"name":"ContactRelationshipDepartment","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Department"},{"name":"Floor","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Floor"},{"name":"ContactPersonBuilding","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Building code"},{"name":"RoomNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Room Number"},{"name":"ContactPersonPrfrdCommMedium","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Comm. Method"},{"name":"CorrespondenceShortName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Short name"},{"name":"InhouseMail","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Internal mail"}],"navigationProperties":[{"name":"to_EmailAddress","target":"A_AddressEmailAddressType","multiplicity":"*"},{"name":"to_FaxNumber","target":"A_AddressFaxNumberType","multiplicity":"*"},{"name":"to_MobilePhoneNumber","target":"A_AddressPhoneNumberType","multiplicity":"*"},{"name":"to_PhoneNumber","target":"A_AddressPhoneNumberType","multiplicity":"*"},{"name":"to_URLAddress","target":"A_AddressHomePageURLType","multiplicity":"*"}]},"A_BPContactToFuncAndDeptType":{"name":"A_BPContactToFuncAndDeptType","keys":["RelationshipNumber","BusinessPartnerCompany","BusinessPartnerPerson","ValidityEndDate"],"properties":[{"name":"RelationshipNumber","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":12,"label":"BP Relationship No."},{"name":"BusinessPartnerCompany","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Business Partner"},{"name":"BusinessPartnerPerson","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Business Partner"},{"name":"ValidityEndDate","type":"Edm.DateTime","nullable":false,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid To"},{"name":"ContactPersonFunction","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Function"},{"name":"ContactPersonDepartment","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Department"},{"name":"PhoneNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":30,"label":"Telephone"},{"name":"PhoneNumberExtension","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Extension"},{"name":"FaxNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":30,"label":"Fax"},{"name":"FaxNumberExtension","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Extension"},{"name":"EmailAddress","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":241,"label":"Email Address"},{"name":"RelationshipCategory","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Relationship Cat."}],"navigationProperties":[]},"A_BuPaAddressUsageType":{"name":"A_BuPaAddressUsageType","keys":["BusinessPartner","ValidityEndDate","AddressUsage","AddressID"],"properties":[{"name":"BusinessPartner","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Business Partner"},{"name":"ValidityEndDate","type":"Edm.DateTimeOffset","nullable":false,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid To"},{"name":"AddressUsage","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Address Type"},{"name":"AddressID","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Address Number"},{"name":"ValidityStartDate","type":"Edm.DateTimeOffset","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid From"},{"name":"StandardUsage","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Standard Usage"},{"name":"AuthorizationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Authorization Group"}],"navigationProperties":[]},"A_BuPaIdentificationType":{"name":"A_BuPaIdentificationType","keys":["BusinessPartner","BPIdentificationType","BPIdentificationNumber"],"properties":[{"name":"BusinessPartner","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Business Partner"},{"name":"BPIdentificationType","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Identification Type"},{"name":"BPIdentificationNumber","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":60,"label":"ID number"},{"name":"BPIdnNmbrIssuingInstitute","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Responsible Institn"},{"name":"BPIdentificationEntryDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Entry date"},{"name":"Country","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Country/Region"},{"name":"Region","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Region"},{"name":"ValidityStartDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid from"},{"name":"ValidityEndDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid To"},{"name":"AuthorizationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Authorization Group"}],"navigationProperties":[]},"A_BuPaIndustryType":{"name":"A_BuPaIndustryType","keys":["IndustrySector","IndustrySystemType","BusinessPartner"],"properties":[{"name":"IndustrySector","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Industry"},{"name":"IndustrySystemType","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Industry System"},{"name":"BusinessPartner","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Business Partner"},{"name":"IsStandardIndustry","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Standard Industry"},{"name":"IndustryKeyDescription","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":100,"label":"Description"}],"navigationProperties":[]},"A_BusinessPartnerType":{"name":"A_BusinessPartnerType","keys":["BusinessPartner"],"properties":[{"name":"BusinessPartner","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Business Partner"},{"name":"Customer","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Customer"},{"name":"Supplier","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Supplier"},{"name":"AcademicTitle","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Academic Title 1"},{"name":"AuthorizationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Authorization Group"},{"name":"BusinessPartnerCategory","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"BP Category"},{"name":"BusinessPartnerFullName","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":81},{"name":"BusinessPartnerGrouping","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Grouping"},{"name":"BusinessPartnerName","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":81},{"name":"BusinessPartnerUUID","type":"Edm.Guid","nullable":true,"creatable":false,"updatable":false,"filterable":true,"label":"BP GUID"},{"name":"CorrespondenceLanguage","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Correspondence lang."},{"name":"CreatedByUser","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":12,"label":"Created By"},{"name":"CreationDate","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":0,"label":"Created on"},{"name":"CreationTime","type":"Edm.Time","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":0,"label":"Created at"},{"name":"FirstName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"First Name"},{"name":"FormOfAddress","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Title"},{"name":"Industry","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Industry sector"},{"name":"InternationalLocationNumber1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":7,"label":"Int. location no. 1"},{"name":"InternationalLocationNumber2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Int. location no. 2"},{"name":"IsFemale","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Female"},{"name":"IsMale","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Male"},{"name":"IsNaturalPerson","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Natural Person"},{"name":"IsSexUnknown","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Unknown"},{"name":"GenderCodeName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Gender"},{"name":"Language","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Language"},{"name":"LastChangeDate","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":0,"label":"Changed on"},{"name":"LastChangeTime","type":"Edm.Time","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":0,"label":"Changed at"},{"name":"LastChangedByUser","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":12,"label":"Changed by"},{"name":"LastName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Last Name"},{"name":"LegalForm","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Legal form"},{"name":"OrganizationBPName1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Name 1"},{"name":"OrganizationBPName2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Name 2"},{"name":"OrganizationBPName3","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Name 3"},{"name":"OrganizationBPName4","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Name 4"},{"name":"OrganizationFoundationDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Date founded"},{"name":"OrganizationLiquidationDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Liquidation date"},{"name":"SearchTerm1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":20,"label":"Search Term 1"},{"name":"SearchTerm2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":20,"label":"Search Term 2"},{"name":"AdditionalLastName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Other Last Name"},{"name":"BirthDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Date of Birth"},{"name":"BusinessPartnerBirthDateStatus","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Birth Date Status"},{"name":"BusinessPartnerBirthplaceName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Birthplace"},{"name":"BusinessPartnerDeathDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Death date"},{"name":"BusinessPartnerIsBlocked","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Central Block"},{"name":"BusinessPartnerType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"BP Type"},{"name":"ETag","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":26},{"name":"GroupBusinessPartnerName1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Name 1"},{"name":"GroupBusinessPartnerName2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Name 2"},{"name":"IndependentAddressID","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Address Number"},{"name":"InternationalLocationNumber3","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Check digit"},{"name":"MiddleName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Middle Name"},{"name":"NameCountry","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Ctry/Reg. for Format"},{"name":"NameFormat","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Name Format"},{"name":"PersonFullName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":80,"label":"Full Name"},{"name":"PersonNumber","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Person Number"},{"name":"IsMarkedForArchiving","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Archiving Flag"},{"name":"BusinessPartnerIDByExtSystem","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":20,"label":"External BP Number"},{"name":"TradingPartner","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Trading Partner No."}],"navigationProperties":[{"name":"to_BuPaIdentification","target":"A_BuPaIdentificationType","multiplicity":"*"},{"name":"to_BuPaIndustry","target":"A_BuPaIndustryType","multiplicity":"*"},{"name":"to_BusinessPartnerAddress","target":"A_BusinessPartnerAddressType","multiplicity":"*"},{"name":"to_BusinessPartnerBank","target":"A_BusinessPartnerBankType","multiplicity":"*"},{"name":"to_BusinessPartnerContact","target":"A_BusinessPartnerContactType","multiplicity":"*"},{"name":"to_BusinessPartnerRole","target":"A_BusinessPartnerRoleType","multiplicity":"*"},{"name":"to_BusinessPartnerTax","target":"A_BusinessPartnerTaxNumberType","multiplicity":"*"},{"name":"to_Customer","target":"A_CustomerType","multiplicity":"0..1"},{"name":"to_Supplier","target":"A_SupplierType","multiplicity":"0..1"}]},"A_BusinessPartnerAddressType":{"name":"A_BusinessPartnerAddressType","keys":["BusinessPartner","AddressID"],"properties":[{"name":"BusinessPartner","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Business Partner"},{"name":"AddressID","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Address Number"},{"name":"ValidityStartDate","type":"Edm.DateTimeOffset","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid From"},{"name":"ValidityEndDate","type":"Edm.DateTimeOffset","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid To"},{"name":"AuthorizationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Authorization Group"},{"name":"AddressUUID","type":"Edm.Guid","nullable":true,"creatable":false,"updatable":false,"filterable":true,"label":"GUID of a Business Partner Address"},{"name":"AdditionalStreetPrefixName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Street 3"},{"name":"AdditionalStreetSuffixName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Street 5"},{"name":"AddressTimeZone","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Time zone"},{"name":"CareOfName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"c/o"},{"name":"CityCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":12,"label":"City Code"},{"name":"CityName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"City"},{"name":"CompanyPostalCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Company Postal Code"},{"name":"Country","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Country/Region Key"},{"name":"County","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"County"},{"name":"DeliveryServiceNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Delivery Service No."},{"name":"DeliveryServiceTypeCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Delvry Serv Type"},{"name":"District","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"District"},{"name":"FormOfAddress","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":4,"label":"Title"},{"name":"FullName","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":80,"label":"Full Name"},{"name":"HomeCityName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Different City"},{"name":"HouseNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"House Number"},{"name":"HouseNumberSupplementText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Supplement"},{"name":"Language","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Language Key"},{"name":"POBox","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"PO Box"},{"name":"POBoxDeviatingCityName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"PO Box City"},{"name":"POBoxDeviatingCountry","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"PO Box Ctry/Region"},{"name":"POBoxDeviatingRegion","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"PO Box Region"},{"name":"POBoxIsWithoutNumber","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"PO Box w/o No."},{"name":"POBoxLobbyName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"PO Box Lobby"},{"name":"POBoxPostalCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"PO Box Postal Code"},{"name":"Person","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Person Number"},{"name":"PostalCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Postal Code"},{"name":"PrfrdCommMediumType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Comm. Method"},{"name":"Region","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Region"},{"name":"StreetName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":60,"label":"Street"},{"name":"StreetPrefixName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Street 2"},{"name":"StreetSuffixName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Street 4"},{"name":"TaxJurisdiction","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":15,"label":"Tax Jurisdiction"},{"name":"TransportZone","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Transportation Zone"},{"name":"AddressIDByExternalSystem","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":20,"label":"External Address No."},{"name":"CountyCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":8,"label":"County code"},{"name":"TownshipCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":8,"label":"Township code"},{"name":"TownshipName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Township"}],"navigationProperties":[{"name":"to_AddressUsage","target":"A_BuPaAddressUsageType","multiplicity":"*"},{"name":"to_EmailAddress","target":"A_AddressEmailAddressType","multiplicity":"*"},{"name":"to_FaxNumber","target":"A_AddressFaxNumberType","multiplicity":"*"},{"name":"to_MobilePhoneNumber","target":"A_AddressPhoneNumberType","multiplicity":"*"},{"name":"to_PhoneNumber","target":"A_AddressPhoneNumberType","multiplicity":"*"},{"name":"to_URLAddress","target":"A_AddressHomePageURLType","multiplicity":"*"}]},"A_BusinessPartnerBankType":{"name":"A_BusinessPartnerBankType","keys":["BusinessPartner","BankIdentification"],"properties":[{"name":"BusinessPartner","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Business Partner"},{"name":"BankIdentification","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Bank details ID"},{"name":"BankCountryKey","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Bank Country/Region"},{"name":"BankName","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":60,"label":"Bank Name"},{"name":"BankNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":15,"label":"Bank Key"},{"name":"SWIFTCode","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":11,"label":"SWIFT/BIC"},{"name":"BankControlKey","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Bank Control Key"},{"name":"BankAccountHolderName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":60,"label":"Account Holder"},{"name":"BankAccountName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Account Name"},{"name":"ValidityStartDate","type":"Edm.DateTimeOffset","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid From"},{"name":"ValidityEndDate","type":"Edm.DateTimeOffset","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid To"},{"name":"IBAN","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":34,"label":"IBAN"},{"name":"IBANValidityStartDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"IBAN Valid From"},{"name":"BankAccount","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":18,"label":"Bank Account"},{"name":"BankAccountReferenceText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":20,"label":"Reference Details"},{"name":"CollectionAuthInd","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Collect.author."},{"name":"CityName","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":35,"label":"City"},{"name":"AuthorizationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Authorization Group"}],"navigationProperties":[]},"A_BusinessPartnerContactType":{"name":"A_BusinessPartnerContactType","keys":["RelationshipNumber","BusinessPartnerCompany","BusinessPartnerPerson","ValidityEndDate"],"properties":[{"name":"RelationshipNumber","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":12,"label":"BP Relationship No."},{"name":"BusinessPartnerCompany","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Business Partner"},{"name":"BusinessPartnerPerson","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Business Partner"},{"name":"ValidityEndDate","type":"Edm.DateTime","nullable":false,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid To"},{"name":"ValidityStartDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid From"},{"name":"IsStandardRelationship","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Standard"},{"name":"RelationshipCategory","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Relationship Cat."}],"navigationProperties":[{"name":"to_ContactAddress","target":"A_BPContactToAddressType","multiplicity":"*"},{"name":"to_ContactRelationship","target":"A_BPContactToFuncAndDeptType","multiplicity":"0..1"}]},"A_BusinessPartnerRoleType":{"name":"A_BusinessPartnerRoleType","keys":["BusinessPartner","BusinessPartnerRole"],"properties":[{"name":"BusinessPartner","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Business Partner"},{"name":"BusinessPartnerRole","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"BP Role"},{"name":"ValidFrom","type":"Edm.DateTimeOffset","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid From"},{"name":"ValidTo","type":"Edm.DateTimeOffset","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Valid To"},{"name":"AuthorizationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Authorization Group"}],"navigationProperties":[]},"A_BusinessPartnerTaxNumberType":{"name":"A_BusinessPartnerTaxNumberType","keys":["BusinessPartner","BPTaxType"],"properties":[{"name":"BusinessPartner","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Business Partner"},{"name":"BPTaxType","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Tax Number Category"},{"name":"BPTaxNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":20,"label":"Tax number"},{"name":"BPTaxLongNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":60,"label":"Tax Number"},{"name":"AuthorizationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Authorization Group"}],"navigationProperties":[]},"A_CustomerType":{"name":"A_CustomerType","keys":["Customer"],"properties":[{"name":"Customer","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Customer"},{"name":"AuthorizationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Authorization"},{"name":"BillingIsBlockedForCustomer","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Billing Block"},{"name":"CreatedByUser","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":12,"label":"Created by"},{"name":"CreationDate","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":0,"label":"Created on"},{"name":"CustomerAccountGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Account Group"},{"name":"CustomerClassification","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Customer Classific."},{"name":"CustomerFullName","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":220,"label":"Customer Name"},{"name":"CustomerName","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":80,"label":"Name of Customer"},{"name":"DeliveryIsBlocked","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Delivery block"},{"name":"NFPartnerIsNaturalPerson","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Natural Person"},{"name":"OrderIsBlockedForCustomer","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Order Block"},{"name":"PostingIsBlocked","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Posting Block"},{"name":"Supplier","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Supplier"},{"name":"CustomerCorporateGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Group Key"},{"name":"FiscalAddress","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Fiscal address"},{"name":"Industry","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":4,"label":"Industry"},{"name":"IndustryCode1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Industry Code 1"},{"name":"IndustryCode2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Industry Code 2"},{"name":"IndustryCode3","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Industry Code 3"},{"name":"IndustryCode4","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Industry Code 4"},{"name":"IndustryCode5","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Industry Code 5"},{"name":"InternationalLocationNumber1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":7,"label":"Int. location no. 1"},{"name":"NielsenRegion","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Nielsen Indicator"},{"name":"ResponsibleType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Tax type"},{"name":"TaxNumber1","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":16,"label":"Tax Number 1"},{"name":"TaxNumber2","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":11,"label":"Tax Number 2"},{"name":"TaxNumber3","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":18,"label":"Tax Number 3"},{"name":"TaxNumber4","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":18,"label":"Tax Number 4"},{"name":"TaxNumber5","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":60,"label":"Tax Number 5"},{"name":"TaxNumberType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Tax Number Type"},{"name":"VATRegistration","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":20,"label":"VAT Registration No."},{"name":"DeletionIndicator","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Deletion flag"},{"name":"ExpressTrainStationName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":25,"label":"Express station"},{"name":"TrainStationName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":25,"label":"Train station"},{"name":"CityCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"City Code"},{"name":"County","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"County Code"}],"navigationProperties":[{"name":"to_CustomerCompany","target":"A_CustomerCompanyType","multiplicity":"*"},{"name":"to_CustomerSalesArea","target":"A_CustomerSalesAreaType","multiplicity":"*"},{"name":"to_CustomerTaxGrouping","target":"A_CustomerTaxGroupingType","multiplicity":"*"},{"name":"to_CustomerText","target":"A_CustomerTextType","multiplicity":"*"},{"name":"to_CustomerUnloadingPoint","target":"A_CustomerUnloadingPointType","multiplicity":"*"}]},"A_CustomerCompanyType":{"name":"A_CustomerCompanyType","keys":["Customer","CompanyCode"],"properties":[{"name":"Customer","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Customer"},{"name":"CompanyCode","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Company Code"},{"name":"APARToleranceGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Tolerance Group"},{"name":"AccountByCustomer","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":12,"label":"Account at customer"},{"name":"AccountingClerk","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Clerk Abbrev."},{"name":"AccountingClerkFaxNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":31,"label":"Acctg clerk's fax"},{"name":"AccountingClerkInternetAddress","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":130,"label":"Clrk's internet add."},{"name":"AccountingClerkPhoneNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":30,"label":"Acct.clerks tel.no."},{"name":"AlternativePayerAccount","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Alternative payer"},{"name":"AuthorizationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Authorization"},{"name":"CollectiveInvoiceVariant","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Coll.Invoice Variant"},{"name":"CustomerAccountNote","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":30,"label":"Account Memo"},{"name":"CustomerHeadOffice","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Head office"},{"name":"CustomerSupplierClearingIsUsed","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Clearing with vendor"},{"name":"HouseBank","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"House Bank"},{"name":"InterestCalculationCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Interest indicator"},{"name":"InterestCalculationDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Last Key Date"},{"name":"IntrstCalcFrequencyInMonths","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Int.Calc.Freq."},{"name":"IsToBeLocallyProcessed","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Local Processing"},{"name":"ItemIsToBePaidSeparately","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Individual Payment"},{"name":"LayoutSortingRule","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Sort Key"},{"name":"PaymentBlockingReason","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Payment Block"},{"name":"PaymentMethodsList","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Payment Methods"},{"name":"PaymentTerms","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Terms of Payment"},{"name":"PaytAdviceIsSentbyEDI","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Pmnt advice by EDI"},{"name":"PhysicalInventoryBlockInd","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Co.code post.block"},{"name":"ReconciliationAccount","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Reconciliation Acct"},{"name":"RecordPaymentHistoryIndicator","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Record Pmnt History"},{"name":"UserAtCustomer","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":15,"label":"User at customer"},{"name":"DeletionIndicator","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Co.cde deletion flag"},{"name":"CashPlanningGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Planning Group"},{"name":"KnownOrNegotiatedLeave","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Known/Negotiat.Leave"},{"name":"ValueAdjustmentKey","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Value Adjustment"},{"name":"CustomerAccountGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Account Group"}],"navigationProperties":[{"name":"to_CompanyText","target":"A_CustomerCompanyTextType","multiplicity":"*"},{"name":"to_CustomerDunning","target":"A_CustomerDunningType","multiplicity":"*"},{"name":"to_WithHoldingTax","target":"A_CustomerWithHoldingTaxType","multiplicity":"*"}]},"A_CustomerCompanyTextType":{"name":"A_CustomerCompanyTextType","keys":["Customer","CompanyCode","Language","LongTextID"],"properties":[{"name":"Customer","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Customer"},{"name":"CompanyCode","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Company Code"},{"name":"Language","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Language"},{"name":"LongTextID","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Text ID"},{"name":"LongText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":false,"label":"String"}],"navigationProperties":[]},"A_CustomerDunningType":{"name":"A_CustomerDunningType","keys":["Customer","CompanyCode","DunningArea"],"properties":[{"name":"Customer","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Customer"},{"name":"CompanyCode","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Company Code"},{"name":"DunningArea","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Dunning Area"},{"name":"DunningBlock","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Dunning Block"},{"name":"DunningLevel","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Dunning Level"},{"name":"DunningProcedure","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Dunning Procedure"},{"name":"DunningRecipient","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Dunning Recipient"},{"name":"LastDunnedOn","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Last Dunned"},{"name":"LegDunningProcedureOn","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Legal Dunn.Proc.From"},{"name":"DunningClerk","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Dunning Clerk"},{"name":"AuthorizationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Authorization"},{"name":"CustomerAccountGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Account Group"}],"navigationProperties":[]},"A_CustomerSalesAreaType":{"name":"A_CustomerSalesAreaType","keys":["Customer","SalesOrganization","DistributionChannel","Division"],"properties":[{"name":"Customer","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Customer"},{"name":"SalesOrganization","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Sales Organization"},{"name":"DistributionChannel","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Distribution Channel"},{"name":"Division","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Division"},{"name":"AccountByCustomer","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":12,"label":"Account at customer"},{"name":"AuthorizationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Authorization Group"},{"name":"BillingIsBlockedForCustomer","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"BBlock for SlsA"},{"name":"CompleteDeliveryIsDefined","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Complete Delivery"},{"name":"Currency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Currency"},{"name":"CustomerABCClassification","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"ABC Classification"},{"name":"CustomerAccountAssignmentGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Acct Assmt Grp Cust."},{"name":"CustomerGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Customer Group"},{"name":"CustomerPaymentTerms","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Terms of Payment"},{"name":"CustomerPriceGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Customer Price Group"},{"name":"CustomerPricingProcedure","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Cust.Pric.Procedure"},{"name":"DeliveryIsBlockedForCustomer","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"DelBlckSalesAr."},{"name":"DeliveryPriority","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Delivery Priority"},{"name":"IncotermsClassification","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Incoterms"},{"name":"IncotermsLocation2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":70,"label":"Incoterms Location 2"},{"name":"IncotermsVersion","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Incoterms Version"},{"name":"IncotermsLocation1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":70,"label":"Incoterms Location 1"},{"name":"DeletionIndicator","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Del.ID SlsArea"},{"name":"IncotermsTransferLocation","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":28,"label":"Incoterms (Part 2)"},{"name":"InvoiceDate","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Invoicing Dates"},{"name":"ItemOrderProbabilityInPercent","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Order Probability"},{"name":"OrderCombinationIsAllowed","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Order Combination"},{"name":"OrderIsBlockedForCustomer","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Ord.blk:sls ar."},{"name":"PartialDeliveryIsAllowed","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Partial Deliv./Item"},{"name":"PriceListType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Price List Type"},{"name":"SalesGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Sales Group"},{"name":"SalesOffice","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Sales Office"},{"name":"ShippingCondition","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Shipping Conditions"},{"name":"SupplyingPlant","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Delivering Plant"},{"name":"SalesDistrict","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Sales District"},{"name":"InvoiceListSchedule","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Invoice List Sched."},{"name":"ExchangeRateType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Exchange Rate Type"},{"name":"AdditionalCustomerGroup1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Customer Group 1"},{"name":"AdditionalCustomerGroup2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Customer Group 2"},{"name":"AdditionalCustomerGroup3","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Customer Group 3"},{"name":"AdditionalCustomerGroup4","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Customer Group 4"},{"name":"AdditionalCustomerGroup5","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Customer Group 5"},{"name":"PaymentGuaranteeProcedure","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Paymt guarant. proc."},{"name":"CustomerAccountGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Account Group"}],"navigationProperties":[{"name":"to_PartnerFunction","target":"A_CustSalesPartnerFuncType","multiplicity":"*"},{"name":"to_SalesAreaTax","target":"A_CustomerSalesAreaTaxType","multiplicity":"*"},{"name":"to_SalesAreaText","target":"A_CustomerSalesAreaTextType","multiplicity":"*"}]},"A_CustomerSalesAreaTaxType":{"name":"A_CustomerSalesAreaTaxType","keys":["Customer","SalesOrganization","DistributionChannel","Division","DepartureCountry","CustomerTaxCategory"],"properties":[{"name":"Customer","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Customer"},{"name":"SalesOrganization","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Sales Organization"},{"name":"DistributionChannel","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"RefDistCh-Cust/Mat."},{"name":"Division","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Division"},{"name":"DepartureCountry","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Departure Ctry/Reg."},{"name":"CustomerTaxCategory","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Tax Category"},{"name":"CustomerTaxClassification","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Tax Classification"}],"navigationProperties":[]},"A_CustomerSalesAreaTextType":{"name":"A_CustomerSalesAreaTextType","keys":["Customer","SalesOrganization","DistributionChannel","Division","Language","LongTextID"],"properties":[{"name":"Customer","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Customer"},{"name":"SalesOrganization","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Sales Organization"},{"name":"DistributionChannel","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Distribution Channel"},{"name":"Division","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Division"},{"name":"Language","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Language"},{"name":"LongTextID","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Text ID"},{"name":"LongText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":false,"label":"String"}],"navigationProperties":[]},"A_CustomerTaxGroupingType":{"name":"A_CustomerTaxGroupingType","keys":["Customer","CustomerTaxGroupingCode"],"properties":[{"name":"Customer","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Customer"},{"name":"CustomerTaxGroupingCode","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Tax Category"},{"name":"CustTaxGrpExemptionCertificate","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":15,"label":"Exempt. Number"},{"name":"CustTaxGroupExemptionRate","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":2,"label":"Exemption Rate"},{"name":"CustTaxGroupExemptionStartDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Exempted from"},{"name":"CustTaxGroupExemptionEndDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Exempted until"},{"name":"CustTaxGroupSubjectedStartDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"subjected from"},{"name":"CustTaxGroupSubjectedEndDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"subjected until"}],"navigationProperties":[]},"A_CustomerTextType":{"name":"A_CustomerTextType","keys":["Customer","Language","LongTextID"],"properties":[{"name":"Customer","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Customer"},{"name":"Language","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Language"},{"name":"LongTextID","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Text ID"},{"name":"LongText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":false,"label":"String"}],"navigationProperties":[]},"A_CustomerUnloadingPointType":{"name":"A_CustomerUnloadingPointType","keys":["Customer","UnloadingPointName"],"properties":[{"name":"Customer","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Customer"},{"name":"UnloadingPointName","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":25,"label":"Unloading Point"},{"name":"CustomerFactoryCalenderCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Cust.fact.calendar"},{"name":"BPGoodsReceivingHoursCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Goods receiving hrs"},{"name":"IsDfltBPUnloadingPoint","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Default unloading pt"},{"name":"MondayMorningOpeningTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Monday"},{"name":"MondayMorningClosingTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Monday"},{"name":"MondayAfternoonOpeningTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Monday"},{"name":"MondayAfternoonClosingTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Monday"},{"name":"TuesdayMorningOpeningTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Tuesday"},{"name":"TuesdayMorningClosingTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Tuesday"},{"name":"TuesdayAfternoonOpeningTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Tuesday"},{"name":"TuesdayAfternoonClosingTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Tuesday"},{"name":"WednesdayMorningOpeningTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Wednesday"},{"name":"WednesdayMorningClosingTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Wednesday"},{"name":"WednesdayAfternoonOpeningTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Wednesday"},{"name":"WednesdayAfternoonClosingTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Wednesday"},{"name":"ThursdayMorningOpeningTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Thursday"},{"name":"ThursdayMorningClosingTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Thursday"},{"name":"ThursdayAfternoonOpeningTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Thursday"},{"name":"ThursdayAfternoonClosingTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Thursday"},{"name":"FridayMorningOpeningTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Friday"},{"name":"FridayMorningClosingTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Friday"},{"name":"FridayAfternoonOpeningTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Friday"},{"name":"FridayAfternoonClosingTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Friday"},{"name":"SaturdayMorningOpeningTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Saturday"},{"name":"SaturdayMorningClosingTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Saturday"},{"name":"SaturdayAfternoonOpeningTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Saturday"},{"name":"SaturdayAfternoonClosingTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Saturday"},{"name":"SundayMorningOpeningTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Sunday"},{"name":"SundayMorningClosingTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Sunday"},{"name":"SundayAfternoonOpeningTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Sunday"},{"name":"SundayAfternoonClosingTime","type":"Edm.Time","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Sunday"}],"navigationProperties":[]},"A_CustomerWithHoldingTaxType":{"name":"A_CustomerWithHoldingTaxType","keys":["Customer","CompanyCode","WithholdingTaxType"],"properties":[{"name":"Customer","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Customer"},{"name":"CompanyCode","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Company Code"},{"name":"WithholdingTaxType","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Withholding Tax Type"},{"name":"WithholdingTaxCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"W/Tax Code"},{"name":"WithholdingTaxAgent","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"WTax Agent"},{"name":"ObligationDateBegin","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"W/Tax Obligated Frm"},{"name":"ObligationDateEnd","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Oblig.to W/Tax Until"},{"name":"WithholdingTaxNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":16,"label":"W/tax number"},{"name":"WithholdingTaxCertificate","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":25,"label":"Exemption Number"},{"name":"WithholdingTaxExmptPercent","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":2,"label":"Exemption Rate"},{"name":"ExemptionDateBegin","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Exemption Start Date"},{"name":"ExemptionDateEnd","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Exemption End Date"},{"name":"ExemptionReason","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Exemption Reason"},{"name":"AuthorizationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Authorization"}],"navigationProperties":[]},"A_CustSalesPartnerFuncType":{"name":"A_CustSalesPartnerFuncType","keys":["Customer","SalesOrganization","DistributionChannel","Division","PartnerCounter","PartnerFunction"],"properties":[{"name":"Customer","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Customer"},{"name":"SalesOrganization","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Sales Organization"},{"name":"DistributionChannel","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Distribution Channel"},{"name":"Division","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Division"},{"name":"PartnerCounter","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Partner counter"},{"name":"PartnerFunction","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Partner Function"},{"name":"BPCustomerNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Customer"},{"name":"CustomerPartnerDescription","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":30,"label":"Partner Description"},{"name":"DefaultPartner","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Default Partner"},{"name":"Supplier","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Supplier"},{"name":"PersonnelNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":8,"label":"Personnel Number"},{"name":"ContactPerson","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Contact Person"},{"name":"AuthorizationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Authorization"}],"navigationProperties":[]},"A_SupplierType":{"name":"A_SupplierType","keys":["Supplier"],"properties":[{"name":"Supplier","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Supplier"},{"name":"AlternativePayeeAccountNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Alternative Payee"},{"name":"AuthorizationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Authorization"},{"name":"CreatedByUser","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":12,"label":"Created by"},{"name":"CreationDate","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":0,"label":"Created on"},{"name":"Customer","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Customer"},{"name":"PaymentIsBlockedForSupplier","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Payment block"},{"name":"PostingIsBlocked","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Posting Block"},{"name":"PurchasingIsBlocked","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Purch. block"},{"name":"SupplierAccountGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Account Group"},{"name":"SupplierFullName","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":220,"label":"Supplier Name"},{"name":"SupplierName","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":80,"label":"Name of Supplier"},{"name":"VATRegistration","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":20,"label":"VAT Registration No."},{"name":"BirthDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Date of Birth"},{"name":"ConcatenatedInternationalLocNo","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":20,"label":"Int. Location No."},{"name":"DeletionIndicator","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Deletion flag"},{"name":"FiscalAddress","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Fiscal address"},{"name":"Industry","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":4,"label":"Industry"},{"name":"InternationalLocationNumber1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":7,"label":"Int. location no. 1"},{"name":"InternationalLocationNumber2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Int. location no. 2"},{"name":"InternationalLocationNumber3","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Check digit"},{"name":"IsNaturalPerson","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Natural Person"},{"name":"ResponsibleType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Tax type"},{"name":"SuplrQltyInProcmtCertfnValidTo","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"QM System Valid To"},{"name":"SuplrQualityManagementSystem","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Actual QM System"},{"name":"SupplierCorporateGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Group Key"},{"name":"SupplierProcurementBlock","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Block Function"},{"name":"TaxNumber1","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":16,"label":"Tax Number 1"},{"name":"TaxNumber2","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":11,"label":"Tax Number 2"},{"name":"TaxNumber3","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":18,"label":"Tax Number 3"},{"name":"TaxNumber4","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":18,"label":"Tax Number 4"},{"name":"TaxNumber5","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":60,"label":"Tax Number 5"},{"name":"TaxNumberResponsible","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":18,"label":"Tax Number"},{"name":"TaxNumberType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Tax Number Type"},{"name":"SuplrProofOfDelivRlvtCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Relevant for POD"},{"name":"BR_TaxIsSplit","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Tax split"}],"navigationProperties":[{"name":"to_SupplierCompany","target":"A_SupplierCompanyType","multiplicity":"*"},{"name":"to_SupplierPurchasingOrg","target":"A_SupplierPurchasingOrgType","multiplicity":"*"},{"name":"to_SupplierText","target":"A_SupplierTextType","multiplicity":"*"}]},"A_SupplierCompanyType":{"name":"A_SupplierCompanyType","keys":["Supplier","CompanyCode"],"properties":[{"name":"Supplier","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Supplier"},{"name":"CompanyCode","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Company Code"},{"name":"AuthorizationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Authorization"},{"name":"CompanyCodeName","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":25,"label":"Company Name"},{"name":"PaymentBlockingReason","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Payment Block"},{"name":"SupplierIsBlockedForPosting","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Co.code post.block"},{"name":"AccountingClerk","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Clerk Abbrev."},{"name":"AccountingClerkFaxNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":31,"label":"Acctg clerk's fax"},{"name":"AccountingClerkPhoneNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":30,"label":"Acct.clerks tel.no."},{"name":"SupplierClerk","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":15,"label":"Clerk at vendor"},{"name":"SupplierClerkURL","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":130,"label":"Clrk's internet add."},{"name":"PaymentMethodsList","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Payment Methods"},{"name":"PaymentTerms","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Terms of Payment"},{"name":"ClearCustomerSupplier","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Clearing with cust."},{"name":"IsToBeLocallyProcessed","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Local Processing"},{"name":"ItemIsToBePaidSeparately","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Individual Payment"},{"name":"PaymentIsToBeSentByEDI","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Pmnt advice by EDI"},{"name":"HouseBank","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"House Bank"},{"name":"CheckPaidDurationInDays","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":3,"scale":0,"label":"Check Cashing Time"},{"name":"Currency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Currency"},{"name":"BillOfExchLmtAmtInCoCodeCrcy","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":14,"scale":3,"label":"Bill/Ex. Limit"},{"name":"SupplierClerkIDBySupplier","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":12,"label":"Account with vendor"},{"name":"ReconciliationAccount","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Reconciliation Acct"},{"name":"InterestCalculationCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Interest indicator"},{"name":"InterestCalculationDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Last Key Date"},{"name":"IntrstCalcFrequencyInMonths","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Int.Calc.Freq."},{"name":"SupplierHeadOffice","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Head office"},{"name":"AlternativePayee","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Alternative payee"},{"name":"LayoutSortingRule","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Sort Key"},{"name":"APARToleranceGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Tolerance Group"},{"name":"SupplierCertificationDate","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Certification Date"},{"name":"SupplierAccountNote","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":30,"label":"Account Memo"},{"name":"WithholdingTaxCountry","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"WTax C/R Key"},{"name":"DeletionIndicator","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Co.cde deletion flag"},{"name":"CashPlanningGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Planning Group"},{"name":"IsToBeCheckedForDuplicates","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Check Double Invoice"},{"name":"MinorityGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Minority Indicator"},{"name":"SupplierAccountGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Account Group"}],"navigationProperties":[{"name":"to_CompanyText","target":"A_SupplierCompanyTextType","multiplicity":"*"},{"name":"to_Supplier","target":"A_SupplierType","multiplicity":"1"},{"name":"to_SupplierDunning","target":"A_SupplierDunningType","multiplicity":"*"},{"name":"to_SupplierWithHoldingTax","target":"A_SupplierWithHoldingTaxType","multiplicity":"*"}]},"A_SupplierCompanyTextType":{"name":"A_SupplierCompanyTextType","keys":["Supplier","CompanyCode","Language","LongTextID"],"properties":[{"name":"Supplier","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Supplier"},{"name":"CompanyCode","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Company Code"},{"name":"Language","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Language"},{"name":"LongTextID","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Text ID"},{"name":"LongText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":false,"label":"String"}],"navigationProperties":[]},"A_SupplierDunningType":{"name":"A_SupplierDunningType","keys":["Supplier","CompanyCode","DunningArea"],"properties":[{"name":"Supplier","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Supplier"},{"name":"CompanyCode","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Company Code"},{"name":"DunningArea","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Dunning Area"},{"name":"DunningBlock","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Dunning Block"},{"name":"DunningLevel","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Dunning Level"},{"name":"DunningProcedure","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Dunning Procedure"},{"name":"DunningRecipient","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Dunn.recipient"},{"name":"LastDunnedOn","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Last Dunned"},{"name":"LegDunningProcedureOn","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Legal Dunn.Proc.From"},{"name":"DunningClerk","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Dunning Clerk"},{"name":"AuthorizationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Authorization"},{"name":"SupplierAccountGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Account Group"}],"navigationProperties":[]},"A_SupplierPartnerFuncType":{"name":"A_SupplierPartnerFuncType","keys":["Supplier","PurchasingOrganization","SupplierSubrange","Plant","PartnerFunction","PartnerCounter"],"properties":[{"name":"Supplier","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Supplier"},{"name":"PurchasingOrganization","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Purch. Organization"},{"name":"SupplierSubrange","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Supplier Subrange"},{"name":"Plant","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Plant"},{"name":"PartnerFunction","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Partner Function"},{"name":"PartnerCounter","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Partner counter"},{"name":"DefaultPartner","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Default Partner"},{"name":"CreationDate","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":true,"precision":0,"label":"Created On"},{"name":"CreatedByUser","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":true,"maxLength":12,"label":"Created By"},{"name":"ReferenceSupplier","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Ref. to vendor"},{"name":"AuthorizationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Authorization"}],"navigationProperties":[]},"A_SupplierPurchasingOrgType":{"name":"A_SupplierPurchasingOrgType","keys":["Supplier","PurchasingOrganization"],"properties":[{"name":"Supplier","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Supplier"},{"name":"PurchasingOrganization","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Purch. Organization"},{"name":"CalculationSchemaGroupCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Schema Grp, Supplier"},{"name":"DeletionIndicator","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Del. flag POrg."},{"name":"IncotermsClassification","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Incoterms"},{"name":"IncotermsTransferLocation","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":28,"label":"Incoterms (Part 2)"},{"name":"IncotermsVersion","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Incoterms Version"},{"name":"IncotermsLocation1","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":70,"label":"Incoterms Location 1"},{"name":"IncotermsLocation2","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":70,"label":"Incoterms Location 2"},{"name":"InvoiceIsGoodsReceiptBased","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"GR-Based Inv. Verif."},{"name":"MaterialPlannedDeliveryDurn","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":3,"scale":0,"label":"Planned Deliv. Time"},{"name":"MinimumOrderAmount","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":14,"scale":3,"label":"Minimum order value"},{"name":"PaymentTerms","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Terms of Payment"},{"name":"PricingDateControl","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Pricing Date Control"},{"name":"PurOrdAutoGenerationIsAllowed","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Automatic PO"},{"name":"PurchaseOrderCurrency","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":5,"label":"Order currency"},{"name":"PurchasingGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Purchasing Group"},{"name":"PurchasingIsBlockedForSupplier","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Pur. block POrg"},{"name":"ShippingCondition","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Shipping Conditions"},{"name":"SupplierABCClassificationCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"ABC indicator"},{"name":"SupplierPhoneNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":16,"label":"Telephone"},{"name":"SupplierRespSalesPersonName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":30,"label":"Salesperson"},{"name":"SupplierConfirmationControlKey","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Confirmation Control"},{"name":"IsOrderAcknRqd","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Acknowledgment Reqd"},{"name":"AuthorizationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Authorization"},{"name":"SupplierAccountGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Account Group"}],"navigationProperties":[{"name":"to_PartnerFunction","target":"A_SupplierPartnerFuncType","multiplicity":"*"},{"name":"to_PurchasingOrgText","target":"A_SupplierPurchasingOrgTextType","multiplicity":"*"}]},"A_SupplierPurchasingOrgTextType":{"name":"A_SupplierPurchasingOrgTextType","keys":["Supplier","PurchasingOrganization","Language","LongTextID"],"properties":[{"name":"Supplier","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10},{"name":"PurchasingOrganization","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4},{"name":"Language","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Language"},{"name":"LongTextID","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Text ID"},{"name":"LongText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":false,"label":"String"}],"navigationProperties":[]},"A_SupplierTextType":{"name":"A_SupplierTextType","keys":["Supplier","Language","LongTextID"],"properties":[{"name":"Supplier","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":true,"maxLength":10,"label":"Supplier"},{"name":"Language","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Language"},{"name":"LongTextID","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Text ID"},{"name":"LongText","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":false,"label":"String"}],"navigationProperties":[]},"A_SupplierWithHoldingTaxType":{"name":"A_SupplierWithHoldingTaxType","keys":["Supplier","CompanyCode","WithholdingTaxType"],"properties":[{"name":"Supplier","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Supplier"},{"name":"CompanyCode","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Company Code"},{"name":"WithholdingTaxType","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Withholding Tax Type"},{"name":"ExemptionDateBegin","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Exemption Start Date"},{"name":"ExemptionDateEnd","type":"Edm.DateTime","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":0,"label":"Exemption End Date"},{"name":"ExemptionReason","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Exemption Reason"},{"name":"IsWithholdingTaxSubject","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"Subject to W/Tx"},{"name":"RecipientType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Recipient Type"},{"name":"WithholdingTaxCertificate","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":25,"label":"Exemption Number"},{"name":"WithholdingTaxCode","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"W/Tax Code"},{"name":"WithholdingTaxExmptPercent","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":5,"scale":2,"label":"Exemption Rate"},{"name":"WithholdingTaxNumber","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":16,"label":"W/tax number"},{"name":"AuthorizationGroup","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Authorization"}],"navigationProperties":[]}},"entitySets":{"A_AddressEmailAddress":{"name":"A_AddressEmailAddress","entityType":"A_AddressEmailAddressType","creatable":true,"updatable":true,"deletable":true},"A_AddressFaxNumber":{"name":"A_AddressFaxNumber","entityType":"A_AddressFaxNumberType","creatable":true,"updatable":true,"deletable":true},"A_AddressHomePageURL":{"name":"A_AddressHomePageURL","entityType":"A_AddressHomePageURLType","creatable":true,"updatable":true,"deletable":true},"A_AddressPhoneNumber":{"name":"A_AddressPhoneNumber","entityType":"A_AddressPhoneNumberType","creatable":true,"updatable":true,"deletable":true},"A_BPContactToAddress":{"name":"A_BPContactToAddress","entityType":"A_BPContactToAddressType","creatable":false,"updatable":false,"deletable":false},"A_BPContactToFuncAndDept":{"name":"A_BPContactToFuncAndDept","entityType":"A_BPContactToFuncAndDeptType","creatable":false,"updatable":true,"deletable":false},"A_BuPaAddressUsage":{"name":"A_BuPaAddressUsage","entityType":"A_BuPaAddressUsageType","creatable":true,"updatable":true,"deletable":true},"A_BuPaIdentification":{"name":"A_BuPaIdentification","entityType":"A_BuPaIdentificationType","creatable":true,"updatable":true,"deletable":true},"A_BuPaIndustry":{"name":"A_BuPaIndustry","entityType":"A_BuPaIndustryType","creatable":true,"updatable":true,"deletable":true},"A_BusinessPartner":{"name":"A_BusinessPartner","entityType":"A_BusinessPartnerType","creatable":true,"updatable":true,"deletable":false},"A_BusinessPartnerAddress":{"name":"A_BusinessPartnerAddress","entityType":"A_BusinessPartnerAddressType","creatable":true,"updatable":true,"deletable":true},"A_BusinessPartnerBank":{"name":"A_BusinessPartnerBank","entityType":"A_BusinessPartnerBankType","creatable":true,"updatable":true,"deletable":true},"A_BusinessPartnerContact":{"name":"A_BusinessPartnerContact","entityType":"A_BusinessPartnerContactType","creatable":true,"updatable":true,"deletable":true},"A_BusinessPartnerRole":{"name":"A_BusinessPartnerRole","entityType":"A_BusinessPartnerRoleType","creatable":true,"updatable":true,"deletable":false},"A_BusinessPartnerTaxNumber":{"name":"A_BusinessPartnerTaxNumber","entityType":"A_BusinessPartnerTaxNumberType","creatable":true,"updatable":true,"deletable":true},"A_Customer":{"name":"A_Customer","entityType":"A_CustomerType","creatable":false,"updatable":true,"deletable":false},"A_CustomerCompany":{"name":"A_CustomerCompany","entityType":"A_CustomerCompanyType","creatable":true,"updatable":true,"deletable":false},"A_CustomerCompanyText":{"name":"A_CustomerCompanyText","entityType":"A_CustomerCompanyTextType","creatable":true,"updatable":true,"deletable":true},"A_CustomerDunning":{"name":"A_CustomerDunning","entityType":"A_CustomerDunningType","creatable":true,"updatable":true,"deletable":true},"A_CustomerSalesArea":{"name":"A_CustomerSalesArea","entityType":"A_CustomerSalesAreaType","creatable":true,"updatable":true,"deletable":false},"A_CustomerSalesAreaTax":{"name":"A_CustomerSalesAreaTax","entityType":"A_CustomerSalesAreaTaxType","creatable":true,"updatable":true,"deletable":false},"A_CustomerSalesAreaText":{"name":"A_CustomerSalesAreaText","entityType":"A_CustomerSalesAreaTextType","creatable":true,"updatable":true,"deletable":true},"A_CustomerTaxGrouping":{"name":"A_CustomerTaxGrouping","entityType":"A_CustomerTaxGroupingType","creatable":false,"updatable":true,"deletable":true},"A_CustomerText":{"name":"A_CustomerText","entityType":"A_CustomerTextType","creatable":true,"updatable":true,"deletable":true},"A_CustomerUnloadingPoint":{"name":"A_CustomerUnloadingPoint","entityType":"A_CustomerUnloadingPointType","creatable":true,"updatable":true,"deletable":true},"A_CustomerWithHoldingTax":{"name":"A_CustomerWithHoldingTax","entityType":"A_CustomerWithHoldingTaxType","creatable":true,"updatable":true,"deletable":true},"A_CustSalesPartnerFunc":{"name":"A_CustSalesPartnerFunc","entityType":"A_CustSalesPartnerFuncType","creatable":true,"updatable":true,"deletable":true},"A_Supplier":{"name":"A_Supplier","entityType":"A_SupplierType","creatable":false,"updatable":true,"deletable":false},"A_SupplierCompany":{"name":"A_SupplierCompany","entityType":"A_SupplierCompanyType","creatable":true,"updatable":true,"deletable":false},"A_SupplierCompanyText":{"name":"A_SupplierCompanyText","entityType":"A_SupplierCompanyTextType","creatable":true,"updatable":true,"deletable":true},"A_SupplierDunning":{"name":"A_SupplierDunning","entityType":"A_SupplierDunningType","creatable":true,"updatable":true,"deletable":true},"A_SupplierPartnerFunc":{"name":"A_SupplierPartnerFunc","entityType":"A_SupplierPartnerFuncType","creatable":true,"updatable":true,"deletable":true},"A_SupplierPurchasingOrg":{"name":"A_SupplierPurchasingOrg","entityType":"A_SupplierPurchasingOrgType","creatable":true,"updatable":true,"deletable":false},"A_SupplierPurchasingOrgText":{"name":"A_SupplierPurchasingOrgText","entityType":"A_SupplierPurchasingOrgTextType","creatable":true,"updatable":true,"deletable":true},"A_SupplierText":{"name":"A_SupplierText","entityType":"A_SupplierTextType","creatable":true,"updatable":true,"deletable":true},"A_SupplierWithHoldingTax":{"name":"A_SupplierWithHoldingTax","entityType":"A_SupplierWithHoldingTaxType","creatable":true,"updatable":true,"deletable":true}},"functionImports":[]};
