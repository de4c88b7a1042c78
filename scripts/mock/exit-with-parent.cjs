// Preloaded into each Prism process (node --require): when the process that
// started Prism dies, even by SIGKILL, its IPC channel closes and Prism exits
// instead of living on as an orphan holding a port.
process.on("disconnect", () => process.exit(0));
// The channel exists only to notice the parent's death; it must not keep Prism alive by itself.
process.channel?.unref();
