/** One OData request with its trace context, as SAP's trace tools would show it. */
export interface LoggedRequest {
  at: string;
  method: string;
  service: string;
  path: string;
  status: number;
  traceparent: string | null;
}

/** The last OData requests (about a thousand to two thousand), for /sandbox/admin/requests. */
export class RequestLog {
  private entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > 2_000) this.entries.splice(0, this.entries.length - 1_000);
  }

  /** The last 200, only those of one W3C trace when `traceId` is given. */
  recent(traceId?: string): LoggedRequest[] {
    const id = traceId?.toLowerCase();
    return (id ? this.entries.filter((r) => r.traceparent?.split("-")[1] === id) : this.entries).slice(-200);
  }

  clear(): void {
    this.entries.length = 0;
  }
}
