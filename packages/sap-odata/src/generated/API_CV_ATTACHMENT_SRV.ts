// Generated from specs/API_CV_ATTACHMENT_SRV.edmx by scripts/generate.ts — do not edit.
import type { EdmService } from "../edmx";

export interface AttachmentContent {
  /** DocumentInfoRecordDocType · max 3 · Edm.String */
  DocumentInfoRecordDocType: string;
  /** DocumentInfoRecordDocNumber · max 25 · Edm.String */
  DocumentInfoRecordDocNumber: string;
  /** DocumentInfoRecordDocVersion · max 2 · Edm.String */
  DocumentInfoRecordDocVersion: string;
  /** DocumentInfoRecordDocPart · max 3 · Edm.String */
  DocumentInfoRecordDocPart: string;
  /** LogicalDocument · max 32 · Edm.String */
  LogicalDocument: string;
  /** ArchiveDocumentID · max 40 · Edm.String */
  ArchiveDocumentID: string;
  /** LinkedSAPObjectKey · max 90 · Edm.String */
  LinkedSAPObjectKey: string;
  /** BusinessObjectTypeName · max 40 · Edm.String */
  BusinessObjectTypeName: string;
  /** SemanticObject · max 40 · Edm.String */
  SemanticObject?: string | null;
  /** WorkstationApplication · max 3 · Edm.String */
  WorkstationApplication?: string | null;
  /** FileSize · max 12 · Edm.String */
  FileSize?: string | null;
  /** FileName · max 255 · Edm.String */
  FileName?: string | null;
  /** DocumentURL · max 4096 · Edm.String */
  DocumentURL?: string | null;
  /** MimeType · max 128 · Edm.String */
  MimeType?: string | null;
  /** AttachmentContent · Edm.Binary */
  Content?: string | null;
  /** CreatedByUser · max 12 · Edm.String */
  CreatedByUser?: string | null;
  /** CreatedByUserFullName · max 80 · Edm.String */
  CreatedByUserFullName?: string | null;
  /** CreationDateTime · Edm.DateTime (7,0) */
  CreationDateTime?: Date | null;
  /** BusinessObjectType · max 40 · Edm.String */
  BusinessObjectType?: string | null;
  /** LastChangedByUser · max 12 · Edm.String */
  LastChangedByUser?: string | null;
  /** LastChangedByUserFullName · max 80 · Edm.String */
  LastChangedByUserFullName?: string | null;
  /** ChangedDateTime · Edm.DateTime (7,0) */
  ChangedDateTime?: Date | null;
  /** StorageCategory · max 10 · Edm.String */
  StorageCategory?: string | null;
  /** ArchiveLinkRepository · max 2 · Edm.String */
  ArchiveLinkRepository?: string | null;
  /** SAPObjectType · max 30 · Edm.String */
  SAPObjectType?: string | null;
  /** SAPObjectNodeType · max 30 · Edm.String */
  SAPObjectNodeType?: string | null;
  /** HarmonizedDocumentType · max 40 · Edm.String */
  HarmonizedDocumentType?: string | null;
  /** AttachmentDeletionIsAllowed · Edm.Boolean */
  AttachmentDeletionIsAllowed?: boolean | null;
  /** AttachmentRenameIsAllowed · Edm.Boolean */
  AttachmentRenameIsAllowed?: boolean | null;
  /** Source · max 10 · Edm.String */
  Source?: string | null;
}

export interface SAPObjectDocumentType {
  /** SAPObjectType · max 30 · Edm.String */
  SAPObjectType: string;
  /** SAPObjectNodeType · max 30 · Edm.String */
  SAPObjectNodeType: string;
  /** HarmonizedDocumentType · max 40 · Edm.String */
  HarmonizedDocumentType: string;
  /** DocumentTypeDescription · max 40 · Edm.String */
  DocumentTypeDescription?: string | null;
  /** PermittedArchiveLinkMimeType · max 128 · Edm.String */
  PermittedArchiveLinkMimeType?: string | null;
  /** AttachmentFramework · max 3 · Edm.String */
  AttachmentFramework?: string | null;
  /** DocumentTypeIsDefault · max 1 · Edm.String */
  DocumentTypeIsDefault?: string | null;
}

