import { NextResponse, type NextRequest } from "next/server";
import { bodyProblem, declaredSizeProblem, type TBodyProblem } from "@/lib/http/request-limits";

/**
 * A guard in front of the app for what its parsers would choke on: bodies over 1 MB and deeply
 * nested JSON get a 4xx with a message instead of a 500. Sessions and roles are checked by each
 * action and route itself, never here.
 */
export async function proxy(request: NextRequest) {
  if (request.method === "GET" || request.method === "HEAD" || request.method === "OPTIONS") return NextResponse.next();
  const problem = declaredSizeProblem(request.headers.get("content-length")) ?? bodyProblem(await request.clone().text(), request.headers.get("content-type"));
  return problem ? refuse(problem) : NextResponse.next();
}

function refuse({ status, message }: TBodyProblem) {
  return NextResponse.json({ error: message }, { status });
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
