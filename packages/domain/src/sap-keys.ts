/**
 * SAP numbers in one form. Sales documents, customers and business partners are numbered in
 * DDIC domains with the ALPHA conversion exit, material numbers with MATN1: a number made only
 * of digits is kept internally right-aligned with leading zeros (`0000000012`, or 18 digits for
 * a material), and shown without them (`12`). Which form a channel carries depends on who built
 * its payload: Gateway's OData services apply the conversion exits (the external form), while
 * payloads an ABAP program fills from the database — event handlers, workflow object keys,
 * IDocs, RFC — carry the internal one. The same order can therefore arrive as `12` from the
 * create and as `0000000012` in a status event (docs/sap-fidelity.md §18).
 *
 * Everything SAP numbers is kept and compared in the external form; this is the one place that
 * turns either form into it.
 */

/**
 * The external form of an ALPHA-converted SAP number (CONVERSION_EXIT_ALPHA_OUTPUT):
 * only digits → without leading zeros (at least one digit stays); anything else as it is, since
 * the exit leaves a value with a letter in it alone. Materials: sapExternalMaterial.
 */
export function sapExternalNumber(value: string): string {
  return /^\d+$/.test(value) ? value.replace(/^0+(?=\d)/, "") : value;
}

/**
 * The external form of a material number (MATN1). Only a number of the internal width — 18
 * digits, or 40 with extended material numbers — loses its leading zeros: a system that numbers
 * materials lexicographically (an S/4HANA setting) stores `0012` as it is, and there `0012` and
 * `12` are two materials, so a shorter number is taken as given.
 */
export function sapExternalMaterial(value: string): string {
  return /^(?:\d{18}|\d{40})$/.test(value) ? sapExternalNumber(value) : value;
}

/**
 * The internal form (CONVERSION_EXIT_ALPHA_INPUT / MATN1 input): only digits → right-aligned
 * with leading zeros to `length`; anything else as it is.
 */
export function sapInternalNumber(value: string, length: number): string {
  return /^\d+$/.test(value) ? sapExternalNumber(value).padStart(length, "0") : value;
}

/** Internal lengths: a sales document or customer (VBELN, KUNNR: 10), a material (MATN1: 18). */
export const SAP_NUMBER_LENGTH = { salesOrder: 10, customer: 10, material: 18 } as const;
