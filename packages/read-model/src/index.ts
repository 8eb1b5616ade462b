export * from "./documents";
export * from "./read-model";
