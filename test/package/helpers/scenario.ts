// What every consumer (ESM, CommonJS, TypeScript, edge bundle) must report
// after running the scenario, and what the server must have received from
// it: the same calls, authenticated, with the package's real version in the
// User-Agent.
import { expect } from "vitest";
import pkg from "../../../package.json" with { type: "json" };
import type { ReceivedRequest } from "../../helpers/server";
import {
  ACCOUNT_SID,
  AUTH_TOKEN,
  INTERACTION_SID,
  PROXY_INTERACTION_SID,
  SERVICE_SID,
  SESSION_SID,
} from "../../helpers/fixtures";
import { CHANNEL_SIDS, MISSING_SID } from "./twilio-api";

/** The version in package.json, which the build must have put in the bundle. */
export const PACKAGE_VERSION = pkg.version;

/** Checks what a consumer printed and what the server received from it. */
export function expectScenario(result: unknown, requests: ReceivedRequest[]): void {
  expect(PACKAGE_VERSION).not.toBe("0.0.0-dev");
  expect(result).toEqual({
    version: PACKAGE_VERSION,
    event: { type: "onParticipantLeft", participant: `UT${"a".repeat(32)}`, refused: "WebhookSignatureError" },
    fetched: INTERACTION_SID,
    created: INTERACTION_SID,
    channels: CHANNEL_SIDS,
    proxyInteractions: [PROXY_INTERACTION_SID],
    notFound: { name: "NotFoundError", status: 404, code: 20404, isNotFoundError: true, isTwilioError: true },
  });

  expect(requests.map((r) => `${r.method} ${r.url}`)).toEqual([
    `GET /v1/Interactions/${INTERACTION_SID}`,
    "POST /v1/Interactions",
    `GET /v1/Interactions/${INTERACTION_SID}/Channels?PageSize=2`,
    `GET /v1/Interactions/${INTERACTION_SID}/Channels?PageSize=2&Page=1&PageToken=PT2`,
    `GET /v1/Services/${SERVICE_SID}/Sessions/${SESSION_SID}/Interactions`,
    `GET /v1/Interactions/${MISSING_SID}`,
  ]);
  const basic = `Basic ${btoa(`${ACCOUNT_SID}:${AUTH_TOKEN}`)}`;
  for (const request of requests) {
    expect(request.headers.authorization).toBe(basic);
    // The version comes from package.json through the build's `define`: no copy kept by hand.
    expect(request.headers["user-agent"]).toMatch(
      new RegExp(`^twilio-interactions/${PACKAGE_VERSION.replace(/\./g, "\\.")} \\S`),
    );
  }

  const post = requests[1];
  expect(post?.headers["content-type"]).toMatch(/^application\/x-www-form-urlencoded/);
  const form = new URLSearchParams(post?.body);
  expect(JSON.parse(form.get("Channel") ?? "null")).toMatchObject({ type: "sms", initiated_by: "agent" });
  expect(JSON.parse(form.get("Routing") ?? "null")).toMatchObject({
    properties: { workspace_sid: expect.any(String) },
  });
}
