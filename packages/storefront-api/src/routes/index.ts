import { createCart, getCart, removeCartLine, setCartLine } from "./carts";
import { getCustomer } from "./customers";
import { getImage } from "./images";
import { issueToken, jwks } from "./oauth";
import { openApiDocument } from "./openapi-document";
import { cancelOrder, getOrder } from "./orders";
import { quotePrices } from "./prices";
import { getProduct, getStock, listProducts } from "./products";
import type { Route } from "./route";
import { submitOrder } from "./submit-order";

/**
 * Every route of the storefront API. The router (app.ts) and the OpenAPI document (openapi.ts)
 * are both built from this list: a route cannot exist without its documentation, nor the
 * reverse. To add one, write its descriptor beside these and list it here.
 */
export const ROUTES: readonly Route[] = [
  issueToken,
  jwks,
  openApiDocument,
  listProducts,
  getProduct,
  getStock,
  getImage,
  quotePrices,
  getCustomer,
  createCart,
  getCart,
  setCartLine,
  removeCartLine,
  submitOrder,
  getOrder,
  cancelOrder,
];

export { defineRoute, problemsOf, type Route, type RouteContext, type StorefrontApiDeps } from "./route";
