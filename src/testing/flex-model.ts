// The emulated Flex contact centre: interactions, their channel, the
// channel's participants, invites and transfers, and the channel lifecycle
// (setup → active or failed, closing, the 180-day expiry). Handlers in
// flex-*.ts read and change it; the rules are listed in docs/emulator.md.
import { stampOf, timeOf } from "./clock";
import type { EventHub } from "./events";
import { invalid, notFound } from "./exchange";
import type { Journal } from "./journal";
import type { ResolvedOptions } from "./options";
import { type SidFactory, derivedSid } from "./sids";
import { type ChannelContext, type TaskBoard, type TaskRecord, type TaskRouting, isAccepted, isOpen } from "./tasks";

export type ChannelStatus = "setup" | "active" | "failed" | "closed" | "inactive" | "pause" | "transfer";

/** A participant; its SID follows from its channel and place ({@link participantSidOf}), so it is not stored. */
export interface ParticipantRecord {
  readonly index: number;
  readonly type: string;
  status: "joined" | "wrapup" | "closed";
  /** An agent's task; null for other types. */
  readonly task: TaskRecord | null;
  /** A reservation SID the caller named in RoutingProperties. */
  readonly reservationSid: string | null;
}

export interface InviteRecord {
  readonly sid: string;
  readonly taskSid: string;
}

export interface TransferRecord {
  readonly sid: string;
  readonly type: string;
  status: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly executionSid: string;
  readonly created: number;
  updated: number;
}

/**
 * The customers and the agent to add once the channel is set up. It is
 * dropped then, so it holds nothing of the request beyond what setup needs.
 */
export interface ChannelSetup {
  /** When the setup finishes (creation plus the setup delay), a {@link stampOf} stamp. */
  readonly readyAt: number;
  /** How many customers `Channel.participants` listed. */
  readonly customers: number;
  /** Set for agent-initiated channels: the agent joins with the first task. */
  readonly agentTaskSid: string | null;
  readonly failure: { readonly code: number; readonly message: string } | null;
}

/**
 * A channel, and the interaction it belongs to (each interaction has exactly
 * one channel, so one record holds both: fewer objects per interaction). It
 * is also what its tasks know of the channel (their {@link ChannelContext}).
 */
export interface ChannelRecord extends ChannelContext {
  /** The interaction's current task: the one the last create (or adopt) with `Routing` made. */
  taskSid: string | null;
  readonly contextSid: string | null;
  webhookTtid: string | null;
  status: ChannelStatus;
  /** Why the setup failed; null otherwise. */
  error: ChannelSetup["failure"];
  /** When the expiry clock was last reset (a {@link stampOf} stamp). */
  touched: number;
  /** Until the channel is set up: what to do then, and when. */
  setup: ChannelSetup | null;
  /**
   * The participants, or how many joined at setup while none has been looked
   * at since: the customers, then (agent-initiated) the agent with the first
   * task. {@link FlexModel.participantsOf} makes the records when needed.
   */
  participants: ParticipantRecord[] | number;
  /** Made on first use: most channels never get one. */
  invites?: InviteRecord[];
  transfers?: TransferRecord[];
  /** The channel's tasks, oldest first; a lone SID for the one task most channels keep. */
  taskSids: string | string[];
}

/** The interaction part of a {@link ChannelRecord}: its `interactionSid`, `taskSid`, `contextSid` and `webhookTtid`. */
export type InteractionRecord = ChannelRecord;

const DAY_MS = 86_400_000;

/** A participant's SID: derived from its channel and its place there, the same every time. */
export function participantSidOf(channel: ChannelRecord, participant: ParticipantRecord): string {
  return participantSidAt(channel, participant.index);
}

const participantSidAt = (channel: ChannelRecord, index: number): string => derivedSid("UT", `${channel.sid}/${index}`);

/** The SIDs of the channel's tasks, oldest first. */
export const taskSidsOf = (channel: ChannelRecord): readonly string[] =>
  typeof channel.taskSids === "string" ? [channel.taskSids] : channel.taskSids;

/** Adds a task to the channel (the caller has `keep`-ed the channel, or made it in this request). */
export function addTaskSid(channel: ChannelRecord, sid: string): void {
  if (typeof channel.taskSids === "string") channel.taskSids = [channel.taskSids, sid];
  else channel.taskSids.push(sid);
}

