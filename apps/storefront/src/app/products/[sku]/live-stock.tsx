"use client";
import { useEffect, useState } from "react";

/** Stock is live: the static page carries the build's number, then asks every few seconds. */
export function LiveStock({ sku, initial }: { sku: string; initial: number }) {
  const [available, setAvailable] = useState(initial);
  const [live, setLive] = useState(false);
  useEffect(() => {
    let stop = false;
    const poll = async () => {
      const res = await fetch(`/api/stock/${encodeURIComponent(sku)}`, { cache: "no-store" }).catch(
        () => null,
      );
      if (res?.ok && !stop) {
        const body = (await res.json()) as { available: number };
        setAvailable(body.available);
        setLive(true);
      }
    };
    void poll();
    const t = setInterval(poll, 5000);
    return () => {
      stop = true;
      clearInterval(t);
    };
  }, [sku]);
  return (
    <p data-testid="stock">
      {available > 0 ? `${available} in stock` : "Out of stock"}
      {live ? <span className="muted"> (live)</span> : null}
    </p>
  );
}
