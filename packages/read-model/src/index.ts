export * from "./catalogue";
export * from "./documents";
export * from "./read-model";
