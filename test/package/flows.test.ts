// The contact-centre flows from the installed tarball, ESM and CommonJS,
// against the emulator of the same tarball: the seed story, a warm transfer,
// a close called twice and a 500-interaction Proxy cleanup through 429s.
import { describe, expect, inject, it } from "vitest";
import { runNode } from "./helpers/run";

const { project } = inject("packed");

const OUTCOME = {
  channel: "active",
  joined: "agent",
  invitedAttributes: { customerName: "first last", transferReason: "billing" },
  closed: [true, false, "closed"],
  // The first agent completed at the hand-over; the second agent's task completed with the channel.
  tasks: ["completed", "completed"],
  cleanup: { deleted: 500, failed: 0, rateLimited: 25, left: 0 },
};

describe("the contact-centre flows from the tarball", () => {
  it.each(["flows-esm.mjs", "flows-cjs.cjs"])("%s runs them against the emulator", async (file) => {
    expect(await runNode(file, { cwd: project })).toEqual(OUTCOME);
  });
});
