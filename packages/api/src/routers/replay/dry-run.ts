import type { Db } from "@icp/db";
import {
  DRY_RUN_VERDICTS,
  type DryRunVerdict,
  EventTypes,
  inventoryTopicSchemas,
  type LedgerState,
  ledgerMoveAllowed,
  orderStatusTopicSchemas,
  orderTopicSchemas,
  Topics,
} from "@icp/domain";
import type { z } from "zod";
import type { KafkaMessageView } from "../../ports";

/** One message of a dry run and what replaying it would do. */
export interface DryRunRow {
  partition: number;
  offset: string;
  key: string | null;
  type: string | null;
  /** The storefront order id, SAP sales order or material|plant it is about. */
  subject: string | null;
  /** The storefront order, when the message concerns one of ours (links to its page). */
  orderId: string | null;
  verdict: DryRunVerdict;
  why: string;
}

const SCHEMAS: Record<string, Record<string, z.ZodType>> = {
  [Topics.orders]: orderTopicSchemas,
  [Topics.orderStatus]: orderStatusTopicSchemas,
  [Topics.inventory]: inventoryTopicSchemas,
};

type Decoded = { row: Omit<DryRunRow, "verdict" | "why" | "orderId">; data: Record<string, unknown> | null };

/** The message's event, validated as the bridge would (an invalid one would be dead-lettered). */
function decode(topic: string, m: KafkaMessageView): Decoded {
  const type = m.cloudEvent.type ?? null;
  const schema = type ? SCHEMAS[topic]?.[type] : undefined;
  const parsed = schema?.safeParse(m.body);
  const base = { partition: m.partition, offset: m.offset, key: m.key, type, subject: null };
  if (!parsed?.success) return { row: base, data: null };
  return { row: base, data: parsed.data as Record<string, unknown> };
}

/** State of the orders named, from the ledger (reads only; @icp/orders writes it). */
async function ledgerOf(db: Pick<Db, "orderLink">, by: { orderIds?: string[]; salesOrders?: string[] }) {
  const rows = await db.orderLink.findMany({
    where: {
      OR: [
        ...(by.orderIds?.length ? [{ storefrontOrderId: { in: by.orderIds } }] : []),
        ...(by.salesOrders?.length ? [{ sapSalesOrder: { in: by.salesOrders } }] : []),
      ],
    },
    select: { storefrontOrderId: true, sapSalesOrder: true, state: true, sapStatus: true, sapStatusAt: true },
  });
  return rows;
}

/**
 * What a replayed create would do to an order in this ledger state — the rule the order's
 * runner follows (OrderLedger.claimSubmission): an order with a sales order is booked (a no-op);
 * one the ledger's move table lets no runner claim (LEDGER_MOVES.SUBMITTING) is closed and sends
 * nothing (CANCELLED, DISCARDED, and CANCEL_REQUESTED before SAP had it); a failed one is retried.
 */
export function createVerdict(link: { state: LedgerState; sapSalesOrder: string | null } | undefined): {
  verdict: DryRunVerdict;
  why: string;
} {
  if (!link) return { verdict: "would-create", why: "not in the ledger" };
  if (link.sapSalesOrder) return { verdict: "already-booked", why: `sales order ${link.sapSalesOrder}` };
  if (!ledgerMoveAllowed(link.state, "SUBMITTING"))
    return { verdict: "closed", why: `ledger: ${link.state}` };
  if (link.state === "FAILED") return { verdict: "would-retry", why: "failed in the ledger, no sales order" };
  return { verdict: "would-create", why: `ledger: ${link.state}, no sales order` };
}

/**
 * What replaying each message would do, from the ledger as it stands: an order SAP already
 * holds is a no-op (the create is idempotent), a failed one would be retried, a closed one
 * sends nothing; a status event older than the ledger's SAP state changes nothing. Stock is
 * applied only if SAP's level is newer than the read model's, which only the job can tell.
 */
export async function classifyMessages(
  db: Pick<Db, "orderLink">,
  topic: string,
  messages: KafkaMessageView[],
): Promise<DryRunRow[]> {
  const decoded = messages.map((m) => decode(topic, m));
  if (topic === Topics.orders) {
    const ids = decoded.flatMap((d) => (d.data ? [String(d.data.orderId)] : []));
    const ledger = new Map(
      (await (ids.length ? ledgerOf(db, { orderIds: ids }) : [])).map((l) => [l.storefrontOrderId, l]),
    );
    return decoded.map(({ row, data }) => {
      if (!data)
        return { ...row, orderId: null, verdict: "undecodable", why: "would be dead-lettered again" };
      const orderId = String(data.orderId);
      const link = ledger.get(orderId);
      const subject = orderId;
      const known = link ? orderId : null;
      if (row.type === EventTypes.orderCancellationRequested) {
        if (link?.state === "CANCELLED" || link?.state === "DISCARDED")
          return {
            ...row,
            subject,
            orderId: known,
            verdict: "already-cancelled",
            why: `ledger: ${link.state}`,
          };
        return {
          ...row,
          subject,
          orderId: known,
          verdict: "would-cancel",
          why: `ledger: ${link?.state ?? "not known"}`,
        };
      }
      return { ...row, subject, orderId: known, ...createVerdict(link) };
    });
  }
  if (topic === Topics.orderStatus) {
    const salesOrders = decoded.flatMap((d) => (d.data ? [String(d.data.SalesOrder)] : []));
    const ledger = new Map(
      (await (salesOrders.length ? ledgerOf(db, { salesOrders }) : [])).map((l) => [l.sapSalesOrder, l]),
    );
    return decoded.map(({ row, data }, i) => {
      if (!data)
        return { ...row, orderId: null, verdict: "undecodable", why: "would be dead-lettered again" };
      const subject = String(data.SalesOrder);
      const link = ledger.get(subject);
      if (!link)
        return {
          ...row,
          subject,
          orderId: null,
          verdict: "not-ours",
          why: "no order of ours has this sales order",
        };
      const eventTime =
        Date.parse(messages[i]?.cloudEvent.time ?? "") || messages[i]?.timestamp.getTime() || 0;
      if (link.sapStatusAt && link.sapStatusAt.getTime() >= eventTime)
        return {
          ...row,
          subject,
          orderId: link.storefrontOrderId,
          verdict: "no-change",
          why: `ledger holds ${link.sapStatus ?? "?"} as of ${link.sapStatusAt.toISOString()}`,
        };
      return {
        ...row,
        subject,
        orderId: link.storefrontOrderId,
        verdict: "would-update-status",
        why: link.sapStatusAt
          ? `ledger's SAP state is older (${link.sapStatus})`
          : "ledger has no SAP state yet",
      };
    });
  }
  return decoded.map(({ row, data }) =>
    data
      ? {
          ...row,
          subject: `${String(data.Material)}|${String(data.Plant)}`,
          orderId: null,
          verdict: "would-update-stock",
          why: "applied only if SAP's level is newer than the read model's",
        }
      : { ...row, orderId: null, verdict: "undecodable", why: "would be dead-lettered again" },
  );
}

/** Counts per verdict (every verdict present, zero when none). */
export function verdictCounts(rows: DryRunRow[]): Record<DryRunVerdict, number> {
  const out = Object.fromEntries(DRY_RUN_VERDICTS.map((v) => [v, 0])) as Record<DryRunVerdict, number>;
  for (const r of rows) out[r.verdict]++;
  return out;
}
