// The last line of defence: whatever builds the URL (middleware included),
// the transport attaches credentials only for the configured origin.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { TwilioConfigError, createInteractionsClient } from "twilio-interactions";
import { INTERACTION_SID } from "../helpers/fixtures";
import { type FaultServer, startFaultServer } from "./fault-server";
import { CREDENTIALS, Evidence } from "./leak-check";

describe("credentials stay on the configured origin", () => {
  let origin: FaultServer;
  let foreign: FaultServer;
  beforeEach(async () => {
    foreign = await startFaultServer();
    origin = await startFaultServer();
  });
  afterEach(() => Promise.all([origin.close(), foreign.close()]));

  it.for(CREDENTIALS)(
    "middleware that points a request at another origin: refused, nothing sent ($label)",
    async (credential) => {
      const evidence = new Evidence();
      const client = createInteractionsClient({
        ...credential.options,
        baseUrls: { flex: origin.url },
        maxRetries: 2,
        logger: evidence.logger,
      });
      client.flex.use({
        onRequest: ({ request }) => new Request(request.url.replace(origin.url, foreign.url), request),
      });
      const error = await client.flex
        .GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } } })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      evidence.error(error);
      evidence.requests("requests received by the other origin", foreign.requests);

      expect((error as Error).constructor).toBe(TwilioConfigError);
      expect((error as Error).message).toBe(
        `Refusing to send GET to ${foreign.url}: this client sends credentials only to ${origin.url}.`,
      );
      expect(foreign.requests).toEqual([]);
      expect(origin.requests).toEqual([]);
      expect(evidence.leaks()).toEqual([]);
    },
  );
});
