export * from "./logger";
export * from "./metrics";
export * from "./trace";
export * from "./tracing";
