/**
 * A dynamic route segment as the id it names. Next hands segments over percent-encoded in some
 * versions and decoded in others; decoding a malformed one must not throw (a 500 for a typo).
 */
export function routeParam(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
