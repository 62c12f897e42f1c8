import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/options";

type TContext = { params: Promise<{ nextauth: string[] }> };

async function handler(request: Request, context: TContext) {
  // next-auth v4 reads the catch-all segments from a plain params object.
  const params = await context.params;
  return NextAuth(request as never, { params } as never, getAuthOptions());
}

export { handler as GET, handler as POST };
