export { preferCode } from "./prefer.js";
export { readViolations, type Violation } from "./read-violations.js";
export { specPath, type VendoredApi, vendoredApis } from "./spec-path.js";
export {
  MockStartError,
  type RunningMock,
  type StartMockOptions,
  type StartMocksOptions,
  startMock,
  startMocks,
} from "./start-mock.js";
