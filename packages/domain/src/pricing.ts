/**
 * The storefront's price of a material for a customer and a quantity, from SAP's PR00 condition
 * records as the worker read them (API_SLSPRICINGCONDITIONRECORD_SRV). This is our reading of
 * SAP's pricing, not SAP's pricing: SAP prices the actual sales order itself (its pricing
 * procedure, access sequence, rounding, further conditions), and the order's amounts are SAP's.
 *
 * The rule (docs/sap-fidelity.md §13):
 * 1. Only records of our sales area (sales organisation + distribution channel; the worker reads
 *    no others), not flagged for deletion, valid on the day (validFrom ≤ day ≤ validTo).
 * 2. Access sequence (assumed as in the standard PR00 access sequence): the customer's own record
 *    (condition table 305, customer/material) before the sales area's list price (table 304,
 *    material). Of two valid records of one kind the later-starting one wins.
 * 3. Scales of the chosen record: the line whose scale quantity is the highest one ≤ the
 *    quantity replaces the record's rate (scale type A, "from"); none applies below the first.
 * 4. Rates are per the record's pricing unit (`ConditionQuantity`, e.g. 12.50 EUR per 10 PC): the
 *    unit price is the rate divided by it (4 decimals, at least 2), the line amount is
 *    rate × quantity ÷ pricing unit rounded half up to the cent.
 */

/** One PR00 condition record as the read model keeps it: its rate is per `per` units. */
export interface PriceCondition {
  /** SAP's condition record number (scales refer to it). */
  record: string;
  /** Table 305: the customer it is for; null for the sales area's list price (table 304). */
  customer: string | null;
  /** The rate per `per` units, as SAP's decimal (up to 3 decimals). */
  rate: string;
  /** Pricing unit (`ConditionQuantity`); 1 when SAP gives none. */
  per: number;
  currency: string;
  /** Validity, as calendar days `YYYY-MM-DD` (SAP's Edm.DateTime dates). */
  validFrom: string;
  validTo: string;
  deleted: boolean;
}

/** One scale line of a condition record: from `from` units on, `rate` per the record's pricing unit. */
export interface PriceScale {
  record: string;
  from: number;
  rate: string;
}

/** What the storefront keeps of a material's pricing: list records, customers' records, scales. */
export interface PricingConditions {
  list: PriceCondition[];
  customerRecords: PriceCondition[];
  scales: PriceScale[];
}

export type PriceRule = "customer" | "list";

export interface PriceQuote {
  /** Price per one unit, up to 4 decimals (at least 2). */
  unitPrice: string;
  /** rate × quantity ÷ pricing unit, rounded half up to the cent. */
  lineAmount: string;
  currency: string;
  /** Whose record priced it: the customer's own (table 305) or the list price (table 304). */
  rule: PriceRule;
  /** The scale quantity whose rate applied; null when the record's own rate did. */
  scaleFrom: number | null;
  /** The condition record that priced it. */
  record: string;
  /** The record's pricing unit. */
  per: number;
}

/** A calendar day `YYYY-MM-DD` (UTC, as SAP's Edm.DateTime dates are). */
export const dayOf = (d: Date): string => d.toISOString().slice(0, 10);

const valid = (r: PriceCondition, day: string) => !r.deleted && r.validFrom <= day && day <= r.validTo;

/** The later-starting of the valid records (SAP's newer record supersedes), or undefined. */
function current(records: PriceCondition[], day: string): PriceCondition | undefined {
  let best: PriceCondition | undefined;
  for (const r of records) if (valid(r, day) && (!best || r.validFrom > best.validFrom)) best = r;
  return best;
}

/**
 * A decimal string as an integer number of ten-thousandths (SAP rates have at most 3 decimals,
 * unit prices 4); NaN for anything else.
 */
function tenThousandths(rate: string): number {
  const m = /^(\d+)(?:\.(\d{0,4}))?$/.exec(rate.trim());
  if (!m) return Number.NaN;
  return Number(m[1]) * 10_000 + Number((m[2] ?? "").padEnd(4, "0"));
}

/** A price per one unit: 4 decimals at most, at least 2 (SD's precision for unit prices). */
export function formatUnitPrice(value: number): string {
  return value.toFixed(4).replace(/(\.\d{2}\d*?)0+$/, "$1");
}

/**
 * The price of `quantity` units for `customer` (none: an anonymous visitor, the list price) on
 * `at`'s day, or undefined when no record of our sales area is valid. See the rule above.
 */
export function priceFor(
  conditions: PricingConditions,
  customer: string | undefined,
  quantity: number,
  at: Date = new Date(),
): PriceQuote | undefined {
  const day = dayOf(at);
  const own = customer
    ? current(
        conditions.customerRecords.filter((r) => r.customer === customer),
        day,
      )
    : undefined;
  const record = own ?? current(conditions.list, day);
  if (!record) return undefined;
  let rate = tenThousandths(record.rate);
  let scaleFrom: number | null = null;
  for (const s of conditions.scales) {
    if (s.record !== record.record || s.from > quantity) continue;
    if (scaleFrom === null || s.from > scaleFrom) {
      scaleFrom = s.from;
      rate = tenThousandths(s.rate);
    }
  }
  if (!Number.isFinite(rate)) return undefined;
  const per = record.per > 0 ? record.per : 1;
  // ten-thousandths × quantity is exact; one division and one rounding to the cent (half up)
  const cents = Math.round((rate * quantity) / (per * 100));
  return {
    unitPrice: formatUnitPrice(rate / 10_000 / per),
    lineAmount: (cents / 100).toFixed(2),
    currency: record.currency,
    rule: own ? "customer" : "list",
    scaleFrom,
    record: record.record,
    per,
  };
}
