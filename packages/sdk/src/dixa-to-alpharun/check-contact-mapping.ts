import type { RefuseOption } from "@cxkit/runtime";
import { ALLOWED, isName, isPlainObject, refuser } from "../check-input.js";
import { CxOptionsError } from "../errors.js";
import { CONTACT_ID_PREFIXES, CONVERSATION_FACTS } from "./contact-mapping.js";

const FACTS = Object.keys(CONVERSATION_FACTS);
const KEYS = Object.keys(CONTACT_ID_PREFIXES);
const READS = ["tags", "ratings"];
const RULE = `a fact (${FACTS.join(", ")}), { attribute: <Dixa attribute identifier> } or { value: (facts) => value, uses? }`;

/** Checks a contact mapping's shape before any request: its lookups, field keys and rules. */
export function checkContactMapping(where: string, mapping: unknown, name = "mapping"): void {
  const refuse: RefuseOption = refuser(where, name);
  if (!isPlainObject(mapping)) refuse("", "an object { fields, lookup? }", mapping);
  for (const key of Object.keys(mapping)) {
    if (key !== "fields" && key !== "lookup") notAnOption(where, `${name}.${key}`, "fields, lookup");
  }
  const { fields, lookup } = mapping;
  if (lookup !== undefined) {
    const valid = (key: unknown) => KEYS.includes(key as string) || typeof key === "function";
    if (!Array.isArray(lookup) || lookup.length === 0 || !lookup.every(valid)) {
      refuse(".lookup", `a non-empty array of ${KEYS.join(", ")} or functions`, lookup);
    }
  }
  if (!isPlainObject(fields) || Object.keys(fields).length === 0) {
    refuse(".fields", "an object of Alpharun contact field keys to rules, with at least one", fields);
  }
  for (const [key, rule] of Object.entries(fields)) {
    if (!isName(key)) refuse(".fields", `keyed by Alpharun contact field keys (${ALLOWED.name})`, key);
    if (typeof rule === "string") {
      if (!FACTS.includes(rule)) refuse(`.fields.${key}`, RULE, rule);
    } else if (isPlainObject(rule) && "attribute" in rule) {
      if (!isName(rule.attribute) || Object.keys(rule).length > 1) refuse(`.fields.${key}`, RULE, rule);
    } else if (isPlainObject(rule) && typeof rule.value === "function") {
      const { uses } = rule;
      const extra = Object.keys(rule).filter((name) => name !== "value" && name !== "uses");
      if (extra[0] !== undefined) notAnOption(where, `${name}.fields.${key}.${extra[0]}`, "value, uses");
      if (uses !== undefined && !(Array.isArray(uses) && uses.every((read) => READS.includes(read)))) {
        refuse(`.fields.${key}.uses`, `an array of ${READS.join(", ")}`, uses);
      }
    } else refuse(`.fields.${key}`, RULE, rule);
  }
}

function notAnOption(where: string, option: string, options: string): never {
  throw new CxOptionsError(option, `${where}: ${option} is not an option (options: ${options})`);
}
