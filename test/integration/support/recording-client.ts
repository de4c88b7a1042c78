// A client aimed at the shared mock whose `fetch` records every request as
// the SDK put it on the wire, with the mock's verdict: Prism answers 400 and
// explains in the `sl-violations` header when a request breaks the spec.
import { inject } from "vitest";
import { type InteractionsClient, createInteractionsClient } from "twilio-interactions";
import { MOCK_CREDENTIALS } from "../../../scripts/mock/interactions-mock.mts";

export interface SentRequest {
  method: string;
  url: URL;
  contentType: string | null;
  body: string | undefined;
  /** The mock's answer. */
  status: number;
  /** Prism's `sl-violations` header: the spec violations it found, or null. */
  violations: string | null;
}

export interface RecordingClient {
  twilio: InteractionsClient;
  sent: SentRequest[];
}

/**
 * A client for the shared mock, recording what it sends.
 *
 * @example
 * ```ts
 * const { twilio, sent } = recordingClient();
 * await twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid } } });
 * expect(sent[0].violations).toBeNull();
 * ```
 */
export function recordingClient(): RecordingClient {
  const sent: SentRequest[] = [];
  const twilio = createInteractionsClient({
    ...MOCK_CREDENTIALS,
    baseUrls: inject("mockUrls"),
    maxRetries: 0,
    async fetch(url, init) {
      // A new connection for each request: with retries off, a kept-alive one that the mock
      // closes for idleness just as it is reused (seconds apart on a busy machine) would fail the test.
      const headers = new Headers(init.headers);
      headers.set("connection", "close");
      const response = await globalThis.fetch(url, { ...init, headers });
      sent.push({
        method: init.method ?? "GET",
        url: new URL(url),
        contentType: new Headers(init.headers).get("content-type"),
        body: typeof init.body === "string" ? init.body : undefined,
        status: response.status,
        violations: response.headers.get("sl-violations"),
      });
      return response;
    },
  });
  return { twilio, sent };
}
