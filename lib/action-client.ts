import "server-only";
import { z } from "zod";
import { requireUser, type TSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import type { TPrismaClient } from "@/lib/db/create-client";
import { getSeraClient, type TSeraClient } from "@/lib/sera/client";
import { isAppError } from "@/lib/errors";
import { withStoreSettingsScope } from "@/lib/settings/read-store-settings";

/**
 * Every server action runs through here: the session is checked by the action itself (never
 * only by the proxy), the role for changes, and the input against the same zod schema the form
 * uses. Errors come back as data the form can place on its fields; nothing half-done is left
 * because domain functions change state in one transaction.
 */
export type TActionResult<TData> =
  | { ok: true; data: TData }
  | { ok: false; error: string; code?: string; fieldErrors?: Record<string, string> };

type TActionOptions<TSchema extends z.ZodType> = {
  schema: TSchema;
  access: "read" | "change";
};

/** What every action gets: the signed-in user, the database, and a SERA client made on first use. */
export type TActionContext = { user: TSessionUser; db: TPrismaClient; readonly sera: TSeraClient };

export function defineAction<TSchema extends z.ZodType, TData>(
  options: TActionOptions<TSchema>,
  handler: (input: z.output<TSchema>, context: TActionContext) => Promise<TData>,
) {
  return (input: z.input<TSchema>): Promise<TActionResult<TData>> => withStoreSettingsScope(() => runAction(options, handler, input));
}

async function runAction<TSchema extends z.ZodType, TData>(
  options: TActionOptions<TSchema>,
  handler: (input: z.output<TSchema>, context: TActionContext) => Promise<TData>,
  input: z.input<TSchema>,
): Promise<TActionResult<TData>> {
  try {
    const user = await requireUser(options.access);
    const parsed = options.schema.safeParse(input);
    if (!parsed.success) return validationFailure(parsed.error);
    return { ok: true, data: await handler(parsed.data, await actionContext(user)) };
  } catch (error) {
    if (isAppError(error)) return { ok: false, error: error.userMessage, code: error.code, fieldErrors: error.fieldErrors };
    console.error("[action] unexpected error", error);
    return { ok: false, error: "Something went wrong on our side. Nothing was changed; try again." };
  }
}

export function validationFailure(error: z.ZodError): { ok: false; error: string; fieldErrors: Record<string, string> } {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_form";
    fieldErrors[key] ??= issue.message;
  }
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join(".")}: ` : "";
  return { ok: false, error: `Check the form. ${where}${first?.message ?? "Invalid input."}`, fieldErrors };
}

async function actionContext(user: TSessionUser): Promise<TActionContext> {
  const db = await getDb();
  let sera: TSeraClient | null = null;
  return {
    user,
    db,
    get sera() {
      sera ??= getSeraClient({ db });
      return sera;
    },
  };
}
