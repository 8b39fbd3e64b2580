import { copyFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { contractCoverage } from "../src/contract.js";

test("reports operations lacking a happy or failure test, and tests of unknown operations", async () => {
  const dir = await mkdtemp(join(tmpdir(), "cxkit-coverage-"));
  await copyFile(new URL("./fixtures/pets-contract.test.ts.txt", import.meta.url), join(dir, "pets.test.ts"));
  const coverage = await contractCoverage({
    spec: fileURLToPath(new URL("./fixtures/pets.yaml", import.meta.url)),
    testDir: dir,
    label: "pets",
  });
  expect(coverage.operations).toEqual(["getPet", "createPet"]);
  expect(coverage.missing).toEqual([{ operationId: "createPet", lacks: ["failure"] }]);
  expect(coverage.unknown).toEqual(["removedPet"]);
  expect(coverage.summary).toBe("pets: 1/2 operations have a happy and a failure path");
});
