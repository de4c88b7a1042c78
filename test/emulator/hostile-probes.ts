// Requests a broken client, a scanner or a fuzzer sends to a shared emulator
// server (issue 19), as raw HTTP: each must get a 4xx with Twilio's error body
// and a request id, and the server must go on answering. Run against
// emulator.listen() and against `npm run mock -- --emulator`.
import { expect } from "vitest";
import { type RawAnswer, rawRequest } from "./raw-http";

export interface Probe {
  name: string;
  /** Request line and headers; `AUTH` stands for the Authorization header line. */
  head: string;
  status: number;
}

const AUTH = "AUTH";
const KD = `KD${"0".repeat(32)}`;

export const PROBES: readonly Probe[] = [
  { name: "GET // without credentials", head: "GET // HTTP/1.1", status: 401 },
  { name: "GET //%zz/v1/Interactions without credentials", head: "GET //%zz/v1/Interactions HTTP/1.1", status: 401 },
  { name: "GET //", head: `GET // HTTP/1.1\r\n${AUTH}`, status: 404 },
  { name: "GET //%zz/v1/Interactions", head: `GET //%zz/v1/Interactions HTTP/1.1\r\n${AUTH}`, status: 404 },
  { name: "a SID of bad percent-encoding (%ZZ)", head: `GET /v1/Interactions/%ZZ HTTP/1.1\r\n${AUTH}`, status: 404 },
  { name: "a SID of bytes that are not UTF-8", head: `GET /v1/Interactions/%FF%FE HTTP/1.1\r\n${AUTH}`, status: 404 },
  { name: "a SID ending in a lone %", head: `GET /v1/Interactions/KD% HTTP/1.1\r\n${AUTH}`, status: 404 },
  { name: "an overlong UTF-8 encoding of /", head: `GET /v1/Interactions/%C0%AF HTTP/1.1\r\n${AUTH}`, status: 404 },
  { name: "an encoded lone surrogate", head: `GET /v1/Interactions/%ED%A0%80 HTTP/1.1\r\n${AUTH}`, status: 404 },
  { name: "the asterisk target", head: `OPTIONS * HTTP/1.1\r\n${AUTH}`, status: 404 },
  { name: "an empty target", head: `GET  HTTP/1.1\r\n${AUTH}`, status: 400 },
  { name: "a 64 kB path", head: `GET /v1/Interactions/${"K".repeat(65_536)} HTTP/1.1\r\n${AUTH}`, status: 431 },
  { name: "PROPFIND on a known path", head: `PROPFIND /v1/Interactions HTTP/1.1\r\n${AUTH}`, status: 405 },
  { name: "a method HTTP does not have", head: `FROB /v1/Interactions HTTP/1.1\r\n${AUTH}`, status: 400 },
  { name: "CONNECT", head: `CONNECT flex-api.twilio.com:443 HTTP/1.1\r\n${AUTH}`, status: 405 },
  { name: "DELETE on an interaction", head: `DELETE /v1/Interactions/${KD} HTTP/1.1\r\n${AUTH}`, status: 405 },
  { name: "an unknown HTTP version", head: `GET /v1/Interactions/${KD} HTTP/7.1\r\n${AUTH}`, status: 400 },
  {
    name: "a Content-Length that is not a number",
    head: `POST /v1/Interactions HTTP/1.1\r\n${AUTH}\r\nContent-Length: lots`,
    status: 400,
  },
  {
    name: "a Content-Length of 100 MB, with no body sent",
    head: `POST /v1/Interactions HTTP/1.1\r\n${AUTH}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000000`,
    status: 413,
  },
  {
    name: "a Content-Length of 100 MB that waits for 100 Continue",
    head: `POST /v1/Interactions HTTP/1.1\r\n${AUTH}\r\nExpect: 100-continue\r\nContent-Length: 100000000`,
    status: 413,
  },
];

/** The Authorization header line of `credentials`. */
export function authLine({ accountSid, authToken }: { accountSid: string; authToken: string }): string {
  return `Authorization: Basic ${Buffer.from(`${accountSid}:${authToken}`).toString("base64")}`;
}

/** Sends `probe` and checks the answer: its status, Twilio's error body, a request id. */
export async function expectRefused(origin: string, auth: string, probe: Probe): Promise<void> {
  const answer = await rawRequest(origin, probe.head.replace(AUTH, auth));
  expectTwilioError(answer, probe.status, probe.name);
}

export function expectTwilioError(answer: RawAnswer, status: number, what = ""): void {
  expect(answer.status, what).toBe(status);
  expect(answer.headers["twilio-request-id"], what).toMatch(/^RQ[0-9a-f]{32}$/);
  const body = JSON.parse(answer.body) as Record<string, unknown>;
  expect(body, what).toEqual({
    code: expect.any(Number),
    message: expect.any(String),
    more_info: `https://www.twilio.com/docs/errors/${body.code}`,
    status,
  });
}

/**
 * A Proxy list asked for with an absolute-form target on another host and a
 * `Host` header of a third: its page URLs are on `origin`, the emulator's own.
 */
export async function expectOwnPageUrls(
  origin: string,
  auth: string,
  session: { serviceSid: string; sessionSid: string },
): Promise<void> {
  const path = `/v1/Services/${session.serviceSid}/Sessions/${session.sessionSid}/Interactions?PageSize=2`;
  for (const head of [
    `GET http://other.example:8080${path} HTTP/1.1\r\n${auth}`,
    `GET ${path} HTTP/1.1\r\n${auth}\r\nHost: evil.example`,
  ]) {
    const answer = await rawRequest(origin, head);
    expect(answer.status, head).toBe(200);
    const { meta } = JSON.parse(answer.body) as { meta: Record<string, string | null> };
    for (const key of ["url", "first_page_url", "next_page_url"])
      expect(meta[key]!.startsWith(`${origin}/v1/Services/`), `${key} of ${head}`).toBe(true);
  }
}
