/**
 * SAP sales order state → the storefront's order status. SAP answers with single-letter
 * status codes (" "/"" = not relevant, A = not yet processed, B = partially, C = completely):
 *   - every item rejected (SalesDocumentRjcnReason set)        → CANCELLED
 *   - billing completely done (OverallOrdReltdBillgStatus = C) → BILLED
 *   - goods completely issued (OverallTotalDeliveryStatus = C) → DELIVERED
 *   - delivered completely or partly (OverallDeliveryStatus B/C) → SHIPPED
 *   - being processed (OverallSDProcessStatus B)                → PROCESSING
 *   - otherwise                                                  → ACCEPTED
 */
export type SapDrivenStatus = "ACCEPTED" | "PROCESSING" | "SHIPPED" | "DELIVERED" | "BILLED" | "CANCELLED";

export interface SalesOrderState {
  OverallSDProcessStatus?: string | null;
  OverallDeliveryStatus?: string | null;
  OverallTotalDeliveryStatus?: string | null;
  OverallOrdReltdBillgStatus?: string | null;
  items: { SalesDocumentRjcnReason?: string | null }[];
}

export function storefrontStatusOf(so: SalesOrderState): SapDrivenStatus {
  if (so.items.length > 0 && so.items.every((i) => Boolean(i.SalesDocumentRjcnReason?.trim())))
    return "CANCELLED";
  if (so.OverallOrdReltdBillgStatus === "C") return "BILLED";
  if (so.OverallTotalDeliveryStatus === "C") return "DELIVERED";
  if (so.OverallDeliveryStatus === "B" || so.OverallDeliveryStatus === "C") return "SHIPPED";
  if (so.OverallSDProcessStatus === "B" || so.OverallSDProcessStatus === "C") return "PROCESSING";
  return "ACCEPTED";
}
