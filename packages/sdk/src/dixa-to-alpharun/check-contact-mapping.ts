import type { RefuseOption } from "@cxkit/runtime";
import { ALLOWED, checkObject, isName, isPlainObject, refuser } from "../check-input.js";
import { CONTACT_ID_PREFIXES, CONVERSATION_FACTS } from "./contact-mapping.js";

const FACTS = Object.keys(CONVERSATION_FACTS);
const KEYS = Object.keys(CONTACT_ID_PREFIXES);
const READS = ["tags", "ratings"];
const RULE = `a fact (${FACTS.join(", ")}), { attribute: <Dixa attribute identifier> } or { value: (facts) => value, uses? }`;

/** Checks a contact mapping's shape before any request: its lookups, field keys and rules. */
export function checkContactMapping(where: string, mapping: unknown, name = "mapping"): void {
  const refuse: RefuseOption = refuser(where, name);
  if (!isPlainObject(mapping)) refuse("", "an object { fields, lookup? }", mapping);
  const { fields, lookup } = checkObject(where, name, mapping, ["fields", "lookup"]);
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
      const { uses } = checkObject(where, `${name}.fields.${key}`, rule, ["value", "uses"]);
      if (uses !== undefined && !(Array.isArray(uses) && uses.every((read) => READS.includes(read)))) {
        refuse(`.fields.${key}.uses`, `an array of ${READS.join(", ")}`, uses);
      }
    } else refuse(`.fields.${key}`, RULE, rule);
  }
}
