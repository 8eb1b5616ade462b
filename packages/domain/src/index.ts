export * from "./cloudevents";
export * from "./events";
export * from "./topics";
