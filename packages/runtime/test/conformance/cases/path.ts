// Path parameters: style `simple`, the only one our specs use. RFC 6570 simple expansion, which the
// OpenAPI spec points to, percent-encodes every character outside the unreserved set
// (ALPHA DIGIT - . _ ~), so a value always stays one path segment.
// @see https://spec.openapis.org/oas/v3.0.3#style-values
// @see https://www.rfc-editor.org/rfc/rfc6570#section-3.2.2
import { type ConformanceCase, call } from "../engine.js";

const getItem = (itemId: string) => call("get", "/items/{itemId}", { params: { path: { itemId } } });
const sentGet = (target: string) => ({ method: "GET", target, body: "" });
/** What the runtime answers a path value that would reach another path: nothing is sent. */
const refused = { sent: "nothing", returned: { throws: "InvalidRequestError" } } as const;

export const pathCases: ConformanceCase[] = [
  {
    name: "sends a plain path value as it is",
    call: getItem("item-1"),
    sent: sentGet("/api/items/item-1"),
  },
  {
    name: "percent-encodes the colons of an `alt:ext_id:` id",
    call: getItem("alt:ext_id:ext_contact_789"),
    sent: sentGet("/api/items/alt%3Aext_id%3Aext_contact_789"),
  },
  {
    name: "percent-encodes a slash, so the value stays one segment",
    call: getItem("a/b"),
    sent: sentGet("/api/items/a%2Fb"),
  },
  {
    name: "sends an already encoded slash encoded again, taking the value literally",
    call: getItem("a%2Fb"),
    sent: sentGet("/api/items/a%252Fb"),
  },
  {
    name: "percent-encodes the reserved characters ? # [ ] @ & = + $ , ; and space",
    call: getItem("q?x#y[0]@a&b=c+d$e,f;g h"),
    sent: sentGet("/api/items/q%3Fx%23y%5B0%5D%40a%26b%3Dc%2Bd%24e%2Cf%3Bg%20h"),
  },
  {
    name: "percent-encodes the sub-delimiters ! ' ( ) *",
    call: getItem("it's(1)*!"),
    sent: sentGet("/api/items/it%27s%281%29%2A%21"),
  },
  {
    name: "sends unicode as percent-encoded UTF-8",
    call: getItem("Zoë 東京"),
    sent: sentGet("/api/items/Zo%C3%AB%20%E6%9D%B1%E4%BA%AC"),
  },
  {
    name: "sends an integer path value in decimal",
    call: call("get", "/conversations/{conversationId}", {
      params: { path: { conversationId: Number.MAX_SAFE_INTEGER } },
    }),
    sent: sentGet("/api/conversations/9007199254740991"),
  },
  { name: "refuses `..` as a path value, which would reach another path", call: getItem(".."), ...refused },
  { name: "refuses `.` as a path value, which would reach another path", call: getItem("."), ...refused },
  { name: "refuses an empty path value, which would reach another path", call: getItem(""), ...refused },
  {
    name: "refuses a call without a required path value",
    // @ts-expect-error the types require `itemId`; a JavaScript caller can leave it out
    call: call("get", "/items/{itemId}", { params: { path: {} } }),
    ...refused,
  },
];
