import { z } from "zod";
import { json } from "../http";
import { cartRefusal, notFound, problem } from "../problem";
import { cartIdSchema, cartLineInputSchema, cartSchema, createCartSchema, skuSchema } from "../schemas";
import { defineRoute } from "./route";

const cartId = { schema: cartIdSchema, notFound: "This cart" };
const cart = { description: "The cart", schema: cartSchema };

export const createCart = defineRoute({
  method: "POST",
  path: "/carts",
  summary: "Create a cart",
  access: { scope: "carts:write" },
  request: { body: { schema: createCartSchema } },
  responses: {
    201: {
      description: "Created",
      schema: cartSchema,
      headers: { Location: { description: "The cart's URL", schema: { type: "string" } } },
    },
  },
  problems: ["unknown-customer", "unknown-product", "insufficient-stock"],
  async handler({ clientId, body, deps }) {
    // The customer first (one lookup): a cart for nobody is refused before its lines cost any.
    if (!(await deps.customers.get(body.customerId)))
      throw problem("unknown-customer", `There is no customer ${body.customerId}.`);
    const created = await deps.carts.create(clientId, body);
    if ("kind" in created) throw cartRefusal(created);
    return json(created, { status: 201, headers: { Location: `${deps.basePath}/carts/${created.id}` } });
  },
});

export const getCart = defineRoute({
  method: "GET",
  path: "/carts/{cartId}",
  summary: "Read a cart",
  access: { scope: "carts:write" },
  request: { params: { cartId } },
  responses: { 200: cart },
  problems: ["not-found"],
  async handler({ clientId, params, deps }) {
    const found = await deps.carts.get(clientId, params.cartId);
    if (!found) throw notFound("This cart");
    return json(found);
  },
});

export const setCartLine = defineRoute({
  method: "PUT",
  path: "/carts/{cartId}/lines/{sku}",
  summary: "Set a line's quantity",
  access: { scope: "carts:write" },
  request: {
    params: { cartId, sku: { schema: skuSchema } },
    body: { schema: cartLineInputSchema.pick({ quantity: true }) },
  },
  responses: { 200: cart },
  problems: ["not-found", "unknown-product", "insufficient-stock"],
  async handler({ clientId, params, body, deps }) {
    const line = { sku: params.sku, quantity: body.quantity };
    const updated = await deps.carts.setLine(clientId, params.cartId, line);
    if (!updated) throw notFound("This cart");
    if ("kind" in updated) throw cartRefusal(updated);
    return json(updated);
  },
});

export const removeCartLine = defineRoute({
  method: "DELETE",
  path: "/carts/{cartId}/lines/{sku}",
  summary: "Remove a line",
  description: "Removing a line the cart does not have (a product id of any shape) leaves the cart as it is.",
  access: { scope: "carts:write" },
  // Any sku is taken: one that no product can have is a line the cart does not have.
  request: { params: { cartId, sku: { schema: z.string() } } },
  responses: { 200: cart },
  problems: ["not-found"],
  async handler({ clientId, params, deps }) {
    const updated = skuSchema.safeParse(params.sku).success
      ? await deps.carts.removeLine(clientId, params.cartId, params.sku)
      : await deps.carts.get(clientId, params.cartId); // no such line: nothing to remove
    if (!updated) throw notFound("This cart");
    return json(updated);
  },
});
