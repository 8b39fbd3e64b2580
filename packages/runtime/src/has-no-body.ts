/** Whether a response carries no body whatever the server sends: 204, 205, 304, or an answer to HEAD. */
export function hasNoBody(method: string, status: number): boolean {
  return status === 204 || status === 205 || status === 304 || method === "HEAD";
}