export class FlexModel {
  /** The same records as {@link channels}, by interaction SID. */
  readonly interactions = new Map<string, InteractionRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  // Channels waiting for setup, in readyAt order (the setup delay is the same for all).
  #setupQueue: ChannelRecord[] = [];
  #setupHead = 0;

  constructor(
    readonly options: ResolvedOptions,
    readonly sids: SidFactory,
    readonly tasks: TaskBoard,
    readonly events: EventHub,
    /** Records every change a request makes, to undo it if the request fails. */
    readonly journal: Journal,
  ) {}

  /** A new interaction and its channel, which waits for its setup. */
  add(channel: ChannelRecord): void {
    this.journal.add(this.interactions, channel.interactionSid, channel);
    this.journal.add(this.channels, channel.sid, channel);
    this.journal.push(this.#setupQueue, channel);
  }

  /** Finishes the setup of every channel whose time has come. */
  settle(now: number): void {
    const queue = this.#setupQueue;
    // A channel set up early (by a write) has no setup left: it leaves the queue at once.
    const stamp = stampOf(now);
    while (this.#setupHead < queue.length && (queue[this.#setupHead]!.setup?.readyAt ?? stamp) <= stamp) {
      this.finishSetup(queue[this.#setupHead++]!, now);
    }
    if (this.#setupHead > 1024 && this.#setupHead * 2 > queue.length) {
      this.#setupQueue = queue.slice(this.#setupHead);
      this.#setupHead = 0;
    }
  }

  /** Setup → active (participants join, the agent's task is offered) or failed (tasks canceled). */
  finishSetup(channel: ChannelRecord, now: number): void {
    const setup = channel.setup;
    if (!setup || channel.status !== "setup") return;
    channel.setup = null;
    if (setup.failure) {
      channel.error = setup.failure;
      this.setStatus(channel, "failed");
      for (const task of this.tasksOf(channel)) this.tasks.move(task, "canceled", now, "channel setup failed");
      return;
    }
    this.setStatus(channel, "active");
    // The customers listed in Channel.participants; an inbound channel always has its customer.
    const customers = Math.max(setup.customers, channel.initiatedBy === "agent" ? 0 : 1);
    // The agent of an agent-initiated channel joins with its first task (setup.agentTaskSid), after the customers.
    const agentTask = setup.agentTaskSid ? this.tasks.get(setup.agentTaskSid) : undefined;
    // Counted, not made: the records are made when something looks at them (participantsOf), which a
    // listener of the events below may do at once.
    channel.participants = agentTask ? customers + 1 : customers;
    for (let i = 0; i < customers; i++) this.#joined(channel, i, "customer");
    for (const task of this.tasksOf(channel)) {
      if (task.workerSid === null || task.status !== "pending") continue;
      this.tasks.move(task, "reserved", now);
      if (task.sid === setup.agentTaskSid && this.options.agentTasks === "assigned")
        this.tasks.move(task, "assigned", now);
    }
    if (agentTask) this.#joined(channel, customers, "agent");
  }

  #joined(channel: ChannelRecord, index: number, type: string): void {
    // The participant's SID is derived only for someone listening.
    if (!this.events.listening) return;
    this.events.emit({
      type: "participant.added",
      channelSid: channel.sid,
      participantSid: participantSidAt(channel, index),
      participantType: type,
    });
  }

  /** The channel's participants, made now if only counted so far. */
  participantsOf(channel: ChannelRecord): ParticipantRecord[] {
    if (typeof channel.participants !== "number") return channel.participants;
    const count = channel.participants;
    const agent = channel.initiatedBy === "agent" && count > 0;
    const participants: ParticipantRecord[] = [];
    for (let index = 0; index < count; index++) {
      const isAgent = agent && index === count - 1;
      participants.push({
        index,
        type: isAgent ? "agent" : "customer",
        status: "joined",
        task: isAgent ? (this.tasks.get(taskSidsOf(channel)[0]!) ?? null) : null,
        reservationSid: null,
      });
    }
    return (channel.participants = participants);
  }

  addParticipant(
    channel: ChannelRecord,
    type: string,
    task: TaskRecord | undefined | null,
    reservationSid?: string,
  ): ParticipantRecord {
    const participants = this.participantsOf(channel);
    const participant: ParticipantRecord = {
      index: participants.length,
      type,
      status: "joined",
      task: task ?? null,
      reservationSid: reservationSid ?? null,
    };
    participants.push(participant);
    this.#joined(channel, participant.index, type);
    return participant;
  }

  setStatus(channel: ChannelRecord, to: ChannelStatus): void {
    const from = channel.status;
    channel.status = to;
    this.events.emit({
      type: "channel.status",
      interactionSid: channel.interactionSid,
      channelSid: channel.sid,
      from,
      to,
    });
  }

  #expired(channel: ChannelRecord, now: number): boolean {
    return now - timeOf(channel.touched) > this.options.channelExpiryDays * DAY_MS;
  }

  /** The interaction, or a 404. */
  interaction(sid: string, now: number): InteractionRecord {
    const interaction = this.interactions.get(sid);
    if (!interaction) throw notFound(`Interaction ${sid}`);
    if (this.options.expiredInteraction === "removed" && this.#expired(interaction, now))
      throw notFound(`Interaction ${sid}`);
    return interaction;
  }

  /** The interaction, or a 404, about to be changed. */
  writableInteraction(sid: string, now: number): InteractionRecord {
    const interaction = this.interaction(sid, now);
    this.journal.keep(interaction);
    return interaction;
  }

  /** The channel of that interaction, or a 404 (also once it has expired). */
  channel(interactionSid: string, channelSid: string, now: number): ChannelRecord {
    const channel = this.interaction(interactionSid, now);
    if (channel.sid !== channelSid || this.#expired(channel, now))
      throw notFound(`Channel ${channelSid} of interaction ${interactionSid}`);
    return channel;
  }

  /** A channel that may be changed: set up (early if need be), and neither failed nor closed or left. */
  writableChannel(
    interactionSid: string,
    channelSid: string,
    now: number,
    write: "channel" | "sub-resource",
  ): ChannelRecord {
    const channel = this.channel(interactionSid, channelSid, now);
    this.journal.keep(channel);
    this.finishSetup(channel, now);
    if (channel.status === "failed")
      throw invalid(`Channel ${channel.sid} failed to set up (${channel.error?.message}); it cannot be changed`);
    if (write === "sub-resource" && (channel.status === "closed" || channel.status === "inactive"))
      throw invalid(`Channel ${channel.sid} is ${channel.status}: a closed or left channel is read-only`);
    if (write === "channel" || this.options.expiryResetBy === "any-channel-write") channel.touched = stampOf(now);
    return channel;
  }

  tasksOf(channel: ChannelRecord): TaskRecord[] {
    return taskSidsOf(channel).map((sid) => this.tasks.get(sid)!);
  }

  /** Closes a task: accepted ones complete (or go to wrap-up); unaccepted ones as the options say. */
  closeTask(task: TaskRecord, to: "wrapping" | "completed", now: number, reason: string): void {
    if (!isOpen(task)) return;
    if (!isAccepted(task)) {
      if (this.options.unacceptedTasksOnClose === "canceled") return this.tasks.move(task, "canceled", now, reason);
      this.tasks.move(task, "assigned", now);
    }
    if (to === "completed" || task.status === "assigned") this.tasks.move(task, to, now, reason);
  }

  /** Routing for a task the caller did not describe: the channel's first task's workspace, workflow and queue. */
  defaultRouting(channel: ChannelRecord): TaskRouting {
    const first = this.tasks.get(taskSidsOf(channel)[0]!);
    if (!first) return { workspace_sid: this.standIn("WS") };
    return {
      workspace_sid: first.queueing.workspaceSid,
      workflow_sid: first.queueing.workflowSid,
      queue_sid: first.queueing.queueSid,
      task_channel_unique_name: first.queueing.taskChannelUniqueName,
    };
  }

  readonly #standIns = new Map<string, string>();
  /** The one workspace (WS) or Flex instance (GO) of this emulator, named on first use. */
  standIn(prefix: "WS" | "GO"): string {
    let sid = this.#standIns.get(prefix);
    if (!sid) this.journal.add(this.#standIns, prefix, (sid = this.sids.sid(prefix)));
    return sid;
  }

  clear(): void {
    this.interactions.clear();
    this.channels.clear();
    this.#setupQueue = [];
    this.#setupHead = 0;
    this.#standIns.clear();
  }
}
