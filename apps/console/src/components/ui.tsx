"use client";
import type { Permission } from "@icp/api";
import { createContext, type ReactNode, useContext, useState } from "react";
import { ConsoleToaster } from "./toast";

export { ConfirmDialog } from "./confirm-dialog";

const PermissionContext = createContext<readonly Permission[]>([]);

/** The signed-in user's permissions (resolved server-side per request), for `useCan`. */
export function RoleProvider({
  permissions,
  children,
}: {
  permissions: readonly Permission[];
  children: ReactNode;
}) {
  return (
    <PermissionContext.Provider value={permissions}>
      {children}
      <ConsoleToaster />
    </PermissionContext.Provider>
  );
}

/** Whether the signed-in user may use an action; the server checks again on every call. */
export function useCan(need: Permission): boolean {
  return useContext(PermissionContext).includes(need);
}

/** The tooltip of a control the user's role does not allow. */
export function needs(permission: Permission): string {
  return `Needs the ${permission} permission`;
}

export function fmtTime(d: Date | string | null | undefined): string {
  if (!d) return "—";
  const date = typeof d === "string" ? new Date(d) : d;
  return date.toLocaleString("en-GB", { hour12: false });
}

export function fmtAgo(d: Date | string | null | undefined): string {
  if (!d) return "never";
  const ms = Date.now() - new Date(d).getTime();
  if (ms < 60_000) return `${Math.max(0, Math.round(ms / 1000))} s ago`;
  if (ms < 3_600_000) return `${Math.round(ms / 60_000)} min ago`;
  if (ms < 86_400_000) return `${Math.round(ms / 3_600_000)} h ago`;
  return `${Math.round(ms / 86_400_000)} d ago`;
}

export function fmtDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

const TONE: Record<string, string> = {
  ok: "ok",
  SUCCEEDED: "ok",
  RESOLVED: "ok",
  completed: "ok",
  closed: "ok",
  CREATED: "ok",
  degraded: "warn",
  RETRYING: "warn",
  HELD: "warn",
  RUNNING: "warn",
  QUEUED: "warn",
  TRANSIENT: "warn",
  delayed: "warn",
  waiting: "warn",
  active: "warn",
  warning: "warn",
  "half-open": "warn",
  down: "bad",
  FAILED: "bad",
  OPEN: "bad",
  POISON: "bad",
  BUSINESS: "bad",
  DEAD: "bad",
  disabled: "bad",
  failed: "bad",
  critical: "bad",
  open: "bad",
};

export function Badge({ value }: { value: string }) {
  return <span className={`badge ${TONE[value] ?? ""}`}>{value}</span>;
}

interface FieldIssue {
  path: (string | number)[];
  message: string;
}

/** The zod issues the API's error formatter puts in `data.validation`, if the error carries any. */
export function validationIssues(error: unknown): FieldIssue[] {
  const data = (error as { data?: { validation?: unknown } } | null)?.data;
  const v = data?.validation;
  return Array.isArray(v)
    ? v.filter((i): i is FieldIssue => typeof i?.message === "string" && Array.isArray(i?.path))
    : [];
}

/** `rateLimitPerMinute` → "Rate limit per minute", `scopes.0` → "Scopes". */
export function fieldLabel(path: (string | number)[]): string {
  const name = path.filter((p) => typeof p === "string").at(-1);
  if (!name) return "Input";
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** An API error for a person: field messages for invalid input (never zod's raw JSON), else the message. */
export function ErrorText({ error }: { error: { message: string } | null | undefined }) {
  if (!error) return null;
  const issues = validationIssues(error);
  if (issues.length > 0)
    return (
      <div className="err" role="alert" data-testid="field-errors">
        <ul>
          {issues.map((i) => (
            <li key={`${i.path.join(".")}:${i.message}`} data-field={i.path.join(".")}>
              <strong>{fieldLabel(i.path)}</strong>: {i.message}
            </li>
          ))}
        </ul>
      </div>
    );
  return (
    <p className="err" role="alert">
      {error.message.trimStart().startsWith("[") ? "The input was refused." : error.message}
    </p>
  );
}

export function Json({ value }: { value: unknown }) {
  return (
    <pre className="json">
      {JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v), 2)}
    </pre>
  );
}

export function Pager({
  page,
  pages,
  total,
  totalCapped = false,
  onPage,
}: {
  page: number;
  pages: number;
  total: number;
  /** The list stopped counting at `total` (a big table): shown as "10,000+". */
  totalCapped?: boolean;
  onPage: (p: number) => void;
}) {
  const more = totalCapped ? "+" : "";
  return (
    <nav className="pager" aria-label="Pages">
      <button type="button" className="ghost" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        ‹ Prev
      </button>
      <span>
        Page {page} of {pages}
        {more} · {total.toLocaleString("en")}
        {more} rows
      </span>
      <button type="button" className="ghost" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        Next ›
      </button>
    </nav>
  );
}

export interface SortState<F extends string> {
  sort: F;
  dir: "asc" | "desc";
}

/**
 * A list's filter: one of `options`, or All (undefined). `onChange` gets the choice (and is where
 * the list goes back to its first page).
 */
export function FilterSelect<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T | undefined;
  options: readonly T[];
  onChange: (value: T | undefined) => void;
}) {
  return (
    <label className="muted">
      {label}{" "}
      <select value={value ?? ""} onChange={(e) => onChange((e.target.value || undefined) as T | undefined)}>
        <option value="">All</option>
        {options.map((x) => (
          <option key={x}>{x}</option>
        ))}
      </select>
    </label>
  );
}

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child, which labels it implicitly
    <label className="field">
      <span>{label}</span>
      {children}
    </label>
  );
}

/**
 * A search box that hands its trimmed term (undefined when empty) to `onSearch` on submit; it
 * starts from `initial` (the term in the URL) and keeps what is typed until then. `clearable`
 * adds a Clear button that empties the box and searches for nothing.
 */
export function SearchForm({
  label,
  formLabel,
  initial,
  onSearch,
  submitLabel = "Search",
  clearable = false,
}: {
  label: string;
  formLabel?: string;
  initial: string;
  onSearch: (term: string | undefined) => void;
  submitLabel?: string;
  clearable?: boolean;
}) {
  const [q, setQ] = useState(initial);
  return (
    <form
      className="filters"
      aria-label={formLabel}
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(q.trim() || undefined);
      }}
    >
      <Field label={label}>
        <input type="search" value={q} onChange={(e) => setQ(e.target.value)} style={{ minWidth: 300 }} />
      </Field>
      <button type="submit">{submitLabel}</button>
      {clearable && (
        <button
          type="button"
          className="ghost"
          onClick={() => {
            setQ("");
            onSearch(undefined);
          }}
        >
          Clear
        </button>
      )}
    </form>
  );
}

/** Tiny bar: processed/total. */
export function Progress({ value, max, label }: { value: number; max: number | null; label: string }) {
  const pct = max ? Math.min(100, Math.round((value / max) * 100)) : null;
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max ?? undefined}
      aria-valuenow={value}
    >
      <div className="bar" style={{ width: `${pct ?? 5}%` }} />
      <span>
        {value.toLocaleString("en")}
        {max ? ` / ${max.toLocaleString("en")} (${pct}%)` : ""}
      </span>
    </div>
  );
}
