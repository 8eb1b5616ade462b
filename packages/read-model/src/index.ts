export * from "./catalogue";
export * from "./documents";
export * from "./images";
export * from "./read-model";
