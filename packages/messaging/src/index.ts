export * from "./kafka";
export * from "./queues";
