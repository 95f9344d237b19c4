/**
 * Runs once when a server starts: a bad environment or an unreachable
 * database stops it here (lib/startup.ts), with a message that says what to fix;
 * then this server's robot sender starts (lib/notifications/sender.ts).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkStartup } = await import("@/lib/startup");
    await checkStartup();
    const { startRobotSender } = await import("@/lib/notifications/sender");
    startRobotSender();
  }
}
