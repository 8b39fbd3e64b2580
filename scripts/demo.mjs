#!/usr/bin/env node
// `pnpm demo`: starts Prism mocks of the vendored Alpharun and Dixa specs on 127.0.0.1, then runs
// the cxkit CLI against them: Alpharun -> Dixa, a dry run first and then a real sync, printing both
// reports; then Dixa -> Alpharun, `cxkit serve` receiving a signed "conversation closed" (the
// contact's fields written on the Alpharun mock are shown) and a forged delivery (refused, 401).
// Needs no credentials: the mocks accept any token. Their answers are the specs' examples.
// Note: it lives outside packages/, so no published package imports @cxkit/mocks.
import { spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { startMock } from "@cxkit/mocks";

const cli = fileURLToPath(new URL("../packages/sdk/bin/cxkit.js", import.meta.url));
// The interaction id of the spec's `customer_interaction.updated` webhook example.
const interactionId = "11111111-2222-3333-4444-555555555555";

const mocks = [];
let status = 0;
try {
  process.stdout.write("Starting Prism mocks of the Alpharun and Dixa specs on 127.0.0.1 ...\n");
  const [alpharun, dixa] = await Promise.all([startMock("alpharun"), startMock("dixa")]);
  mocks.push(alpharun, dixa);
  process.stdout.write(`  alpharun  ${alpharun.url}\n  dixa      ${dixa.url}\n`);
  const env = {
    ...process.env,
    ALPHARUN_API_TOKEN: "demo",
    DIXA_API_KEY: "demo",
    ALPHARUN_BASE_URL: alpharun.url,
    DIXA_BASE_URL: dixa.url,
  };
  for (const args of [
    ["sync", interactionId, "--dry-run"],
    ["sync", interactionId],
  ]) {
    process.stdout.write(`\n$ cxkit ${args.join(" ")}\n\n`);
    const code = await run(process.execPath, [cli, ...args], env);
    if (code !== 0) status = code;
  }
  if ((await receiveDemo(env, alpharun.url)) !== 0) status = 1;
  process.stdout.write(
    "\nThe mocks answer with the specs' examples. Against the real APIs, set ALPHARUN_API_TOKEN,\n" +
      "DIXA_API_KEY (and DIXA_WEBHOOK_SECRET for serve) and run the same commands; see `cxkit --help`\n" +
      "and packages/sdk/README.md.\n",
  );
} catch (error) {
  process.stderr.write(`demo failed: ${error instanceof Error ? error.message : error}\n`);
  status = 1;
} finally {
  await Promise.all(mocks.map((mock) => mock.stop()));
}
process.exitCode = status;

/**
 * Dixa -> Alpharun: `cxkit serve` behind loopback, a signed CONVERSATION_CLOSED for the Dixa spec's
 * conversation 100 (signed here by Dixa's recipe: HMAC-SHA256 over `<t>.<body>` keyed by the hex
 * secret), then a forged one. A recording proxy in front of the Alpharun mock shows what was written.
 */
async function receiveDemo(env, alpharunUrl) {
  const secret = "5d1c9e7a2b4f6a8c0e2d4f6b8a0c2e4f6d8b0a2c4e6f8a0b2c4d6e8f0a1b3c5d";
  const proxy = await recordingProxy(alpharunUrl);
  const args = ["serve", "--port", "0", "--contact-field", "preferred_contact_method=status"];
  process.stdout.write(`\n$ DIXA_WEBHOOK_SECRET=... cxkit ${args.join(" ")}\n\n`);
  const serve = spawn(process.execPath, [cli, ...args], {
    env: { ...env, ALPHARUN_BASE_URL: proxy.url, DIXA_WEBHOOK_SECRET: secret },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise((done) => serve.once("exit", (code) => done(code)));
  serve.stdout.on("data", (chunk) => process.stdout.write(`  log: ${chunk}`));
  try {
    const url = await new Promise((ready, fail) => {
      let stderr = "";
      serve.stderr.on("data", (chunk) => {
        stderr += chunk;
        const found = /listening on (http:\/\/\S+)/.exec(stderr);
        if (found) ready(found[1]);
      });
      exited.then((code) => fail(new Error(`cxkit serve exited (${code}): ${stderr}`)));
    });
    process.stdout.write(`  listening on ${url}\n`);
    process.stdout.write(
      "  (the sync reads the conversation as Dixa holds it now: the Dixa mock's conversation 100 is Open)\n",
    );
    const body = JSON.stringify({
      event_id: randomUUID(),
      event_fqn: "CONVERSATION_CLOSED",
      event_version: "1",
      event_timestamp: new Date().toISOString(),
      organization: { id: "0b7c2f3e-4d5a-4b6c-9d8e-7f6a5b4c3d2e", name: "Acme" },
      data: { conversation: { csid: 100, status: "CLOSED" } },
    });
    for (const [label, key] of [
      ["signed CONVERSATION_CLOSED for conversation 100", secret],
      ["forged delivery (signed with another secret)", "00".repeat(32)],
    ]) {
      process.stdout.write(`\n> POST /webhooks/dixa: ${label}\n`);
      const t = Date.now();
      const v1 = createHmac("sha256", Buffer.from(key, "hex")).update(`${t}.${body}`).digest("hex");
      const answer = await fetch(`${url}/webhooks/dixa`, {
        method: "POST",
        body,
        headers: { "content-type": "application/json", "x-dixa-signature": `t=${t},v1=${v1}` },
      });
      process.stdout.write(`  HTTP ${answer.status} ${await answer.text()}\n`);
      for (const write of proxy.writes.splice(0))
        process.stdout.write(`  Alpharun mock received: ${write}\n`);
    }
    return 0;
  } catch (error) {
    process.stderr.write(`demo: ${error instanceof Error ? error.message : error}\n`);
    return 1;
  } finally {
    serve.kill("SIGTERM");
    await exited;
    await proxy.close();
  }
}

/** A loopback proxy to the Alpharun mock that records the contact writes passing through. */
async function recordingProxy(target) {
  const writes = [];
  const server = createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const body = Buffer.concat(chunks);
    const upstream = await fetch(new URL(request.url, `${target}/`), {
      method: request.method,
      headers: { authorization: request.headers.authorization ?? "", "content-type": "application/json" },
      ...(body.length > 0 ? { body } : {}),
    });
    const text = await upstream.text();
    const sent = body.length > 0 ? JSON.parse(body.toString("utf8")) : undefined;
    if (request.method !== "GET" && sent?.custom_fields) {
      writes.push(`${request.method} ${request.url} ${JSON.stringify(sent)} -> ${upstream.status}`);
    }
    response.writeHead(upstream.status, { "content-type": "application/json" });
    response.end(text);
  });
  await new Promise((listening) => server.listen(0, "127.0.0.1", listening));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    writes,
    close: () => new Promise((closed) => server.close(closed)),
  };
}

function run(command, args, env) {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { env, stdio: "inherit" });
    child.once("error", fail);
    child.once("exit", (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}
