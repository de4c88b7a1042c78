// What the seed story runs with: the seeds' values on the emulator, and on a
// real account the resources named by environment variables. The demo's
// `--live` mode and the parity suite (`npm run test:live`) read the same
// variables, listed once here, and name every missing one before they send
// anything.
import type { Sid } from "twilio-interactions";
import {
  type AgentRouting,
  type SmsParties,
  agentRoutingFromEnv,
  smsPartiesFromEnv,
} from "../examples/create-outbound-sms.ts";
import { type ProxySession, proxySessionFromEnv } from "../examples/list-proxy-interactions.ts";
import { sidFromEnv, textFromEnv } from "../examples/support/standalone.ts";

/** Everything the story needs besides a client. */
export interface Story {
  routing: AgentRouting;
  sms: SmsParties;
  participantNumber: string;
  proxy: ProxySession;
  /** The Proxy interaction to fetch and delete; the first one listed when absent. */
  proxyInteractionSid?: Sid<"KI">;
}

/** The seeds' values (Twilio's Interactions overview and Proxy Interaction pages). */
export const SEED_STORY: Story = {
  routing: {
    workspaceSid: "WSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    workflowSid: "WWaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    queueSid: "WQaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
    workerSid: "WKaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
  },
  sms: { customerNumber: "+12345678910", twilioNumber: "+19255551234", customerName: "first last" },
  participantNumber: "+15557654321",
  proxy: { serviceSid: "KSaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", sessionSid: "KCaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" },
};

/** Credentials: an API key and its secret, or the Account SID and Auth Token (either pair). */
export const CREDENTIAL_PAIRS = [
  ["TWILIO_API_KEY", "TWILIO_API_SECRET"],
  ["TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN"],
] as const;

/** The resources the seed story uses on a live account (`npm run demo -- --live`). */
export const LIVE_VARIABLES = [
  "TWILIO_WORKSPACE_SID",
  "TWILIO_WORKFLOW_SID",
  "TWILIO_QUEUE_SID",
  "TWILIO_WORKER_SID",
  "TWILIO_CUSTOMER_NUMBER",
  "TWILIO_FLEX_NUMBER",
  "TWILIO_PARTICIPANT_NUMBER",
  "TWILIO_PROXY_SERVICE_SID",
  "TWILIO_PROXY_SESSION_SID",
  "TWILIO_PROXY_INTERACTION_SID",
] as const;

/** What the parity suite needs besides the seed story's: the opt-in and the Flex instance of the webhook scenario. */
export const PARITY_VARIABLES = ["TWILIO_LIVE", ...LIVE_VARIABLES, "TWILIO_FLEX_INSTANCE_SID"] as const;

type Env = Readonly<Record<string, string | undefined>>;

const isSet = (env: Env, name: string) => (env[name] ?? "") !== "";

/** The names in `names` that are unset or empty in `env`. */
export function missingVariables(names: readonly string[], env: Env = process.env): string[] {
  return names.filter((name) => !isSet(env, name));
}

/** Empty when a whole credential pair is set; otherwise what to set, in words. */
export function missingCredentials(env: Env = process.env): string[] {
  if (CREDENTIAL_PAIRS.some((pair) => pair.every((name) => isSet(env, name)))) return [];
  return [CREDENTIAL_PAIRS.map((pair) => pair.join(" + ")).join(", or ")];
}

/**
 * Everything a live run lacks: `TWILIO_LIVE=1` (the explicit opt-in), a
 * credential pair, and each resource variable. Empty when it may run.
 */
export function missingParitySettings(env: Env = process.env): string[] {
  const missing = missingVariables(PARITY_VARIABLES, env).filter((name) => name !== "TWILIO_LIVE");
  const optIn = env.TWILIO_LIVE === "1" ? [] : ["TWILIO_LIVE=1"];
  return [...optIn, ...missingCredentials(env), ...missing];
}

/**
 * The story's resources from the environment, after checking that every
 * variable of `LIVE_VARIABLES` is set; `who` names the caller in the error.
 */
export function liveStoryFromEnv(who: string): Required<Story> {
  const missing = missingVariables(LIVE_VARIABLES);
  if (missing.length) {
    throw new Error(`${who} needs these environment variables (see scripts/demo.mts): ${missing.join(", ")}.`);
  }
  return {
    routing: agentRoutingFromEnv(),
    sms: smsPartiesFromEnv(),
    participantNumber: textFromEnv("TWILIO_PARTICIPANT_NUMBER"),
    proxy: proxySessionFromEnv(),
    proxyInteractionSid: sidFromEnv("TWILIO_PROXY_INTERACTION_SID", "KI"),
  };
}
