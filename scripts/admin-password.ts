/** `npm run admin:password [e-mail]`: sets a new random password for an admin and prints it once. */
import { randomBytes } from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { openDatabase } from "@/lib/db/create-client";
import { EmbeddedDatabaseLockedError } from "@/lib/db/embedded-lock";
import { getEnv } from "@/lib/env";

async function main() {
  const email = (process.argv[2] ?? getEnv().ADMIN_EMAIL ?? "admin@shipdesk.local").toLowerCase();
  const password = randomBytes(12).toString("base64url");
  const { db, close } = await openDatabase().catch((error: unknown) => {
    if (!(error instanceof EmbeddedDatabaseLockedError)) throw error;
    // The running app keeps its own copy of the embedded database: a change made here would go unseen.
    throw new Error(
      `ShipDesk is running (pid ${error.holder.pid}, ${error.holder.command}) and has the embedded database open, so the password cannot be changed from here. ` +
        "Stop ShipDesk (Ctrl-C in the terminal of npm run demo or npm start), run npm run admin:password again, then start ShipDesk.",
    );
  });
  try {
    const updated = await db.user.updateMany({ where: { email }, data: { passwordHash: await hashPassword(password) } });
    if (updated.count === 0) throw new Error(`No user with e-mail ${email}. Run npm run demo first, or pass the e-mail.`);
    await db.authSession.updateMany({ where: { user: { email }, revokedAt: null }, data: { revokedAt: new Date() } });
    console.log(`New password for ${email}: ${password}`);
  } finally {
    await close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
