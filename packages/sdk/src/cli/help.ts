/** The text of `cxkit --help`. */
export const HELP = `cxkit: sync Alpharun's extracted fields onto Dixa conversations, and Dixa
conversations back onto Alpharun contacts.

Usage:
  cxkit sync <interactionId> [--conversation <id>] [--dry-run] [options]
  cxkit backfill --contact <id> [--checkpoint <file>] [--concurrency <n>] [--dry-run] [options]
  cxkit serve [--port <n>] [--host <address>] [--contact-field <key=source>] [--create-contact]

Commands:
  sync       Sync one Alpharun customer interaction onto its Dixa conversation: its data
             extraction fields become conversation custom attributes, and the Dixa
             conversation id is written back onto the interaction.
  backfill   Sync every interaction of an Alpharun contact's account, page by page.
  serve      Receive both vendors' webhooks: POST /webhooks/dixa (signed Dixa events: closed
             and rated conversations onto the Alpharun contact), POST /webhooks/alpharun
             (customer_interaction.updated: the sync above), GET /healthz. One JSON line per
             delivery on stdout; SIGTERM finishes the deliveries in flight, then exits.

Arguments:
  <interactionId>        Alpharun customer interaction id: a UUID

Options:
  --conversation <id>    Dixa conversation to write to: a whole number >= 1 (default: the end
                         user's most recent)
  --dry-run              Show what would be written, write nothing
  --map <key=attribute>  Map an Alpharun field key to a Dixa attribute identifier; repeatable, each
                         key once and each attribute for one key (default: every field to the
                         attribute with the same identifier)
  --write-back-key <k>   Alpharun custom field for the Dixa conversation id (default
                         dixa_conversation_id); not with --no-write-back
  --no-write-back        Do not write the conversation id back to Alpharun
  --contact <id>         (backfill) Alpharun contact UUID, or alt:ext_id:<ext_id>
  --checkpoint <file>    (backfill) Record finished interactions; a re-run skips them (default:
                         none); a file a backfill wrote, or a new one
  --concurrency <n>      (backfill) Interactions synced at once, 1 to 100 (default 4)
  --rate-limit <n>       Dixa requests per second, above 0 and at most 1000 (default 10, Dixa's
                         limit per token)
  --port <n>             (serve) Port to listen on, 0 to 65535 (default 3000; 0: any free port)
  --host <address>       (serve) Address to listen on (default 127.0.0.1)
  --contact-field <key=source>
                         (serve) Write an Alpharun contact field from the Dixa conversation;
                         repeatable. source: conversationId, status, channel, rating,
                         ratingComment, tags, or attribute:<identifier> (default: dixa_conversation_id,
                         dixa_conversation_status, dixa_rating, dixa_rating_comment, dixa_tags,
                         where the contact has them)
  --create-contact       (serve) Create the Alpharun contact when none matches the end user
  --json                 Print the report as JSON on stdout, no progress or tables
  -h, --help             Show this help
  --version              Print the version of cxkit

Environment (credentials are read from the environment only; surrounding whitespace is trimmed):
  ALPHARUN_API_TOKEN     Alpharun API key (required)
  DIXA_API_KEY           Dixa API token (required)
  ALPHARUN_BASE_URL      Alpharun API root, an http(s) URL (default https://api.alpharun.com/api/v1)
  DIXA_BASE_URL          Dixa API root, an http(s) URL (default https://dev.dixa.io/beta)
  DIXA_WEBHOOK_SECRET    (serve) The Dixa webhook subscription's secret key, hex (required)

Exit status: 0 when nothing failed, 1 when an interaction or field failed, 2 on a usage or
configuration error (e.g. --map to a Dixa attribute that does not exist; nothing is written),
130 when interrupted.

Examples:
  cxkit sync 11111111-2222-3333-4444-555555555555 --dry-run
  cxkit sync 11111111-2222-3333-4444-555555555555 --conversation 100
  cxkit sync 11111111-2222-3333-4444-555555555555 --map customer_satisfaction_score=csat --json
  cxkit backfill --contact alt:ext_id:ext_contact_789 --checkpoint backfill.jsonl --concurrency 8
`;
