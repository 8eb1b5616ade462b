// Load generator for bench/intake.ts, run as its own process: autocannon's API, so every
// request carries a fresh Idempotency-Key (the CLI can only vary the body). The bodies are a
// JSON array, sent in turn. Prints JSON.
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";

const [url, token, bodies, connections, duration] = process.argv.slice(2);
const mix = JSON.parse(bodies).map((b) => JSON.stringify(b));
let next = 0;
const result = await autocannon({
  url,
  connections: Number(connections),
  duration: Number(duration),
  requests: [
    {
      method: "POST",
      setupRequest: (req) => ({
        ...req,
        body: mix[next++ % mix.length],
        headers: {
          ...req.headers,
          authorization: `Bearer ${token}`,
          "content-type": "application/json",
          "idempotency-key": randomUUID(),
        },
      }),
    },
  ],
});
// Its own CPU, so the benchmark can say what the load generator took of the cores.
const cpu = process.cpuUsage();
process.stdout.write(JSON.stringify({ ...result, cpuMs: (cpu.user + cpu.system) / 1000 }));
