/**
 * The local stack's Kafka principals (scripts/stack.sh makes a random SCRAM password for each,
 * under .local/kafka/principals): processes the tests and `make up` start run as their own
 * deployable's principal, so the brokers' ACLs (packages/messaging/src/acls.ts) apply to them
 * as they would in a cluster. Tools and tests themselves connect as icp-admin (.local/stack.env).
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { KafkaConnection } from "@icp/config";
import type { KafkaPrincipal } from "@icp/messaging";

const PRINCIPALS = resolve(dirname(fileURLToPath(import.meta.url)), "../../.local/kafka/principals");

/** The principal's password, or undefined when the local stack runs without SASL. */
export function principalPassword(name: KafkaPrincipal | "icp-admin"): string | undefined {
  const file = resolve(PRINCIPALS, name);
  return existsSync(file) ? readFileSync(file, "utf8").trim() : undefined;
}

/** Env entries that make a child process connect as `name` (none without SASL). */
export function principalEnv(name: KafkaPrincipal): Record<string, string> {
  const password = principalPassword(name);
  return password ? { KAFKA_SASL_USERNAME: name, KAFKA_SASL_PASSWORD: password } : {};
}

/** The same connection, authenticated as `name` (unchanged without SASL). */
export function asPrincipal(connection: KafkaConnection, name: KafkaPrincipal): KafkaConnection {
  const password = principalPassword(name);
  if (!connection.sasl || !password) return connection;
  return { ...connection, sasl: { ...connection.sasl, username: name, password } };
}
