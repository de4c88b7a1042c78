// transfer against the emulator: the invite's task carries the original
// task's attributes plus the caller's; the first agent leaves only once the
// invite is accepted (cold) or the new agent joined (warm); a refused invite
// changes nothing.
import { describe, expect, it } from "vitest";
import {
  BadRequestError,
  FlowTimeoutError,
  InternalServerError,
  TwilioValidationError,
  transfer,
} from "twilio-interactions";
import { useEmulator } from "../emulator/support";
import { seedContact } from "./support";

const QUEUE = "WQbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" as const;
const WORKER = "WKbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb" as const;

describe("transfer", () => {
  const ctx = useEmulator("in-process");
  const statuses = () => ctx.emulator.tasks().map((t) => t.status);
  const sentOperations = () => ctx.emulator.requests().map((r) => r.operation);

  /** A second agent accepts the invite's task and joins the channel, as Flex would. */
  function joinWhenInvited(contact: Awaited<ReturnType<typeof seedContact>>) {
    const unsubscribe = ctx.emulator.subscribe((event) => {
      if (event.type !== "invite.created") return;
      unsubscribe();
      setTimeout(() => {
        void contact.handle.participants.create({
          Type: "agent",
          MediaProperties: { identity: "second agent" },
          RoutingProperties: { task_sid: event.taskSid, worker_sid: WORKER },
        });
      }, 30);
    });
  }

  it("cold, to a queue: copies the original attributes into the invite, merges the caller's, then wraps up the first agent", async () => {
    const contact = await seedContact(ctx.twilio);
    const [original] = ctx.emulator.tasks();
    const outcome = await transfer(ctx.twilio, contact.interaction, {
      to: { queueSid: QUEUE },
      mode: "cold",
      from: contact.agent.sid,
      attributes: { transferReason: "billing", conversations: { conversation_attribute_1: "transfer" } },
    });
    const [first, invited] = ctx.emulator.tasks();
    expect(first!.status).toBe("wrapping");
    expect(invited).toMatchObject({ status: "pending", queueSid: QUEUE, inviteSid: outcome.invite.sid });
    expect(invited!.workspaceSid).toBe(original!.workspaceSid);
    expect(invited!.workflowSid).toBe(original!.workflowSid);
    // Nothing of the first task is lost, Insights stays joined, and the caller's keys are added.
    const { flexChannelInviteSid: _, ...kept } = original!.attributes;
    expect(invited!.attributes).toMatchObject({ ...kept, transferReason: "billing" });
    expect(invited!.attributes.conversations).toEqual({
      ...(original!.attributes.conversations as object),
      conversation_attribute_1: "transfer",
    });
    expect(invited!.attributes.flexChannelInviteSid).toBe(outcome.invite.sid);
    expect(outcome.from).toMatchObject({ changed: true });
    expect((await contact.handle.fetch()).status).toBe("active");
  });

  it("warm, to a worker: the first agent stays until the new one joins, then completes", async () => {
    const contact = await seedContact(ctx.twilio);
    joinWhenInvited(contact);
    const outcome = await transfer(ctx.twilio, contact.interaction, {
      to: { workerSid: WORKER },
      mode: "warm",
      from: contact.agent.sid,
      fromLeavesWith: "complete",
      initialDelayMs: 10,
    });
    expect(outcome.joined).toMatchObject({ type: "agent" });
    expect(outcome.joined!.sid).not.toBe(contact.agent.sid);
    expect(ctx.emulator.tasks().map((t) => [t.status, t.workerSid])).toEqual([
      ["completed", contact.agent.routing_properties!.worker_sid],
      ["assigned", WORKER],
    ]);
    // The first agent left only after the second joined.
    const order = sentOperations().filter(
      (op) => op === "CreateInteractionChannelParticipant" || op === "UpdateInteractionChannelParticipant",
    );
    expect(order).toEqual(["CreateInteractionChannelParticipant", "UpdateInteractionChannelParticipant"]);
  });

  it("a second transfer hands over the second agent's task, with what the first transfer added", async () => {
    const contact = await seedContact(ctx.twilio);
    joinWhenInvited(contact);
    const first = await transfer(ctx.twilio, contact.interaction, {
      to: { workerSid: WORKER },
      mode: "warm",
      from: contact.agent.sid,
      attributes: { transferReason: "billing", billingAccount: "A-17" },
      initialDelayMs: 10,
    });
    const second = await transfer(ctx.twilio, contact.interaction, {
      to: { queueSid: QUEUE },
      mode: "cold",
      from: first.joined!.sid,
      attributes: { transferReason: "escalation", hops: 2 },
    });
    const [original, , third] = ctx.emulator.tasks();
    expect(third).toMatchObject({ inviteSid: second.invite.sid, queueSid: QUEUE });
    expect(third!.attributes).toMatchObject({
      customerName: original!.attributes.customerName,
      billingAccount: "A-17",
      transferReason: "escalation",
      hops: 2,
    });
    expect((third!.attributes.conversations as { conversation_id: string }).conversation_id).toBe(
      (original!.attributes.conversations as { conversation_id: string }).conversation_id,
    );
    expect(statuses()).toEqual(["wrapping", "wrapping", "pending"]);
  });

  it("warm without a joining agent: gives up at its timeout and leaves the first agent in place", async () => {
    const contact = await seedContact(ctx.twilio);
    const error = await transfer(ctx.twilio, contact.interaction, {
      to: { queueSid: QUEUE },
      mode: "warm",
      from: contact.agent.sid,
      timeoutMs: 150,
      initialDelayMs: 10,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FlowTimeoutError);
    expect(statuses()).toEqual(["assigned", "pending"]);
    expect(sentOperations()).not.toContain("UpdateInteractionChannelParticipant");
  });

  it("a refused invite (Twilio error) leaves the channel, the tasks and the first agent as they were", async () => {
    const contact = await seedContact(ctx.twilio);
    ctx.emulator.fail({ operation: "CreateInteractionChannelInvite", status: 503 });
    await expect(
      transfer(ctx.twilio, contact.interaction, { to: { queueSid: QUEUE }, mode: "cold", from: contact.agent.sid }),
    ).rejects.toBeInstanceOf(InternalServerError);
    expect(statuses()).toEqual(["assigned"]);
    expect((await contact.handle.fetch()).status).toBe("active");
    expect(sentOperations()).not.toContain("UpdateInteractionChannelParticipant");
  });

  it("an invite the spec refuses (negative priority) is a BadRequestError, and nothing changes", async () => {
    const contact = await seedContact(ctx.twilio);
    await expect(
      transfer(ctx.twilio, contact.interaction, {
        to: { queueSid: QUEUE },
        mode: "cold",
        from: contact.agent.sid,
        priority: -1,
      }),
    ).rejects.toBeInstanceOf(BadRequestError);
    expect(statuses()).toEqual(["assigned"]);
  });

  it("a cold transfer without `from` is refused before anything is sent", async () => {
    const contact = await seedContact(ctx.twilio);
    const before = ctx.emulator.requests().length;
    await expect(
      transfer(ctx.twilio, contact.interaction, { to: { queueSid: QUEUE }, mode: "cold" }),
    ).rejects.toBeInstanceOf(TwilioValidationError);
    expect(ctx.emulator.requests().length).toBe(before);
  });
});
