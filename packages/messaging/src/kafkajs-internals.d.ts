// kafkajs ships no types for its internals; the one module kafkajs-idle-loop.ts mends.
declare module "kafkajs/src/network/requestQueue/index.js" {
  const RequestQueue: new (opts: Record<string, unknown>) => unknown;
  export default RequestQueue;
}
