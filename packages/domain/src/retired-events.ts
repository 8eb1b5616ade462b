/**
 * Event types the system once declared and no longer acts on, each with the reason a consumer
 * gives when one still arrives (a replay of old offsets, a producer of an older release, a
 * foreign producer): `decodeCloudEvent` refuses it with that reason, so the bridge dead-letters
 * it (a POISON failure an operator sees) instead of acting on it.
 */
export const RETIRED_EVENT_TYPES: Readonly<Record<string, string>> = {
  // issue 22: 10. Nothing produced it; its handler changed or rejected sales order items from a
  // request no storefront route validated (a replay or a new producer would have acted on it).
  "com.icp.storefront.order.ModificationRequested.v1":
    "order modification is not supported: no storefront route requests it and the worker does not change sales orders; cancel the order instead",
};
