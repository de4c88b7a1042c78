// The TaskRouter side of the emulated Flex: the tasks interactions and
// invites create, their assignment status and routing, and their public view
// (task-json.ts writes them as Interactions API responses carry them).
import { stampOf, timeOf } from "./clock";
import type { EventHub } from "./events";
import { invalid } from "./exchange";
import { intern } from "./intern";
import type { Journal } from "./journal";
import { type Sid, type SidFactory, derivedSid } from "./sids";
import { attributesOf } from "./task-json";

/** TaskRouter's assignment statuses. */
export type TaskStatus = "pending" | "reserved" | "assigned" | "wrapping" | "completed" | "canceled";

/**
 * A task as `emulator.tasks()` shows it.
 *
 * @example
 * ```ts
 * const [task] = emulator.tasks();
 * expect(task).toMatchObject({ status: "wrapping", attributes: { customerName: "Ada" } });
 * ```
 */
export interface EmulatedTask {
  readonly sid: Sid<"WT">;
  readonly status: TaskStatus;
  /** The task attributes, decoded (Twilio sends them as a JSON string). */
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly interactionSid: Sid<"KD">;
  readonly channelSid: Sid<"UO">;
  /** The invite that created the task, or `null` for the interaction's own task. */
  readonly inviteSid: Sid<"KG"> | null;
  readonly workspaceSid: Sid<"WS">;
  readonly workflowSid: Sid<"WW">;
  readonly queueSid: Sid<"WQ">;
  /** The worker the task is reserved for or assigned to, if any. */
  readonly workerSid: Sid<"WK"> | null;
  readonly reservationSid: Sid<"WR"> | null;
  /** Why the task last changed, such as "channel closed". */
  readonly reason: string | null;
  readonly dateCreated: string;
  readonly dateUpdated: string;
}

/** The `Routing.properties` a task is made from. */
export interface TaskRouting {
  workspace_sid: string;
  workflow_sid?: string;
  queue_sid?: string;
  worker_sid?: string;
  task_channel_sid?: string;
  task_channel_unique_name?: string;
  attributes?: Record<string, unknown>;
  priority?: number;
  timeout?: number;
}

/** What every task of one channel shares; the keys Twilio adds to task attributes come from it. */
export interface ChannelContext {
  readonly interactionSid: string;
  readonly sid: string;
  readonly type: string;
  readonly initiatedBy: string;
  /** The Conversation named in `Channel.properties.media_channel_sid`, or null for the one Twilio creates (conversationOf in task-json.ts). */
  readonly conversationSid: string | null;
  /** The address the customer sees (Conversation projected address), if known. */
  readonly externalContact: string | null;
}

/** Where a task is queued and how: shared by every task routed the same way, so it is held once. */
export interface TaskQueueing {
  readonly workspaceSid: string;
  readonly workflowSid: string;
  readonly queueSid: string;
  readonly taskChannelSid: string;
  readonly taskChannelUniqueName: string;
  readonly priority: number;
  readonly timeout: number;
}

export interface TaskRecord {
  sid: string;
  status: TaskStatus;
  /** The attributes the caller sent; the keys Twilio adds are derived by {@link attributesOf}. */
  attributes: Record<string, unknown>;
  channel: ChannelContext;
  /** The invite request that created the task, or null for an interaction's own task. */
  inviteSid: string | null;
  queueing: TaskQueueing;
  workerSid: string | null;
  /** A reservation SID the caller named; otherwise {@link reservationOf} derives one once the task was offered. */
  reservationSid: string | null;
  /** Whether TaskRouter has offered the task to a worker (reserved it) at some point. */
  offered: boolean;
  assignmentCounter: number;
  reason: string | null;
  /** {@link stampOf} stamps. */
  created: number;
  updated: number;
}

// TaskRouter's allowed moves; anything else is refused.
const MOVES: Record<TaskStatus, readonly TaskStatus[]> = {
  pending: ["reserved", "assigned", "canceled"],
  reserved: ["pending", "assigned", "canceled"],
  assigned: ["wrapping", "completed"],
  wrapping: ["completed"],
  completed: [],
  canceled: [],
};

const QUEUEING_LIMIT = 10_000;

/** Whether a task is still open (not completed or canceled). */
export const isOpen = (task: TaskRecord) => task.status !== "completed" && task.status !== "canceled";
/** Whether an agent has accepted the task. */
export const isAccepted = (task: TaskRecord) => task.status === "assigned" || task.status === "wrapping";

export class TaskBoard {
  readonly #tasks = new Map<string, TaskRecord>();

  constructor(
    private readonly sids: SidFactory,
    private readonly events: EventHub,
    private readonly journal: Journal,
  ) {}

