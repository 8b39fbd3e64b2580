// The live contract run's read-only cases per API: each GET, and where its path parameters come from
// (a JSON pointer into an earlier case's body), so a run needs nothing but a credential.

/** @typedef {{ operation: string, params?: Record<string, [from: string, pointer: string]> }} LiveCase */

/** @type {Record<string, { credential: string, baseUrl: string, authorization: (credential: string) => string, cases: LiveCase[] }>} */
export const liveRuns = {
  alpharun: {
    credential: "ALPHARUN_API_TOKEN",
    baseUrl: "ALPHARUN_BASE_URL",
    authorization: (token) => `Bearer ${token}`,
    cases: [
      { operation: "GET /contacts" },
      {
        operation: "GET /contacts/{CONTACT_ID}",
        params: { CONTACT_ID: ["GET /contacts", "/data/contacts/0/id"] },
      },
      {
        operation: "GET /contacts/{CONTACT_ID}/customer-interactions",
        params: { CONTACT_ID: ["GET /contacts", "/data/contacts/0/id"] },
      },
      {
        operation: "GET /customer-interactions/{CUSTOMER_INTERACTION_ID}",
        params: {
          CUSTOMER_INTERACTION_ID: [
            "GET /contacts/{CONTACT_ID}/customer-interactions",
            "/data/customer_interactions/0/id",
          ],
        },
      },
    ],
  },
  dixa: {
    credential: "DIXA_API_KEY",
    baseUrl: "DIXA_BASE_URL",
    // Note: Dixa takes the raw key, with no `Bearer` prefix.
    authorization: (apiKey) => apiKey,
    cases: [
      { operation: "GET /agents" },
      { operation: "GET /agents/{agentId}", params: { agentId: ["GET /agents", "/data/0/id"] } },
      { operation: "GET /tags" },
      { operation: "GET /tags/{tagId}", params: { tagId: ["GET /tags", "/data/0/id"] } },
    ],
  },
};
