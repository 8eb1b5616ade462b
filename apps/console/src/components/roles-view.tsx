"use client";
import type { AppRouter, Permission } from "@icp/api";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useMemo, useState } from "react";
import { useTRPC } from "~/trpc/client";
import { DataTable, dataTableColumns } from "./data-table";
import { notify } from "./toast";
import { Badge, ConfirmDialog, ErrorText, Field, fmtTime, needs, useCan } from "./ui";

type RolesList = inferRouterOutputs<AppRouter>["roles"]["list"];
type RoleRow = RolesList["roles"][number];
type Catalogue = RolesList["catalogue"];

const col = dataTableColumns<RoleRow>();
const columns = col.columns([
  col.accessor("name", { header: "Role" }),
  col.accessor((r) => (r.builtIn ? (r.editedFromPreset ? "built-in (edited)" : "built-in") : "custom"), {
    id: "kind",
    header: "Kind",
    enableSorting: false,
  }),
  col.accessor((r) => r.permissions.length, { id: "count", header: "Permissions", meta: { num: true } }),
  col.accessor("description", {
    header: "Description",
    enableSorting: false,
    meta: { style: { maxWidth: 320, overflow: "hidden", textOverflow: "ellipsis" } },
  }),
  col.accessor((r) => `${r.updatedBy ?? "—"} · ${fmtTime(r.updatedAt)}`, {
    id: "updated",
    header: "Last change",
    enableSorting: false,
  }),
]);

type Pending =
  | { kind: "save"; name: string; permissions: Permission[]; description: string }
  | { kind: "create"; name: string; permissions: Permission[]; description: string }
  | { kind: "reset"; name: string }
  | { kind: "delete"; name: string };

/**
 * Settings → Roles: every role with its permissions, editable by a user with roles.manage (the
 * server checks again and audits each change with its before and after). The built-in roles can
 * be reset to their preset but not deleted.
 */
export function RolesView() {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const canManage = useCan("roles.manage");
  const list = useQuery(trpc.roles.list.queryOptions(undefined, { refetchInterval: 15_000 }));
  const [selected, setSelected] = useState<string | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const rows = useMemo(() => list.data?.roles ?? [], [list.data]);
  const catalogue = list.data?.catalogue ?? [];
  const current = rows.find((r) => r.name === selected) ?? null;
  const done = (text: string) => {
    notify(text);
    setPending(null);
    void qc.invalidateQueries({ queryKey: trpc.roles.pathKey() });
  };
  const update = useMutation(
    trpc.roles.update.mutationOptions({ onSuccess: (r) => done(`Role ${r.name} saved.`) }),
  );
  const create = useMutation(
    trpc.roles.create.mutationOptions({
      onSuccess: (r) => {
        setDraft(null);
        setSelected(r.name);
        done(`Role ${r.name} created.`);
      },
    }),
  );
  const reset = useMutation(
    trpc.roles.reset.mutationOptions({ onSuccess: (r) => done(`Role ${r.name} reset to its preset.`) }),
  );
  const remove = useMutation(
    trpc.roles.delete.mutationOptions({
      onSuccess: (r) => {
        setSelected(null);
        done(`Role ${r.name} deleted.`);
      },
    }),
  );
  const busy = update.isPending || create.isPending || reset.isPending || remove.isPending;
  const error = update.error ?? create.error ?? reset.error ?? remove.error;

  return (
    <>
      <section className="panel">
        <h2>Roles</h2>
        <p className="muted">
          A role is a list of permissions. IdP groups and development users name a role; a user's permissions
          are read on every request, so a change here applies within seconds, without signing in again.
          {canManage ? "" : ` ${needs("roles.manage")} to change them.`}
        </p>
        <ErrorText error={list.error} />
        <DataTable
          label="Roles"
          testId="roles-table"
          data={rows}
          columns={columns}
          getRowId={(r) => r.name}
          activeRowId={selected ?? undefined}
          onRowActivate={(r) => {
            setDraft(null);
            setSelected(r.name);
          }}
          maxHeight={320}
        />
        <div className="row" style={{ marginTop: 8 }}>
          <button
            type="button"
            className="ghost"
            disabled={!canManage}
            title={canManage ? undefined : needs("roles.manage")}
            onClick={() => {
              setSelected(null);
              setDraft({ name: "", description: "", permissions: ["console.read"] });
            }}
          >
            New role…
          </button>
        </div>
      </section>
      {current && (
        <RoleEditor
          key={`${current.name}-${String(current.updatedAt)}`}
          role={current}
          catalogue={catalogue}
          canManage={canManage}
          onSave={(permissions, description) =>
            setPending({ kind: "save", name: current.name, permissions, description })
          }
          onReset={() => setPending({ kind: "reset", name: current.name })}
          onDelete={() => setPending({ kind: "delete", name: current.name })}
        />
      )}
      {draft && (
        <NewRoleForm
          draft={draft}
          catalogue={catalogue}
          disabled={!canManage || busy}
          onChange={setDraft}
          onCreate={() => setPending({ kind: "create", ...draft })}
        />
      )}
      <ConfirmDialog
        open={pending !== null}
        title={
          pending?.kind === "delete"
            ? `Delete role ${pending.name}?`
            : pending?.kind === "reset"
              ? `Reset role ${pending.name} to its preset?`
              : pending?.kind === "create"
                ? `Create role ${pending.name}?`
                : `Save role ${pending?.name}?`
        }
        confirmLabel={pending?.kind === "delete" ? "Delete" : pending?.kind === "reset" ? "Reset" : "Save"}
        tone={pending?.kind === "delete" ? "danger" : "primary"}
        needReason={pending?.kind === "delete"}
        busy={busy}
        error={error}
        onClose={() => setPending(null)}
        onConfirm={(reason) => {
          if (!pending) return;
          const why = reason || undefined;
          if (pending.kind === "save")
            update.mutate({
              name: pending.name,
              permissions: pending.permissions,
              description: pending.description,
              reason: why,
            });
          else if (pending.kind === "create")
            create.mutate({
              name: pending.name,
              permissions: pending.permissions,
              description: pending.description,
              reason: why,
            });
          else if (pending.kind === "reset") reset.mutate({ name: pending.name, reason: why });
          else remove.mutate({ name: pending.name, reason });
        }}
      >
        {pending && (pending.kind === "save" || pending.kind === "create") && (
          <PermissionDiff
            before={pending.kind === "save" ? (current?.permissions ?? []) : []}
            after={pending.permissions}
          />
        )}
        {pending?.kind === "delete" && (
          <p>
            Users whose IdP group or development user names this role keep their session but can do nothing.
          </p>
        )}
        <p className="muted">Recorded in the audit log with the role's permissions before and after.</p>
      </ConfirmDialog>
    </>
  );
}

