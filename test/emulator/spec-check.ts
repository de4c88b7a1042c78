// Checks emulator responses against the bundled descriptions with Ajv, an
// implementation independent of the emulator's own validator.
import type { FetchLike } from "twilio-interactions";
import { API_NAMES, type ApiName, type Json, loadSpec, operationsOf, resolve, schemaValidator } from "../helpers/spec";

export interface Answer {
  method: string;
  url: URL;
  status: number;
  text: string;
  requestId: string | null;
  operationId: string;
  errors: string[];
}

const validators = new Map<ApiName, ReturnType<typeof schemaValidator>>();
const validatorOf = (api: ApiName) => {
  let v = validators.get(api);
  if (!v) validators.set(api, (v = schemaValidator(api)));
  return v;
};

function operationAt(method: string, pathname: string) {
  for (const api of API_NAMES) {
    for (const entry of operationsOf(loadSpec(api))) {
      const pattern = new RegExp(`^${entry.path.replace(/\{[^}]+\}/g, "[^/]+")}$`);
      if (entry.method === method.toLowerCase() && pattern.test(pathname)) return { api, ...entry };
    }
  }
  throw new Error(`No operation matches ${method} ${pathname}`);
}

/** What is wrong with a response for the spec: its status must be listed, its body valid. */
export function responseErrors(
  method: string,
  url: URL,
  status: number,
  text: string,
): { operationId: string; errors: string[] } {
  const { api, op } = operationAt(method, url.pathname);
  const response = op.responses[String(status)] ?? op.responses.default;
  if (!response) return { operationId: op.operationId, errors: [`status ${status} is not in the spec`] };
  const schema: Json | undefined = resolve(loadSpec(api), response).content?.["application/json"]?.schema;
  if (!schema) return { operationId: op.operationId, errors: text === "" ? [] : ["a body where the spec has none"] };
  return { operationId: op.operationId, errors: validatorOf(api).errors(schema, JSON.parse(text)) };
}

/** A fetch that passes calls to `inner` and records each answer with its spec check. */
export function checkingFetch(inner: FetchLike): { fetch: FetchLike; answers: Answer[] } {
  const answers: Answer[] = [];
  const fetch: FetchLike = async (input, init) => {
    const response = await inner(input, init);
    const text = await response.clone().text();
    const url = new URL(input);
    const method = init.method ?? "GET";
    const requestId = response.headers.get("twilio-request-id");
    answers.push({
      method,
      url,
      status: response.status,
      text,
      requestId,
      ...responseErrors(method, url, response.status, text),
    });
    return response;
  };
  return { fetch, answers };
}
