// The typecheck task: tsc over the package, type tests counted (see vitest.shared.ts).
export { typeTestConfig as default } from "../../vitest.shared.js";