type Draft = { name: string; description: string; permissions: Permission[] };

function NewRoleForm({
  draft,
  catalogue,
  disabled,
  onChange,
  onCreate,
}: {
  draft: Draft;
  catalogue: Catalogue;
  disabled: boolean;
  onChange: (next: Draft) => void;
  onCreate: () => void;
}) {
  return (
    <section className="panel" data-testid="new-role">
      <h2>New role</h2>
      <div className="row">
        <Field label="Name">
          <input
            value={draft.name}
            onChange={(e) => onChange({ ...draft, name: e.target.value })}
            placeholder="e.g. retrier"
          />
        </Field>
        <Field label="Description">
          <input
            value={draft.description}
            onChange={(e) => onChange({ ...draft, description: e.target.value })}
            style={{ width: 360 }}
          />
        </Field>
      </div>
      <PermissionChecks
        catalogue={catalogue}
        value={draft.permissions}
        disabled={disabled}
        onChange={(permissions) => onChange({ ...draft, permissions })}
      />
      <button type="button" disabled={disabled} onClick={onCreate}>
        Create role…
      </button>
    </section>
  );
}

function RoleEditor({
  role,
  catalogue,
  canManage,
  onSave,
  onReset,
  onDelete,
}: {
  role: RoleRow;
  catalogue: Catalogue;
  canManage: boolean;
  onSave: (permissions: Permission[], description: string) => void;
  onReset: () => void;
  onDelete: () => void;
}) {
  const [permissions, setPermissions] = useState<Permission[]>(role.permissions);
  const [description, setDescription] = useState(role.description);
  const changed = permissions.join() !== role.permissions.join() || description !== role.description;
  return (
    <section className="panel" data-testid="role-editor">
      <h2>
        Role {role.name} {role.builtIn && <Badge value="built-in" />}
      </h2>
      <Field label="Description">
        <input
          value={description}
          disabled={!canManage}
          onChange={(e) => setDescription(e.target.value)}
          style={{ width: 420 }}
        />
      </Field>
      <PermissionChecks
        catalogue={catalogue}
        value={permissions}
        disabled={!canManage}
        onChange={setPermissions}
      />
      <div className="row">
        <button
          type="button"
          disabled={!canManage || !changed}
          title={canManage ? undefined : needs("roles.manage")}
          onClick={() => onSave(permissions, description)}
        >
          Save…
        </button>
        {role.builtIn ? (
          <button
            type="button"
            className="ghost"
            disabled={!canManage || !role.editedFromPreset}
            onClick={onReset}
          >
            Reset to preset…
          </button>
        ) : (
          <button type="button" className="danger" disabled={!canManage} onClick={onDelete}>
            Delete…
          </button>
        )}
      </div>
    </section>
  );
}

function PermissionChecks({
  catalogue,
  value,
  disabled,
  onChange,
}: {
  catalogue: Catalogue;
  value: Permission[];
  disabled: boolean;
  onChange: (next: Permission[]) => void;
}) {
  const order = catalogue.map((c) => c.permission);
  return (
    <fieldset className="permissions" style={{ border: 0, padding: 0, margin: "8px 0" }}>
      <legend className="muted">Permissions</legend>
      {catalogue.map((c) => (
        <label key={c.permission} style={{ display: "block", margin: "3px 0" }} title={c.description}>
          <input
            type="checkbox"
            name={c.permission}
            checked={value.includes(c.permission)}
            disabled={disabled}
            onChange={(e) => {
              const next = e.target.checked
                ? [...value, c.permission]
                : value.filter((p) => p !== c.permission);
              onChange(order.filter((p) => next.includes(p)));
            }}
          />{" "}
          <code>{c.permission}</code> — {c.label}
          <span className="muted"> · {c.description}</span>
        </label>
      ))}
    </fieldset>
  );
}

function PermissionDiff({ before, after }: { before: Permission[]; after: Permission[] }) {
  const added = after.filter((p) => !before.includes(p));
  const removed = before.filter((p) => !after.includes(p));
  if (added.length === 0 && removed.length === 0) return <p>No permission changes.</p>;
  return (
    <ul data-testid="permission-diff">
      {added.map((p) => (
        <li key={`+${p}`}>
          adds <code>{p}</code>
        </li>
      ))}
      {removed.map((p) => (
        <li key={`-${p}`}>
          removes <code>{p}</code>
        </li>
      ))}
    </ul>
  );
}
