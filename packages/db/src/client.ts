import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export type Db = PrismaClient & {
  /** Disconnects and ends the pg pool; await it on shutdown. Safe to call twice. */
  close(): Promise<void>;
};

export interface CreatePrismaOptions {
  /** Max pool connections (pg.Pool `max`). */
  poolSize?: number;
}

/**
 * The control-plane Prisma client over node-postgres (Prisma 7 "client" engine: no native
 * query engine, the query compiler is WASM). The URL is a parameter, never read from env.
 */
export function createPrisma(databaseUrl: string, options: CreatePrismaOptions = {}): Db {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.poolSize ?? 10 });
  // Minimal error messages: a failed query's message reaches ops (an order's timeline, the
  // failure inbox, logs), where Prisma's default adds the calling source frame with its file path.
  const client = new PrismaClient({ adapter, errorFormat: "minimal" });
  let closing: Promise<void> | undefined;
  return Object.assign(client, {
    close(): Promise<void> {
      closing ??= client.$disconnect();
      return closing;
    },
  });
}
