import { json } from "../http";
import { defineRoute } from "./route";

/** The document is built from the route list by openapi.ts; the router hands it over. */
export const openApiDocument = defineRoute({
  method: "GET",
  path: "/openapi.json",
  summary: "This document",
  access: "public",
  responses: { 200: { description: "The OpenAPI 3.1 document" } },
  problems: [],
  async handler({ openApi }) {
    return json(openApi());
  },
});
