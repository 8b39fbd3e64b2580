// A keep-alive HTTP server on 127.0.0.1 answering the Alpharun customer-interaction operations the
// per-call benchmark makes. Runs in its own process (fork it), so the client under test has a core.
import { createServer } from "node:http";

/** The spec's example interaction: what every GET answers. */
export const INTERACTION = {
  data: {
    customer_interaction: {
      id: "abc123",
      teammate: { id: "teammate123", email: "jane.smith@example.com" },
      summary:
        "Customer called about a billing discrepancy on their March invoice. Agent confirmed a duplicate charge, issued a refund, and the customer was satisfied.",
      data_extraction_fields: [
        {
          key: "customer_satisfaction_score",
          name: "Customer Satisfaction Score",
          type: "number",
          value: 4.5,
        },
        { key: "issue_resolved", name: "Issue Resolved", type: "boolean", value: true },
      ],
      account: { id: "account123", ext_id: "ext_account_456" },
      contacts: [
        {
          id: "contact123",
          first_name: "John",
          last_name: "Doe",
          email: "john.doe@example.com",
          phone_number: "+1234567890",
          ext_id: "ext_contact_789",
          custom_fields: [
            {
              key: "preferred_contact_method",
              name: "Preferred Contact Method",
              type: "text",
              value: "email",
            },
          ],
        },
      ],
      custom_fields: [{ key: "priority", name: "Priority", type: "text", value: "high" }],
    },
  },
};

/** What a PATCH answers: the updated interaction as the spec's `UpdatedCustomerInteraction` has it. */
export const UPDATED_INTERACTION = {
  data: {
    customer_interaction: {
      id: "abc123",
      custom_fields: INTERACTION.data.customer_interaction.custom_fields,
    },
  },
};

// Note: each answer as the spec shapes it, so a validating client reports no drift.
const answers = Object.fromEntries(
  Object.entries({ GET: INTERACTION, PATCH: UPDATED_INTERACTION }).map(([method, answer]) => {
    const body = JSON.stringify(answer);
    return [method, { body, length: String(Buffer.byteLength(body)) }];
  }),
);

/** Starts the server; resolves with its base URL. */
export function startLoopbackServer() {
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const answer = answers[req.method ?? ""];
      if (!req.url?.startsWith("/api/v1/customer-interactions/") || !answer) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { "content-type": "application/json", "content-length": answer.length });
      res.end(answer.body);
    });
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}`, server }),
    );
  });
}

// Forked: report the URL to the parent, stop when it disconnects.
if (process.send && process.argv[1] === new URL(import.meta.url).pathname) {
  const { url } = await startLoopbackServer();
  process.send({ url });
  process.on("disconnect", () => process.exit(0));
}
