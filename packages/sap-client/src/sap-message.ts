/**
 * SAP Gateway's `sap-message` header: the messages of a request that *succeeded*, as JSON —
 * the leading message's `code`, `message`, `severity`, `target` and the others in `details`.
 * A sales order saved incomplete, credit-blocked or delivery-blocked is a 201 with warnings
 * here, not an error.
 */
export type SapMessageSeverity = "success" | "info" | "warning" | "error";

/** A business block SAP saved the document with: the order exists but will not ship as is. */
export type SapBlock = "incomplete" | "creditBlock" | "deliveryBlock" | "billingBlock";

export interface SapMessage {
  code: string;
  message: string;
  severity: SapMessageSeverity;
  target?: string;
  /** Set when the message says the document was saved with a block or incomplete. */
  block?: SapBlock;
}

const SEVERITIES = new Set<SapMessageSeverity>(["success", "info", "warning", "error"]);

/** The block a message announces, from its text (SAP's numbers differ between releases). */
export function blockOf(text: string): SapBlock | undefined {
  const t = text.toLowerCase();
  if (/\bcredit\b/.test(t)) return "creditBlock";
  if (/\bdelivery block|blocked for delivery\b/.test(t)) return "deliveryBlock";
  if (/\bbilling block|blocked for billing\b/.test(t)) return "billingBlock";
  if (/\bincomplete\b|not (yet )?complete/.test(t)) return "incomplete";
  return undefined;
}

function one(raw: unknown): SapMessage | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  const code = typeof r.code === "string" ? r.code : "";
  const message = typeof r.message === "string" ? r.message : "";
  if (!code && !message) return undefined;
  const sev = typeof r.severity === "string" ? r.severity.toLowerCase() : "info";
  const severity: SapMessageSeverity = SEVERITIES.has(sev as SapMessageSeverity)
    ? (sev as SapMessageSeverity)
    : "info";
  const block = blockOf(message);
  return {
    code,
    message,
    severity,
    ...(typeof r.target === "string" && r.target ? { target: r.target } : {}),
    ...(block ? { block } : {}),
  };
}

/**
 * Every message of a `sap-message` header, the leading one first. An absent or unreadable
 * header is no messages (never an error: the request itself succeeded).
 */
export function parseSapMessages(header: string | null | undefined): SapMessage[] {
  if (!header) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(header);
  } catch {
    return [];
  }
  const lead = one(raw);
  const details = (raw as { details?: unknown }).details;
  const rest = Array.isArray(details) ? details.map(one).filter((m): m is SapMessage => !!m) : [];
  return lead ? [lead, ...rest] : rest;
}

/**
 * The blocks a created sales order carries, from the document itself (these fields are SAP's
 * record, whatever the messages' numbers): a delivery block reason, a billing block reason, a
 * credit status B (blocked) — and incompletion, which only the messages tell.
 */
export function blocksOf(
  order: {
    DeliveryBlockReason?: string | null;
    HeaderBillingBlockReason?: string | null;
    TotalCreditCheckStatus?: string | null;
  },
  messages: SapMessage[],
): SapBlock[] {
  const out = new Set<SapBlock>();
  if (order.DeliveryBlockReason) out.add("deliveryBlock");
  if (order.HeaderBillingBlockReason) out.add("billingBlock");
  if (order.TotalCreditCheckStatus === "B") out.add("creditBlock");
  for (const m of messages) if (m.block) out.add(m.block);
  return [...out];
}
