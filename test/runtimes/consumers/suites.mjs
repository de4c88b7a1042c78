// What a consumer runs, chosen by the config's `suite`: the matrix's cases
// (cases.mjs), the interaction webhooks signed by the emulator and received
// (webhooks.mjs), or the seed story against a served emulator (story.mjs).
// Each consumer passes the SDK and its testing entry as it loaded them.
import { cases } from "./cases.mjs";
import { seedStory } from "./story.mjs";
import { webhookCases } from "./webhooks.mjs";

export function runSuite(sdk, testing, config) {
  if (config.suite === "webhooks") return webhookCases(sdk, testing);
  if (config.suite === "story") return seedStory(sdk, config);
  return cases(sdk, config);
}
