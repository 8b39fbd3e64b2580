import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { expect, test } from "vitest";
import { ensureBuilt, packageRoot } from "../support/built-cli.js";

const run = promisify(execFile);

test("the demo syncs both directions against Prism mocks of both specs, and refuses a forged delivery", async () => {
  ensureBuilt();
  const { stdout } = await run(process.execPath, [join(packageRoot, "..", "..", "scripts", "demo.mjs")], {
    env: { ...process.env, ALPHARUN_API_TOKEN: "", DIXA_API_KEY: "" },
    timeout: 240_000,
  });
  expect(stdout).toContain("Dry run: nothing was written.");
  expect(stdout).toContain("Result: planned");
  expect(stdout).toMatch(/issue_resolved\s+issue_resolved\s+applied\s+\["yes"\]/);
  expect(stdout).toContain("Result: applied");
  expect(stdout).toMatch(
    /HTTP 200 \{"status":"applied".*"eventFqn":"CONVERSATION_CLOSED","conversationId":100\}/,
  );
  expect(stdout).toContain(
    'Alpharun mock received: PATCH /contacts {"id":"6f1c2a4e-3b5d-4c7e-9f10-2a3b4c5d6e7f","custom_fields":{"set":[{"key":"preferred_contact_method","value":"Open"}]}} -> 200',
  );
  expect(stdout).toMatch(
    /HTTP 401 \{"status":"unauthorized","error":\{"name":"WebhookSignatureError","reason":"bad-signature"/,
  );
}, 300_000);
