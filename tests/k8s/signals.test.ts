/**
 * SIGTERM reaches the app in the worker and sandbox images: their ENTRYPOINT + CMD, exactly as
 * the Dockerfile states them, run here as PID 1 of a fresh PID namespace (`unshare --pid`, as a
 * container's first process is), with the image's own paths mapped to local files — tini from
 * Debian's package (the one the image installs; extracted under .local/), the Vault entrypoint
 * written by the Dockerfile's own printf — and the app's main replaced by a busy stand-in with
 * the worker's shutdown shape (tests/k8s/fixtures/drain-on-sigterm.ts). The kubelet's SIGTERM
 * goes to PID 1 only: the app must get it, finish its in-flight job and exit 0.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT } from "./lib/render";

const TINI_VERSION = "0.19.0";
const temp: string[] = [];
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  for (const d of temp) rmSync(d, { recursive: true, force: true });
});

/** Debian's tini (what the image's `apt-get install tini` gets), unpacked into .local/ once. */
function localTini(): string {
  const dir = resolve(ROOT, `.local/tini-${TINI_VERSION}`);
  const bin = join(dir, "usr/bin/tini");
  if (existsSync(bin)) return bin;
  const work = mkdtempSync(join(tmpdir(), "icp-tini-"));
  temp.push(work);
  const dl = spawnSync("apt-get", ["download", `tini`], { cwd: work, encoding: "utf8" });
  const deb = readdirSync(work).find((f) => f.startsWith(`tini_${TINI_VERSION}`) && f.endsWith(".deb"));
  if (!deb)
    throw new Error(
      `could not get Debian's tini ${TINI_VERSION} with apt-get download (the image installs it the same way):\n${dl.stderr}`,
    );
  mkdirSync(dir, { recursive: true });
  const x = spawnSync("dpkg-deb", ["-x", join(work, deb), dir], { encoding: "utf8" });
  if (x.status !== 0 || !existsSync(bin)) throw new Error(`dpkg-deb -x ${deb} failed: ${x.stderr}`);
  return bin;
}

/** The runtime stage's ENTRYPOINT and CMD, and the printf that writes the Vault entrypoint. */
function imageCommand(app: string) {
  const text = readFileSync(resolve(ROOT, `apps/${app}/Dockerfile`), "utf8").replace(/\\\n/g, " ");
  const json = (op: string) => {
    const line = text
      .split("\n")
      .filter((l) => l.startsWith(`${op} `))
      .at(-1);
    return JSON.parse(line?.slice(op.length + 1) ?? "[]") as string[];
  };
  const printf = /(printf '%s\\n' .*?)> \/usr\/local\/bin\/icp-entrypoint/.exec(text)?.[1];
  if (!printf) throw new Error(`apps/${app}/Dockerfile: no printf writing /usr/local/bin/icp-entrypoint`);
  return { entrypoint: json("ENTRYPOINT"), cmd: json("CMD"), printf };
}

function hostChildOf(pid: number): number | undefined {
  try {
    const kids = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/);
    return kids[0] ? Number(kids[0]) : undefined;
  } catch {
    return undefined;
  }
}

async function until<T>(what: string, fn: () => T | null | undefined, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = fn();
    if (v !== undefined && v !== null) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.each(["worker", "sap-sandbox"])("apps/%s image command line", (app) => {
  it("drains on SIGTERM sent to PID 1 while busy, and exits 0", async () => {
    const tini = localTini();
    const { entrypoint, cmd, printf } = imageCommand(app);
    const work = mkdtempSync(join(tmpdir(), "icp-signals-"));
    temp.push(work);
    const vaultEntrypoint = join(work, "icp-entrypoint");
    const w = spawnSync("sh", ["-c", `${printf} > '${vaultEntrypoint}' && chmod 0555 '${vaultEntrypoint}'`]);
    expect(w.status).toBe(0);
    const main = cmd.at(-1) ?? "";
    expect(main).toMatch(new RegExp(`^apps/${app}/src/main\\.ts$`));
    expect(existsSync(resolve(ROOT, main))).toBe(true);
    const mapped = [...entrypoint, ...cmd].map((a) =>
      a === "/usr/bin/tini"
        ? tini
        : a === "/usr/local/bin/icp-entrypoint"
          ? vaultEntrypoint
          : a === main
            ? "tests/k8s/fixtures/drain-on-sigterm.ts"
            : a,
    );
    const child = spawn("unshare", ["--pid", "--fork", "--kill-child", "--", ...mapped], {
      cwd: ROOT, // WORKDIR /app: node resolves `--import tsx` from the app's node_modules
      env: { ...process.env, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let out = "";
    child.stdout?.on("data", (d) => {
      out += String(d);
    });
    child.stderr?.on("data", (d) => {
      out += String(d);
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) =>
      child.on("exit", (code, signal) => r({ code, signal })),
    );

    await until("the app to be ready", () => /ready pid=(\d+)/.exec(out));
    // tini is PID 1 in the namespace; the app (node, exec'd by the entrypoint) is its child.
    expect(/ready pid=(\d+)/.exec(out)?.[1]).not.toBe("1");
    const pid1 = await until("PID 1 of the namespace", () => hostChildOf(child.pid ?? 0));
    expect(readFileSync(`/proc/${pid1}/comm`, "utf8").trim()).toBe("tini");
    await new Promise((r) => setTimeout(r, 300)); // let it get busy
    process.kill(pid1, "SIGTERM"); // what the kubelet does: signal the container's PID 1

    const { code, signal } = await exited;
    expect(out).toMatch(/SIGTERM received after \d+ jobs/);
    expect(out).toMatch(/drained: \d+ jobs done, none cut off/);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  }, 60_000);
});
