// What every contender offers the measured process: `load` imports the
// library and builds a client (the cold-import measure times exactly this),
// and the client fetches the Interaction, creates one, and walks the whole
// channel list. Each call checks what it got, so that no contender can be
// fast by being wrong.
import { INTERACTION_SID } from "../fixtures.mts";

export interface BenchClient {
  /** GET the Interaction and check its SID. */
  get(): Promise<void>;
  /** POST a create with the Channel and Routing JSON-in-form fields and check the answer. */
  post(): Promise<void>;
  /** Visits every record of every page, following `meta.next_page_url`; returns how many it saw. */
  paginate(): Promise<number>;
}

/** Imports the library and builds a client for the server at `origin`. */
export type Load = (origin: string) => Promise<BenchClient>;

/** Throws unless `body` is the Interaction: every contender checks its answers the same way. */
export function expectInteraction(body: unknown, who: string): void {
  const sid = (body as { sid?: unknown } | undefined)?.sid;
  if (sid !== INTERACTION_SID) throw new Error(`${who} did not get the Interaction: ${JSON.stringify(body)}`);
}

/** A page of the bench's channel list, as the contenders without an SDK read it. */
export interface ChannelPage {
  channels: { sid: string }[];
  meta: { next_page_url: string | null };
}
