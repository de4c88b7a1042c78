import { TwilioError } from "../errors";

/**
 * An incoming interaction event was refused: its signature, its `EventType`
 * or its parameters are wrong. Nothing of the event is returned. Answer the
 * request with a 4xx and do not act on it.
 *
 * @example
 * ```ts
 * try { event = await receiveInteractionEvent(request); }
 * catch (err) { if (err instanceof InteractionEventError) return new Response(err.message, { status: 403 }); throw err; }
 * ```
 */
export class InteractionEventError extends TwilioError {
  override name = "InteractionEventError";

  /** The fields worth logging: the name, the message and the subclass's own fields (never a credential). */
  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), ...Object.fromEntries(Object.entries(this)) };
  }
}

/**
 * Why a signature was refused.
 *
 * @example
 * ```ts
 * if (error instanceof WebhookSignatureError && error.reason === "missing") console.warn("unsigned request");
 * ```
 */
export type SignatureFailure = "missing" | "mismatch" | "body-hash";

/**
 * The `X-Twilio-Signature` header is missing or does not match: the request
 * did not come from Twilio with this Auth Token, was changed on the way, or
 * was signed for another URL (behind a proxy, pass the public `url`).
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof WebhookSignatureError) console.warn(err.reason); }
 * ```
 */
export class WebhookSignatureError extends InteractionEventError {
  override name = "WebhookSignatureError";
  /** `missing` header, signature `mismatch`, or a JSON body that does not match its `bodySHA256`. */
  readonly reason: SignatureFailure;

  constructor(reason: SignatureFailure, message: string) {
    super(message);
    this.reason = reason;
  }
}

/**
 * The event's `EventType` is not one the API description knows. Twilio may
 * have added an event: update the SDK, or answer 2xx to ignore it.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof UnknownEventTypeError) return new Response(null, { status: 204 }); }
 * ```
 */
export class UnknownEventTypeError extends InteractionEventError {
  override name = "UnknownEventTypeError";
  /** The `EventType` received (at most 100 characters of it). */
  readonly eventType: string;

  constructor(eventType: string, known: readonly string[]) {
    const shown = eventType.slice(0, 100);
    super(`Unknown EventType "${shown}"; this SDK knows ${known.join(", ")}.`);
    this.eventType = shown;
  }
}

/**
 * The request is not a well-formed event: an unreadable body, a missing
 * required parameter, a SID of the wrong kind, an `ErrorCode` that is not a
 * number. The message names the parameter, never its value.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof MalformedEventError) console.warn(err.parameter, err.message); }
 * ```
 */
export class MalformedEventError extends InteractionEventError {
  override name = "MalformedEventError";
  /** The offending parameter, or `body` when the body itself is unreadable. */
  readonly parameter: string;

  constructor(parameter: string, message: string) {
    super(message);
    this.parameter = parameter;
  }
}

/**
 * The request's body is larger than `maxBodyBytes`, as its `Content-Length`
 * announced or as it was read: reading stopped there, and nothing of it was
 * parsed or verified. Answer 413; on Node, close the connection too
 * (`Connection: close`), or the unread rest keeps it busy.
 *
 * @example
 * ```ts
 * catch (err) { if (err instanceof EventTooLargeError) return new Response(null, { status: 413 }); }
 * ```
 */
export class EventTooLargeError extends InteractionEventError {
  override name = "EventTooLargeError";
  /** The cap that was exceeded, in bytes. */
  readonly maxBodyBytes: number;

  constructor(maxBodyBytes: number) {
    super(
      `The event's body is larger than maxBodyBytes (${maxBodyBytes} bytes) and was refused unparsed. ` +
        "Twilio's interaction events are far smaller: answer 413, or raise maxBodyBytes if yours really are this large.",
    );
    this.maxBodyBytes = maxBodyBytes;
  }
}
