// Every operation of both APIs (Flex F1–F14 and the interaction webhooks,
// Proxy P1–P3), called through the
// public client against the Prism mock of the bundled descriptions. Prism
// validates each request's path, query and form body and answers 400 with an
// `sl-violations` header when one breaks the spec; the JSON inside the
// JSON-in-form fields, which Prism cannot see, is validated here against its
// contentSchema. Responses are checked against their schemas too.
import { describe, expect, it } from "vitest";
import type { FetchResult, InteractionsClient } from "twilio-interactions";
import {
  CHANNEL_SID,
  INTERACTION_SID,
  PARTICIPANT_SID,
  PROXY_INTERACTION_SID,
  SERVICE_SID,
  SESSION_SID,
} from "../helpers/fixtures";
import { API_NAMES, type ApiName, type Json, resolve, loadSpec, operationsOf, schemaValidator } from "../helpers/spec";
import { recordingClient } from "./support/recording-client";
import { SEED_CHANNEL, SEED_ROUTING_PARAMS } from "../helpers/seed";
import { type WireOperation, jsonInFormFields, operationOf, requestBodyErrors } from "./support/wire";

const TRANSFER_SID = "UXaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
const KD = { InteractionSid: INTERACTION_SID } as const;
const KD_UO = { InteractionSid: INTERACTION_SID, ChannelSid: CHANNEL_SID } as const;
const SESSION = { ServiceSid: SERVICE_SID, SessionSid: SESSION_SID } as const;
const GO = { InstanceSid: "GOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" } as const;
const HOOK = { ...GO, Ttid: "flex_interactionwebhook_01jke8z8vte4ette30t5w9h081" } as const;
// The seed's routing, with the optional task fields too.
const ROUTING = { properties: { ...SEED_ROUTING_PARAMS.properties, priority: 1, timeout: 3600 } };

interface Case {
  operationId: string;
  call: (twilio: InteractionsClient) => Promise<FetchResult>;
}

const CASES: Case[] = [
  {
    operationId: "CreateInteraction",
    call: (t) =>
      t.flex.POST("/v1/Interactions", {
        body: {
          Channel: SEED_CHANNEL,
          Routing: ROUTING,
          InteractionContextSid: "HQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
          WebhookTtid: "flex_interactionwebhook_00000000000000000000000000",
        },
      }),
  },
  {
    operationId: "FetchInteraction",
    call: (t) => t.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: INTERACTION_SID } } }),
  },
  {
    operationId: "UpdateInteraction",
    call: (t) =>
      t.flex.POST("/v1/Interactions/{Sid}", {
        params: { path: { Sid: INTERACTION_SID } },
        body: { WebhookTtid: "flex_interactionwebhook_00000000000000000000000000" },
      }),
  },
  {
    operationId: "ListInteractionChannel",
    call: (t) =>
      t.flex.GET("/v1/Interactions/{InteractionSid}/Channels", {
        params: { path: KD, query: { PageSize: 1000, Page: 0, PageToken: "PAUOaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" } },
      }),
  },
  {
    operationId: "FetchInteractionChannel",
    call: (t) =>
      t.flex.GET("/v1/Interactions/{InteractionSid}/Channels/{Sid}", { params: { path: { ...KD, Sid: CHANNEL_SID } } }),
  },
  {
    operationId: "UpdateInteractionChannel",
    call: (t) =>
      t.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{Sid}", {
        params: { path: { ...KD, Sid: CHANNEL_SID } },
        body: { Status: "inactive", Routing: { status: "closed" } },
      }),
  },
  {
    operationId: "CreateInteractionChannelParticipant",
    call: (t) =>
      t.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Participants", {
        params: { path: KD_UO },
        body: {
          Type: "agent",
          MediaProperties: { address: "+12345678910", proxy_address: "+19255551234" },
          RoutingProperties: {
            task_sid: "WTaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            worker_sid: "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            reservation_sid: "WRaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
          },
        },
      }),
  },
  {
    operationId: "ListInteractionChannelParticipant",
    call: (t) =>
      t.flex.GET("/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Participants", {
        params: { path: KD_UO, query: { PageSize: 1 } },
      }),
  },
  {
    operationId: "UpdateInteractionChannelParticipant",
    call: (t) =>
      t.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Participants/{Sid}", {
        params: { path: { ...KD_UO, Sid: PARTICIPANT_SID } },
        body: { Status: "closed" },
      }),
  },
  {
    operationId: "CreateInteractionChannelInvite",
    call: (t) =>
      t.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Invites", {
        params: { path: KD_UO },
        body: { Routing: ROUTING },
      }),
  },
  {
    operationId: "ListInteractionChannelInvite",
    call: (t) =>
      t.flex.GET("/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Invites", { params: { path: KD_UO } }),
  },
  {
    operationId: "CreateInteractionTransfer",
    call: (t) =>
      t.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Transfers", {
        params: { path: KD_UO },
        body: { type: "cold", from: "UTbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", to: "WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
      }),
  },
  {
    operationId: "FetchInteractionTransfer",
    call: (t) =>
      t.flex.GET("/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Transfers/{Sid}", {
        params: { path: { ...KD_UO, Sid: TRANSFER_SID } },
      }),
  },
  {
    operationId: "UpdateInteractionTransfer",
    call: (t) =>
      t.flex.POST("/v1/Interactions/{InteractionSid}/Channels/{ChannelSid}/Transfers/{Sid}", {
        params: { path: { ...KD_UO, Sid: TRANSFER_SID } },
        body: { status: "completed" },
      }),
  },
  {
    operationId: "CreateInteractionWebhook",
    call: (t) =>
      t.flex.POST("/v1/Instances/{InstanceSid}/InteractionWebhooks", {
        params: { path: GO },
        body: {
          Type: "interaction",
          WebhookUrl: "https://example.org/flex-events",
          WebhookMethod: "POST",
          WebhookEvents: ["onChannelStatusUpdated", "onParticipantLeft"],
          FriendlyName: "Survey on leave",
        },
      }),
  },
  {
    operationId: "ListInteractionWebhook",
    call: (t) =>
      t.flex.GET("/v1/Instances/{InstanceSid}/InteractionWebhooks", {
        params: { path: GO, query: { type: "interaction", PageSize: 50, Page: 0 } },
      }),
  },
  {
    operationId: "FetchInteractionWebhook",
    call: (t) => t.flex.GET("/v1/Instances/{InstanceSid}/InteractionWebhooks/{Ttid}", { params: { path: HOOK } }),
  },
  {
    operationId: "UpdateInteractionWebhook",
    call: (t) =>
      t.flex.POST("/v1/Instances/{InstanceSid}/InteractionWebhooks/{Ttid}", {
        params: { path: HOOK },
        body: { WebhookEvents: ["onParticipantLeft"], WebhookUrl: "https://example.org/survey" },
      }),
  },
  {
    operationId: "DeleteInteractionWebhook",
    call: (t) => t.flex.DELETE("/v1/Instances/{InstanceSid}/InteractionWebhooks/{Ttid}", { params: { path: HOOK } }),
  },
  {
    operationId: "ListProxyInteraction",
    call: (t) =>
      t.proxy.GET("/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions", {
        params: { path: SESSION, query: { PageSize: 50, Page: 0 } },
      }),
  },
  {
    operationId: "FetchProxyInteraction",
    call: (t) =>
      t.proxy.GET("/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions/{Sid}", {
        params: { path: { ...SESSION, Sid: PROXY_INTERACTION_SID } },
      }),
  },
  {
    operationId: "DeleteProxyInteraction",
    call: (t) =>
      t.proxy.DELETE("/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions/{Sid}", {
        params: { path: { ...SESSION, Sid: PROXY_INTERACTION_SID } },
      }),
  },
];

