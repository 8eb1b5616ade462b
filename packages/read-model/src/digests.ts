import { type Collection, MongoServerError } from "mongodb";
import { digestBucket, digestKey } from "./catalogue";

/**
 * What the read model last wrote from SAP, as a content hash per document, kept in buckets of
 * neighbouring ids (`catalogue.digestBucket`): `{_id: "products:TG10", h: {<id>: <hash>}}`.
 * A resync compares a page's hashes with these and writes only what changed; reading a page's
 * digests is a few lookups by `_id` (a page of 500 products in SAP's key order spans a few
 * buckets), where reading the products themselves would be a lookup each (FerretDB 1.x does
 * not push `$in` down) or 500 documents read.
 *
 * A digest is a cache of what the entity's collection holds, never the other way round: every
 * writer of the collection records what it wrote or forgets the ids it touched otherwise, so a
 * stale entry can only cost a write, not skip one. The hash covers SAP's version too, so an
 * entry left behind by a losing concurrent writer never equals what SAP serves later.
 * Drop the digests with the collection (or alone: the next resync then rewrites everything).
 */
export interface DigestDoc {
  _id: string;
  h: Record<string, string>;
}

const DUPLICATE_KEY = 11000;

export class Digests {
  constructor(
    private readonly coll: Collection<DigestDoc>,
    private readonly entity: string,
    /** Documents by `_id`, one equality lookup each (FerretDB: see ReadModel.findEach). */
    private readonly byIds: (coll: Collection<DigestDoc>, ids: string[]) => Promise<DigestDoc[]>,
  ) {}

  /** The stored hash of each id that has one. */
  async stored(ids: string[]): Promise<Map<string, string>> {
    const buckets = [...new Set(ids.map((id) => digestBucket(this.entity, id)))];
    const docs = await this.byIds(this.coll, buckets);
    const byBucket = new Map(docs.map((d) => [d._id, d.h ?? {}]));
    const out = new Map<string, string>();
    for (const id of ids) {
      const h = byBucket.get(digestBucket(this.entity, id))?.[digestKey(id)];
      if (h !== undefined) out.set(id, h);
    }
    return out;
  }

  /** These documents now hold content with these hashes. */
  async record(entries: { id: string; hash: string }[]): Promise<void> {
    await this.perBucket(
      entries.map((e) => e.id),
      (ids) => ({
        $set: Object.fromEntries(
          entries.filter((e) => ids.includes(e.id)).map((e) => [`h.${digestKey(e.id)}`, e.hash]),
        ),
      }),
      true,
    );
  }

  /** These documents were written otherwise (or removed): their next resync writes them. */
  async forget(ids: string[]): Promise<void> {
    await this.perBucket(ids, (inBucket) => ({
      $unset: Object.fromEntries(inBucket.map((id) => [`h.${digestKey(id)}`, ""])),
    }));
  }

  /** One update per bucket, side by side (an upsert that races another's insert is retried once). */
  private async perBucket(
    ids: string[],
    update: (idsInBucket: string[]) => Record<string, Record<string, string>>,
    upsert = false,
  ): Promise<void> {
    const buckets = new Map<string, string[]>();
    for (const id of new Set(ids)) {
      const b = digestBucket(this.entity, id);
      buckets.set(b, [...(buckets.get(b) ?? []), id]);
    }
    await Promise.all(
      [...buckets].map(async ([bucket, inBucket]) => {
        const run = () => this.coll.updateOne({ _id: bucket }, update(inBucket), { upsert });
        try {
          await run();
        } catch (e) {
          if (!(upsert && e instanceof MongoServerError && e.code === DUPLICATE_KEY)) throw e;
          await run();
        }
      }),
    );
  }
}
