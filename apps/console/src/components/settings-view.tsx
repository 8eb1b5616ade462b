"use client";
import { fmtSeconds } from "@icp/domain/drain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { Fragment, useState } from "react";
import { useTRPC } from "~/trpc/client";
import { ActionMenu } from "./action-menu";
import { ApprovalRules } from "./approvals-view";
import { notify } from "./toast";
import { Badge, ConfirmDialog, ErrorText, Field, fmtAgo, fmtTime, Json, needs, Pager, useCan } from "./ui";

const SCOPES = ["catalog:read", "customers:read", "carts:write", "orders:read", "orders:write"] as const;
const EVENTS = ["order.status_changed", "stock.changed", "alert.state_changed"] as const;
type Scope = (typeof SCOPES)[number];
type EventName = (typeof EVENTS)[number];

export function SettingsView() {
  return (
    <>
      <ApiClients />
      <AlertRules />
      <ApprovalRules />
      <Webhooks />
      <Users />
    </>
  );
}

function ApiClients() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const isAdmin = useCan("clients.manage");
  const [page, setPage] = useState(1);
  const list = useQuery(
    trpc.settings.apiClients.list.queryOptions({ page, pageSize: 20 }, { refetchInterval: 10_000 }),
  );
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Scope[]>(["catalog:read", "orders:write"]);
  const [rate, setRate] = useState(600);
  const [secret, setSecret] = useState<{ clientId: string; secret: string } | null>(null);
  const [pending, setPending] = useState<{ kind: "rotate" | "revoke"; id: string; name: string } | null>(
    null,
  );
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.settings.apiClients.pathKey() });
  const create = useMutation(
    trpc.settings.apiClients.create.mutationOptions({
      onSuccess: (r) => {
        setSecret({ clientId: r.client.clientId, secret: r.secret });
        setName("");
        void refresh();
      },
    }),
  );
  const rotate = useMutation(
    trpc.settings.apiClients.rotateSecret.mutationOptions({
      onSuccess: (r) => {
        setSecret({ clientId: r.client.clientId, secret: r.secret });
        setPending(null);
        void refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.settings.apiClients.revoke.mutationOptions({
      onSuccess: () => {
        setPending(null);
        void refresh();
      },
    }),
  );
  return (
    <section className="panel">
      <h2>Storefront API clients</h2>
      {secret && (
        <div role="status" data-testid="new-secret" style={{ marginBottom: 10 }}>
          <p>
            Secret for <strong>{secret.clientId}</strong> — shown once, copy it now:
          </p>
          <div className="secret">{secret.secret}</div>
          <button
            type="button"
            className="ghost small"
            onClick={() => setSecret(null)}
            style={{ marginTop: 6 }}
          >
            I have stored it
          </button>
        </div>
      )}
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ name, scopes, rateLimitPerMinute: rate });
        }}
      >
        <Field label="Name">
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
            minLength={2}
            disabled={!isAdmin}
          />
        </Field>
        <fieldset className="field" style={{ border: 0, padding: 0 }}>
          <span>Scopes</span>
          <div className="row">
            {SCOPES.map((s) => (
              <label key={s} style={{ fontSize: 13, color: "var(--ink)" }}>
                <input
                  type="checkbox"
                  checked={scopes.includes(s)}
                  disabled={!isAdmin}
                  onChange={(e) =>
                    setScopes((cur) => (e.target.checked ? [...cur, s] : cur.filter((x) => x !== s)))
                  }
                />{" "}
                {s}
              </label>
            ))}
          </div>
        </fieldset>
        <Field label="Rate limit / min">
          <input
            type="number"
            min={1}
            value={rate}
            onChange={(e) => setRate(Number(e.target.value))}
            style={{ width: 90 }}
            disabled={!isAdmin}
          />
        </Field>
        <button type="submit" disabled={!isAdmin || create.isPending}>
          Create client
        </button>
      </form>
      <ErrorText error={create.error ?? list.error} />
      <div className="scroll">
        <table data-testid="api-clients">
          <thead>
            <tr>
              <th>Name</th>
              <th>Client id</th>
              <th>Scopes</th>
              <th className="num">Limit/min</th>
              <th>Last used</th>
              <th>Status</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data?.rows.map((c) => (
              <tr key={c.id}>
                <td>{c.name}</td>
                <td>
                  <code>{c.clientId}</code>
                </td>
                <td>{c.scopes.join(" ")}</td>
                <td className="num">{c.rateLimitPerMinute}</td>
                <td>{fmtAgo(c.lastUsedAt)}</td>
                <td>{c.revokedAt ? <Badge value="REVOKED" /> : <Badge value="ok" />}</td>
                <td>
                  <div className="row">
                    <button
                      type="button"
                      className="ghost small"
                      disabled={!isAdmin || !!c.revokedAt}
                      onClick={() => setPending({ kind: "rotate", id: c.id, name: c.name })}
                    >
                      Rotate secret
                    </button>
                    <button
                      type="button"
                      className="danger small"
                      disabled={!isAdmin || !!c.revokedAt}
                      onClick={() => setPending({ kind: "revoke", id: c.id, name: c.name })}
                    >
                      Revoke
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.data && (
        <Pager page={list.data.page} pages={list.data.pages} total={list.data.total} onPage={setPage} />
      )}
      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.kind === "rotate" ? `Rotate the secret of ${pending?.name}` : `Revoke ${pending?.name}`
        }
        confirmLabel={pending?.kind === "rotate" ? "Rotate" : "Revoke"}
        busy={rotate.isPending || revoke.isPending}
        error={rotate.error ?? revoke.error}
        onClose={() => setPending(null)}
        onConfirm={(reason) => {
          if (!pending) return;
          if (pending.kind === "rotate") rotate.mutate({ id: pending.id, reason });
          else revoke.mutate({ id: pending.id, reason });
        }}
      >
        <p>
          {pending?.kind === "rotate"
            ? "The old secret stops working at once; the storefront needs the new one."
            : "The client can no longer get tokens. This cannot be undone."}
        </p>
      </ConfirmDialog>
    </section>
  );
}

