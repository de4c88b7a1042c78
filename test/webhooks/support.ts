// What the webhook receiver tests share: the spec's example events as form
// strings, and signed requests built from them.
import { expect } from "vitest";
import { InteractionEventError, twilioSignature } from "twilio-interactions";
import { AUTH_TOKEN } from "../helpers/fixtures";
import { loadSpec } from "../helpers/spec";

export const URL_ = "https://example.org/flex-events?tenant=a";
export const FORM = "application/x-www-form-urlencoded";
const doc = loadSpec("flex");
/** The example event of each webhook in the spec, as form strings. */
export const EXAMPLES: Record<string, Record<string, string>> = Object.fromEntries(
  Object.keys(doc.webhooks).map((name) => {
    const ref: string = doc.webhooks[name].post.requestBody.content[FORM].schema.$ref;
    const example = doc.components.schemas[ref.split("/").pop()!].examples[0];
    return [name, Object.fromEntries(Object.entries<unknown>(example).map(([k, v]) => [k, String(v)]))];
  }),
);
export const LEFT = EXAMPLES.onParticipantLeft!;

/** A form body with repeated keys for arrays. */
export function formBody(params: Record<string, string | string[]>): URLSearchParams {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const item of [v].flat()) body.append(k, item);
  return body;
}

/** A POST of `params` (with `change` applied after signing) signed for `url` with `token`. */
export async function signedRequest(
  params: Record<string, string | string[]>,
  { token = AUTH_TOKEN, url = URL_, change = {} as Record<string, string> } = {},
): Promise<Request> {
  return new Request(url, {
    method: "POST",
    body: formBody({ ...params, ...change }),
    headers: { "x-twilio-signature": await twilioSignature(token, url, params) },
  });
}

/** The error a receiver refused with; fails if it returned an event. */
export async function refusal(promise: Promise<unknown>): Promise<InteractionEventError> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected a refusal, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InteractionEventError);
  return error as InteractionEventError;
}

/** `u` with its port dropped, or with the default port of its scheme added. */
export function otherPort(u: string): string {
  return /^[^/]*\/\/[^/]*:\d+\//.test(u)
    ? u.replace(/^([^/]*\/\/[^/]*):\d+\//, "$1/")
    : u.replace(
        /^(\w+):\/\/([^/]+)\//,
        (_m, s: string, h: string) => `${s}://${h}:${s.toLowerCase() === "https" ? 443 : 80}/`,
      );
}
