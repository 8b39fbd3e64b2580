import type { AlpharunClient } from "@cxkit/alpharun";
import type { DixaClient } from "@cxkit/dixa";

/** What a sync needs from the facade. */
export interface SyncContext {
  readonly alpharun: AlpharunClient;
  readonly dixa: DixaClient;
  /** how long custom attribute definitions stay cached, in ms */
  readonly attributeCacheTtlMs: number;
}
