// What the release needs from the registry: an npm configuration that reaches it (outside the
// repository, without the token in it) and which of our versions it already has.
import { existsSync, readFileSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { homedir, tmpdir } from "node:os";
import { join } from "node:path";
import { ReleaseError } from "./checks.mjs";

/**
 * Writes a temporary npm user configuration for `registry` and returns the environment that makes
 * npm, pnpm and changesets use it, and `remove()`. The auth line refers to `${CXKIT_REGISTRY_TOKEN}`,
 * which npm and pnpm expand when they read it, so the token is in no file, not even this one.
 * The user's own configuration (a CA file, a proxy) is kept: its lines come first.
 */
export async function temporaryNpmrc(registry, env = process.env) {
  const dir = await mkdtemp(join(tmpdir(), "cxkit-npmrc-"));
  const file = join(dir, "npmrc");
  const own = env.NPM_CONFIG_USERCONFIG ?? env.npm_config_userconfig ?? join(homedir(), ".npmrc");
  const kept = existsSync(own) ? `${readFileSync(own, "utf8").trimEnd()}\n` : "";
  // Note: npm keys a token by the registry URL without its protocol ("nerf dart").
  const auth = `${registry.replace(/^https?:/, "")}:_authToken=\${CXKIT_REGISTRY_TOKEN}`;
  await writeFile(file, `${kept}registry=${registry}\n${auth}\n`, { mode: 0o600 });
  await chmod(dir, 0o700);
  return {
    env: { NPM_CONFIG_USERCONFIG: file, npm_config_userconfig: file, npm_config_registry: registry },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

/** The registry's address as a message may show it: origin and path, never a token. */
export function registryLabel(registry) {
  const url = new URL(registry);
  return `${url.origin}${url.pathname}`;
}

/**
 * The versions of each package the registry has, and its dist-tags (`{ versions: Set, tags: {} }`
 * per name). A package it does not know has none; any other answer is a refusal naming the status.
 */
export async function registryState(registry, token, names) {
  const entries = await Promise.all(
    names.map(async (name) => {
      const url = new URL(name.replace("/", "%2f"), registry);
      let response;
      try {
        response = await fetch(url, {
          headers: { accept: "application/json", authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(30_000),
        });
      } catch (error) {
        const cause = error?.cause?.code ?? error?.cause?.message ?? String(error?.message ?? error);
        throw new ReleaseError(`cannot reach the registry ${registryLabel(registry)} (${cause})`);
      }
      if (response.status === 404) return [name, { versions: new Set(), tags: {} }];
      if (!response.ok) {
        throw new ReleaseError(
          `the registry ${registryLabel(registry)} answers ${response.status} for ${name}: check CXKIT_REGISTRY and CXKIT_REGISTRY_TOKEN`,
        );
      }
      const body = await response.json();
      return [name, { versions: new Set(Object.keys(body.versions ?? {})), tags: body["dist-tags"] ?? {} }];
    }),
  );
  return new Map(entries);
}
