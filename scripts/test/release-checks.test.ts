// The release's refusals and its handling of the token, each on its own; e2e/test/release-refusals.test.ts
// runs them all through `pnpm release`.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { checkPreviewName, checkWorkspaceRanges, ReleaseError, registryFromEnv } from "../release/checks.mjs";
import { temporaryNpmrc } from "../release/registry.mjs";
import { runStep } from "../release/run-step.mjs";

const dir = mkdtempSync(join(tmpdir(), "cxkit-release-checks-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ReleaseError);
    return (error as Error).message;
  }
  throw new Error("expected a refusal");
};

describe("registryFromEnv", () => {
  test("takes an http(s) URL and a token, and ends the URL with a slash", () => {
    expect(
      registryFromEnv({ CXKIT_REGISTRY: "http://127.0.0.1:4873/npm", CXKIT_REGISTRY_TOKEN: "t0k" }),
    ).toEqual({
      url: "http://127.0.0.1:4873/npm/",
      token: "t0k",
    });
  });

  test("refuses a missing or blank registry, and names the variable", () => {
    expect(refusal(() => registryFromEnv({}))).toBe(
      "CXKIT_REGISTRY is not set: it names the registry to publish to",
    );
    expect(refusal(() => registryFromEnv({ CXKIT_REGISTRY: "  " }))).toMatch(/^CXKIT_REGISTRY is not set/);
  });

  test("refuses a registry that is not a plain http(s) URL, without echoing credentials", () => {
    expect(refusal(() => registryFromEnv({ CXKIT_REGISTRY: "not a url" }))).toBe(
      'CXKIT_REGISTRY must be an http(s) URL, got "not a url"',
    );
    expect(refusal(() => registryFromEnv({ CXKIT_REGISTRY: "ftp://host/" }))).toMatch(/got "ftp:\/\/host"$/);
    const withPassword = refusal(() => registryFromEnv({ CXKIT_REGISTRY: "https://me:secret@host/" }));
    expect(withPassword).toMatch(/without credentials/);
    expect(withPassword).not.toContain("secret");
  });

  test("refuses a missing token, naming the registry's host", () => {
    expect(refusal(() => registryFromEnv({ CXKIT_REGISTRY: "https://registry.internal.invalid/" }))).toBe(
      "CXKIT_REGISTRY_TOKEN is not set: it holds the token that publishes to registry.internal.invalid",
    );
  });
});

describe("checkPreviewName", () => {
  test("accepts a dist-tag name such as spec-sync-12", () => {
    expect(() => checkPreviewName("spec-sync-12")).not.toThrow();
  });

  test("refuses latest, version ranges and names npm cannot tag", () => {
    expect(refusal(() => checkPreviewName("latest"))).toBe(
      "--preview never publishes to latest: pick another name",
    );
    for (const name of ["v1", "x", "1.0", "Pr-12", "pr 12", "", "a".repeat(41)]) {
      expect(
        refusal(() => checkPreviewName(name)),
        name,
      ).toMatch(/^--preview takes a dist-tag name/);
    }
  });
});

describe("checkWorkspaceRanges", () => {
  const pkg = (name: string, manifest: Record<string, unknown>, isPrivate = false) => ({
    name,
    private: isPrivate,
    manifest: { name, ...manifest },
  });
  const workspace = [
    pkg("@cxkit/runtime", {}),
    pkg("@cxkit/scripts", {}, true),
    pkg("@cxkit/e2e", { dependencies: { "@cxkit/scripts": "workspace:*" } }, true),
  ];

  test("accepts published packages depending on published ones, and ignores devDependencies", () => {
    const dixa = pkg("@cxkit/dixa", {
      dependencies: { "@cxkit/runtime": "workspace:^", "openapi-fetch": "catalog:" },
      devDependencies: { "@cxkit/scripts": "workspace:*" },
    });
    expect(() => checkWorkspaceRanges([...workspace, dixa])).not.toThrow();
  });

  test("refuses a published package whose range points at a private package", () => {
    const dixa = pkg("@cxkit/dixa", { peerDependencies: { "@cxkit/scripts": "workspace:^" } });
    expect(refusal(() => checkWorkspaceRanges([...workspace, dixa]))).toBe(
      '@cxkit/dixa has peerDependencies "@cxkit/scripts: workspace:^", but @cxkit/scripts is private: the published range would point at a version no registry has',
    );
  });

  test("refuses a range no workspace package answers, and follows an alias to its package", () => {
    const unknown = pkg("@cxkit/dixa", { dependencies: { "@cxkit/gone": "workspace:^" } });
    expect(refusal(() => checkWorkspaceRanges([...workspace, unknown]))).toMatch(
      /^@cxkit\/dixa has dependencies "@cxkit\/gone: workspace:\^", but no workspace package has that name/,
    );
    const alias = pkg("@cxkit/dixa", { dependencies: { scripts: "workspace:@cxkit/scripts@*" } });
    expect(refusal(() => checkWorkspaceRanges([...workspace, alias]))).toMatch(
      /but @cxkit\/scripts is private/,
    );
  });
});

describe("the token", () => {
  test("is blanked in a step's output, even when it arrives split across two writes", async () => {
    const token = "tok-3f9a1c77e2";
    const script = `process.stdout.write("auth ${token.slice(0, 6)}"); setTimeout(() => { process.stdout.write("${token.slice(6)} done\\n"); console.error("again ${token}"); }, 50);`;
    const { code, output } = await runStep(process.execPath, ["-e", script], {
      cwd: dir,
      secret: token,
      quiet: true,
    });
    expect(code).toBe(0);
    expect(output).not.toContain(token);
    expect(output).toContain("auth *** done\n");
    expect(output).toContain("again ***\n");
  });

  test("is written to no file: the temporary npmrc names the variable, keeps the user's lines and is removed", async () => {
    const userconfig = join(dir, "user-npmrc");
    writeFileSync(userconfig, "cafile=/etc/ssl/company.pem\n");
    const npmrc = await temporaryNpmrc("http://127.0.0.1:4873/", { NPM_CONFIG_USERCONFIG: userconfig });
    const file = npmrc.env.NPM_CONFIG_USERCONFIG;
    expect(readFileSync(file, "utf8")).toBe(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: npm's own ${VAR} syntax, expected literally
      "cafile=/etc/ssl/company.pem\nregistry=http://127.0.0.1:4873/\n//127.0.0.1:4873/:_authToken=${CXKIT_REGISTRY_TOKEN}\n",
    );
    expect(npmrc.env.npm_config_registry).toBe("http://127.0.0.1:4873/");
    await npmrc.remove();
    expect(existsSync(file)).toBe(false);
  });
});
