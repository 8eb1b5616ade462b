import { refusalResponse, shop } from "~/lib/shop";

export const dynamic = "force-dynamic";

/** Live stock for the product page (the browser never sees the API's credentials). */
export async function GET(_req: Request, { params }: { params: Promise<{ sku: string }> }) {
  const { sku } = await params;
  try {
    const [level] = await shop().getStock([sku]);
    return Response.json(
      { sku, available: level?.available ?? 0, updatedAt: level?.updatedAt ?? null },
      { headers: { "cache-control": "no-store" } },
    );
  } catch (e) {
    return refusalResponse(e);
  }
}
