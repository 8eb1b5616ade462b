import { buildSapErrorBody } from "@icp/sap-odata";

/** Which SAP component answers for a service; SAP puts this in `innererror.application`. */
const COMPONENT_BY_SERVICE: Record<string, string> = {
  API_SALES_ORDER_SRV: "SD-SLS",
  API_PRODUCT_SRV: "LO-MD-PR-API",
  API_SLSPRICINGCONDITIONRECORD_SRV: "SD-MD-CM-API",
  API_MATERIAL_STOCK_SRV: "MM-IM-GF-API",
  API_BUSINESS_PARTNER: "LO-MD-BP-API",
  API_CV_ATTACHMENT_SRV: "CA-DMS-API",
};

export interface SapErrorDetail {
  code: string;
  message: string;
  target?: string;
  propertyref?: string;
  severity?: "error" | "warning" | "info";
}

/**
 * An error the sandbox answers in SAP Gateway's exact JSON error format. `code` is
 * `<message class>/<number>` as SAP shows it (e.g. `V1/320`, `/IWBEP/CM_MGW_RT/020`).
 */
export class SapError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: SapErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "SapError";
  }
}

export const SapErrors = {
  resourceNotFound: (what: string) =>
    new SapError(404, "/IWBEP/CM_MGW_RT/020", `Resource not found for segment '${what}'`),
  entityNotFound: (set: string) =>
    new SapError(404, "/IWBEP/CM_MGW_RT/020", `Resource not found for segment '${set}'`),
  badQuery: (msg: string) => new SapError(400, "/IWBEP/CM_MGW_RT/022", msg),
  badFilter: (msg: string) => new SapError(400, "/IWBEP/CM_MGW_RT/022", `Invalid filter expression: ${msg}`),
  badPayload: (msg: string) => new SapError(400, "/IWBEP/CM_MGW_RT/021", msg),
  methodNotAllowed: (msg: string) => new SapError(405, "/IWBEP/CM_MGW_RT/015", msg),
  preconditionFailed: () =>
    new SapError(412, "/IWBEP/CM_MGW_RT/128", "Entity has been modified by another user (ETag mismatch)"),
  preconditionRequired: () =>
    new SapError(428, "/IWBEP/CM_MGW_RT/127", "Precondition required: send If-Match with the entity's ETag"),
} as const;

/** SAP Gateway's error body (built by @icp/sap-odata, so client and sandbox agree on it). */
export function sapErrorBody(err: SapError, service: string) {
  const details = err.details.length > 0 ? err.details : [{ code: err.code, message: err.message }];
  return buildSapErrorBody(
    err.code,
    err.message,
    details.map((d) => ({
      code: d.code,
      message: d.message,
      propertyref: d.propertyref ?? "",
      severity: d.severity ?? "error",
      target: d.target ?? "",
    })),
    {
      component_id: COMPONENT_BY_SERVICE[service] ?? "OPU-GW-COR",
      service_namespace: "/SAP/",
      service_id: service,
      service_version: "0001",
    },
  );
}
