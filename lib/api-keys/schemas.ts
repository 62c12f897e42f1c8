import { z } from "zod";

export const API_KEY_SCOPES = ["read", "read_write"] as const;
export type TApiKeyScope = (typeof API_KEY_SCOPES)[number];
export const API_KEY_SCOPE_LABELS: Record<TApiKeyScope, string> = { read: "Read", read_write: "Read and write" };

export const ZCreateApiKey = z.object({
  name: z.string().trim().min(1, "Name the key (for example the system that will use it).").max(80, "Keep the name under 80 characters."),
  scope: z.enum(API_KEY_SCOPES, { error: "Choose read or read-write." }),
});
export type TCreateApiKey = z.infer<typeof ZCreateApiKey>;

export const ZRevokeApiKey = z.object({ id: z.uuid("Unknown key.") });
