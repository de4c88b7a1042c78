// waitForChannel against the emulator: a channel that takes time to set up,
// one whose setup fails, and the timeout and abort bounds.
import { describe, expect, it } from "vitest";
import {
  ChannelSetupError,
  FlowTimeoutError,
  TwilioAbortError,
  TwilioError,
  waitForChannel,
} from "twilio-interactions";
import { useFakeClock } from "../helpers/fake-clock";
import { SEED_CHANNEL, SEED_ROUTING_PARAMS } from "../helpers/seed";
import { useEmulator } from "../emulator/support";

const FETCH = "FetchInteractionChannel";

// Setup takes an emulated hour: a channel becomes active only when a test moves the clock.
const SETUP = { hours: 1 };

describe("waitForChannel", () => {
  const ctx = useEmulator("in-process", { channelSetupMs: 3_600_000 });
  const fetches = () => ctx.emulator.requests().filter((r) => r.operation === FETCH).length;
  const create = () => ctx.twilio.flex.interactions.create({ Channel: SEED_CHANNEL, Routing: SEED_ROUTING_PARAMS });

  it("polls with growing pauses until setup turns the channel active, then resolves with it", async () => {
    const interaction = await create();
    const pauses: number[] = [];
    let last = 0;
    const twilio = ctx.client({
      // Far beyond the test: only the poll's own pauses are timed here.
      timeoutMs: 600_000,
      async fetch(url, init) {
        const now = Date.now();
        if (last) pauses.push(now - last);
        last = now;
        const response = await ctx.emulator.fetch(url, init);
        if (pauses.length === 2) ctx.emulator.advance(SETUP);
        return response;
      },
    });
    // On a running fake clock, whose timers never fire early by its Date.now(): a busy
    // machine can only lengthen a pause, never shorten it below its backoff step.
    const restore = useFakeClock({ running: true });
    try {
      const channel = await waitForChannel(twilio, interaction, { initialDelayMs: 20 });
      expect(channel).toMatchObject({ sid: interaction.channel.sid, status: "active" });
    } finally {
      restore();
    }
    expect(fetches()).toBe(4);
    // 20, 40 and 80 ms.
    expect(pauses.map((pause, i) => pause >= 20 * 2 ** i)).toEqual([true, true, true]);
  });

  it("throws ChannelSetupError with Twilio's error code and message when setup fails", async () => {
    // An email channel started by the API without properties.from is accepted, then fails setup.
    const interaction = await ctx.twilio.flex.interactions.create({
      Channel: { type: "email", initiated_by: "api", participants: [{ address: "ada@example.com", level: "to" }] },
      Routing: { properties: { workspace_sid: SEED_ROUTING_PARAMS.properties.workspace_sid } },
    });
    ctx.emulator.advance(SETUP);
    const error = await waitForChannel(ctx.twilio, interaction, { initialDelayMs: 20 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelSetupError);
    expect(error).toBeInstanceOf(TwilioError);
    expect(error).toMatchObject({ status: "failed", errorCode: 19025 });
    expect((error as ChannelSetupError).errorMessage).toMatch(/Channel validation error/);
    expect((error as Error).message).toMatch(/setup failed with Twilio error 19025/);
    expect(ctx.emulator.tasks().map((t) => t.status)).toEqual(["canceled"]);
  });

  it("throws FlowTimeoutError at its timeout, with the last status, and stops polling", async () => {
    const interaction = await create();
    const error = await waitForChannel(ctx.twilio, interaction, { timeoutMs: 100, initialDelayMs: 30 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(FlowTimeoutError);
    expect((error as FlowTimeoutError).timeoutMs).toBe(100);
    expect((error as Error).message).toMatch(/last status: setup/);
    const seen = fetches();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fetches()).toBe(seen);
  });

  it("throws TwilioAbortError when its signal fires, and stops polling", async () => {
    const interaction = await create();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(
      waitForChannel(ctx.twilio, interaction, { signal: controller.signal, initialDelayMs: 20 }),
    ).rejects.toBeInstanceOf(TwilioAbortError);
    const seen = fetches();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fetches()).toBe(seen);
  });

  it("takes a channel reference as well as an interaction", async () => {
    const interaction = await create();
    const ref = { interactionSid: interaction.sid, channelSid: interaction.channel.sid };
    ctx.emulator.advance(SETUP);
    expect((await waitForChannel(ctx.twilio, ref, { initialDelayMs: 20 })).status).toBe("active");
  });
});
