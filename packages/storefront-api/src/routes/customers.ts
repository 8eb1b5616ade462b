import { json } from "../http";
import { notFound } from "../problem";
import { customerIdSchema, customerSchema } from "../schemas";
import { defineRoute } from "./route";

export const getCustomer = defineRoute({
  method: "GET",
  path: "/customers/{customerId}",
  summary: "A customer's profile and addresses",
  access: { scope: "customers:read" },
  request: { params: { customerId: { schema: customerIdSchema, notFound: "This customer" } } },
  responses: { 200: { description: "The customer", schema: customerSchema } },
  problems: ["not-found"],
  async handler({ params, deps }) {
    const customer = await deps.customers.get(params.customerId);
    if (!customer) throw notFound("This customer");
    return json(customer, { headers: { "Cache-Control": "no-store" } });
  },
});
