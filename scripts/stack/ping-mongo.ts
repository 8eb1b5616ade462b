/**
 * Health probe for FerretDB: a real MongoDB-protocol round trip with the official driver
 * (`ping`, then `listCollections`, which reaches the PostgreSQL backend). Exit 0 = healthy.
 * Prints the driver's error otherwise, so a wire-version refusal shows verbatim.
 */
import { loadEnv } from "@icp/config";
import { MongoClient } from "mongodb";

const client = new MongoClient(loadEnv().MONGODB_URL, {
  serverSelectionTimeoutMS: 3_000,
  connectTimeoutMS: 3_000,
  // A wedged server accepts the connection and then never answers: fail instead of hanging.
  socketTimeoutMS: 5_000,
});
try {
  await client.connect();
  const db = client.db();
  await db.command({ ping: 1 });
  await db.listCollections({}, { nameOnly: true }).toArray();
  const info = await db.admin().command({ buildInfo: 1 });
  const hello = await db.command({ hello: 1 });
  console.log(
    `FerretDB ${info.ferretdbVersion ?? "?"}, reports MongoDB ${info.version}, wire ${hello.maxWireVersion}`,
  );
} catch (err) {
  console.error(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  process.exitCode = 1;
} finally {
  await client.close().catch(() => {});
}
