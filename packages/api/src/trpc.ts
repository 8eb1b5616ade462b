import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import type { ApiContext } from "./context";
import { type Role, roleAtLeast } from "./roles";

const t = initTRPC.context<ApiContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        // Never ship stack traces to the browser.
        stack: undefined,
        validation: error.cause instanceof ZodError ? error.cause.issues : undefined,
      },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * The one authorisation gate. Every procedure is built from `procedureFor(role)`, which records
 * the role it needs in its meta, so a test can enumerate procedures and prove each rejects a
 * lower role and an anonymous caller.
 */
export function procedureFor(role: Role) {
  return t.procedure.meta({ role }).use(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to use the console." });
    if (!roleAtLeast(ctx.user.role, role)) {
      throw new TRPCError({
        code: "FORBIDDEN",
        message: `This needs the ${role} role; you are ${ctx.user.role}.`,
      });
    }
    return next({ ctx: { ...ctx, user: ctx.user } });
  });
}
