import { BlockList, isIP } from "node:net";
import { z } from "zod";
import { envPiece } from "../piece";

/**
 * Which proxies in front of the console may say who the client is (X-Forwarded-For): a hop
 * count, or the proxies' addresses as CIDRs. Nothing else is believed: a client can write any
 * X-Forwarded-For it likes, so only entries our own proxies appended name an address.
 */
export type TrustedProxies = { hops: number } | { cidrs: string[] };

/** `TRUSTED_PROXIES`: "0" (none, the default), "2" (hops), or "10.0.0.0/8,192.168.1.7". */
export function parseTrustedProxies(value: string): TrustedProxies {
  const v = value.trim();
  if (/^\d+$/.test(v)) return { hops: Number(v) };
  const cidrs = v
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const c of cidrs) {
    const [addr, bits] = c.split("/");
    const family = isIP(addr ?? "");
    const max = family === 6 ? 128 : 32;
    if (!family || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= max)))
      throw new Error(`not an address or CIDR: ${c}`);
  }
  return { cidrs };
}

const strip = (a: string): string => {
  const s = a.trim().replace(/^\[|\]$/g, "");
  // IPv4-mapped IPv6 (::ffff:10.0.0.1), as Node reports IPv4 peers on a dual-stack socket.
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(s) ? s.slice(7) : s;
};

function blockList(cidrs: string[]): BlockList {
  const list = new BlockList();
  for (const c of cidrs) {
    const [addr = "", bits] = c.split("/");
    const a = strip(addr);
    const type = isIP(a) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(a, type);
    else list.addSubnet(a, Number(bits), type);
  }
  return list;
}

const lists = new WeakMap<object, BlockList>();

/**
 * The client's address. `remote` is the socket's peer when the server knows it (undefined
 * under Next.js, whose route handlers do not see the socket); `forwardedFor` the request's
 * X-Forwarded-For. The chain is walked from the peer outwards: with `hops: N` the N nearest
 * entries are our proxies and the one before them is the client; with CIDRs every entry
 * inside them is skipped and the first outside is the client. Entries further out were
 * written by whoever sent the request and are never used. "unknown" when the chain ends first
 * (no proxy configured and no socket address): all such requests then share one budget.
 */
export function clientAddress(
  forwardedFor: string | null | undefined,
  remote: string | undefined,
  trust: TrustedProxies,
): string {
  const forwarded = (forwardedFor ?? "").split(",").map(strip).filter(Boolean);
  // Nearest first: the socket's peer (maybe unknown), then X-Forwarded-For from the right.
  const chain: (string | undefined)[] = [remote ? strip(remote) : undefined, ...forwarded.reverse()];
  if ("hops" in trust) {
    const at = chain[Math.min(trust.hops, chain.length - 1)];
    return at && isIP(at) ? at : "unknown";
  }
  let list = lists.get(trust);
  if (!list) {
    list = blockList(trust.cidrs);
    lists.set(trust, list);
  }
  let last: string | undefined;
  for (const a of chain) {
    if (a === undefined) continue; // the peer under Next.js: taken to be the nearest proxy
    if (!isIP(a)) return "unknown";
    last = a;
    if (!list.check(a, isIP(a) === 6 ? "ipv6" : "ipv4")) return a;
  }
  return last ?? "unknown";
}

/** The console's proxies (ingress, TLS proxy): whose X-Forwarded-For entries are believed. */
export const proxies = envPiece({
  name: "trusted proxies",
  shape: {
    /**
     * "0" (no proxy: X-Forwarded-For is ignored), a hop count ("1" behind one ingress), or the
     * proxies' addresses as comma-separated CIDRs. See docs/security.md.
     */
    TRUSTED_PROXIES: z
      .string()
      .default("0")
      .transform((v, ctx) => {
        try {
          return parseTrustedProxies(v);
        } catch (e) {
          ctx.addIssue({ code: "custom", message: (e as Error).message });
          return z.NEVER;
        }
      }),
  },
});
