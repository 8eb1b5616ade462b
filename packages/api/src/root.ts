import { approvalsRouter } from "./routers/approvals/router";
import { auditRouter } from "./routers/audit/router";
import { resyncOneRouter } from "./routers/drift/resync-one";
import { driftRouter } from "./routers/drift/router";
import { failuresRouter } from "./routers/failures/router";
import { kafkaRouter } from "./routers/kafka/router";
import { ordersRouter } from "./routers/orders/router";
import { overviewRouter } from "./routers/overview/router";
import { pipelineRouter } from "./routers/pipeline/router";
import { queuesRouter } from "./routers/queues/router";
import { replayRouter } from "./routers/replay/router";
import { resyncRouter } from "./routers/resync/router";
import { rolesRouter } from "./routers/roles/router";
import { settingsRouter } from "./routers/settings/router";
import { router } from "./trpc";

export const appRouter = router({
  pipeline: pipelineRouter,
  overview: overviewRouter,
  kafka: kafkaRouter,
  queues: queuesRouter,
  failures: failuresRouter,
  orders: ordersRouter,
  resync: resyncRouter,
  resyncOne: resyncOneRouter,
  drift: driftRouter,
  replay: replayRouter,
  audit: auditRouter,
  settings: settingsRouter,
  roles: rolesRouter,
  approvals: approvalsRouter,
});

export type AppRouter = typeof appRouter;
