import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/create-client";
import { deliverPendingEmails } from "@/lib/mail/deliver-pending-emails";
import { createTestDatabase } from "../helpers/test-db";

type TReceived = { from: string; to: string[]; data: string };

describe("customer e-mail through SMTP", () => {
  let database: TDatabase;
  let server: SMTPServer;
  let smtpUrl: string;
  const received: TReceived[] = [];
  let rejectNext = false;

  beforeAll(async () => {
    database = await createTestDatabase();
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, callback) {
        let data = "";
        stream.on("data", (chunk: Buffer) => (data += chunk.toString()));
        stream.on("end", () => {
          if (rejectNext) {
            rejectNext = false;
            return callback(new Error("451 try again later"));
          }
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), data });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await database?.close();
  });

  it("sends queued e-mails once, keeps a refused one queued, and leaves outbox-only e-mails alone", async () => {
    const { db } = database;
    await db.outboxEmail.createMany({
      data: [
        { to: "ada@example.com", subject: "Your order #10042 has shipped", text: "Tracking number: 9400111899560772485635", transport: "smtp" },
        { to: "bo@example.com", subject: "Your order #10043 has shipped", text: "Tracking number: 9400111899560772485642", transport: "smtp" },
        { to: "cy@example.com", subject: "Kept in the outbox", text: "Not sent", transport: "outbox" },
      ],
    });
    rejectNext = true;
    const first = await deliverPendingEmails({ db, smtpUrl, from: "ShipDesk <shipping@example.com>" });
    expect(first).toEqual({ sent: 1, failed: 1 });
    const second = await deliverPendingEmails({ db, smtpUrl, from: "ShipDesk <shipping@example.com>" });
    expect(second).toEqual({ sent: 1, failed: 0 });
    expect(await deliverPendingEmails({ db, smtpUrl, from: "ShipDesk <shipping@example.com>" })).toEqual({ sent: 0, failed: 0 });

    expect(received.map((mail) => mail.to).sort()).toEqual([["ada@example.com"], ["bo@example.com"]]);
    expect(received.find((mail) => mail.to[0] === "ada@example.com")?.data).toContain("9400111899560772485635");
    expect(await db.outboxEmail.count({ where: { sentAt: null } })).toBe(1);
    expect(await db.outboxEmail.findFirst({ where: { transport: "outbox" }, select: { sentAt: true } })).toEqual({ sentAt: null });
  });
});
