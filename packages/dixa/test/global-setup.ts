import { mockGlobalSetup } from "@cxkit/mocks/vitest";

export default mockGlobalSetup("dixa");
