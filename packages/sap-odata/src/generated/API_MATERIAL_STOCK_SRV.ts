// Generated from specs/API_MATERIAL_STOCK_SRV.edmx by scripts/generate.ts — do not edit.
import type { EdmService } from "../edmx";

export interface A_MaterialSerialNumberType {
  /** Material · max 40 · Edm.String */
  Material: string;
  /** Serial Number · max 18 · Edm.String */
  SerialNumber: string;
  /** Plant · max 4 · Edm.String */
  Plant?: string | null;
  /** Storage Location · max 4 · Edm.String */
  StorageLocation?: string | null;
  /** Special Stock · max 1 · Edm.String */
  InventorySpecialStockType?: string | null;
  /** Stock batch · max 10 · Edm.String */
  Batch?: string | null;
  /** Stock Type · max 2 · Edm.String */
  InventoryStockType?: string | null;
  /** Equipment · max 18 · Edm.String */
  Equipment?: string | null;
  /** Spec. stock customer · max 10 · Edm.String */
  Customer?: string | null;
  /** Special stock vendor · max 10 · Edm.String */
  Supplier?: string | null;
  /** Sales Order · max 10 · Edm.String */
  SDDocument?: string | null;
  /** Sales Order Item · max 6 · Edm.String */
  SDDocumentItem?: string | null;
  /** WBS Internal ID · max 8 · Edm.String */
  WBSElementInternalID?: string | null;
  /** WBS Element · max 24 · Edm.String */
  WBSElementExternalID?: string | null;
  to_MatlStkInAcctMod?: A_MatlStkInAcctModType[];
}

export interface A_MaterialStockType {
  /** Material · max 40 · Edm.String */
  Material: string;
  /** Base Unit of Measure · max 3 · Edm.String */
  MaterialBaseUnit?: string | null;
  to_MatlStkInAcctMod?: A_MatlStkInAcctModType[];
}

export interface A_MatlStkInAcctModType {
  /** Stock Material · max 40 · Edm.String */
  Material: string;
  /** Plant · max 4 · Edm.String */
  Plant: string;
  /** Storage Location · max 4 · Edm.String */
  StorageLocation: string;
  /** Batch SID · max 10 · Edm.String */
  Batch: string;
  /** Supplier SID · max 10 · Edm.String */
  Supplier: string;
  /** Customer SID · max 10 · Edm.String */
  Customer: string;
  /** WBS Internal ID · max 8 · Edm.String */
  WBSElementInternalID: string;
  /** Sales order · max 10 · Edm.String */
  SDDocument: string;
  /** Sales order item · max 6 · Edm.String */
  SDDocumentItem: string;
  /** Special Stock Type · max 1 · Edm.String */
  InventorySpecialStockType: string;
  /** Stock Type · max 2 · Edm.String */
  InventoryStockType: string;
  /** WBS Element · max 24 · Edm.String */
  WBSElementExternalID?: string | null;
  /** Base Unit of Measure · max 3 · Edm.String */
  MaterialBaseUnit?: string | null;
  /** Edm.Decimal (31,14) */
  MatlWrhsStkQtyInMatlBaseUnit?: string | null;
  to_MaterialSerialNumber?: A_MaterialSerialNumberType[];
  to_MaterialStock?: A_MaterialStockType | null;
}

export const API_MATERIAL_STOCK_SRV_MODEL: EdmService = {"name":"API_MATERIAL_STOCK_SRV","namespace":"API_MATERIAL_STOCK_SRV","entityTypes":{"A_MaterialSerialNumberType":{"name":"A_MaterialSerialNumberType","keys":["Material","SerialNumber"],"properties":[{"name":"Material","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"SerialNumber","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":18,"label":"Serial Number"},{"name":"Plant","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Plant"},{"name":"StorageLocation","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Storage Location"},{"name":"InventorySpecialStockType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Special Stock"},{"name":"Batch","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Stock batch"},{"name":"InventoryStockType","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Stock Type"},{"name":"Equipment","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":18,"label":"Equipment"},{"name":"Customer","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Spec. stock customer"},{"name":"Supplier","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Special stock vendor"},{"name":"SDDocument","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Sales Order"},{"name":"SDDocumentItem","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Sales Order Item"},{"name":"WBSElementInternalID","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":8,"label":"WBS Internal ID"},{"name":"WBSElementExternalID","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":24,"label":"WBS Element"}],"navigationProperties":[{"name":"to_MatlStkInAcctMod","target":"A_MatlStkInAcctModType","multiplicity":"*"}]},"A_MaterialStockType":{"name":"A_MaterialStockType","keys":["Material"],"properties":[{"name":"Material","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Material"},{"name":"MaterialBaseUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Base Unit of Measure"}],"navigationProperties":[{"name":"to_MatlStkInAcctMod","target":"A_MatlStkInAcctModType","multiplicity":"*"}]},"A_MatlStkInAcctModType":{"name":"A_MatlStkInAcctModType","keys":["Material","Plant","StorageLocation","Batch","Supplier","Customer","WBSElementInternalID","SDDocument","SDDocumentItem","InventorySpecialStockType","InventoryStockType"],"properties":[{"name":"Material","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":40,"label":"Stock Material"},{"name":"Plant","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Plant"},{"name":"StorageLocation","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":4,"label":"Storage Location"},{"name":"Batch","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Batch SID"},{"name":"Supplier","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Supplier SID"},{"name":"Customer","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Customer SID"},{"name":"WBSElementInternalID","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":8,"label":"WBS Internal ID"},{"name":"SDDocument","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":10,"label":"Sales order"},{"name":"SDDocumentItem","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":6,"label":"Sales order item"},{"name":"InventorySpecialStockType","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":1,"label":"Special Stock Type"},{"name":"InventoryStockType","type":"Edm.String","nullable":false,"creatable":true,"updatable":true,"filterable":true,"maxLength":2,"label":"Stock Type"},{"name":"WBSElementExternalID","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":24,"label":"WBS Element"},{"name":"MaterialBaseUnit","type":"Edm.String","nullable":true,"creatable":true,"updatable":true,"filterable":true,"maxLength":3,"label":"Base Unit of Measure"},{"name":"MatlWrhsStkQtyInMatlBaseUnit","type":"Edm.Decimal","nullable":true,"creatable":true,"updatable":true,"filterable":true,"precision":31,"scale":14}],"navigationProperties":[{"name":"to_MaterialSerialNumber","target":"A_MaterialSerialNumberType","multiplicity":"*"},{"name":"to_MaterialStock","target":"A_MaterialStockType","multiplicity":"1"}]}},"entitySets":{"A_MaterialSerialNumber":{"name":"A_MaterialSerialNumber","entityType":"A_MaterialSerialNumberType","creatable":false,"updatable":false,"deletable":false},"A_MaterialStock":{"name":"A_MaterialStock","entityType":"A_MaterialStockType","creatable":false,"updatable":false,"deletable":false},"A_MatlStkInAcctMod":{"name":"A_MatlStkInAcctMod","entityType":"A_MatlStkInAcctModType","creatable":false,"updatable":false,"deletable":false}},"functionImports":[]};
