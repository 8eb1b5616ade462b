import { z } from "zod";
import { mutationFor, procedureFor, router } from "../../trpc";
import { reason } from "../list";
import { DEFAULT_THRESHOLDS, thresholdsFrom } from "../overview/health";

const RULE_IDS = Object.keys(DEFAULT_THRESHOLDS) as [
  keyof typeof DEFAULT_THRESHOLDS,
  ...(keyof typeof DEFAULT_THRESHOLDS)[],
];

/** What each threshold means, for the Settings table. */
export const ALERT_RULE_TEXT: Record<(typeof RULE_IDS)[number], { label: string; unit: string }> = {
  sap_create_errors: { label: "SAP create errors in the last minute", unit: "%" },
  backlog_delayed: { label: "Order jobs delayed for another SAP attempt", unit: "jobs" },
  breaker_open: { label: "SAP circuit breaker (1 open, 0.5 half-open)", unit: "" },
  consumer_lag: { label: "Kafka consumer lag per group and topic (above)", unit: "messages" },
  open_failures: { label: "Open failures waiting for an operator", unit: "failures" },
  dlq_unhandled: { label: "Unhandled dead-lettered messages", unit: "messages" },
  webhook_disabled: {
    label: "Webhook endpoint auto-disabled after this many failed deliveries in a row",
    unit: "failures",
  },
  time_to_drain: {
    label:
      "Time to drain a queue's or consumer group's backlog at the last minute's throughput (above; a stalled backlog always fires)",
    unit: "seconds",
  },
};

/**
 * Alert thresholds (alert_rule), which the worker's evaluator and the Overview apply, and the
 * history of alert state changes (alert_event). Changing a threshold is an audited admin action.
 */
export const alertSettings = router({
  rules: procedureFor("console.read").query(async ({ ctx }) => {
    const rows = await ctx.services.db.alertRule.findMany();
    const t = thresholdsFrom(rows);
    return RULE_IDS.map((id) => ({
      id,
      ...ALERT_RULE_TEXT[id],
      ...t[id],
      updatedBy: rows.find((r) => r.id === id)?.updatedBy ?? null,
      updatedAt: rows.find((r) => r.id === id)?.updatedAt ?? null,
    }));
  }),
  updateRule: mutationFor("settings.manage")
    .input(
      z
        .object({
          id: z.enum(RULE_IDS),
          threshold: z.number().min(0, "The threshold cannot be negative.").max(1_000_000_000),
          enabled: z.boolean(),
          reason,
        })
        .refine((r) => r.id !== "webhook_disabled" || (Number.isInteger(r.threshold) && r.threshold >= 1), {
          message: "Auto-disable needs a whole number of failures, at least 1.",
          path: ["threshold"],
        }),
    )
    .mutation(async ({ ctx, input }) => {
      const by = ctx.user.email || ctx.user.id;
      return ctx.services.db.$transaction(async (tx) => {
        const before = await tx.alertRule.findUnique({ where: { id: input.id } });
        const after = await tx.alertRule.upsert({
          where: { id: input.id },
          create: { id: input.id, threshold: input.threshold, enabled: input.enabled, updatedBy: by },
          update: { threshold: input.threshold, enabled: input.enabled, updatedBy: by },
        });
        await ctx.audit(
          {
            action: "alert_rule.update",
            targetType: "alert_rule",
            targetId: input.id,
            reason: input.reason,
            before: before
              ? { threshold: before.threshold, enabled: before.enabled }
              : { threshold: DEFAULT_THRESHOLDS[input.id], enabled: true },
            after: { threshold: after.threshold, enabled: after.enabled },
          },
          tx,
        );
        return after;
      });
    }),
  history: procedureFor("console.read")
    .input(z.object({ limit: z.number().int().min(1).max(200).default(50) }).default({ limit: 50 }))
    .query(({ ctx, input }) =>
      ctx.services.db.alertEvent.findMany({ orderBy: { at: "desc" }, take: input.limit }),
    ),
});