  create(routing: TaskRouting, channel: ChannelContext, inviteSid: string | null, now: number): TaskRecord {
    const task: TaskRecord = {
      sid: this.sids.sid("WT"),
      status: "pending",
      attributes: routing.attributes ?? {},
      channel,
      inviteSid,
      queueing: this.#queueing(routing),
      workerSid: intern(routing.worker_sid) ?? null,
      reservationSid: null,
      offered: false,
      assignmentCounter: 0,
      reason: null,
      created: stampOf(now),
      updated: stampOf(now),
    };
    this.journal.add(this.#tasks, task.sid, task);
    this.events.emit({
      type: "task.status",
      taskSid: task.sid,
      channelSid: channel.sid,
      from: null,
      to: "pending",
    });
    return task;
  }

  get(sid: string): TaskRecord | undefined {
    return this.#tasks.get(sid);
  }

  all(): IterableIterator<TaskRecord> {
    return this.#tasks.values();
  }

  /** Moves a task as TaskRouter allows, or throws a 400 naming the refused move. */
  move(task: TaskRecord, to: TaskStatus, now: number, reason: string | null = null): void {
    if (task.status === to) return;
    if (!MOVES[task.status].includes(to))
      throw invalid(`Task ${task.sid} is ${task.status}; TaskRouter cannot move it to ${to}`);
    const from = task.status;
    this.journal.keep(task);
    if ((to === "reserved" || to === "assigned") && task.workerSid === null) task.workerSid = this.sids.sid("WK");
    if (to === "reserved" || to === "assigned") task.offered = true;
    if (to === "assigned") task.assignmentCounter += 1;
    task.status = to;
    task.updated = stampOf(now);
    if (reason !== null) task.reason = reason;
    this.events.emit({ type: "task.status", taskSid: task.sid, channelSid: task.channel.sid, from, to });
  }

  clear(): void {
    this.#tasks.clear();
    this.#standIns.clear();
    this.#queueings.clear();
  }

  // Bounded like intern(): a test routing every task differently does not grow it without end.
  readonly #queueings = new Map<string, TaskQueueing>();
  #queueing(routing: TaskRouting): TaskQueueing {
    const unique = routing.task_channel_unique_name ?? "default";
    const queueing: TaskQueueing = {
      workspaceSid: intern(routing.workspace_sid),
      // Twilio fills in the workspace's only workflow and its queue; the emulator names stable stand-ins.
      workflowSid: intern(routing.workflow_sid) ?? this.#standIn("WW", routing.workspace_sid),
      queueSid: intern(routing.queue_sid) ?? this.#standIn("WQ", routing.workspace_sid),
      taskChannelSid: intern(routing.task_channel_sid) ?? this.#standIn("TC", `${routing.workspace_sid}/${unique}`),
      taskChannelUniqueName: intern(unique),
      priority: routing.priority ?? 0,
      timeout: routing.timeout ?? 86_400,
    };
    const key = queueingKey(queueing);
    const known = this.#queueings.get(key);
    if (known) return known;
    if (this.#queueings.size < QUEUEING_LIMIT) this.#queueings.set(key, queueing);
    return queueing;
  }

  readonly #standIns = new Map<string, string>();
  #standIn(prefix: string, key: string): string {
    const id = `${prefix}:${key}`;
    let sid = this.#standIns.get(id);
    if (!sid) this.journal.add(this.#standIns, id, (sid = this.sids.sid(prefix)));
    return sid;
  }
}

// One key per distinct queueing: each text field led by its length, so no two queueings share one, and
// priority and timeout as numbers; JSON (led by "[") when they are anything else, so "1" and 1 stay apart.
function queueingKey(q: TaskQueueing): string {
  if (typeof q.priority !== "number" || typeof q.timeout !== "number") return JSON.stringify(Object.values(q));
  return (
    `${q.workspaceSid.length}:${q.workspaceSid}${q.workflowSid.length}:${q.workflowSid}${q.queueSid.length}:` +
    `${q.queueSid}${q.taskChannelSid.length}:${q.taskChannelSid}${q.taskChannelUniqueName.length}:` +
    `${q.taskChannelUniqueName}${q.priority}:${q.timeout}`
  );
}

/** The public view of a task. */
export function snapshot(task: TaskRecord): EmulatedTask {
  // Records hold plain strings; each was made with (or checked against the spec for) its prefix.
  return {
    sid: task.sid as Sid<"WT">,
    status: task.status,
    attributes: attributesOf(task),
    interactionSid: task.channel.interactionSid as Sid<"KD">,
    channelSid: task.channel.sid as Sid<"UO">,
    inviteSid: task.inviteSid as Sid<"KG"> | null,
    workspaceSid: task.queueing.workspaceSid as Sid<"WS">,
    workflowSid: task.queueing.workflowSid as Sid<"WW">,
    queueSid: task.queueing.queueSid as Sid<"WQ">,
    workerSid: task.workerSid as Sid<"WK"> | null,
    reservationSid: reservationOf(task) as Sid<"WR"> | null,
    reason: task.reason,
    dateCreated: new Date(timeOf(task.created)).toISOString(),
    dateUpdated: new Date(timeOf(task.updated)).toISOString(),
  };
}

/** The task's reservation: the one the caller named, or the one TaskRouter made when it offered the task. */
export function reservationOf(task: TaskRecord): string | null {
  return task.reservationSid ?? (task.offered ? derivedSid("WR", task.sid) : null);
}
