import { dayOf, type PriceCondition, type PricingConditions } from "@icp/domain";
import type { PriceValidity } from "./master-data";

/**
 * SAP's PR00 validities (with their condition records and scale lines, as `Prices.page`/`all`
 * read them with `customers` and `scales`) in the compact form the storefront prices from
 * (`priceFor`, @icp/domain), per material. Records without a rate are left out; records
 * flagged for deletion are kept with their flag (`priceFor` ignores them).
 */
export function pricingConditionsOf(validities: Iterable<PriceValidity>): Map<string, PricingConditions> {
  const out = new Map<string, PricingConditions>();
  const seenScales = new Set<string>();
  for (const v of validities) {
    const rec = v.to_SlsPrcgConditionRecord;
    if (!v.Material || !rec?.ConditionRateValue) continue;
    let c = out.get(v.Material);
    if (!c) {
      c = { list: [], customerRecords: [], scales: [] };
      out.set(v.Material, c);
    }
    const condition: PriceCondition = {
      record: v.ConditionRecord,
      customer: v.Customer ? v.Customer : null,
      rate: rec.ConditionRateValue,
      per: Number(rec.ConditionQuantity ?? 1) || 1,
      currency: rec.ConditionRateValueUnit || rec.ConditionCurrency || "EUR",
      validFrom: v.ConditionValidityStartDate ? dayOf(v.ConditionValidityStartDate) : "0001-01-01",
      validTo: dayOf(v.ConditionValidityEndDate),
      deleted: Boolean(rec.ConditionIsDeleted),
    };
    (condition.customer ? c.customerRecords : c.list).push(condition);
    // a record valid in two periods is read twice: its scale lines are kept once
    if (seenScales.has(v.ConditionRecord)) continue;
    seenScales.add(v.ConditionRecord);
    for (const s of rec.to_SlsPrcgCndnRecordScale ?? []) {
      if (s.ConditionScaleQuantity == null || !s.ConditionRateValue) continue;
      c.scales.push({
        record: v.ConditionRecord,
        from: Number(s.ConditionScaleQuantity),
        rate: s.ConditionRateValue,
      });
    }
  }
  return out;
}