export interface AttachmentHarmonizedOperation {
  /** DocumentInfoRecordDocType · max 3 · Edm.String */
  DocumentInfoRecordDocType?: string | null;
  /** DocumentInfoRecordDocNumber · max 25 · Edm.String */
  DocumentInfoRecordDocNumber?: string | null;
  /** DocumentInfoRecordDocVersion · max 2 · Edm.String */
  DocumentInfoRecordDocVersion?: string | null;
  /** DocumentInfoRecordDocPart · max 3 · Edm.String */
  DocumentInfoRecordDocPart?: string | null;
  /** LogicalDocument · max 32 · Edm.String */
  LogicalDocument: string;
  /** ArchiveDocumentID · max 40 · Edm.String */
  ArchiveDocumentID: string;
  /** LinkedSAPObjectKey · max 90 · Edm.String */
  LinkedSAPObjectKey: string;
  /** BusinessObjectTypeName · max 40 · Edm.String */
  BusinessObjectTypeName?: string | null;
  /** FileSize · max 12 · Edm.String */
  FileSize?: string | null;
  /** FileName · max 255 · Edm.String */
  FileName?: string | null;
  /** MimeType · max 128 · Edm.String */
  MimeType?: string | null;
  /** CheckoutUser · max 12 · Edm.String */
  CheckoutUser?: string | null;
  /** CheckoutUserFullName · max 80 · Edm.String */
  CheckoutUserFullName?: string | null;
  /** CreatedByUser · max 12 · Edm.String */
  CreatedByUser?: string | null;
  /** CreatedByUserFullName · max 80 · Edm.String */
  CreatedByUserFullName?: string | null;
  /** CreationDateTime · Edm.DateTime (7,0) */
  CreationDateTime?: Date | null;
  /** LastChangedByUser · max 12 · Edm.String */
  LastChangedByUser?: string | null;
  /** LastChangedByUserFullName · max 80 · Edm.String */
  LastChangedByUserFullName?: string | null;
  /** ChangedDateTime · Edm.DateTime (7,0) */
  ChangedDateTime?: Date | null;
  /** StorageCategory · max 10 · Edm.String */
  StorageCategory?: string | null;
  /** ArchiveLinkRepository · max 2 · Edm.String */
  ArchiveLinkRepository?: string | null;
  /** SAPObjectType · max 30 · Edm.String */
  SAPObjectType: string;
  /** SAPObjectNodeType · max 30 · Edm.String */
  SAPObjectNodeType?: string | null;
  /** HarmonizedDocumentType · max 40 · Edm.String */
  HarmonizedDocumentType: string;
  /** AttachmentDeletionIsAllowed · Edm.Boolean */
  AttachmentDeletionIsAllowed?: boolean | null;
  /** AttachmentRenameIsAllowed · Edm.Boolean */
  AttachmentRenameIsAllowed?: boolean | null;
  /** URLToUploadAttachment · max 4096 · Edm.String */
  URLToUploadAttachment?: string | null;
  /** URLToReadAttachment · max 4096 · Edm.String */
  URLToReadAttachment?: string | null;
  /** OneTimeValidTokenForAttachment · max 128 · Edm.String */
  OneTimeValidTokenForAttachment?: string | null;
}

export interface A_DocumentInfoRecordAttchType {
  /** DocumentInfoRecordDocType · max 3 · Edm.String */
  DocumentInfoRecordDocType: string;
  /** DocumentInfoRecordDocNumber · max 25 · Edm.String */
  DocumentInfoRecordDocNumber: string;
  /** DocumentInfoRecordDocVersion · max 2 · Edm.String */
  DocumentInfoRecordDocVersion: string;
  /** DocumentInfoRecordDocPart · max 3 · Edm.String */
  DocumentInfoRecordDocPart: string;
  /** DocumentInfoRecord · max 70 · Edm.String */
  DocumentInfoRecord?: string | null;
  /** DocumentDescription · max 40 · Edm.String */
  DocumentDescription?: string | null;
  /** ExternalDocumentStatus · max 2 · Edm.String */
  ExternalDocumentStatus?: string | null;
  /** DocumentStatusName · max 16 · Edm.String */
  DocumentStatusName?: string | null;
  /** DocInfoRecdIsMarkedForDeletion · Edm.Boolean */
  DocInfoRecdIsMarkedForDeletion?: boolean | null;
  DocumentInfoRecordToAttachmentNavigation?: AttachmentContent[];
}

