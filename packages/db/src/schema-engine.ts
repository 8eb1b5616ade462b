import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

/**
 * Prisma's own schema engine, compiled to WebAssembly (`@prisma/schema-engine-wasm`, the
 * exact build of this Prisma version). The native engine that `prisma migrate` needs
 * cannot be downloaded on this machine; the WASM one runs offline through the pg driver
 * adapter, so migration SQL here is what Prisma itself generates, not a guess.
 * Dev tooling only: never loaded by the application.
 */
type Diffable =
  | { tag: "empty" }
  | { tag: "schemaDatamodel"; files: SchemaFile[] }
  | { tag: "schemaDatasource"; files: SchemaFile[]; configDir: string };
type SchemaFile = { path: string; content: string };

interface WasmSchemaEngine {
  diff(params: {
    from: Diffable;
    to: Diffable;
    script: boolean;
    exitCode: boolean | null;
    filters: { externalTables: string[]; externalEnums: string[] };
  }): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}
interface WasmRuntime {
  __wbg_set_wasm(exports: Record<string, unknown>): void;
  SchemaEngine: {
    new: (
      options: { datamodels: [string, string][] | undefined },
      log: (line: string) => void,
      adapter: object,
    ) => Promise<WasmSchemaEngine>;
  };
}

// @types/node does not declare the WebAssembly global (it lives in lib.dom); this is the
// slice used here.
type WasmExports = Record<string, unknown>;
declare const WebAssembly: {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: Record<string, unknown>) => { exports: WasmExports };
};

let runtime: Promise<WasmRuntime> | undefined;

function loadRuntime(): Promise<WasmRuntime> {
  runtime ??= (async () => {
    const glue = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as WasmRuntime;
    const require = createRequire(import.meta.url);
    const wasmFile = require
      .resolve("@prisma/schema-engine-wasm")
      .replace(/schema_engine\.js$/, "schema_engine_bg.wasm");
    const instance = new WebAssembly.Instance(new WebAssembly.Module(await readFile(wasmFile)), {
      "./schema_engine_bg.js": glue,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return runtime;
}

/**
 * Prisma's SQL that builds `schema` from an empty database (`prisma migrate diff
 * --from-empty --to-schema … --script`), minus the `CREATE SCHEMA "public"` that
 * `migrate dev` never writes because its shadow database already has one. The engine insists
 * on a reachable database (it checks the connection) but reads nothing from it.
 * (Diffing *from* a live database does not work through adapter-pg 7.10: the engine's
 * catalog queries return pg's internal "char" type, which the adapter cannot decode.)
 */
export async function prismaCreateScript(schema: string, databaseUrl: string): Promise<string> {
  const glue = await loadRuntime();
  const files = [{ path: "schema.prisma", content: schema }];
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
  const engine = await glue.SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, () => {}, adapter);
  try {
    const result = await engine.diff({
      from: { tag: "empty" },
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    return (result.stdout ?? "").replace(/-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n/, "");
  } finally {
    engine.free();
  }
}
