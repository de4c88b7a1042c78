// Tasks routed the same way share one queueing record; tasks routed in any
// other way never do, even where the fields, run together, read the same.
import { describe, expect, it } from "vitest";
import { createEmulator } from "twilio-interactions/testing";
import { SEED_CHANNEL } from "../helpers/seed";

const AGENT = {
  workspace_sid: `WS${"a".repeat(32)}`,
  queue_sid: `WQ${"b".repeat(32)}`,
  worker_sid: `WK${"c".repeat(32)}`,
  task_channel_sid: `TC${"d".repeat(32)}`,
};

describe("task queueing", () => {
  it("keeps apart routings whose fields run together alike, and gives each task its own", async () => {
    const emulator = createEmulator({ seed: 3 });
    const { accountSid, authToken } = emulator.credentials;
    const routings = [
      { task_channel_unique_name: "1:2", priority: 3 },
      { task_channel_unique_name: "1:", priority: 23 },
      { task_channel_unique_name: "1:2", priority: 3 },
      { task_channel_unique_name: "1:23", priority: 0 },
      { task_channel_unique_name: "1:2", priority: 3, timeout: 5 },
      { task_channel_unique_name: "1:2", priority: 3 },
      { task_channel_unique_name: "", priority: 0, timeout: 86_400 },
    ];
    const answered = [];
    for (const routing of routings) {
      const response = await emulator.fetch(`${emulator.baseUrls.flex}/v1/Interactions`, {
        method: "POST",
        headers: {
          authorization: `Basic ${btoa(`${accountSid}:${authToken}`)}`,
          "content-type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({
          Channel: JSON.stringify(SEED_CHANNEL),
          Routing: JSON.stringify({ properties: { ...AGENT, ...routing } }),
        }),
      });
      expect(response.status, await response.clone().text()).toBe(200);
      const { properties } = ((await response.json()) as { routing: { properties: Record<string, unknown> } }).routing;
      answered.push([properties.task_channel_unique_name, properties.priority, properties.timeout]);
    }
    expect(answered).toEqual([
      ["1:2", 3, 86_400],
      ["1:", 23, 86_400],
      ["1:2", 3, 86_400],
      ["1:23", 0, 86_400],
      ["1:2", 3, 5],
      ["1:2", 3, 86_400],
      ["", 0, 86_400],
    ]);
  });
});
