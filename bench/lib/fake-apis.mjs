// Alpharun and Dixa as the backfill sees them, on one loopback server with a fixed latency per request.
// Data is made up from the ids, so 20,000 interactions cost the server no memory. Runs in its own
// process (fork it with the latency in ms as argument); answers { stats } messages with the
// count and time span of the Dixa requests.
import { createServer } from "node:http";

const latencyMs = Number(process.argv[2] ?? 0);
const ATTRIBUTES = ["customer_satisfaction_score", "issue_resolved"].map((identifier, index) => ({
  id: `00000000-0000-4000-9000-00000000000${index}`,
  entityType: "Conversation",
  identifier,
  label: identifier,
  inputDefinition: { _type: "Text" },
  isRequired: false,
  isArchived: false,
  isDeactivated: false,
}));
const CREATED = "2024-05-01T10:00:00.000Z[GMT]";

/** The number behind an id made by `interactionId(n)`. */
const numberOf = (id) => Number.parseInt(id.slice(-12), 16);
const dixa = { count: 0, first: 0, last: 0 };

function alpharun(method, path, n) {
  if (!/^\/customer-interactions\/[^/]+$/.test(path)) return [404, { error: 404, message: "No such route" }];
  const id = path.split("/")[2];
  if (method === "PATCH") return [200, { data: { customer_interaction: { id, custom_fields: [] } } }];
  return [
    200,
    {
      data: {
        customer_interaction: {
          id,
          data_extraction_fields: [
            { key: "customer_satisfaction_score", name: "CSAT", type: "text", value: `score ${n % 5}` },
            { key: "issue_resolved", name: "Resolved", type: "text", value: n % 2 ? "yes" : "no" },
          ],
          contacts: [{ id: `contact-${n}`, email: `customer-${n}@example.com` }],
          custom_fields: null,
        },
      },
    },
  ];
}

function dixaApi(method, path, query) {
  if (path === "/custom-attributes") return [200, { data: ATTRIBUTES }];
  if (path === "/endusers") {
    const n = Number(/customer-(\d+)@/.exec(query.get("email") ?? "")?.[1]);
    return [200, { data: [{ id: `enduser-${n}`, email: query.get("email"), createdAt: CREATED }], meta: {} }];
  }
  let match = /^\/endusers\/enduser-(\d+)\/conversations$/.exec(path);
  if (match) {
    const conversation = {
      id: 1000 + Number(match[1]),
      requesterId: `enduser-${match[1]}`,
      createdAt: CREATED,
    };
    return [
      200,
      { data: [{ ...conversation, channel: "Email", _type: "EmailConversation" }], meta: { next: null } },
    ];
  }
  match = /^\/conversations\/(\d+)(\/custom-attributes)?$/.exec(path);
  if (match && method === "PATCH") return [200, { data: [] }];
  if (match) {
    const id = Number(match[1]);
    const data = {
      id,
      requesterId: `enduser-${id - 1000}`,
      createdAt: CREATED,
      channel: "Email",
      customAttributes: [],
    };
    return [200, { data }];
  }
  return [404, { message: "An entity in this request could not be found" }];
}

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const [, api, ...rest] = url.pathname.split("/");
    const path = `/${rest.join("/")}`;
    if (api === "dixa") {
      const now = performance.now();
      if (dixa.count === 0) dixa.first = now;
      dixa.count += 1;
      dixa.last = now;
    }
    const answer = () => {
      const [status, body] =
        api === "dixa"
          ? dixaApi(req.method, path, url.searchParams)
          : alpharun(req.method, path, numberOf(rest[1] ?? "0"));
      const text = JSON.stringify(body);
      res.writeHead(status, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(text),
      });
      res.end(text);
    };
    if (latencyMs > 0) setTimeout(answer, latencyMs);
    else answer();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.send({ url: `http://127.0.0.1:${server.address().port}` });
});
process.on("message", (message) => {
  if (message === "stats") process.send({ stats: { ...dixa } });
});
process.on("disconnect", () => process.exit(0));
