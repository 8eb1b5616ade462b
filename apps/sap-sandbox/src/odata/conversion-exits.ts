import { sapExternalNumber } from "@icp/domain";
import type { FilterNode } from "./filter";

/**
 * Properties of the sandbox's services whose DDIC domain has a conversion exit that pads numbers
 * with zeros: ALPHA (sales documents, customers, business partners) and MATN1 (materials).
 * Gateway runs the exit's input side on key predicates and `$filter` literals, so
 * `A_SalesOrder('0000000012')` and `A_SalesOrder('12')` are the same order, and `Material eq
 * '000000000000004711'` finds material 4711. The sandbox stores the external form (what its
 * answers show), so it matches in that form (docs/sap-fidelity.md §18).
 */
const CONVERTED = new Set([
  "SalesOrder",
  "ReferenceSDDocument",
  "SoldToParty",
  "ShipToParty",
  "BillToParty",
  "PayerParty",
  "Customer",
  "BusinessPartner",
  "Product",
  "Material",
]);

/** A key predicate's or literal's value, as the property's conversion exit reads it. */
export function convertedInput<V>(property: string, value: V): V | string {
  return typeof value === "string" && CONVERTED.has(property) ? sapExternalNumber(value) : value;
}

/** The filter with the literals compared (eq, ne) with a converted property read as SAP does. */
export function convertFilterInput(node: FilterNode): FilterNode {
  switch (node.kind) {
    case "not":
      return { ...node, operand: convertFilterInput(node.operand) };
    case "call":
      return { ...node, args: node.args.map(convertFilterInput) };
    case "binary": {
      if (node.op === "eq" || node.op === "ne") {
        const { left, right } = node;
        if (left.kind === "property" && right.kind === "literal")
          return { ...node, right: { ...right, value: convertedInput(left.name, right.value) } };
        if (right.kind === "property" && left.kind === "literal")
          return { ...node, left: { ...left, value: convertedInput(right.name, left.value) } };
      }
      return { ...node, left: convertFilterInput(node.left), right: convertFilterInput(node.right) };
    }
    default:
      return node;
  }
}