interface Endpoint {
  id: string;
  name: string;
  url: string;
  events: string[];
  secretRef: string;
}
/** The update input for an endpoint as it is (the API's update replaces every field). */
function endpointEdit(w: Endpoint) {
  return { id: w.id, name: w.name, url: w.url, events: w.events as EventName[], secretRef: w.secretRef };
}

type DeliveryStatus = "PENDING" | "DELIVERING" | "SUCCEEDED" | "FAILED" | "DEAD" | "HELD";

/**
 * Webhook endpoints and their delivery log. An endpoint's life: added, paused/resumed (admin),
 * auto-disabled by the worker after N failed attempts in a row (N: the alert rule above), then
 * re-enabled in one click (operator; its held deliveries go out), or deleted (admin, with a
 * reason; its delivery log stays).
 */
function Webhooks() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const isAdmin = useCan("webhooks.manage");
  const isOperator = useCan("webhooks.operate");
  const endpoints = useQuery(trpc.settings.webhooks.list.queryOptions(undefined, { refetchInterval: 5_000 }));
  const [endpointId, setEndpointId] = useState<string | undefined>();
  const [deleting, setDeleting] = useState<{ id: string; name: string } | null>(null);
  const [deactivating, setDeactivating] = useState<Endpoint | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.settings.webhooks.pathKey() });
  const update = useMutation(
    trpc.settings.webhooks.update.mutationOptions({
      onSuccess: (w) => {
        setDeactivating(null);
        notify(`${w.name} ${w.active ? "activated" : "deactivated"}.`);
        void refresh();
      },
    }),
  );
  const enable = useMutation(
    trpc.settings.webhooks.enable.mutationOptions({
      onSuccess: () => {
        notify("Endpoint re-enabled; held deliveries are sent.");
        void refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.settings.webhooks.delete.mutationOptions({
      onSuccess: () => {
        notify(`Webhook endpoint ${deleting?.name ?? ""} deleted.`);
        setDeleting(null);
        void refresh();
      },
    }),
  );
  return (
    <section className="panel" id="webhooks" aria-labelledby="webhooks-h">
      <h2 id="webhooks-h">Webhook endpoints</h2>
      <NewEndpoint onCreated={() => void refresh()} />
      <ErrorText error={update.error ?? enable.error} />
      <div className="scroll">
        <table data-testid="webhook-endpoints">
          <thead>
            <tr>
              <th>Name</th>
              <th>URL</th>
              <th>Events</th>
              <th>Secret ref</th>
              <th>Status</th>
              <th className="num">Failures in a row</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {endpoints.data?.map((w) => (
              <tr key={w.id} data-endpoint={w.name}>
                <td>{w.name}</td>
                <td>{w.url}</td>
                <td>{w.events.join(", ")}</td>
                <td>
                  <code>{w.secretRef}</code>
                </td>
                <td data-testid="endpoint-status">
                  {w.disabledAt ? (
                    <>
                      <Badge value="disabled" />{" "}
                      <span className="muted">
                        {w.disabledReason} · {w.disabledBy} · {fmtAgo(w.disabledAt)}
                      </span>
                    </>
                  ) : w.active ? (
                    <Badge value="ok" />
                  ) : (
                    <Badge value="inactive" />
                  )}
                </td>
                <td className="num">{w.consecutiveFailures}</td>
                <td>
                  <div className="row">
                    {w.disabledAt && (
                      <button
                        type="button"
                        className="small"
                        disabled={!isOperator || enable.isPending}
                        onClick={() => enable.mutate({ id: w.id })}
                      >
                        Re-enable
                      </button>
                    )}
                    <ActionMenu
                      label={`Actions for ${w.name}`}
                      actions={[
                        w.active
                          ? {
                              label: "Deactivate…",
                              disabled: !isAdmin,
                              hint: needs("webhooks.manage"),
                              onSelect: () => setDeactivating(w),
                            }
                          : {
                              label: "Activate",
                              disabled: !isAdmin || update.isPending,
                              hint: needs("webhooks.manage"),
                              onSelect: () => update.mutate({ ...endpointEdit(w), active: true }),
                            },
                        {
                          label: "Delete…",
                          danger: true,
                          disabled: !isAdmin,
                          hint: needs("webhooks.manage"),
                          onSelect: () => setDeleting({ id: w.id, name: w.name }),
                        },
                      ]}
                    />
                    <button
                      type="button"
                      className="link small"
                      onClick={() => setEndpointId(w.id === endpointId ? undefined : w.id)}
                    >
                      {w.id === endpointId ? "All deliveries" : "Deliveries"}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <DeliveryLog endpointId={endpointId} />
      <ConfirmDialog
        open={deactivating !== null}
        title={`Deactivate the webhook endpoint ${deactivating?.name ?? ""}`}
        confirmLabel="Deactivate"
        busy={update.isPending}
        error={update.error}
        onClose={() => {
          setDeactivating(null);
          update.reset();
        }}
        onConfirm={(reason) => {
          if (deactivating) update.mutate({ ...endpointEdit(deactivating), active: false, reason });
        }}
      >
        <p>It gets no webhook until it is activated again; events meanwhile are not sent to it.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete the webhook endpoint ${deleting?.name ?? ""}`}
        confirmLabel="Delete"
        busy={remove.isPending}
        error={remove.error}
        onClose={() => setDeleting(null)}
        onConfirm={(reason) => {
          if (deleting) remove.mutate({ id: deleting.id, reason });
        }}
      >
        <p>
          It gets nothing from now on and leaves this list. Its delivery log stays; deliveries still waiting
          are closed and their failures discarded with your reason. This cannot be undone.
        </p>
      </ConfirmDialog>
    </section>
  );
}

/** The form that adds a webhook endpoint (admin). */
function NewEndpoint({ onCreated }: { onCreated: () => void }) {
  const trpc = useTRPC();
  const isAdmin = useCan("webhooks.manage");
  const [form, setForm] = useState({
    name: "",
    url: "",
    secretRef: "env:WEBHOOK_SECRET_DEMO",
    events: ["order.status_changed"] as EventName[],
  });
  const create = useMutation(
    trpc.settings.webhooks.create.mutationOptions({
      onSuccess: (w) => {
        notify(`Webhook endpoint ${w.name} added.`);
        onCreated();
      },
    }),
  );
  return (
    <>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ ...form, active: true });
        }}
      >
        <Field label="Name">
          <input
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.target.value })}
            required
            disabled={!isAdmin}
          />
        </Field>
        <Field label="URL">
          <input
            type="url"
            value={form.url}
            onChange={(e) => setForm({ ...form, url: e.target.value })}
            required
            disabled={!isAdmin}
          />
        </Field>
        <Field label="Secret reference">
          <input
            value={form.secretRef}
            onChange={(e) => setForm({ ...form, secretRef: e.target.value })}
            required
            disabled={!isAdmin}
          />
        </Field>
        <div className="row">
          {EVENTS.map((ev) => (
            <label key={ev} style={{ fontSize: 13 }}>
              <input
                type="checkbox"
                checked={form.events.includes(ev)}
                disabled={!isAdmin}
                onChange={(e) =>
                  setForm({
                    ...form,
                    events: e.target.checked ? [...form.events, ev] : form.events.filter((x) => x !== ev),
                  })
                }
              />{" "}
              {ev}
            </label>
          ))}
        </div>
        <button type="submit" disabled={!isAdmin || create.isPending}>
          Add endpoint
        </button>
      </form>
      <ErrorText error={create.error} />
    </>
  );
}

/** The delivery log: every delivery, retry for one given up on or held, and its request and response. */
function DeliveryLog({ endpointId }: { endpointId: string | undefined }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const isOperator = useCan("webhooks.operate");
  const [page, setPage] = useState(1);
  const [status, setStatus] = useState<DeliveryStatus | "">("");
  const [open, setOpen] = useState<string | null>(null);
  const deliveries = useQuery(
    trpc.settings.webhooks.deliveries.queryOptions(
      { page, pageSize: 15, ...(endpointId ? { endpointId } : {}), ...(status ? { status } : {}) },
      { refetchInterval: 5_000 },
    ),
  );
  const retry = useMutation(
    trpc.settings.webhooks.retryDelivery.mutationOptions({
      onSuccess: () => void qc.invalidateQueries({ queryKey: trpc.settings.webhooks.pathKey() }),
    }),
  );
  return (
    <>
      <h3 style={{ fontSize: 14 }}>Delivery log</h3>
      <div className="filters">
        <Field label="Status">
          <select value={status} onChange={(e) => setStatus(e.target.value as DeliveryStatus | "")}>
            <option value="">any</option>
            {(["PENDING", "DELIVERING", "SUCCEEDED", "FAILED", "DEAD", "HELD"] as const).map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
        </Field>
      </div>
      <ErrorText error={retry.error} />
      <div className="scroll">
        <table data-testid="delivery-log">
          <thead>
            <tr>
              <th>Created</th>
              <th>Endpoint</th>
              <th>Event</th>
              <th>Status</th>
              <th className="num">Attempts</th>
              <th className="num">HTTP</th>
              <th>Last error</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {deliveries.data?.rows.map((d) => (
              <Fragment key={d.id}>
                <tr data-delivery={d.id} data-event={d.eventId}>
                  <td>{fmtTime(d.createdAt)}</td>
                  <td>
                    {d.endpoint.name}
                    {d.endpoint.deletedAt && <span className="muted"> (deleted)</span>}
                  </td>
                  <td>{d.eventType}</td>
                  <td>
                    <Badge value={d.status} />
                  </td>
                  <td className="num">{d.attempts}</td>
                  <td className="num">{d.responseCode ?? "—"}</td>
                  <td>{d.lastError ?? ""}</td>
                  <td>
                    <div className="row">
                      {(d.status === "DEAD" || d.status === "HELD") && !d.endpoint.deletedAt && (
                        <button
                          type="button"
                          className="ghost small"
                          disabled={!isOperator || retry.isPending}
                          onClick={() => retry.mutate({ id: d.id })}
                        >
                          Retry
                        </button>
                      )}
                      <button
                        type="button"
                        className="link small"
                        aria-expanded={open === d.id}
                        onClick={() => setOpen(open === d.id ? null : d.id)}
                      >
                        {open === d.id ? "Hide" : "Details"}
                      </button>
                    </div>
                  </td>
                </tr>
                {open === d.id && (
                  <tr>
                    <td colSpan={8}>
                      <DeliveryDetails id={d.id} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      {deliveries.data && (
        <Pager
          page={deliveries.data.page}
          pages={deliveries.data.pages}
          total={deliveries.data.total}
          totalCapped={deliveries.data.totalCapped}
          onPage={setPage}
        />
      )}
    </>
  );
}

/** One delivery's last request and response as the worker stored them (redacted, capped). */
function DeliveryDetails({ id }: { id: string }) {
  const trpc = useTRPC();
  const one = useQuery(trpc.settings.webhooks.delivery.queryOptions({ id }));
  if (!one.data) return <ErrorText error={one.error} />;
  const d = one.data;
  return (
    <div className="row" data-testid="delivery-details" style={{ alignItems: "flex-start" }}>
      <div>
        <h4>Request (last attempt)</h4>
        {d.lastRequest ? <Json value={d.lastRequest} /> : <p className="muted">Not attempted yet.</p>}
      </div>
      <div>
        <h4>Response</h4>
        {d.lastResponse ? <Json value={d.lastResponse} /> : <p className="muted">None.</p>}
        {d.failure && (
          <p>
            Failure <code>{d.failure.id}</code>:{" "}
            <a href={`/failures?flow=WEBHOOK&state=${d.failure.state}`}>{d.failure.state}</a>
          </p>
        )}
      </div>
    </div>
  );
}

function Users() {
  const trpc = useTRPC();
  const users = useQuery(trpc.settings.users.queryOptions());
  if (!users.data) return <ErrorText error={users.error} />;
  const u = users.data;
  return (
    <section className="panel">
      <h2>Users and roles</h2>
      <p>
        You are <strong>{u.me.email}</strong> with role <Badge value={u.me.role} />.
      </p>
      <p className="muted">
        Roles come from the OIDC claim <code>{u.rolesClaim}</code>
        {u.oidcIssuer ? ` of ${u.oidcIssuer}` : " (no OIDC issuer configured)"}; a user in several mapped
        groups gets the permissions of all their roles. What each role may do is edited in{" "}
        <Link href="/settings/roles">Settings → Roles</Link>.
      </p>
      <p>
        Your permissions:{" "}
        {u.me.permissions.map((p) => (
          <code key={p}>{p} </code>
        ))}
      </p>
      <div className="scroll">
        <table>
          <thead>
            <tr>
              <th>Role</th>
              <th>IdP group</th>
            </tr>
          </thead>
          <tbody>
            {u.roleGroups.map((r) => (
              <tr key={`${r.role}:${r.group}`}>
                <td>{r.role}</td>
                <td>
                  <code>{r.group}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {u.devUsers.length > 0 && (
        <>
          <h3 style={{ fontSize: 14 }}>Development sign-in users</h3>
          <ul>
            {u.devUsers.map((d) => (
              <li key={d.id}>
                {d.name} — {d.email} ({d.role})
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

type RuleEdit = { id: string; label: string; threshold: number; enabled: boolean } | null;

/**
 * The thresholds the worker's alert evaluator (and the Overview) apply, and the alerts' history.
 * Notifications go to webhook endpoints subscribed to alert.state_changed (below).
 */
function AlertRules() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const isAdmin = useCan("settings.manage");
  const rules = useQuery(trpc.settings.alerts.rules.queryOptions());
  const history = useQuery(
    trpc.settings.alerts.history.queryOptions({ limit: 20 }, { refetchInterval: 10_000 }),
  );
  const [edit, setEdit] = useState<RuleEdit>(null);
  const save = useMutation(
    trpc.settings.alerts.updateRule.mutationOptions({
      onSuccess: () => {
        setEdit(null);
        void qc.invalidateQueries({ queryKey: trpc.settings.alerts.pathKey() });
        void qc.invalidateQueries({ queryKey: trpc.overview.pathKey() });
      },
    }),
  );
  return (
    <section className="panel">
      <h2>Alerts</h2>
      <p className="muted">
        The worker checks these every sampling interval, whether or not anyone has the console open; each
        change is audited and sent to webhook endpoints subscribed to <code>alert.state_changed</code>.
      </p>
      <ErrorText error={rules.error} />
      <div className="scroll">
        <table data-testid="alert-rules">
          <thead>
            <tr>
              <th>Alert</th>
              <th className="num">Threshold</th>
              <th>Enabled</th>
              <th>Changed</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rules.data?.map((r) => (
              <tr key={r.id} data-rule={r.id}>
                <td>{r.label}</td>
                <td className="num">
                  {r.threshold.toLocaleString("en")} {r.unit}
                </td>
                <td>{r.enabled ? <Badge value="ok" /> : <Badge value="inactive" />}</td>
                <td className="muted">
                  {r.updatedBy ? `${r.updatedBy} · ${fmtAgo(r.updatedAt)}` : "default"}
                </td>
                <td>
                  <button
                    type="button"
                    className="ghost small"
                    disabled={!isAdmin}
                    onClick={() =>
                      setEdit({ id: r.id, label: r.label, threshold: r.threshold, enabled: r.enabled })
                    }
                  >
                    Edit
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>History</h3>
      <div className="scroll">
        <table data-testid="alert-history">
          <thead>
            <tr>
              <th>At</th>
              <th>Alert</th>
              <th>State</th>
              <th className="num">Value</th>
              <th className="num">Notified</th>
            </tr>
          </thead>
          <tbody>
            {history.data?.map((h) => (
              <tr key={h.id}>
                <td>{fmtTime(h.at)}</td>
                <td title={h.detail}>{h.title}</td>
                <td>
                  <Badge value={h.state === "FIRING" ? "down" : "RESOLVED"} /> {h.state}
                </td>
                <td className="num">
                  {h.value === null
                    ? "∞"
                    : h.rule === "time_to_drain"
                      ? fmtSeconds(h.value)
                      : h.value.toLocaleString("en")}
                </td>
                <td className="num">{h.notified}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {history.data?.length === 0 && <p className="muted">No alert has fired yet.</p>}
      </div>
      <ConfirmDialog
        open={edit !== null}
        title={`Alert threshold: ${edit?.label ?? ""}`}
        confirmLabel="Save"
        busy={save.isPending}
        error={save.error}
        onClose={() => setEdit(null)}
        onConfirm={(why) => {
          if (edit)
            save.mutate({
              id: edit.id as "sap_create_errors",
              threshold: edit.threshold,
              enabled: edit.enabled,
              reason: why,
            });
        }}
      >
        <Field label="Threshold">
          <input
            type="number"
            step="any"
            value={edit?.threshold ?? 0}
            onChange={(e) => edit && setEdit({ ...edit, threshold: Number(e.target.value) })}
          />
        </Field>
        <label style={{ fontSize: 13 }}>
          <input
            type="checkbox"
            checked={edit?.enabled ?? true}
            onChange={(e) => edit && setEdit({ ...edit, enabled: e.target.checked })}
          />{" "}
          Enabled
        </label>
      </ConfirmDialog>
    </section>
  );
}
