export * from "./logger";
export * from "./metrics";
export * from "./third-party-logs";
export * from "./trace";
export * from "./tracing";
