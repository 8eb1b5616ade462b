import { Binary, type Collection, type Db } from "mongodb";

/**
 * The bytes of one product image the worker copied from SAP (an original with no public URL),
 * content-addressed: `_id` is the SHA-256 of the bytes, which is also the image's URL and its
 * strong ETag, so what a URL names never changes.
 */
export interface ImageDoc {
  _id: string;
  bytes: Binary;
  /** What the bytes are (sniffed from them, never SAP's label): one of PRODUCT_IMAGE_TYPES. */
  mediaType: string;
  size: number;
  createdAt: Date;
}

/**
 * Which cached image an SAP original is, and as of which SAP change: a resync compares SAP's
 * `ChangedDateTime` with this and reads `$value` again only when it differs (or nothing is cached).
 */
export interface ImageSourceDoc {
  /** The original's key in SAP (its AttachmentContentSet key properties, joined). */
  _id: string;
  product: string;
  hash: string;
  /** SAP's ChangedDateTime of the original when its bytes were read (null: SAP gave none). */
  sapChangedAt: Date | null;
  cachedAt: Date;
}

export const ImageCollections = {
  images: "product_images",
  sources: "product_image_sources",
} as const;

/**
 * The product image cache in the read model: written by the worker's resync
 * (`apps/worker/src/master-data/images.ts`), read by the storefront API's image route.
 */
export class ProductImageStore {
  readonly images: Collection<ImageDoc>;
  readonly sources: Collection<ImageSourceDoc>;

  constructor(db: Db) {
    this.images = db.collection(ImageCollections.images);
    this.sources = db.collection(ImageCollections.sources);
  }

  /** What is cached for these originals, by key (one `_id` lookup each: FerretDB indexes those). */
  async sourcesOf(keys: string[]): Promise<Map<string, ImageSourceDoc>> {
    const found = await Promise.all([...new Set(keys)].map((k) => this.sources.findOne({ _id: k })));
    return new Map(found.flatMap((d) => (d ? [[d._id, d] as const] : [])));
  }

  /**
   * Keep an original's bytes: the image first (once per content), then the original's pointer
   * to it, so a pointer never names an image that is not stored.
   */
  async put(
    source: { key: string; product: string; sapChangedAt: Date | null },
    image: { hash: string; bytes: Buffer; mediaType: string },
  ): Promise<void> {
    const now = new Date();
    await this.images.updateOne(
      { _id: image.hash },
      {
        $setOnInsert: {
          bytes: new Binary(image.bytes),
          mediaType: image.mediaType,
          size: image.bytes.length,
          createdAt: now,
        },
      },
      { upsert: true },
    );
    await this.sources.updateOne(
      { _id: source.key },
      {
        $set: {
          product: source.product,
          hash: image.hash,
          sapChangedAt: source.sapChangedAt,
          cachedAt: now,
        },
      },
      { upsert: true },
    );
  }

  /** One cached image by its hash, or null. */
  async get(hash: string): Promise<{ bytes: Buffer; mediaType: string } | null> {
    const doc = await this.images.findOne({ _id: hash });
    return doc ? { bytes: Buffer.from(doc.bytes.buffer), mediaType: doc.mediaType } : null;
  }
}
