import type { LiveCaseTable } from "@cxkit/runtime";
import { createAlpharunClient } from "./client.js";
import type { paths } from "./generated/schema.js";
import { alpharunPagination } from "./pagination.js";

const contact = { from: "GET /contacts", pointer: "/data/contacts/0/id", thing: "contact" } as const;
const interaction = {
  from: "GET /contacts/{CONTACT_ID}/customer-interactions",
  pointer: "/data/customer_interactions/0/id",
  thing: "customer interaction",
} as const;

/**
 * Alpharun's live contract run (`pnpm contract:live alpharun`): every GET of specs/alpharun/openapi.yaml,
 * ids taken from the first page of the list calls above it (a test checks the table against the spec).
 * Calls go through `createAlpharunClient` (Alpharun documents no rate limit).
 */
export const alpharunLiveCases: LiveCaseTable<paths> = {
  credentialVariable: "ALPHARUN_API_TOKEN",
  baseUrlVariable: "ALPHARUN_BASE_URL",
  paging: { size: "limit", cursor: alpharunPagination.cursor },
  createClient: (token, options) => createAlpharunClient({ ...options, token }),
  cases: [
    { operation: "GET /contacts" },
    { operation: "GET /contacts/{CONTACT_ID}", params: { CONTACT_ID: contact } },
    { operation: "GET /contacts/{CONTACT_ID}/customer-interactions", params: { CONTACT_ID: contact } },
    {
      operation: "GET /customer-interactions/{CUSTOMER_INTERACTION_ID}",
      params: { CUSTOMER_INTERACTION_ID: interaction },
    },
    {
      operation: "GET /customer-interactions/{CUSTOMER_INTERACTION_ID}/transcripts",
      params: { CUSTOMER_INTERACTION_ID: interaction },
    },
  ],
  notRun: {},
};
