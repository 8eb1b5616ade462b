export { type CreatePrismaOptions, createPrisma, type Db } from "./client";
export * from "./generated/prisma/enums";
export { Prisma, type PrismaClient } from "./generated/prisma/client";
export type * from "./generated/prisma/models";
export {
  type LocalMigration,
  MigrationError,
  type MigrationErrorCode,
  type MigrateOptions,
  type MigrateResult,
  migrate,
  migrationChecksum,
  readMigrations,
} from "./migrate";
