import { TRPCError } from "@trpc/server";

/**
 * Add a run's job to its queue (resync, drift check, replay). A run whose job cannot be added
 * is failed first — it must not sit QUEUED with nothing behind it, holding its slot — and the
 * caller gets an INTERNAL_SERVER_ERROR saying what could not be queued.
 */
export async function enqueueRunJob(
  enqueue: () => Promise<unknown>,
  failRun: (error: string) => Promise<unknown>,
  what: string,
): Promise<void> {
  try {
    await enqueue();
  } catch (e) {
    await failRun(`could not enqueue: ${(e as Error).message}`.slice(0, 2000));
    throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: `Could not queue the ${what}.`, cause: e });
  }
}
