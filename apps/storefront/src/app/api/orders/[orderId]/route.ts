import { placedOrders } from "~/lib/session";
import { refusalResponse, shop } from "~/lib/shop";

export const dynamic = "force-dynamic";

/** The order page's live status: only for orders this browser placed. */
export async function GET(_req: Request, { params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  if (!(await placedOrders()).includes(orderId))
    return Response.json({ error: "not-found" }, { status: 404 });
  try {
    return Response.json(await shop().getOrder(orderId), { headers: { "cache-control": "no-store" } });
  } catch (e) {
    return refusalResponse(e);
  }
}
