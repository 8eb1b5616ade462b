import { storefront } from "~/server/storefront";

export const dynamic = "force-dynamic";

async function handler(req: Request): Promise<Response> {
  const { handle } = await storefront();
  const ip =
    req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? req.headers.get("x-real-ip") ?? "local";
  return handle(req, { ip });
}

export { handler as DELETE, handler as GET, handler as PATCH, handler as POST, handler as PUT };
