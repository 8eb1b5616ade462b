import { readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { resolve } from "node:path";

/** Where and when a figure was measured: results without this are anecdotes. */
export function machine(): string {
  const cpu = cpus();
  return [
    `${new Date().toISOString()}`,
    `${cpu.length} × ${cpu[0]?.model.trim() ?? "unknown CPU"}`,
    `${Math.round(totalmem() / 2 ** 30)} GiB RAM`,
    `Node ${process.version}`,
  ].join(" · ");
}

const RESULTS = resolve(import.meta.dirname, "results.md");

/** Replaces (or appends) one benchmark's section of bench/results.md, keeping the others. */
export function writeSection(id: string, markdown: string): void {
  let text: string;
  try {
    text = readFileSync(RESULTS, "utf8");
  } catch {
    text =
      "# Benchmark results\n\nWritten by `npm run bench` (see bench/README.md); each section is replaced when its benchmark runs again.\n";
  }
  const start = `<!-- bench:${id} -->`;
  const end = `<!-- /bench:${id} -->`;
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  text =
    a >= 0 && b > a
      ? `${text.slice(0, a)}${block}${text.slice(b + end.length)}`
      : `${text.trimEnd()}\n\n${block}\n`;
  writeFileSync(RESULTS, text);
}

export function table(rows: [string, string][]): string {
  const w = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`).join("\n");
}

export function markdownTable(rows: [string, string][]): string {
  return ["| measure | value |", "| --- | --- |", ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join("\n");
}

let lastDecile = -1;
export function progress(label: string, done: number, total: number): void {
  const width = 30;
  const filled = Math.round((done / Math.max(total, 1)) * width);
  const bar = `  ${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`;
  if (process.stderr.isTTY) {
    process.stderr.write(`\r${bar}${done >= total ? "\n" : ""}`);
    return;
  }
  // In a log (CI), one line per tenth instead of a redrawn bar.
  const decile = Math.floor((done / Math.max(total, 1)) * 10);
  if (decile !== lastDecile) {
    lastDecile = decile;
    process.stderr.write(`${bar}\n`);
  }
}

/** The p-th percentile (0–100) of an ascending array, nearest-rank; 0 when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}
