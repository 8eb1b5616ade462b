export * from "./kafka";
export * from "./queues";
export * from "./ranges";
