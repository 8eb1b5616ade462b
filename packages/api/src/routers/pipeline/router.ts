import { procedureFor, router } from "../../trpc";
import { pipelineHealth } from "./health.handler";

export const pipelineRouter = router({
  health: procedureFor("console.read").query(pipelineHealth),
});
