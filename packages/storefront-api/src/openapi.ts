import { z } from "zod";
import { DEPENDENCIES } from "./dependencies";
import { ProblemTypes, problemTypeUri } from "./problem";
import {
  cancelOrderSchema,
  cartLineInputSchema,
  cartSchema,
  createCartSchema,
  customerSchema,
  orderAcceptedSchema,
  orderStatusSchema,
  problemSchema,
  productListQuerySchema,
  productPageSchema,
  productSchema,
  stockLevelSchema,
  submitOrderSchema,
} from "./schemas";
import { SCOPES } from "./tokens";

type JsonSchema = Record<string, unknown>;

const schema = (s: z.ZodType, io: "input" | "output" = "output"): JsonSchema => {
  const out = z.toJSONSchema(s, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  delete out.$schema;
  return out;
};

const problem = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
});
const ok = (s: z.ZodType, description = "OK") => ({
  description,
  content: { "application/json": { schema: schema(s) } },
});
const body = (s: z.ZodType) => ({
  required: true,
  content: { "application/json": { schema: schema(s, "input") } },
});
const secured = (scope: string) => [{ oauth2: [scope] }];
const retryAfter = {
  "Retry-After": {
    description: "Seconds to wait before retrying.",
    schema: { type: "integer", minimum: 1 },
  },
};
/** 503: a store the API needs is down or hung; the problem's `dependency` names which. */
const unavailable = {
  description: `A dependency (PostgreSQL, Kafka, Redis or the read model) is down or not answering: type ${problemTypeUri(ProblemTypes.dependencyUnavailable)}, \`dependency\` names it. Retry after Retry-After; a retried order with the same Idempotency-Key continues the same order.`,
  headers: retryAfter,
  content: {
    "application/problem+json": {
      schema: {
        allOf: [
          { $ref: "#/components/schemas/Problem" },
          {
            type: "object",
            required: ["type", "dependency"],
            properties: {
              type: { const: problemTypeUri(ProblemTypes.dependencyUnavailable) },
              status: { const: 503 },
              dependency: { enum: [...DEPENDENCIES] },
            },
          },
        ],
      },
    },
  },
};
const common = {
  "400": problem("The request is invalid; `errors` lists each field."),
  "401": problem("Missing, expired or invalid access token."),
  "403": problem("The token lacks the scope this operation needs."),
  "429": { ...problem("Rate limit exceeded; see Retry-After."), headers: retryAfter },
  "503": unavailable,
};

function queryParams(s: z.ZodObject): { name: string; in: "query"; required: boolean; schema: JsonSchema }[] {
  const js = schema(s, "input") as { properties: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(js.properties).map(([name, p]) => ({
    name,
    in: "query",
    required: js.required?.includes(name) ?? false,
    schema: p,
  }));
}

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function buildOpenApi(basePath: string) {
  const pathParam = (name: string) => ({ name, in: "path", required: true, schema: { type: "string" } });
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
      schemas: { Problem: schema(problemSchema) },
    },
    paths: {
      "/oauth/token": {
        post: {
          summary: "Get an access token (client credentials)",
          requestBody: {
            required: true,
            content: {
              "application/x-www-form-urlencoded": {
                schema: {
                  type: "object",
                  required: ["grant_type"],
                  properties: {
                    grant_type: { const: "client_credentials" },
                    scope: { type: "string" },
                    client_id: { type: "string" },
                    client_secret: { type: "string" },
                  },
                },
              },
            },
          },
          responses: {
            "200": { description: "Token issued" },
            "400": { description: "invalid_request / invalid_scope" },
            "401": { description: "invalid_client" },
            "429": common["429"],
            "503": unavailable,
          },
        },
      },
      "/products": {
        get: {
          summary: "List products",
          security: secured("catalog:read"),
          parameters: queryParams(productListQuerySchema),
          responses: {
            "200": ok(productPageSchema),
            "304": { description: "Not modified (ETag)" },
            ...common,
          },
        },
      },
      "/products/{sku}": {
        get: {
          summary: "One product",
          security: secured("catalog:read"),
          parameters: [pathParam("sku")],
          responses: {
            "200": ok(productSchema),
            "304": { description: "Not modified (ETag)" },
            "404": problem("No such product"),
            ...common,
          },
        },
      },
      "/stock": {
        get: {
          summary: "Stock for a list of products",
          security: secured("catalog:read"),
          parameters: [
            {
              name: "skus",
              in: "query",
              required: true,
              schema: { type: "string" },
              description: "Comma-separated product ids (max 200)",
            },
          ],
          responses: { "200": ok(z.object({ items: z.array(stockLevelSchema) })), ...common },
        },
      },
      "/customers/{customerId}": {
        get: {
          summary: "A customer's profile and addresses",
          security: secured("customers:read"),
          parameters: [pathParam("customerId")],
          responses: { "200": ok(customerSchema), "404": problem("No such customer"), ...common },
        },
      },
      "/carts": {
        post: {
          summary: "Create a cart",
          security: secured("carts:write"),
          requestBody: body(createCartSchema),
          responses: {
            "201": ok(cartSchema, "Created"),
            "422": problem("Unknown product or insufficient stock"),
            ...common,
          },
        },
      },
      "/carts/{cartId}": {
        get: {
          summary: "Read a cart",
          security: secured("carts:write"),
          parameters: [pathParam("cartId")],
          responses: { "200": ok(cartSchema), "404": problem("No such cart"), ...common },
        },
      },
      "/carts/{cartId}/lines/{sku}": {
        put: {
          summary: "Set a line's quantity",
          security: secured("carts:write"),
          parameters: [pathParam("cartId"), pathParam("sku")],
          requestBody: body(cartLineInputSchema.pick({ quantity: true })),
          responses: {
            "200": ok(cartSchema),
            "404": problem("No such cart"),
            "422": problem("Unknown product or insufficient stock"),
            ...common,
          },
        },
        delete: {
          summary: "Remove a line",
          security: secured("carts:write"),
          parameters: [pathParam("cartId"), pathParam("sku")],
          responses: { "200": ok(cartSchema), "404": problem("No such cart"), ...common },
        },
      },
      "/orders": {
        post: {
          summary: "Submit an order",
          description:
            "Accepted for processing: the order goes to SAP asynchronously. Poll the status URL or receive webhooks.",
          security: secured("orders:write"),
          parameters: [
            {
              name: "Idempotency-Key",
              in: "header",
              required: true,
              schema: { type: "string", minLength: 8, maxLength: 255 },
            },
          ],
          requestBody: body(submitOrderSchema),
          responses: {
            "202": ok(orderAcceptedSchema, "Accepted"),
            "409": {
              ...problem(
                "Order id already used by another request, or a request with this Idempotency-Key is still in progress (retry after Retry-After; `orderId` is the order the key is bound to)",
              ),
              headers: retryAfter,
            },
            "422": problem(
              "Unknown product, insufficient stock, or Idempotency-Key reused with another body",
            ),
            ...common,
          },
        },
      },
      "/orders/{orderId}": {
        get: {
          summary: "Order status and history",
          security: secured("orders:read"),
          parameters: [pathParam("orderId")],
          responses: { "200": ok(orderStatusSchema), "404": problem("No such order"), ...common },
        },
      },
      "/orders/{orderId}/cancellation": {
        post: {
          summary: "Request cancellation",
          security: secured("orders:write"),
          parameters: [pathParam("orderId")],
          requestBody: body(cancelOrderSchema),
          responses: {
            "202": { description: "Cancellation requested" },
            "404": problem("No such order"),
            "409": problem("Too late to cancel"),
            ...common,
          },
        },
      },
    },
  };
}
