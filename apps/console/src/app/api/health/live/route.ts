export const dynamic = "force-dynamic";

/** Liveness: the process serves requests. Dependencies are readiness's business. */
export function GET() {
  return Response.json({ status: "live" });
}
