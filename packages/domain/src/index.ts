export * from "./cloudevents";
export * from "./events";
export * from "./topics";
export * from "./sap-mapping";
export * from "./webhooks";
export * from "./sap-status";
