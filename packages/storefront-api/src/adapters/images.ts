import type { ReadModel } from "@icp/read-model";
import type { ProductImages } from "../ports";

/** Product images from the read model's image store (the worker writes it at each resync). */
export function imagesFromReadModel(rm: ReadModel): ProductImages {
  return { get: (id) => rm.images.get(id) };
}
