export { type CreatePrismaOptions, createPrisma, type Db } from "./client";
export { Prisma, type PrismaClient } from "./generated/prisma/client";
export * from "./generated/prisma/enums";
export type * from "./generated/prisma/models";
export {
  checksumMatches,
  type LocalMigration,
  type MigrateOptions,
  type MigrateResult,
  MigrationError,
  type MigrationErrorCode,
  migrate,
  migrationChecksum,
  readMigrations,
} from "./migrate";
export { uuidv7 } from "./uuid";