const validators = Object.fromEntries(API_NAMES.map((api) => [api, schemaValidator(api)])) as Record<
  ApiName,
  ReturnType<typeof schemaValidator>
>;

function successOf({ api, op }: WireOperation): { status: number; schema: Json | undefined } {
  const [status, response] = Object.entries<Json>(op.responses).find(([code]) => /^2\d\d$/.test(code))!;
  return { status: Number(status), schema: resolve(loadSpec(api), response).content?.["application/json"]?.schema };
}

describe("every operation through the client against the mock", () => {
  it("covers all 22 operations of the two descriptions", () => {
    const specified = API_NAMES.flatMap((api) => operationsOf(loadSpec(api)).map(({ op }) => op.operationId as string));
    expect(CASES.map((c) => c.operationId).sort()).toEqual(specified.sort());
    expect(CASES).toHaveLength(22);
  });

  it.each(CASES)("$operationId is valid for the spec and succeeds", async ({ operationId, call }) => {
    const { twilio, sent } = recordingClient();
    const result = await call(twilio);

    expect(sent).toHaveLength(1);
    const request = sent[0]!;
    const operation = operationOf(request);
    expect(operation.operationId).toBe(operationId);
    // Prism found no violation in the request (nor in its own answer).
    expect(request.violations).toBeNull();
    const success = successOf(operation);
    expect(result.error).toBeUndefined();
    expect(result.response.status).toBe(success.status);

    // What Prism cannot check: the JSON inside JSON-in-form fields. Every such
    // field of the operation is sent here, so each contentSchema is exercised.
    expect(requestBodyErrors(request)).toEqual([]);
    expect([...new URLSearchParams(request.contentType?.includes("json") ? "" : request.body).keys()]).toEqual(
      expect.arrayContaining(jsonInFormFields(operation)),
    );

    if (success.schema) expect(validators[operation.api].errors(success.schema, result.data)).toEqual([]);
    else expect(result.data).toBeUndefined();
  });
});

describe("the JSON-in-form check", () => {
  it("catches a malformed Channel that the mock accepts", async () => {
    const { twilio, sent } = recordingClient();
    // Deliberately wrong inside the JSON: "fax" is not a channel type, and the address has no proxy_address.
    const Channel = { type: "fax", initiated_by: "api", participants: [{ address: "+12345678910" }] } as never;
    const result = await twilio.flex.POST("/v1/Interactions", { body: { Channel } });

    expect(result.response.status).toBe(200); // Prism sees only a string field
    expect(sent[0]!.violations).toBeNull();
    const errors = requestBodyErrors(sent[0]!);
    expect(errors.join("\n")).toMatch(/proxy_address/);
    expect(errors.join("\n")).toMatch(/allowed values/);
  });

  it("knows every JSON-in-form field of the Flex description", () => {
    const fields = operationsOf(loadSpec("flex")).flatMap(({ path, method, op }) =>
      jsonInFormFields({ api: "flex", path, method, operationId: op.operationId, op }).map(
        (name) => `${op.operationId}.${name}`,
      ),
    );
    expect(fields.sort()).toEqual([
      "CreateInteraction.Channel",
      "CreateInteraction.Routing",
      "CreateInteractionChannelInvite.Routing",
      "CreateInteractionChannelParticipant.MediaProperties",
      "CreateInteractionChannelParticipant.RoutingProperties",
      "UpdateInteractionChannel.Routing",
    ]);
  });
});
