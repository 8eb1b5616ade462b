"use client";
import type { KafkaMessageView } from "@icp/api";
import { fmtDrain } from "@icp/domain/drain";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTRPC } from "~/trpc/client";
import { Badge, ErrorText, Field, fmtTime, Json } from "./ui";

export function KafkaView() {
  const trpc = useTRPC();
  const topics = useQuery(trpc.kafka.topics.queryOptions(undefined, { refetchInterval: 5_000 }));
  const groups = useQuery(trpc.kafka.groups.queryOptions(undefined, { refetchInterval: 5_000 }));
  // the worker's latest time to drain per group and topic (Overview → Time to drain has the chart)
  const drain = useQuery(trpc.overview.drain.queryOptions(undefined, { refetchInterval: 5_000 }));
  const drainsOf = (groupId: string) =>
    (drain.data?.rows ?? []).filter((r) => r.kind === "TOPIC" && r.name.startsWith(`${groupId} / `));
  const [browse, setBrowse] = useState<{
    topic: string;
    partition: number;
    mode: "offset" | "time";
    offset: string;
    time: string;
    limit: number;
  }>({
    topic: "orders",
    partition: 0,
    mode: "offset",
    offset: "0",
    time: "",
    limit: 20,
  });
  const [submitted, setSubmitted] = useState<typeof browse | null>(null);
  const messages = useQuery({
    ...trpc.kafka.messages.queryOptions(
      submitted
        ? {
            topic: submitted.topic,
            partition: submitted.partition,
            limit: submitted.limit,
            ...(submitted.mode === "offset"
              ? { fromOffset: submitted.offset }
              : { fromTime: new Date(submitted.time) }),
          }
        : { topic: "orders", partition: 0, fromOffset: "0" },
    ),
    enabled: submitted !== null,
  });
  const [orderId, setOrderId] = useState("");
  const [searchId, setSearchId] = useState<string | null>(null);
  const found = useQuery({
    ...trpc.kafka.findOrder.queryOptions({ orderId: searchId ?? "x" }),
    enabled: !!searchId,
  });
  const topic = topics.data?.find((t) => t.name === browse.topic);

  return (
    <>
      <section>
        <h2>Topics</h2>
        <ErrorText error={topics.error} />
        <div className="scroll">
          <table data-testid="topics">
            <thead>
              <tr>
                <th>Topic</th>
                <th className="num">Partitions</th>
                <th className="num">Messages</th>
                <th>Per partition (low → high, leader)</th>
              </tr>
            </thead>
            <tbody>
              {topics.data?.map((t) => (
                <tr key={t.name}>
                  <td>
                    {t.name.endsWith(".dlq") && t.messages > 0 ? (
                      <strong className="err">{t.name}</strong>
                    ) : (
                      t.name
                    )}
                  </td>
                  <td className="num">{t.partitions.length}</td>
                  <td className="num">{t.messages.toLocaleString("en")}</td>
                  <td style={{ whiteSpace: "normal", fontSize: 12 }}>
                    {t.partitions
                      .map((p) => `p${p.partition}: ${p.low}→${p.high} (b${p.leader})`)
                      .join(" · ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section>
        <h2>Consumer groups</h2>
        <ErrorText error={groups.error} />
        {groups.data?.map((g) => (
          <details key={g.groupId} className="panel" open={g.offsets.some((o) => o.lag > 0)}>
            <summary>
              <strong>{g.groupId}</strong> <Badge value={g.state} /> · {g.members.length} member(s) · lag{" "}
              <strong>{g.offsets.reduce((n, o) => n + o.lag, 0).toLocaleString("en")}</strong>
              {drainsOf(g.groupId).map((d) => (
                <span key={d.name} data-testid={`drain-${d.name}`}>
                  {" "}
                  · {d.name.slice(g.groupId.length + 3)}: time to drain <strong>{fmtDrain(d)}</strong>
                </span>
              ))}
            </summary>
            {g.members.length > 0 && (
              <ul className="muted">
                {g.members.map((m) => (
                  <li key={m.memberId}>
                    {m.clientId} @ {m.host}: {m.assignments.join(", ") || "—"}
                  </li>
                ))}
              </ul>
            )}
            <div className="scroll">
              <table>
                <thead>
                  <tr>
                    <th>Topic</th>
                    <th className="num">Partition</th>
                    <th className="num">Committed</th>
                    <th className="num">End</th>
                    <th className="num">Lag</th>
                  </tr>
                </thead>
                <tbody>
                  {g.offsets.map((o) => (
                    <tr key={`${o.topic}/${o.partition}`}>
                      <td>{o.topic}</td>
                      <td className="num">{o.partition}</td>
                      <td className="num">{Number(o.committed) < 0 ? "—" : o.committed}</td>
                      <td className="num">{o.end}</td>
                      <td className="num">{o.lag}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        ))}
      </section>
      <section>
        <h2>Browse messages</h2>
        <form
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            setSubmitted({ ...browse });
          }}
        >
          <Field label="Topic">
            <select
              value={browse.topic}
              onChange={(e) => setBrowse({ ...browse, topic: e.target.value, partition: 0 })}
            >
              {topics.data?.map((t) => (
                <option key={t.name}>{t.name}</option>
              ))}
            </select>
          </Field>
          <Field label="Partition">
            <select
              value={browse.partition}
              onChange={(e) => setBrowse({ ...browse, partition: Number(e.target.value) })}
            >
              {(topic?.partitions ?? [{ partition: 0 }]).map((p) => (
                <option key={p.partition} value={p.partition}>
                  {p.partition}
                </option>
              ))}
            </select>
          </Field>
          <Field label="From">
            <select
              value={browse.mode}
              onChange={(e) => setBrowse({ ...browse, mode: e.target.value as "offset" | "time" })}
            >
              <option value="offset">offset</option>
              <option value="time">time</option>
            </select>
          </Field>
          {browse.mode === "offset" ? (
            <Field label="Offset">
              <input
                value={browse.offset}
                onChange={(e) => setBrowse({ ...browse, offset: e.target.value })}
                inputMode="numeric"
                pattern="\d+"
                style={{ width: 110 }}
              />
            </Field>
          ) : (
            <Field label="Time">
              <input
                type="datetime-local"
                value={browse.time}
                onChange={(e) => setBrowse({ ...browse, time: e.target.value })}
                required
              />
            </Field>
          )}
          <Field label="Messages">
            <input
              type="number"
              min={1}
              max={200}
              value={browse.limit}
              onChange={(e) => setBrowse({ ...browse, limit: Number(e.target.value) })}
              style={{ width: 70 }}
            />
          </Field>
          <button type="submit">Read</button>
        </form>
        <form
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            setSearchId(orderId.trim() || null);
          }}
        >
          <Field label="Find order id on `orders`">
            <input type="search" value={orderId} onChange={(e) => setOrderId(e.target.value)} />
          </Field>
          <button type="submit">Search</button>
        </form>
        {(messages.isFetching || found.isFetching) && (
          <p className="muted">Reading with a temporary consumer (commits nothing)…</p>
        )}
        <ErrorText error={messages.error ?? found.error} />
        {searchId && found.data && <Messages title={`Messages with key ${searchId}`} rows={found.data} />}
        {submitted && messages.data && (
          <Messages title={`${submitted.topic}[${submitted.partition}]`} rows={messages.data} />
        )}
      </section>
    </>
  );
}

function Messages({ title, rows }: { title: string; rows: KafkaMessageView[] }) {
  return (
    <div className="panel">
      <h2>
        {title} · {rows.length} message(s)
      </h2>
      {rows.length === 0 && <p className="muted">No messages.</p>}
      {rows.map((m) => (
        <details key={`${m.partition}/${m.offset}`}>
          <summary>
            p{m.partition}@{m.offset} · {fmtTime(m.timestamp)} · key <code>{m.key ?? "∅"}</code> ·{" "}
            {m.cloudEvent.type ?? "no ce_type"} · {m.size} B
          </summary>
          <div className="grid2">
            <div>
              <h3 style={{ fontSize: 13 }}>CloudEvents headers</h3>
              <table>
                <tbody>
                  {Object.entries(m.cloudEvent).map(([k, v]) => (
                    <tr key={k}>
                      <th>{k}</th>
                      <td style={{ whiteSpace: "normal" }}>{v}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <div>
              <h3 style={{ fontSize: 13 }}>Body</h3>
              <Json value={m.body} />
            </div>
          </div>
        </details>
      ))}
    </div>
  );
}
