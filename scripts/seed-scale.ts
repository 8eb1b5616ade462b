/**
 * The console at data scale (issue 18): loads N days of a busy shop into a PostgreSQL database
 * that our migrations built, in a few set-based statements (generate_series on the server, no
 * row-by-row round trips):
 *
 *   orders          1,000,000 × scale over the days, newest ~30 s ago (order_link, with payload)
 *   order events    10 per order (the timeline of a booked order; SAP_ERROR for failed ones)
 *   failures        100,000 × scale (every 10th order; the recent ones OPEN, older ones settled)
 *   deliveries      300,000 × scale stock.changed webhook deliveries to one endpoint
 *   audit entries   100,000 × scale
 *   samples         one sweep every `sampleSeconds` (5) over `sampleDays` (= days) for every
 *                   lag series (3 watched groups × 6 partitions) and every BullMQ queue, then
 *                   the per-minute rollups the sampler keeps (apps/worker/src/monitoring/rollup.ts)
 *
 *   npm run seed:scale -- [--scale 1] [--days 30] [--sample-days 30] [--sample-seconds 5] [--url URL]
 *
 * URL defaults to DATABASE_URL. Meant for a database of its own (bench/console-scale.ts and the
 * integration tests create one): it writes the order ledger directly, past @icp/orders (allowed
 * by name in packages/orders/src/ownership.test.ts), so it refuses a database that already holds
 * orders rather than mix a million synthetic ones into a real ledger.
 */
import { fileURLToPath } from "node:url";
import { createPrisma } from "@icp/db";
import { Queues, TOPIC_SPECS } from "@icp/domain";
import { rollUpSamples } from "@icp/worker/monitoring/rollup";
import { LAG_WATCH } from "@icp/worker/monitoring/sampler";
import pg from "pg";

export interface ScaleSeed {
  /** 1 = 1M orders, 10M events, 100k failures. */
  scale: number;
  /** Orders, failures, deliveries and audit entries are spread over this many days. */
  days: number;
  /** Lag and queue samples cover this many days (default: `days`). */
  sampleDays?: number;
  sampleSeconds?: number;
  /** The newest instant of the seed (default: now). */
  now?: Date;
  log?: (line: string) => void;
}

export interface ScaleSeedResult {
  orders: number;
  events: number;
  failures: number;
  deliveries: number;
  audit: number;
  lagSamples: number;
  queueSamples: number;
  /** Wall time per step, ms. */
  ms: Record<string, number>;
}

/** The series the worker's sampler writes: its LAG_WATCH, every partition, and its queues. */
export const SEED_LAG_WATCH = LAG_WATCH.map((w) => ({
  ...w,
  partitions: TOPIC_SPECS.find((t) => t.name === w.topic)?.partitions ?? 6,
}));
export const SEED_QUEUES = [
  Queues.orders,
  Queues.orderStatus,
  Queues.inventory,
  Queues.masterData,
  Queues.webhooks,
  Queues.maintenance,
];

// A version-7 UUID whose time is `ts` (so ids sort like the rows' time, as Prisma's uuid(7)
// would have made them) and whose other bits come from `salt`.
const UUID7 = `create or replace function pg_temp.uuid7_at(ts timestamptz, salt text) returns uuid
  language sql immutable as $$
    select (lpad(to_hex((extract(epoch from ts) * 1000)::bigint), 12, '0') || '7' ||
            substr(md5(salt), 1, 3) || '8' || substr(md5(salt), 4, 15))::uuid $$`;

