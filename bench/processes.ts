/**
 * Child processes for benchmarks: the worker (or another part) as its own Node process, so its
 * memory and event loop are its own, with its peak RSS read from /proc as the kernel counts it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import type { Env } from "@icp/config";

export const ROOT = resolve(import.meta.dirname, "..");

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** A parsed Env back into process environment variables (lists joined with commas). */
export function envVars(env: Env): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : String(v)]),
  );
}

export interface NodeChild {
  child: ChildProcess;
  pid: number;
  /** The last 4 KiB the process wrote to stderr. */
  stderrTail(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it has exited. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * `node [nodeArgs] --import tsx <script>` from the repository root: the pid is the Node process
 * running the script itself (not npx or a tsx wrapper), so /proc/<pid> is its memory.
 */
export function startNode(
  script: string,
  env: NodeJS.ProcessEnv,
  opts: { nodeArgs?: string[]; stdout?: "pipe" | "ignore" } = {},
): NodeChild {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), "--import", "tsx", script], {
    cwd: ROOT,
    env,
    stdio: ["ignore", opts.stdout ?? "ignore", "pipe"],
  });
  if (child.pid === undefined) throw new Error(`could not start ${script}`);
  let tail = "";
  child.stderr?.on("data", (c: Buffer) => {
    tail = (tail + c.toString("utf8")).slice(-4096);
  });
  const exited = new Promise<void>((r) => {
    if (child.exitCode !== null || child.signalCode !== null) r();
    else child.once("exit", () => r());
  });
  return {
    child,
    pid: child.pid,
    stderrTail: () => tail,
    async stop(graceMs = 30_000) {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** VmRSS and VmHWM (peak RSS, kept by the kernel) of a live process, in bytes; Linux only. */
export function memoryOf(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
    return { rss: kib("VmRSS") * 1024, hwm: kib("VmHWM") * 1024 };
  } catch {
    return null;
  }
}

/** Polls `url` until it answers 2xx; fails early when the process has exited. */
export async function waitHttp(url: string, proc: NodeChild, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.child.exitCode !== null || proc.child.signalCode !== null)
      throw new Error(`process exited before ${url} answered:\n${proc.stderrTail()}`);
    try {
      const r = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (r.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline)
      throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${proc.stderrTail()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`;

/**
 * CPU time (user + system, ms) of every process on the machine, by name, from /proc: what the
 * cores did during a run. `self` names this process apart from the other Node processes.
 */
export function cpuByProcess(self = "this process"): Map<string, number> {
  const TICK_MS = 10; // USER_HZ is 100 on Linux
  const out = new Map<string, number>();
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let stat: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue; // gone since the listing
    }
    // pid (comm) state ppid … utime(14) stime(15): comm may hold spaces, so split after ")".
    const close = stat.lastIndexOf(")");
    const comm = stat.slice(stat.indexOf("(") + 1, close);
    const fields = stat.slice(close + 2).split(" ");
    const ms = (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    const name = Number(pid) === process.pid ? self : comm;
    out.set(name, (out.get(name) ?? 0) + ms);
  }
  return out;
}

/** Per-name CPU between two `cpuByProcess` samples, as cores busy over `seconds`, busiest first. */
export function coresBusy(
  before: Map<string, number>,
  after: Map<string, number>,
  seconds: number,
): [string, number][] {
  return [...after]
    .map(([name, ms]): [string, number] => [name, (ms - (before.get(name) ?? 0)) / 1000 / seconds])
    .filter(([, cores]) => cores >= 0.01)
    .sort((a, b) => b[1] - a[1]);
}
