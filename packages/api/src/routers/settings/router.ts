import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { mutationFor, procedureFor, router } from "../../trpc";
import { paged, pageInput, paging, reason, uuid } from "../list";
import { alertSettings } from "./alerts";
import { webhooksRouter } from "./webhooks";

/** Storefront API scopes (mirrors @icp/storefront-api SCOPES; the API refuses unknown ones anyway). */
export const CLIENT_SCOPES = [
  "catalog:read",
  "customers:read",
  "carts:write",
  "orders:read",
  "orders:write",
] as const;
const clientView = {
  id: true,
  clientId: true,
  name: true,
  scopes: true,
  rateLimitPerMinute: true,
  createdBy: true,
  createdAt: true,
  updatedAt: true,
  lastUsedAt: true,
  revokedAt: true,
  revokedBy: true,
} as const;

const clientInput = {
  scopes: z.array(z.enum(CLIENT_SCOPES)).min(1, "Pick at least one scope.").max(CLIENT_SCOPES.length),
  rateLimitPerMinute: z.number().int().min(1).max(100_000),
};

const apiClients = router({
  list: procedureFor("console.read")
    .input(z.object({ ...pageInput, includeRevoked: z.boolean().default(true) }))
    .query(async ({ ctx, input }) => {
      const where = input.includeRevoked ? {} : { revokedAt: null };
      const [rows, total] = await Promise.all([
        ctx.services.db.apiClient.findMany({
          where,
          select: clientView,
          orderBy: { createdAt: input.dir },
          ...paging(input),
        }),
        ctx.services.db.apiClient.count({ where }),
      ]);
      return paged(rows, total, input);
    }),
  /** Returns the secret exactly once; only its hash is stored. */
  create: mutationFor("clients.manage")
    .input(z.object({ name: z.string().trim().min(2).max(100), ...clientInput }))
    .mutation(async ({ ctx, input }) => {
      const secret = ctx.services.clientSecrets.generate();
      const secretHash = await ctx.services.clientSecrets.hash(secret);
      const clientId = `sf_${randomBytes(9).toString("base64url")}`;
      const client = await ctx.services.db.$transaction(async (tx) => {
        const created = await tx.apiClient.create({
          data: {
            clientId,
            name: input.name,
            secretHash,
            scopes: input.scopes,
            rateLimitPerMinute: input.rateLimitPerMinute,
            createdBy: ctx.user.email || ctx.user.id,
          },
          select: clientView,
        });
        await ctx.audit(
          {
            action: "api_client.create",
            targetType: "api_client",
            targetId: created.id,
            after: {
              clientId,
              name: input.name,
              scopes: input.scopes,
              rateLimitPerMinute: input.rateLimitPerMinute,
            },
          },
          tx,
        );
        return created;
      });
      return { client, secret };
    }),
  update: mutationFor("clients.manage")
    .input(z.object({ id: uuid, ...clientInput, reason: z.string().trim().max(500).optional() }))
    .mutation(async ({ ctx, input }) =>
      ctx.services.db.$transaction(async (tx) => {
        const before = await tx.apiClient.findUnique({ where: { id: input.id }, select: clientView });
        if (!before) throw new TRPCError({ code: "NOT_FOUND", message: "No such API client." });
        if (before.revokedAt)
          throw new TRPCError({ code: "PRECONDITION_FAILED", message: "The client is revoked." });
        const after = await tx.apiClient.update({
          where: { id: input.id },
          data: { scopes: input.scopes, rateLimitPerMinute: input.rateLimitPerMinute },
          select: clientView,
        });
        await ctx.audit(
          {
            action: "api_client.update",
            targetType: "api_client",
            targetId: input.id,
            reason: input.reason ?? null,
            before: { scopes: before.scopes, rateLimitPerMinute: before.rateLimitPerMinute },
            after: { scopes: after.scopes, rateLimitPerMinute: after.rateLimitPerMinute },
          },
          tx,
        );
        return after;
      }),
    ),
  rotateSecret: mutationFor("clients.manage")
    .input(z.object({ id: uuid, reason }))
    .mutation(async ({ ctx, input }) => {
      const secret = ctx.services.clientSecrets.generate();
      const secretHash = await ctx.services.clientSecrets.hash(secret);
      const client = await ctx.services.db.$transaction(async (tx) => {
        const res = await tx.apiClient.updateMany({
          where: { id: input.id, revokedAt: null },
          data: { secretHash },
        });
        if (res.count !== 1)
          throw new TRPCError({ code: "PRECONDITION_FAILED", message: "No active API client with that id." });
        await ctx.audit(
          {
            action: "api_client.rotate_secret",
            targetType: "api_client",
            targetId: input.id,
            reason: input.reason,
            after: { secretRotated: true },
          },
          tx,
        );
        return tx.apiClient.findUniqueOrThrow({ where: { id: input.id }, select: clientView });
      });
      return { client, secret };
    }),
  revoke: mutationFor("clients.manage")
    .input(z.object({ id: uuid, reason }))
    .mutation(async ({ ctx, input }) =>
      ctx.services.db.$transaction(async (tx) => {
        const res = await tx.apiClient.updateMany({
          where: { id: input.id, revokedAt: null },
          data: { revokedAt: new Date(), revokedBy: ctx.user.email || ctx.user.id },
        });
        if (res.count !== 1)
          throw new TRPCError({ code: "PRECONDITION_FAILED", message: "No active API client with that id." });
        await ctx.audit(
          {
            action: "api_client.revoke",
            targetType: "api_client",
            targetId: input.id,
            reason: input.reason,
            before: { revoked: false },
            after: { revoked: true },
          },
          tx,
        );
        return { id: input.id, revoked: true };
      }),
    ),
});

export const settingsRouter = router({
  apiClients,
  webhooks: webhooksRouter,
  alerts: alertSettings,
  users: procedureFor("console.read").query(({ ctx }) => ({
    me: ctx.user,
    roleGroups: ctx.services.auth.roleGroups,
    rolesClaim: ctx.services.auth.rolesClaim,
    oidcIssuer: ctx.services.auth.oidcIssuer ?? null,
    devUsers: ctx.services.auth.devUsers,
  })),
});
