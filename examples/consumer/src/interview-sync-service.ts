// A small internal service: agents press "attach interview" in Dixa, which calls this service to copy
// the Alpharun interview's extracted fields onto the conversation through the cxkit facade.
import type { Cx, SyncReport } from "@cxkit/sdk";
import { CxOptionsError, WebhookPayloadError } from "@cxkit/sdk";

const ATTACH = /^\/conversations\/(\d+)\/interviews\/([^/]+)$/;

/** The service's HTTP handler, as a WHATWG `Request` -> `Response` function (see `server.ts`). */
export type Handler = (request: Request) => Promise<Response>;

export function createInterviewSyncService(cx: Cx): Handler {
  return async (request) => {
    const { pathname } = new URL(request.url);
    if (request.method !== "POST") return json(405, { error: "method not allowed" });
    const attach = ATTACH.exec(pathname);
    if (attach) {
      const [, conversationId = "", interactionId = ""] = attach;
      try {
        const report = await cx.syncInteraction(decodeURIComponent(interactionId), {
          conversationId: Number(conversationId),
        });
        return json(report.status === "failed" ? 502 : 200, summary(report));
      } catch (error) {
        // Note: an id that is not a UUID (or a conversation 0) is refused before any request.
        if (error instanceof CxOptionsError) return json(400, { error: error.message });
        throw error;
      }
    }
    if (pathname === "/webhooks/alpharun") {
      try {
        return json(200, summary(await cx.handleAlpharunWebhook(await request.text())));
      } catch (error) {
        if (error instanceof WebhookPayloadError) return json(400, { error: error.message });
        throw error;
      }
    }
    return json(404, { error: "not found" });
  };
}

/** What the service answers: the sync's outcome per field, without the values. */
function summary(report: SyncReport) {
  return {
    interactionId: report.interactionId,
    conversationId: report.conversationId,
    status: report.status,
    fields: report.fields.map((field) => ({
      key: field.key,
      status: field.status,
      ...(field.status === "skipped" ? { reason: field.reason.code } : {}),
    })),
    ...(report.error ? { error: `${report.error.stage}: ${report.error.message}` } : {}),
  };
}

function json(status: number, body: unknown): Response {
  return Response.json(body, { status });
}
