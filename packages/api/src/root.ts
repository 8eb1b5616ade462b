import { pipelineRouter } from "./routers/pipeline/router";
import { router } from "./trpc";

export const appRouter = router({
  pipeline: pipelineRouter,
});

export type AppRouter = typeof appRouter;
