import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { clientAddress } from "./client-address";
import { SESSION_ABSOLUTE_MS } from "./policy";
import { revokeSession } from "./session-record";
import { signInWithPassword } from "./sign-in";

const ZCredentials = z.object({
  email: z.email("Enter a valid e-mail address."),
  password: z.string().min(1, "Enter your password."),
});

let cachedOptions: NextAuthOptions | undefined;

export function getAuthOptions(): NextAuthOptions {
  if (cachedOptions) return cachedOptions;
  const env = getEnv();
  // next-auth v4 reads its own base URL from the environment.
  process.env.NEXTAUTH_URL ??= env.APP_URL;
  cachedOptions = {
    secret: env.AUTH_SECRET,
    session: { strategy: "jwt", maxAge: SESSION_ABSOLUTE_MS / 1000 },
    pages: { signIn: "/signin" },
    providers: [
      CredentialsProvider({
        name: "E-mail and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const parsed = ZCredentials.safeParse(credentials);
          if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? "Enter your e-mail and password.");
          try {
            const { sessionId, user } = await signInWithPassword({
              db: await getDb(),
              email: parsed.data.email,
              password: parsed.data.password,
              ip: clientAddress(request?.headers as Record<string, unknown> | undefined, env.TRUSTED_PROXY_HOPS),
            });
            return { id: user.id, email: user.email, name: user.name, sessionId };
          } catch (error) {
            // next-auth passes a thrown message to the sign-in form as its error.
            if (isAppError(error)) throw new Error(error.userMessage);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user && "sessionId" in user) token.sid = user.sessionId as string;
        return token;
      },
      session({ session, token }) {
        return { ...session, sid: token.sid as string | undefined };
      },
    },
    events: {
      async signOut({ token }) {
        if (typeof token?.sid === "string") await revokeSession(await getDb(), token.sid);
      },
    },
  };
  return cachedOptions;
}