export async function seedScale(url: string, opts: ScaleSeed): Promise<ScaleSeedResult> {
  const log = opts.log ?? (() => {});
  const now = (opts.now ?? new Date()).getTime();
  const days = opts.days;
  const sampleDays = opts.sampleDays ?? days;
  const every = opts.sampleSeconds ?? 5;
  const orders = Math.round(1_000_000 * opts.scale);
  const deliveries = Math.round(300_000 * opts.scale);
  const audit = Math.round(100_000 * opts.scale);
  const sweeps = Math.floor((sampleDays * 86_400) / every);
  const spanMs = days * 86_400_000;
  const newestOrder = now - 30_000;
  const run = `${now.toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const ms: Record<string, number> = {};
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const step = async (name: string, sql: string, params: unknown[] = []) => {
    const t0 = performance.now();
    const r = await c.query(sql, params);
    const took = Math.round(performance.now() - t0);
    ms[name] = took;
    log(`${name}: ${r.rowCount ?? 0} rows in ${(took / 1000).toFixed(1)} s`);
    return r.rowCount ?? 0;
  };
  try {
    const held = await c.query("select 1 from order_link limit 1");
    if (held.rowCount)
      throw new Error(
        "seed:scale refuses a database that already holds orders: it writes the ledger directly " +
          "and is meant for a migrated database of its own (create one, then --url it)",
      );
    await c.query(UUID7);
    // Order i (1..N) at newest - span × (N - i) / N: evenly spread, the last one newest.
    const orderAt = `to_timestamp((($2::bigint - ($3::float8 * ($1::bigint - i) / $1::bigint)::bigint)) / 1000.0)`;
    await step(
      "orders",
      `insert into order_link (id, storefront_order_id, sap_sales_order, state, customer_id, sap_customer,
         currency, total_net, total_gross, item_count, attempts, kafka_topic, kafka_partition, kafka_offset,
         trace_id, sap_status, sap_status_version, sap_status_at, received_at, submitted_at, sap_created_at,
         payload, created_at, updated_at)
       select pg_temp.uuid7_at(t, $4 || i), 'SF-' || $4 || '-' || i,
              case when st = 'CREATED' or st = 'CANCELLED' then lpad((i % 1000000000)::text, 10, '0') end,
              st::order_state, 'CUST-' || (i % 50000), lpad((17100000 + i % 50000)::text, 10, '0'),
              'EUR', 100 + i % 900, 119 + i % 900, 1 + i % 5, case when st = 'FAILED' then 3 else 1 end,
              'orders', (i % 6)::int, i, md5($4 || 't' || i),
              -- SAP's status in the ledger's vocabulary: billed, but for the newest 1 % still in
              -- processing (the status poll's unsettled orders), stamped a second after booking.
              case when st = 'CREATED' then case when i > $1 - $1 / 100 then 'PROCESSING' else 'BILLED' end end,
              case when st = 'CREATED' then (extract(epoch from t) * 1000)::bigint + 1000 end,
              case when st = 'CREATED' then t + interval '1 second' end,
              t, t + interval '50 ms', case when st in ('CREATED', 'CANCELLED') then t + interval '900 ms' end,
              jsonb_build_object('orderId', 'SF-' || $4 || '-' || i, 'customerId', 'CUST-' || (i % 50000),
                'lines', jsonb_build_array(jsonb_build_object('sku', 'TG' || lpad((i % 2000)::text, 4, '0'),
                  'quantity', 1 + i % 3, 'unitPrice', 100 + i % 900))),
              t, t + interval '10 minutes'
         from (select i, ${orderAt} as t,
                      case when i > $1 - 20 then 'QUEUED'
                           when i % 100 < 2 then 'FAILED'
                           when i % 100 = 2 then 'CANCELLED'
                           else 'CREATED' end as st
                 from generate_series(1, $1::bigint) i) o`,
      [orders, newestOrder, spanMs, run],
    );
    // Ten timeline entries per order, in the order a booked order collects them.
    const events = await step(
      "events",
      `insert into order_event (id, order_link_id, kind, at, source, detail, trace_id)
       select pg_temp.uuid7_at(o.received_at + e.off, o.id::text || e.k), o.id,
              (case when e.k = 6 and o.state = 'FAILED' then 'SAP_ERROR' else e.kind end)::order_event_kind,
              o.received_at + e.off, e.source,
              case when e.k = 6 and o.state = 'FAILED' then '{"code":"V1/320","class":"BUSINESS"}'::jsonb
                   else jsonb_build_object('step', e.k) end,
              o.trace_id
         from order_link o
         cross join (values (0, 'API_RECEIVED', interval '0 ms', 'api'), (1, 'KAFKA_PRODUCED', interval '20 ms', 'api'),
                            (2, 'KAFKA_CONSUMED', interval '50 ms', 'worker'), (3, 'JOB_ENQUEUED', interval '60 ms', 'worker'),
                            (4, 'JOB_ATTEMPT', interval '80 ms', 'worker'), (5, 'SAP_LOOKUP', interval '150 ms', 'worker'),
                            (6, 'SAP_CREATED', interval '900 ms', 'worker'), (7, 'STATE_CHANGED', interval '950 ms', 'worker'),
                            (8, 'WEBHOOK_DELIVERY', interval '1200 ms', 'worker'), (9, 'SAP_STATUS', interval '10 minutes', 'sap-event'))
                as e(k, kind, off, source)
        where o.storefront_order_id like 'SF-' || $1 || '-%'`,
      [run],
    );
    // Every 10th order failed once: recent ones still OPEN (some RETRYING), older ones settled.
    const failures = await step(
      "failures",
      `insert into failure_record (id, flow, error_class, state, sap_error_code, message, payload, attempts,
         entity_key, order_link_id, kafka_topic, kafka_partition, kafka_offset, trace_id, resolved_by,
         resolved_at, discarded_by, discard_reason, discarded_at, last_attempt_at, created_at, updated_at)
       select pg_temp.uuid7_at(o.received_at + interval '1 s', o.id::text || 'f'), f.flow::flow, f.cls::error_class,
              f.st::failure_state, case when f.cls = 'BUSINESS' then 'V1/' || (300 + o.kafka_offset % 40) end,
              'SAP refused the order: ' || f.cls || ' ' || (o.kafka_offset % 40), o.payload, 1 + o.kafka_offset % 4,
              o.storefront_order_id, o.id, 'seed-' || $1, o.kafka_partition, o.kafka_offset, o.trace_id,
              case when f.st = 'RESOLVED' then 'ops@example.com' end,
              case when f.st = 'RESOLVED' then o.received_at + interval '1 hour' end,
              case when f.st = 'DISCARDED' then 'ops@example.com' end,
              case when f.st = 'DISCARDED' then 'duplicate of a booked order' end,
              case when f.st = 'DISCARDED' then o.received_at + interval '1 hour' end,
              o.received_at + interval '2 s', o.received_at + interval '1 s', o.received_at + interval '1 hour'
         from order_link o
         cross join lateral (select
              (array['ORDERS','ORDERS','ORDERS','ORDER_STATUS','INVENTORY','WEBHOOK','MASTER_DATA'])[1 + o.kafka_offset % 7] as flow,
              (array['BUSINESS','TRANSIENT','BUSINESS','POISON'])[1 + (o.kafka_offset / 10) % 4] as cls,
              case when o.received_at > $2::timestamptz - interval '2 days' then
                     (case when o.kafka_offset % 50 = 0 then 'RETRYING' else 'OPEN' end)
                   when o.kafka_offset % 20 = 0 then 'OPEN'
                   when o.kafka_offset % 3 = 0 then 'DISCARDED' else 'RESOLVED' end as st) f
        where o.storefront_order_id like 'SF-' || $1 || '-%' and o.kafka_offset % 10 = 0`,
      [run, new Date(now)],
    );
    const endpoint = await c.query<{ id: string }>(
      `insert into webhook_endpoint (id, name, url, secret_ref, events, created_by, updated_at)
       values (gen_random_uuid(), 'Seeded storefront ' || $1, 'http://127.0.0.1:9/webhooks', 'WEBHOOK_SECRET',
               array['stock.changed', 'order.status'], 'seed', now()) returning id`,
      [run],
    );
    await step(
      "deliveries",
      `insert into webhook_delivery (id, endpoint_id, event_id, event_type, payload, status, attempts,
         response_code, delivered_at, created_at, updated_at)
       select pg_temp.uuid7_at(t, $4 || 'd' || i), $5::uuid, $4 || '-stock-' || i, 'stock.changed',
              jsonb_build_object('sku', 'TG' || lpad((i % 2000)::text, 4, '0'), 'plant', '1710', 'available', i % 97),
              (case when i % 200 = 0 then 'DEAD' when i % 50 = 0 then 'FAILED' else 'SUCCEEDED' end)::delivery_status,
              1 + (i % 50 = 0)::int * 4, case when i % 50 = 0 then 500 else 200 end,
              case when i % 50 <> 0 then t + interval '40 ms' end, t, t + interval '40 ms'
         from (select i, ${orderAt} as t from generate_series(1, $1::bigint) i) d`,
      [deliveries, newestOrder, spanMs, run, endpoint.rows[0]?.id],
    );
    await step(
      "audit",
      `insert into audit_log (id, at, actor_id, actor_email, actor_role, action, target_type, target_id, reason, after)
       select pg_temp.uuid7_at(t, $4 || 'a' || i), t, 'user-' || (i % 12), 'operator' || (i % 12) || '@example.com',
              (case when i % 12 = 0 then 'ADMIN' else 'OPERATOR' end)::actor_role,
              (array['failure.retry','failure.discard','sync.start','replay.start','order.note'])[1 + i % 5],
              'failure', md5($4 || i), 'seeded', jsonb_build_object('n', i)
         from (select i, ${orderAt} as t from generate_series(1, $1::bigint) i) a`,
      [audit, newestOrder, spanMs, run],
    );
    // One sweep every `every` s, the newest 2 s ago. Lag follows the day (peaks mid-afternoon)
    // with a spike every few hours; queues follow the lag.
    const lagSeries = SEED_LAG_WATCH.flatMap((w) =>
      Array.from({ length: w.partitions }, (_, p) => ({ ...w, p })),
    );
    const lagSamples = await step(
      "lagSamples",
      `insert into lag_sample (at, consumer_group, topic, partition, committed, end_offset, lag)
       select s.at, w.g, w.t, w.p, 1000000 + s.n, 1000000 + s.n + s.lag, s.lag
         from (select n, to_timestamp(($2::bigint - n * $3::bigint * 1000) / 1000.0) as at,
                      (200 + 180 * sin(n * $3::float8 * 2 * pi() / 86400) + case when n % 2160 < 24 then 4000 else 0 end)::bigint as lag
                 from generate_series($1::bigint - 1, 0, -1) n) s,
              unnest($4::text[], $5::text[], $6::int[]) as w(g, t, p)`,
      [
        sweeps,
        now - 2_000,
        every,
        lagSeries.map((l) => l.group),
        lagSeries.map((l) => l.topic),
        lagSeries.map((l) => l.p),
      ],
    );
    const queueSamples = await step(
      "queueSamples",
      `insert into queue_sample (at, queue, waiting, active, delayed, failed, completed)
       select to_timestamp(($2::bigint - n * $3::bigint * 1000) / 1000.0), q,
              (50 + 45 * sin(n * $3::float8 * 2 * pi() / 86400))::int + case when n % 2160 < 24 then 900 else 0 end,
              (n % 8)::int, (n % 13)::int, 10 + (n % 5)::int, 1000
         from generate_series($1::bigint - 1, 0, -1) n, unnest($4::text[]) q`,
      [sweeps, now - 2_000, every, SEED_QUEUES],
    );
    for (const t of [
      "order_link",
      "order_event",
      "failure_record",
      "webhook_delivery",
      "audit_log",
      "lag_sample",
      "queue_sample",
    ])
      await c.query(`analyze ${t}`);
    const db = createPrisma(url, { poolSize: 1 });
    try {
      const t0 = performance.now();
      await rollUpSamples(db, new Date(now - sampleDays * 86_400_000 - 60_000), new Date(now + 1));
      const took = Math.round(performance.now() - t0);
      ms.rollups = took;
      log(`rollups: in ${(took / 1000).toFixed(1)} s`);
      await db.$executeRawUnsafe("analyze lag_minute");
      await db.$executeRawUnsafe("analyze queue_minute");
    } finally {
      await db.close();
    }
    return { orders, events, failures, deliveries, audit, lagSamples, queueSamples, ms };
  } finally {
    await c.end();
  }
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function num(name: string, fallback: number): number {
  const raw = arg(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number, got '${raw}'`);
  return n;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { loadEnv } = await import("@icp/config");
  const url = arg("url") ?? loadEnv().DATABASE_URL;
  const days = num("days", 30);
  const t0 = performance.now();
  const result = await seedScale(url, {
    scale: num("scale", 1),
    days,
    sampleDays: num("sample-days", days),
    sampleSeconds: num("sample-seconds", 5),
    log: (l) => console.log(`  ${l}`),
  });
  console.log(JSON.stringify({ ...result, totalS: Math.round((performance.now() - t0) / 1000) }));
}
