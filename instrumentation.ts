/**
 * Next.js calls register() once when a server starts. Periodic jobs start here, only in the
 * Node.js runtime and never while `next build` collects pages: the build must not open the
 * embedded database (the running app may hold it) nor connect to PostgreSQL.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  try {
    const { startScheduledJobs } = await import("./lib/jobs/start-scheduled-jobs");
    await startScheduledJobs();
  } catch (error) {
    // The shop keeps working without its clean-up job; the admin can still use "Clear now".
    console.error("[jobs] periodic jobs did not start", error);
  }
}
