/** Counters benchmarks and tests read from `/sandbox/admin/stats`. */
export class SandboxStats {
  requests = 0;
  byStatus: Record<string, number> = {};
  byService: Record<string, number> = {};
  inFlight = 0;
  /** Peak of all requests in flight at once (reads, probes and creates alike). */
  maxConcurrency = 0;
  /** Peak of the requests admitted past the concurrency cap at once: the calls the cap governs. */
  maxAdmitted = 0;
  ordersCreated = 0;
  /** Creates SAP's duplicate purchase-order check refused (V4/115): second runners caught by SAP. */
  duplicatePurchaseOrdersRefused = 0;
  eventsPublished = 0;
  eventPublishFailures = 0;
  faultsInjected: Record<string, number> = {};
  /** Attachment originals' bytes read (`AttachmentContentSet(…)/$value` answered with content). */
  mediaReads = 0;

  enter(): void {
    this.inFlight++;
    if (this.inFlight > this.maxConcurrency) this.maxConcurrency = this.inFlight;
  }

  admitted(now: number): void {
    if (now > this.maxAdmitted) this.maxAdmitted = now;
  }

  leave(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  record(service: string, status: number): void {
    this.requests++;
    this.byStatus[status] = (this.byStatus[status] ?? 0) + 1;
    this.byService[service] = (this.byService[service] ?? 0) + 1;
  }

  fault(kind: string): void {
    this.faultsInjected[kind] = (this.faultsInjected[kind] ?? 0) + 1;
  }

  reset(): void {
    Object.assign(this, new SandboxStats(), { inFlight: this.inFlight });
  }

  toJSON() {
    return {
      requests: this.requests,
      byStatus: this.byStatus,
      byService: this.byService,
      inFlight: this.inFlight,
      maxConcurrency: this.maxConcurrency,
      maxAdmitted: this.maxAdmitted,
      ordersCreated: this.ordersCreated,
      duplicatePurchaseOrdersRefused: this.duplicatePurchaseOrdersRefused,
      eventsPublished: this.eventsPublished,
      eventPublishFailures: this.eventPublishFailures,
      faultsInjected: this.faultsInjected,
      mediaReads: this.mediaReads,
    };
  }
}
