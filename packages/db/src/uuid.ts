import { randomUUID } from "node:crypto";

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. What Prisma's
 * `@default(uuid(7))` generates for our ids, for rows written with raw SQL: time-ordered, so
 * they index like the rest.
 */
export function uuidv7(now: number = Date.now()): string {
  // The random bits come from a version 4 UUID: Node draws those from a buffer of entropy it
  // refills now and then, where randomBytes(16) asks the kernel every time. Its variant bits
  // are version 7's too; the timestamp replaces its first 48 bits and the version digit is 7.
  const v4 = randomUUID();
  const ms = now.toString(16).padStart(12, "0").slice(-12);
  return `${ms.slice(0, 8)}-${ms.slice(8)}-7${v4.slice(15)}`;
}
