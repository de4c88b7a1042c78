/**
 * twilio-interactions: a spec-first TypeScript SDK for Twilio's Flex
 * Interactions API and Proxy Interactions API.
 *
 * @example
 * ```ts
 * import { createInteractionsClient, unwrap } from "twilio-interactions";
 *
 * const twilio = createInteractionsClient(); // credentials from TWILIO_* environment variables
 * const interaction = await unwrap(twilio.flex.GET("/v1/Interactions/{Sid}", { params: { path: { Sid: "KD…" } } }));
 * ```
 *
 * @packageDocumentation
 */
export { createInteractionsClient } from "./client";
export type { InteractionsClient, InteractionsClientOptions } from "./client";
export type { ApiClients, FlexClient, ProxyClient } from "../generated/apis";
export type { ApiPromise, Input, ListParams, RequestOptions, SidArg, WithResponse } from "./resource-types";
export type {
  ApiClient,
  ClientMethod,
  HttpMethod,
  InitArgs,
  ListItem,
  ListKeyOf,
  ListPath,
  MediaType,
  OperationOf,
  PageBody,
  PaginateArgs,
  PaginateInit,
  PathsWithMethod,
  RequiredKeysOf,
} from "./types";
export type { CredentialOptions } from "./auth";
export type { HostOptions } from "./hosts";
export type { CallOptions, FetchLike } from "./transport";
export type { Logger } from "./logger";
export { Paginator } from "./pagination";
export type { Page, PageSource } from "./pagination";
export { unwrap } from "./response";
export type { FetchResult } from "./response";
export { asSid, isSid } from "./sid";
export type { Sid } from "./sid";
export {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  InvalidSidError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  TwilioAbortError,
  TwilioApiError,
  TwilioConfigError,
  TwilioConnectionError,
  TwilioError,
  TwilioPaginationError,
  TwilioResponseError,
  TwilioTimeoutError,
  TwilioValidationError,
  UnprocessableEntityError,
  apiErrorFrom,
} from "./errors";
export type { TwilioErrorBody } from "./errors";
export { receiveInteractionEvent, receiveNodeInteractionEvent } from "./webhooks/receive";
export type { IncomingMessageLike, ReceiveEventOptions } from "./webhooks/receive";
export { toInteractionEvent } from "./webhooks/events";
export type { InteractionEvent, InteractionEventOf, InteractionEventType, ReceivedParams } from "./webhooks/events";
export { bodySha256, isValidTwilioSignature, twilioSignature } from "./webhooks/signature";
export type { SignedParams } from "./webhooks/signature";
export {
  InteractionEventError,
  MalformedEventError,
  UnknownEventTypeError,
  WebhookSignatureError,
} from "./webhooks/errors";
export type { SignatureFailure } from "./webhooks/errors";
export { VERSION } from "./version";
export type {
  ApiDescription,
  EventDescription,
  OperationDescription,
  PathDescription,
  QueryBounds,
  WebhooksDescription,
} from "./api-description";
// What the runtime derives from each API description: SID path parameters, query bounds, body encodings, list keys.
export { flexApi } from "../generated/flex-operations";
export { proxyApi } from "../generated/proxy-operations";

// The types generated from spec/, for annotating your own code.
export type {
  paths as FlexPaths,
  components as FlexComponents,
  operations as FlexOperations,
  webhooks as FlexWebhooks,
  ChannelStatus,
  ChannelType,
  ChannelUpdateStatus,
  InitiatedBy,
  Interaction,
  InteractionChannel,
  InteractionChannelInvite,
  InteractionChannelParams,
  InteractionChannelParticipant,
  InteractionChannelParticipantParams,
  InteractionRoutingParams,
  InteractionTransfer,
  InteractionWebhook,
  InteractionWebhookEventType,
  InteractionWebhookMethod,
  InteractionWebhookTtid,
  InteractionWebhookType,
  PageMeta,
  ParticipantMediaProperties,
  ParticipantRoutingProperties,
  ParticipantStatus,
  ParticipantType,
  RoutingState,
  TaskAttributes,
  TaskRouterTask,
  TaskRoutingProperties,
  TransferParams,
  TransferStatus,
  TransferType,
} from "../generated/flex";
export type {
  paths as ProxyPaths,
  components as ProxyComponents,
  operations as ProxyOperations,
  ProxyInteraction,
  ProxyInteractionData,
  ProxyInteractionType,
  ProxyResourceStatus,
} from "../generated/proxy";
