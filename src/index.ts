/**
 * twilio-interactions: a spec-first TypeScript SDK for Twilio's Flex
 * Interactions API and Proxy Interactions API.
 *
 * @example
 * ```ts
 * import { createInteractionsClient } from "twilio-interactions";
 *
 * const twilio = createInteractionsClient(); // credentials from TWILIO_* environment variables
 * const interaction = await twilio.flex.interactions(interactionSid).fetch();
 * for await (const channel of twilio.flex.interactions(interaction.sid).channels.list()) console.log(channel.sid);
 * ```
 *
 * @packageDocumentation
 */

export { createClientFor, createInteractionsClient, createPathClientFor } from "./client";
// Each API's descriptions, for `createClientFor(flexApi)` and `createPathClientFor(flexPathApi)`.
export * from "../generated/descriptions";
export type { InteractionsClient, InteractionsClientOptions, PathClient } from "./client";
export type { CredentialOptions } from "./auth";
export type { BaseUrls, HostOptions } from "./hosts";
export type { FetchLike } from "./transport";
export type { Logger } from "./logger";
// The clients of the APIs, and each API's schema, resource and handle types as a namespace (`FlexApi.Interaction`).
export type * from "../generated/clients";
export type { ApiPromise, Input, ListParams, RequestOptions, SidArg, WithResponse } from "./resource-types";
export { Paginator } from "./pagination";
export type { Page } from "./pagination";
export type { PageMeta } from "../generated/shared";
// The path layer beneath the resource methods: `twilio.flex.GET(path, init)` and friends.
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
} from "./errors";
export type { TwilioErrorBody } from "./errors";
export { receiveInteractionEvent, receiveNodeInteractionEvent } from "./webhooks/receive";
export type { IncomingMessageLike, ReceiveEventOptions, ReceiveOptionsBase } from "./webhooks/receive";
export { toInteractionEvent } from "./webhooks/events";
export type { InteractionEvent, InteractionEventOf, InteractionEventType, ReceivedParams } from "./webhooks/events";
export { bodySha256, isValidTwilioSignature, twilioSignature } from "./webhooks/signature";
export type { SignedParams } from "./webhooks/signature";
export {
  EventTooLargeError,
  InteractionEventError,
  MalformedEventError,
  UnknownEventTypeError,
  WebhookSignatureError,
} from "./webhooks/errors";
export type { SignatureFailure } from "./webhooks/errors";
export { VERSION } from "./version";

// Contact-centre flows, built on the resource methods.
export {
  TaskAttributesError,
  decodeTaskAddons,
  decodeTaskAttributes,
  taskAttributesFromChannel,
  taskAttributesOf,
} from "./flows/task-attributes";
export type { ChannelAttributeOptions } from "./flows/task-attributes";
export type { ChannelLike, ChannelRef, FlowCallOptions, FlowClient } from "./flows/client";
export { ChannelSetupError, FlowTimeoutError } from "./flows/errors";
export type { PollOptions } from "./flows/poll";
export { waitForChannel } from "./flows/wait-for-channel";
export type { WaitForChannelOptions } from "./flows/wait-for-channel";
export { closeChannel, closeParticipant, leaveChannel } from "./flows/close";
export type {
  ChannelOutcome,
  CloseChannelOptions,
  CloseParticipantOptions,
  ParticipantOutcome,
  TaskEnding,
} from "./flows/close";
export { transfer, transferAttributes } from "./flows/transfer";
export type { TransferOptions, TransferOutcome, TransferTarget } from "./flows/transfer";
export { cleanupProxySession } from "./flows/proxy-cleanup";
export type { CleanupOptions, CleanupProgress, CleanupSummary, ProxySessionRef } from "./flows/proxy-cleanup";
