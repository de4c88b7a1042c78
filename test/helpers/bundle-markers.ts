// Strings that show which generated data a bundle holds: a Flex path, a Proxy
// path, a webhook event's name and a JSON-string shape's property. Each is in
// exactly one of generated/*-operations.ts's constants.
const MARKERS = {
  flex: "/v1/Interactions/{InteractionSid}/Channels",
  proxy: "/v1/Services/{ServiceSid}/Sessions/{SessionSid}/Interactions",
  webhooks: "onParticipantJoined",
  jsonStrings: "flexInteractionChannelSid",
};

/** Which generated data the bundled code holds. */
export function dataIn(code: string): string[] {
  return Object.entries(MARKERS)
    .filter(([, marker]) => code.includes(marker))
    .map(([name]) => name);
}

/** A program that builds one API's client with `createClientFor`. */
export const oneApiConsumer = (api: "flex" | "proxy") =>
  `import { createClientFor, ${api}Api } from "twilio-interactions";\nconsole.log(createClientFor(${api}Api));\n`;