export const API_CV_ATTACHMENT_SRV_MODEL: EdmService = {"name":"API_CV_ATTACHMENT_SRV","namespace":"API_CV_ATTACHMENT_SRV","entityTypes":{"AttachmentContent":{"name":"AttachmentContent","keys":["DocumentInfoRecordDocType","DocumentInfoRecordDocNumber","DocumentInfoRecordDocVersion","DocumentInfoRecordDocPart","LogicalDocument","ArchiveDocumentID","LinkedSAPObjectKey","BusinessObjectTypeName"],"properties":[{"name":"DocumentInfoRecordDocType","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":false,"maxLength":3,"label":"DocumentInfoRecordDocType"},{"name":"DocumentInfoRecordDocNumber","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":false,"maxLength":25,"label":"DocumentInfoRecordDocNumber"},{"name":"DocumentInfoRecordDocVersion","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":false,"maxLength":2,"label":"DocumentInfoRecordDocVersion"},{"name":"DocumentInfoRecordDocPart","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":false,"maxLength":3,"label":"DocumentInfoRecordDocPart"},{"name":"LogicalDocument","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":false,"maxLength":32,"label":"LogicalDocument"},{"name":"ArchiveDocumentID","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":false,"maxLength":40,"label":"ArchiveDocumentID"},{"name":"LinkedSAPObjectKey","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":false,"maxLength":90,"label":"LinkedSAPObjectKey"},{"name":"BusinessObjectTypeName","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":false,"maxLength":40,"label":"BusinessObjectTypeName"},{"name":"SemanticObject","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":40,"label":"SemanticObject"},{"name":"WorkstationApplication","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":3,"label":"WorkstationApplication"},{"name":"FileSize","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":12,"label":"FileSize"},{"name":"FileName","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":255,"label":"FileName"},{"name":"DocumentURL","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":4096,"label":"DocumentURL"},{"name":"MimeType","type":"Edm.String","nullable":true,"creatable":true,"updatable":false,"filterable":false,"maxLength":128,"label":"MimeType"},{"name":"Content","type":"Edm.Binary","nullable":true,"creatable":true,"updatable":false,"filterable":false,"label":"AttachmentContent"},{"name":"CreatedByUser","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":12,"label":"CreatedByUser"},{"name":"CreatedByUserFullName","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":80,"label":"CreatedByUserFullName"},{"name":"CreationDateTime","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":false,"precision":7,"label":"CreationDateTime"},{"name":"BusinessObjectType","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":40,"label":"BusinessObjectType"},{"name":"LastChangedByUser","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":12,"label":"LastChangedByUser"},{"name":"LastChangedByUserFullName","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":80,"label":"LastChangedByUserFullName"},{"name":"ChangedDateTime","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":false,"precision":7,"label":"ChangedDateTime"},{"name":"StorageCategory","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":10,"label":"StorageCategory"},{"name":"ArchiveLinkRepository","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":2,"label":"ArchiveLinkRepository"},{"name":"SAPObjectType","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":30,"label":"SAPObjectType"},{"name":"SAPObjectNodeType","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":30,"label":"SAPObjectNodeType"},{"name":"HarmonizedDocumentType","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":40,"label":"HarmonizedDocumentType"},{"name":"AttachmentDeletionIsAllowed","type":"Edm.Boolean","nullable":true,"creatable":false,"updatable":false,"filterable":false,"label":"AttachmentDeletionIsAllowed"},{"name":"AttachmentRenameIsAllowed","type":"Edm.Boolean","nullable":true,"creatable":false,"updatable":false,"filterable":false,"label":"AttachmentRenameIsAllowed"},{"name":"Source","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":10,"label":"Source"}],"navigationProperties":[]},"SAPObjectDocumentType":{"name":"SAPObjectDocumentType","keys":["SAPObjectType","SAPObjectNodeType","HarmonizedDocumentType"],"properties":[{"name":"SAPObjectType","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":false,"maxLength":30,"label":"SAPObjectType"},{"name":"SAPObjectNodeType","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":false,"maxLength":30,"label":"SAPObjectNodeType"},{"name":"HarmonizedDocumentType","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":false,"maxLength":40,"label":"HarmonizedDocumentType"},{"name":"DocumentTypeDescription","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":40,"label":"DocumentTypeDescription"},{"name":"PermittedArchiveLinkMimeType","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":128,"label":"PermittedArchiveLinkMimeType"},{"name":"AttachmentFramework","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":3,"label":"AttachmentFramework"},{"name":"DocumentTypeIsDefault","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":1,"label":"DocumentTypeIsDefault"}],"navigationProperties":[]},"AttachmentHarmonizedOperation":{"name":"AttachmentHarmonizedOperation","keys":["LogicalDocument","ArchiveDocumentID","LinkedSAPObjectKey","SAPObjectType","HarmonizedDocumentType"],"properties":[{"name":"DocumentInfoRecordDocType","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":3,"label":"DocumentInfoRecordDocType"},{"name":"DocumentInfoRecordDocNumber","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":25,"label":"DocumentInfoRecordDocNumber"},{"name":"DocumentInfoRecordDocVersion","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":2,"label":"DocumentInfoRecordDocVersion"},{"name":"DocumentInfoRecordDocPart","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":3,"label":"DocumentInfoRecordDocPart"},{"name":"LogicalDocument","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":false,"maxLength":32,"label":"LogicalDocument"},{"name":"ArchiveDocumentID","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":false,"maxLength":40,"label":"ArchiveDocumentID"},{"name":"LinkedSAPObjectKey","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":false,"maxLength":90,"label":"LinkedSAPObjectKey"},{"name":"BusinessObjectTypeName","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":40,"label":"BusinessObjectTypeName"},{"name":"FileSize","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":12,"label":"FileSize"},{"name":"FileName","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":255,"label":"FileName"},{"name":"MimeType","type":"Edm.String","nullable":true,"creatable":true,"updatable":false,"filterable":false,"maxLength":128,"label":"MimeType"},{"name":"CheckoutUser","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":12,"label":"CheckoutUser"},{"name":"CheckoutUserFullName","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":80,"label":"CheckoutUserFullName"},{"name":"CreatedByUser","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":12,"label":"CreatedByUser"},{"name":"CreatedByUserFullName","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":80,"label":"CreatedByUserFullName"},{"name":"CreationDateTime","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":false,"precision":7,"label":"CreationDateTime"},{"name":"LastChangedByUser","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":12,"label":"LastChangedByUser"},{"name":"LastChangedByUserFullName","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":80,"label":"LastChangedByUserFullName"},{"name":"ChangedDateTime","type":"Edm.DateTime","nullable":true,"creatable":false,"updatable":false,"filterable":false,"precision":7,"label":"ChangedDateTime"},{"name":"StorageCategory","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":10,"label":"StorageCategory"},{"name":"ArchiveLinkRepository","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":2,"label":"ArchiveLinkRepository"},{"name":"SAPObjectType","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":false,"maxLength":30,"label":"SAPObjectType"},{"name":"SAPObjectNodeType","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":30,"label":"SAPObjectNodeType"},{"name":"HarmonizedDocumentType","type":"Edm.String","nullable":false,"creatable":false,"updatable":false,"filterable":false,"maxLength":40,"label":"HarmonizedDocumentType"},{"name":"AttachmentDeletionIsAllowed","type":"Edm.Boolean","nullable":true,"creatable":false,"updatable":false,"filterable":false,"label":"AttachmentDeletionIsAllowed"},{"name":"AttachmentRenameIsAllowed","type":"Edm.Boolean","nullable":true,"creatable":false,"updatable":false,"filterable":false,"label":"AttachmentRenameIsAllowed"},{"name":"URLToUploadAttachment","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":4096,"label":"URLToUploadAttachment"},{"name":"URLToReadAttachment","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":4096,"label":"URLToReadAttachment"},{"name":"OneTimeValidTokenForAttachment","type":"Edm.String","nullable":true,"creatable":false,"updatable":false,"filterable":false,"maxLength":128,"label":"OneTimeValidTokenForAttachment"}],"navigationProperties":[]},"A_DocumentInfoRecordAttchType":{"name":"A_DocumentInfoRecordAttchType","keys":["DocumentInfoRecordDocType","DocumentInfoRecordDocNumber","DocumentInfoRecordDocVersion","DocumentInfoRecordDocPart"],"properties":[{"name":"DocumentInfoRecordDocType","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"DocumentInfoRecordDocType"},{"name":"DocumentInfoRecordDocNumber","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":25,"label":"DocumentInfoRecordDocNumber"},{"name":"DocumentInfoRecordDocVersion","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"DocumentInfoRecordDocVersion"},{"name":"DocumentInfoRecordDocPart","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"DocumentInfoRecordDocPart"},{"name":"DocumentInfoRecord","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":70,"label":"DocumentInfoRecord"},{"name":"DocumentDescription","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"DocumentDescription"},{"name":"ExternalDocumentStatus","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"ExternalDocumentStatus"},{"name":"DocumentStatusName","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":16,"label":"DocumentStatusName"},{"name":"DocInfoRecdIsMarkedForDeletion","type":"Edm.Boolean","nullable":true,"creatable":true,"updatable":true,"filterable":true,"label":"DocInfoRecdIsMarkedForDeletion"}],"navigationProperties":[{"name":"DocumentInfoRecordToAttachmentNavigation","target":"AttachmentContent","multiplicity":"*"}]}},"entitySets":{"AttachmentContentSet":{"name":"AttachmentContentSet","entityType":"AttachmentContent","creatable":true,"updatable":false,"deletable":true},"SAPObjectDocumentTypeSet":{"name":"SAPObjectDocumentTypeSet","entityType":"SAPObjectDocumentType","creatable":false,"updatable":false,"deletable":false},"AttachmentHarmonizedOperationSet":{"name":"AttachmentHarmonizedOperationSet","entityType":"AttachmentHarmonizedOperation","creatable":true,"updatable":false,"deletable":true},"A_DocumentInfoRecordAttch":{"name":"A_DocumentInfoRecordAttch","entityType":"A_DocumentInfoRecordAttchType","creatable":false,"updatable":false,"deletable":false}},"functionImports":[{"name":"GetAllOriginals","httpMethod":"GET","parameters":[{"name":"LinkedSAPObjectKey","type":"Edm.String","nullable":true,"maxLength":90},{"name":"BusinessObjectTypeName","type":"Edm.String","nullable":true,"maxLength":40},{"name":"SemanticObject","type":"Edm.String","nullable":true,"maxLength":40},{"name":"SAPObjectType","type":"Edm.String","nullable":true,"maxLength":30},{"name":"SAPObjectNodeType","type":"Edm.String","nullable":true,"maxLength":30}],"returnType":"Collection(API_CV_ATTACHMENT_SRV.AttachmentContent)","entitySet":"AttachmentContentSet"},{"name":"GetAttachmentCount","httpMethod":"GET","parameters":[{"name":"BusinessObjectTypeName","type":"Edm.String","nullable":true,"maxLength":40},{"name":"LinkedSAPObjectKey","type":"Edm.String","nullable":true,"maxLength":90},{"name":"SemanticObject","type":"Edm.String","nullable":true,"maxLength":40},{"name":"SAPObjectType","type":"Edm.String","nullable":true,"maxLength":30},{"name":"SAPObjectNodeType","type":"Edm.String","nullable":true,"maxLength":30}],"returnType":"API_CV_ATTACHMENT_SRV.AttachmentsCount"},{"name":"RenameAttachment","httpMethod":"POST","parameters":[{"name":"DocumentInfoRecordDocType","type":"Edm.String","nullable":true,"maxLength":3},{"name":"DocumentInfoRecordDocVersion","type":"Edm.String","nullable":true,"maxLength":2},{"name":"LogicalDocument","type":"Edm.String","nullable":true,"maxLength":32},{"name":"ArchiveDocumentID","type":"Edm.String","nullable":true,"maxLength":40},{"name":"BusinessObjectTypeName","type":"Edm.String","nullable":true,"maxLength":40},{"name":"LinkedSAPObjectKey","type":"Edm.String","nullable":true,"maxLength":90},{"name":"SemanticObject","type":"Edm.String","nullable":true,"maxLength":40},{"name":"FileName","type":"Edm.String","nullable":true,"maxLength":255},{"name":"DocumentInfoRecordDocNumber","type":"Edm.String","nullable":true,"maxLength":25},{"name":"DocumentInfoRecordDocPart","type":"Edm.String","nullable":true,"maxLength":3},{"name":"SAPObjectType","type":"Edm.String","nullable":true,"maxLength":30},{"name":"SAPObjectNodeType","type":"Edm.String","nullable":true,"maxLength":30}],"returnType":"API_CV_ATTACHMENT_SRV.AttachmentContent","entitySet":"AttachmentContentSet"},{"name":"GetSAPObjectDocumentType","httpMethod":"GET","parameters":[{"name":"SAPObjectType","type":"Edm.String","nullable":true,"maxLength":30},{"name":"SAPObjectNodeType","type":"Edm.String","nullable":true,"maxLength":30}],"returnType":"Collection(API_CV_ATTACHMENT_SRV.SAPObjectDocumentType)","entitySet":"SAPObjectDocumentTypeSet"},{"name":"LinkAttachmentToSAPObject","httpMethod":"POST","parameters":[{"name":"SAPObjectType","type":"Edm.String","nullable":true,"maxLength":30},{"name":"SAPObjectNodeType","type":"Edm.String","nullable":true,"maxLength":30},{"name":"LogicalDocument","type":"Edm.String","nullable":true,"maxLength":32},{"name":"ArchiveDocumentID","type":"Edm.String","nullable":true,"maxLength":40},{"name":"HarmonizedDocumentType","type":"Edm.String","nullable":true,"maxLength":40},{"name":"LinkedSAPObjectKey","type":"Edm.String","nullable":true,"maxLength":90}],"returnType":"API_CV_ATTACHMENT_SRV.AttachmentHarmonizedOperation","entitySet":"AttachmentHarmonizedOperationSet"},{"name":"AssignDocumentToBusinessObject","httpMethod":"POST","parameters":[{"name":"TargetSAPObjectType","type":"Edm.String","nullable":true,"maxLength":30},{"name":"TargetSAPObjectNodeType","type":"Edm.String","nullable":true,"maxLength":30},{"name":"TargetBusinessObjectTypeName","type":"Edm.String","nullable":true,"maxLength":40},{"name":"TargetLinkedSAPObjectKey","type":"Edm.String","nullable":true,"maxLength":90},{"name":"ArchiveDocumentID","type":"Edm.String","nullable":true,"maxLength":40},{"name":"SourceSAPObjectType","type":"Edm.String","nullable":true,"maxLength":30},{"name":"SourceSAPObjectNodeType","type":"Edm.String","nullable":true,"maxLength":30},{"name":"SourceBusinessObjectTypeName","type":"Edm.String","nullable":true,"maxLength":40},{"name":"SourceLinkedSAPObjectKey","type":"Edm.String","nullable":true,"maxLength":90}],"returnType":"API_CV_ATTACHMENT_SRV.AssignDocument"},{"name":"CreateUrlAsAttachment","httpMethod":"POST","parameters":[{"name":"HarmonizedDocumentType","type":"Edm.String","nullable":true,"maxLength":40},{"name":"SAPObjectType","type":"Edm.String","nullable":true,"maxLength":30},{"name":"SAPObjectNodeType","type":"Edm.String","nullable":true,"maxLength":30},{"name":"SemanticObject","type":"Edm.String","nullable":true,"maxLength":40},{"name":"LinkedSAPObjectKey","type":"Edm.String","nullable":true,"maxLength":90},{"name":"BusinessObjectTypeName","type":"Edm.String","nullable":true,"maxLength":40},{"name":"Url","type":"Edm.String","nullable":true,"maxLength":255},{"name":"UrlDescription","type":"Edm.String","nullable":true,"maxLength":255},{"name":"MIMEType","type":"Edm.String","nullable":true,"maxLength":40}],"returnType":"API_CV_ATTACHMENT_SRV.AttachmentContent","entitySet":"AttachmentContentSet"}]};
