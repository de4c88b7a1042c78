// One timer for many deadlines: armed for the earliest, and on firing it lets
// its owner handle every deadline that has passed and re-arms for the next.
// Arming and clearing a Node timer per request or per pooled socket costs more
// than all the rest of the bookkeeping together.

/**
 * Returns `schedule(deadline)`, which makes sure the timer fires by
 * `deadline` (milliseconds since the epoch). When it fires, `sweep(now)`
 * handles what is due and returns the next deadline (`Infinity` for none).
 * The timer is unref'd: what waits on it (a request in flight, a pooled
 * socket) keeps the process alive or not by itself.
 */
export function deadlineTimer(sweep: (now: number) => number): (deadline: number) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let armedFor = Infinity;
  const arm = (at: number, now: number) => {
    clearTimeout(timer);
    armedFor = at;
    timer = setTimeout(fire, Math.max(0, at - now));
    (timer as { unref?: () => void }).unref?.();
  };
  function fire() {
    timer = undefined;
    armedFor = Infinity;
    const now = Date.now();
    const next = sweep(now);
    if (next < Infinity) arm(next, now);
  }
  return (deadline) => {
    if (deadline < armedFor) arm(deadline, Date.now());
  };
}
