import { z } from "zod";
import { DEPENDENCIES } from "./dependencies";
import { type ProblemHeader, type ProblemType, problemSpec, problemTypeUri } from "./problem";
import { ROUTES } from "./routes";
import { problemsOf, type ResponseSpec, type Route } from "./routes/route";
import { problemSchema } from "./schemas";
import { SCOPES } from "./tokens";

type JsonSchema = Record<string, unknown>;
type Operation = Record<string, unknown> & { responses: Record<string, ResponseObject> };
interface ResponseObject {
  description: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema: JsonSchema }>;
  links?: Record<string, unknown>;
}

/** A JSON Pointer to an operation of this document (RFC 6901: ~ and / escaped). */
const operationRef = (operation: string): string => {
  const [method = "", path = ""] = operation.split(" ");
  return `#/paths/${path.replace(/~/g, "~0").replace(/\//g, "~1")}/${method.toLowerCase()}`;
};

const schema = (s: z.ZodType, io: "input" | "output" = "output"): JsonSchema => {
  const out = z.toJSONSchema(s, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  delete out.$schema;
  return out;
};

const PROBLEM_HEADERS: Record<ProblemHeader, { description: string; schema: JsonSchema }> = {
  "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer", minimum: 1 } },
  "WWW-Authenticate": {
    description: "The authentication scheme and what was wrong.",
    schema: { type: "string" },
  },
  Allow: { description: "The methods this path has.", schema: { type: "string" } },
};

/** The problems of one status as one response: each type, when it applies, its headers. */
function problemResponse(types: ProblemType[]): ResponseObject {
  const specs = types.map((t) => ({ type: t, ...problemSpec(t) }));
  const headers = Object.fromEntries(
    specs.flatMap((s) => s.headers ?? []).map((h) => [h, PROBLEM_HEADERS[h]] as const),
  );
  const requires = [...new Set(specs.flatMap((s) => s.requires ?? []))];
  const only = specs.length === 1 ? specs[0] : undefined;
  const extension: JsonSchema = {
    type: "object",
    required: ["type", ...(only ? requires : [])],
    properties: {
      type: { enum: types.map(problemTypeUri) },
      status: { const: problemSpec(types[0]!).status },
      ...(requires.includes("dependency") ? { dependency: { enum: [...DEPENDENCIES] } } : {}),
    },
  };
  return {
    description: specs.map((s) => `${s.title} (type ${problemTypeUri(s.type)}): ${s.when}`).join("\n\n"),
    ...(Object.keys(headers).length ? { headers } : {}),
    content: {
      "application/problem+json": {
        schema: { allOf: [{ $ref: "#/components/schemas/Problem" }, extension] },
      },
    },
  };
}

/** The status Node's HTTP server answers for a request line and headers over its limit. */
export const HEADERS_TOO_LARGE = 431;

function declaredResponse(r: ResponseSpec): ResponseObject {
  return {
    description: r.description,
    ...(r.headers ? { headers: r.headers } : {}),
    ...(r.schema ? { content: { "application/json": { schema: schema(r.schema) } } } : {}),
    ...(r.mediaTypes
      ? { content: Object.fromEntries(r.mediaTypes.map((t) => [t, { schema: { contentMediaType: t } }])) }
      : {}),
    ...(r.links
      ? {
          links: Object.fromEntries(
            Object.entries(r.links).map(([name, l]) => [
              name,
              {
                operationRef: operationRef(l.operation),
                ...(l.parameters ? { parameters: l.parameters } : {}),
                ...(l.requestBody !== undefined ? { requestBody: l.requestBody } : {}),
              },
            ]),
          ),
        }
      : {}),
  };
}

/** The declared responses and the problems, by status; a status with both has both bodies. */
function responsesOf(route: Route): Record<string, ResponseObject> {
  const out: Record<string, ResponseObject> = {};
  for (const [status, r] of Object.entries(route.responses)) out[status] = declaredResponse(r);
  const byStatus = new Map<number, ProblemType[]>();
  for (const t of problemsOf(route)) {
    const status = problemSpec(t).status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), t]);
  }
  // Answered by the HTTP server before the API runs, on every operation alike.
  out[String(HEADERS_TOO_LARGE)] = {
    description:
      "Request Header Fields Too Large: the request line and headers exceed the HTTP server's 16 KiB; refused before the API runs, with an empty body.",
  };
  for (const [status, types] of [...byStatus].sort(([a], [b]) => a - b)) {
    const p = problemResponse(types);
    const had = out[status];
    out[status] = had
      ? {
          description: `${had.description}\n\n${p.description}`,
          headers: { ...had.headers, ...p.headers },
          content: { ...had.content, ...p.content },
        }
      : p;
  }
  return out;
}

