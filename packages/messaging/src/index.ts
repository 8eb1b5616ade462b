export * from "./acls";
export * from "./kafka";
export * from "./producer";
export * from "./queues";
export * from "./ranges";
