export * from "./codecs";
export * from "./edmx";
export * from "./errors";
export * from "./filter";
export * from "./generated/index";