function parametersOf(route: Route): JsonSchema[] {
  const req = route.request ?? {};
  const path = Object.entries(req.params ?? {}).map(([name, p]) => ({
    name,
    in: "path",
    required: true,
    schema: schema(p.schema, "input"),
    ...(p.description ? { description: p.description } : {}),
  }));
  const header = req.header
    ? [
        {
          name: req.header.name,
          in: "header",
          required: true,
          schema: schema(req.header.schema, "input"),
          ...(req.header.description ? { description: req.header.description } : {}),
        },
      ]
    : [];
  const js = req.query
    ? (schema(req.query, "input") as { properties?: Record<string, JsonSchema>; required?: string[] })
    : {};
  const query = Object.entries(js.properties ?? {}).map(([name, p]) => ({
    name,
    in: "query",
    required: js.required?.includes(name) ?? false,
    schema: p,
    ...(typeof p.description === "string" ? { description: p.description } : {}),
  }));
  return [...path, ...header, ...query];
}

function operationOf(route: Route): Operation {
  const parameters = parametersOf(route);
  const body = route.request?.body;
  const mediaType = body?.type === "form" ? "application/x-www-form-urlencoded" : "application/json";
  return {
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(route.access === "public" ? { security: [] } : { security: [{ oauth2: [route.access.scope] }] }),
    ...(parameters.length ? { parameters } : {}),
    ...(body
      ? {
          requestBody: { required: true, content: { [mediaType]: { schema: schema(body.schema, "input") } } },
        }
      : {}),
    responses: responsesOf(route),
  };
}

interface Hoisted {
  schemas: Record<string, JsonSchema>;
  /** Each component's body as zod wrote it, to tell one schema from another of the same id. */
  raw: Map<string, string>;
}

const rewriteRefs = (node: unknown, names: Map<string, string>): unknown => {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, names));
  if (typeof node !== "object" || node === null) return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => {
      if (k !== "$ref" || typeof v !== "string" || !v.startsWith("#/$defs/"))
        return [k, rewriteRefs(v, names)];
      const name = v.slice("#/$defs/".length);
      return [k, `#/components/schemas/${names.get(name) ?? name}`];
    }),
  );
};

/**
 * zod puts a schema with an id (`.meta({ id })`) in the `$defs` of every schema that uses it and
 * refers to it as "#/$defs/Id", which in an OpenAPI document resolves against the document: the
 * definitions move to components.schemas (one entry per distinct body; an input shape that
 * differs from the output's gets a numbered name) and the references follow them.
 */
function hoistDefs(node: unknown, into: Hoisted): unknown {
  if (Array.isArray(node)) return node.map((n) => hoistDefs(n, into));
  if (typeof node !== "object" || node === null) return node;
  const { $defs, ...rest } = node as JsonSchema & { $defs?: Record<string, JsonSchema> };
  if (!$defs) return Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, hoistDefs(v, into)]));
  const names = new Map<string, string>();
  for (const [name, def] of Object.entries($defs)) {
    const raw = JSON.stringify(def);
    let final = name;
    for (let n = 2; into.raw.has(final) && into.raw.get(final) !== raw; n++) final = `${name}${n}`;
    into.raw.set(final, raw);
    names.set(name, final);
  }
  for (const [name, def] of Object.entries($defs))
    into.schemas[names.get(name) ?? name] = rewriteRefs(def, names) as JsonSchema;
  return rewriteRefs(rest, names);
}

/**
 * The OpenAPI 3.1 document, built from the route descriptors: each operation's parameters and
 * bodies from the zod schemas that validate them, its responses from the descriptor and the
 * problem table.
 */
export function buildOpenApi(basePath: string, routes: readonly Route[] = ROUTES) {
  const byPath: Record<string, Record<string, Operation>> = {};
  for (const route of routes) {
    byPath[route.path] ??= {};
    byPath[route.path]![route.method.toLowerCase()] = operationOf(route);
  }
  const components: Hoisted = { schemas: {}, raw: new Map() };
  hoistDefs(schema(problemSchema), components); // the Problem every problem response refers to
  const paths = hoistDefs(byPath, components) as typeof byPath;
  return {
    openapi: "3.1.0",
    info: {
      title: "Storefront API",
      version: "1.0.0",
      description:
        "Catalog, stock, customers, carts and orders for the storefront. Errors are RFC 9457 problem details. Authenticate with OAuth2 client credentials.",
    },
    servers: [{ url: basePath }],
    components: {
      securitySchemes: {
        oauth2: {
          type: "oauth2",
          flows: {
            clientCredentials: {
              tokenUrl: `${basePath}/oauth/token`,
              scopes: Object.fromEntries(SCOPES.map((s) => [s, s])),
            },
          },
        },
      },
      schemas: components.schemas,
    },
    paths,
  };
}
