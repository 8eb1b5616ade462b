export * from "./cloudevents";
export * from "./events";
export * from "./http-body";
export * from "./sap-mapping";
export * from "./sap-status";
export * from "./topics";
export * from "./webhooks";
