/** SAP Gateway's OData V2 error body. */
export interface SapErrorDetail {
  code: string;
  message: string;
  propertyref?: string;
  severity?: string;
  target?: string;
}

export interface SapErrorBody {
  error: {
    code: string;
    message: { lang?: string; value: string };
    innererror?: {
      application?: Record<string, string>;
      transactionid?: string;
      timestamp?: string;
      errordetails?: SapErrorDetail[];
    };
  };
}

export function parseSapErrorBody(text: string): SapErrorBody | null {
  try {
    const body = JSON.parse(text) as Partial<SapErrorBody>;
    if (body?.error && typeof body.error.code === "string" && typeof body.error.message?.value === "string")
      return body as SapErrorBody;
  } catch {
    // SAP answers HTML or XML for some infrastructure errors (ICM, web dispatcher): not ours to parse.
  }
  return null;
}

export function buildSapErrorBody(
  code: string,
  message: string,
  details: SapErrorDetail[] = [],
  application: Record<string, string> = {},
): SapErrorBody {
  return {
    error: {
      code,
      message: { lang: "en", value: message },
      innererror: {
        application,
        transactionid: crypto.randomUUID().replace(/-/g, "").toUpperCase(),
        timestamp: new Date()
          .toISOString()
          .replace(/[-:TZ.]/g, "")
          .slice(0, 14),
        errordetails: details,
      },
    },
  };
}
