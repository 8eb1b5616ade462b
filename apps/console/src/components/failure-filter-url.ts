/**
 * The error inbox's filter as a URL query, so a filtered view is a link that reloads to the same
 * rows. The state defaults to OPEN (the inbox); `state=all` shows every state.
 */
export const FLOWS = ["ORDERS", "ORDER_STATUS", "INVENTORY", "MASTER_DATA", "WEBHOOK"] as const;
export const CLASSES = ["BUSINESS", "TRANSIENT", "POISON"] as const;
export const STATES = ["OPEN", "RETRYING", "RESOLVED", "DISCARDED"] as const;
export const GROUPS = ["sapErrorCode", "endpoint", "sku"] as const;
export type GroupBy = (typeof GROUPS)[number];

export interface Filter {
  flow?: (typeof FLOWS)[number];
  errorClass?: (typeof CLASSES)[number];
  state?: (typeof STATES)[number];
  sapErrorCode?: string;
  minAgeMinutes?: number;
  maxAgeMinutes?: number;
  q?: string;
  endpointId?: string;
  sku?: string;
  /** null: owned by nobody. */
  assignee?: string | null;
  tag?: string;
}

export interface InboxView {
  filter: Filter;
  group?: GroupBy;
}

function pick<T extends string>(v: string | null, allowed: readonly T[]): T | undefined {
  return v && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
}

function minutes(v: string | null): number | undefined {
  if (v === null || v === "" || !/^\d{1,6}$/.test(v)) return undefined;
  return Number(v);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Short URL keys for the filter's fields. */
const TEXT_KEYS = { sapErrorCode: "code", q: "q", sku: "sku", tag: "tag" } as const;

export function viewFromQuery(params: { get(key: string): string | null }): InboxView {
  const filter: Filter = {};
  const flow = pick(params.get("flow"), FLOWS);
  const errorClass = pick(params.get("class") ?? params.get("errorClass"), CLASSES);
  const stateParam = params.get("state");
  const state = stateParam === "all" ? undefined : (pick(stateParam, STATES) ?? "OPEN");
  if (flow) filter.flow = flow;
  if (errorClass) filter.errorClass = errorClass;
  if (state) filter.state = state;
  for (const [field, key] of Object.entries(TEXT_KEYS) as [keyof typeof TEXT_KEYS, string][]) {
    const v = params.get(key)?.trim();
    if (v) filter[field] = v.slice(0, 200);
  }
  const older = minutes(params.get("older"));
  const newer = minutes(params.get("newer"));
  if (older !== undefined) filter.minAgeMinutes = older;
  if (newer !== undefined) filter.maxAgeMinutes = newer;
  const endpoint = params.get("endpoint");
  if (endpoint && UUID.test(endpoint)) filter.endpointId = endpoint;
  const owner = params.get("owner");
  if (owner === "none") filter.assignee = null;
  else if (owner) filter.assignee = owner;
  const group = pick(params.get("group"), GROUPS);
  return group ? { filter, group } : { filter };
}

export function queryFromView(view: InboxView): string {
  const f = view.filter;
  const q = new URLSearchParams();
  if (f.flow) q.set("flow", f.flow);
  if (f.errorClass) q.set("class", f.errorClass);
  // OPEN is the default and stays out of the link; every other choice is spelled.
  if (f.state !== "OPEN") q.set("state", f.state ?? "all");
  for (const [field, key] of Object.entries(TEXT_KEYS) as [keyof typeof TEXT_KEYS, string][]) {
    const v = f[field];
    if (v) q.set(key, v);
  }
  if (f.minAgeMinutes !== undefined) q.set("older", String(f.minAgeMinutes));
  if (f.maxAgeMinutes !== undefined) q.set("newer", String(f.maxAgeMinutes));
  if (f.endpointId) q.set("endpoint", f.endpointId);
  if (f.assignee === null) q.set("owner", "none");
  else if (f.assignee) q.set("owner", f.assignee);
  if (view.group) q.set("group", view.group);
  return q.toString();
}

/** How long a failure has waited: "42 s", "3 min", "3 h", "2 d". */
export function fmtAge(d: Date | string, now = Date.now()): string {
  const ms = Math.max(0, now - new Date(d).getTime());
  if (ms < 60_000) return `${Math.round(ms / 1000)} s`;
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min`;
  if (ms < 86_400_000) return `${Math.floor(ms / 3_600_000)} h`;
  return `${Math.floor(ms / 86_400_000)} d`;
}
