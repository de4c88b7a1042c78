// Just enough of the frameworks the webhooks guide shows (Express, Fastify,
// Hono, Twilio Functions) to type-check its handlers strictly without
// installing them: the members the guide uses, with the shapes of the
// libraries' own declarations. A guide that uses more must add it here.
// Kept out of the project's own typecheck (tsconfig.json excludes it), since
// it declares modules and a global that do not exist there.

declare module "express" {
  import type { IncomingMessage, Server, ServerResponse } from "node:http";

  interface Request extends IncomingMessage {
    body: unknown;
  }
  interface Response extends ServerResponse {
    status(code: number): Response;
    send(body?: string | Uint8Array): Response;
    sendStatus(code: number): Response;
  }
  type RequestHandler = (req: Request, res: Response, next: (error?: unknown) => void) => unknown;
  interface Application {
    post(path: string, ...handlers: RequestHandler[]): Application;
    listen(port: number, callback?: () => void): Server;
  }
  interface Express {
    (): Application;
    raw(options?: { type?: string | string[]; limit?: string | number }): RequestHandler;
  }
  const express: Express;
  export default express;
  export type { Application, Request, RequestHandler, Response };
}

declare module "fastify" {
  import type { IncomingMessage, ServerResponse } from "node:http";

  interface FastifyRequest {
    raw: IncomingMessage;
    body: unknown;
  }
  interface FastifyReply {
    raw: ServerResponse;
    code(statusCode: number): FastifyReply;
    send(payload?: unknown): FastifyReply;
  }
  interface FastifyInstance {
    addContentTypeParser(
      contentType: string | string[],
      options: { parseAs: "string" | "buffer"; bodyLimit?: number },
      parser: (request: FastifyRequest, body: Buffer, done: (error: Error | null, body?: unknown) => void) => void,
    ): void;
    post(path: string, handler: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown>): FastifyInstance;
    listen(options: { port: number; host?: string }): Promise<string>;
  }
  export default function Fastify(options?: { bodyLimit?: number; logger?: boolean }): FastifyInstance;
  export type { FastifyInstance, FastifyReply, FastifyRequest };
}

declare module "hono" {
  type Env = { Bindings?: object };
  interface Context<E extends Env> {
    req: { raw: Request; url: string; method: string };
    env: E["Bindings"];
    body(data: string | ArrayBuffer | null, status?: number): Response;
    text(text: string, status?: number): Response;
  }
  export class Hono<E extends Env = {}> {
    post(path: string, handler: (c: Context<E>) => Response | Promise<Response>): this;
    fetch(request: Request, env?: E["Bindings"]): Response | Promise<Response>;
  }
  export type { Context };
}

// The runtime types of Twilio Functions (package @twilio-labs/serverless-runtime-types):
// importing the package declares the global `Twilio`; its `types` module has the handler's shapes.
declare module "@twilio-labs/serverless-runtime-types" {}

declare module "@twilio-labs/serverless-runtime-types/types" {
  export type EnvironmentVariables = { [key: string]: string | undefined };
  export type Context<T = {}> = {
    DOMAIN_NAME: string;
    PATH: string;
    SERVICE_SID: string | undefined;
    ENVIRONMENT_SID: string | undefined;
  } & T;
  export type ServerlessCallback = (
    error: null | Error | string | object,
    payload?: object | string | number | boolean,
  ) => void;
  export type ServerlessEventObject<RequestBodyAndQuery = {}, Headers = {}, Cookies = {}> = {
    request: { cookies: Cookies; headers: Headers };
  } & RequestBodyAndQuery;
  export type ServerlessFunctionSignature<
    T extends EnvironmentVariables = {},
    U extends ServerlessEventObject = { request: { cookies: {}; headers: {} } },
  > = (context: Context<T>, event: U, callback: ServerlessCallback) => void | Promise<void>;
}

interface TwilioFunctionsResponse {
  setStatusCode(code: number): void;
  setBody(body: string | object): void;
  appendHeader(key: string, value: string): void;
  setHeaders(headers: { [key: string]: string }): void;
}

declare var Twilio: { Response: new () => TwilioFunctionsResponse };
