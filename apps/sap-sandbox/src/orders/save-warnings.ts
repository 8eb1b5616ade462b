import type { SapErrorDetail } from "../odata/errors";
import type { Row } from "../store/table";

/**
 * What SAP sets on a sales document it saves *with* problems, and the warnings Gateway hands
 * back in `sap-message`: the order is created (201) but is not free to ship.
 *
 * - Central delivery block on the customer (`A_Customer.DeliveryIsBlocked`): copied into the
 *   header's `DeliveryBlockReason`.
 * - Credit limit exceeded (credit management, the customer's credit segment): the document is
 *   saved with `TotalCreditCheckStatus` B (blocked) and no delivery can be created.
 * - Incompletion: a field the incompletion procedure requires is missing (here: the incoterms,
 *   when the customer's sales area has none); `TotalBlockStatus` stays, the log is open.
 *
 * **The message numbers are the sandbox's choice, not verified against SAP's catalogue**; the
 * client classifies by the document's fields and the message texts, not by number.
 */
export const SAVE_WARNINGS = {
  incomplete: "V1/555",
  creditBlock: "V1/154",
  deliveryBlock: "V1/464",
} as const;

export function saveWarnings(
  salesOrder: string,
  customer: Row | undefined,
  salesArea: Row | undefined,
  creditExceeded: boolean,
): { messages: SapErrorDetail[]; fields: Row } {
  const messages: SapErrorDetail[] = [];
  const fields: Row = {};
  const delivery = String(customer?.DeliveryIsBlocked ?? "");
  if (delivery) {
    fields.DeliveryBlockReason = delivery;
    messages.push({
      code: SAVE_WARNINGS.deliveryBlock,
      message: `Sold-to party ${String(customer?.Customer)} has a delivery block (${delivery}): sales document ${salesOrder} is blocked for delivery`,
      target: "DeliveryBlockReason",
      severity: "warning",
    });
  }
  if (creditExceeded) {
    fields.TotalCreditCheckStatus = "B";
    messages.push({
      code: SAVE_WARNINGS.creditBlock,
      message: `Credit limit exceeded: sales document ${salesOrder} is blocked by the credit check`,
      target: "TotalCreditCheckStatus",
      severity: "warning",
    });
  }
  if (salesArea && !salesArea.IncotermsClassification) {
    messages.push({
      code: SAVE_WARNINGS.incomplete,
      message: `Sales document ${salesOrder} is incomplete: Incoterms missing`,
      target: "IncotermsClassification",
      severity: "warning",
    });
  }
  return { messages, fields };
}
