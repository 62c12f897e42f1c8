import { z } from "zod";

export const ZConnectStore = z.object({
  name: z.string().trim().min(1, "Name the store.").max(80),
  baseUrl: z
    .string()
    .trim()
    .url("Enter the store's address, e.g. https://shop.example.com.")
    .refine((value) => /^https?:\/\//i.test(value), "The address must start with https:// (or http:// for a store that accepts OAuth 1.0a signatures)."),
  consumerKey: z.string().trim().regex(/^ck_\w+$/, "A WooCommerce consumer key starts with ck_."),
  consumerSecret: z.string().trim().regex(/^cs_\w+$/, "A WooCommerce consumer secret starts with cs_."),
});
export type TConnectStore = z.infer<typeof ZConnectStore>;

export const ZStoreConnectionId = z.object({ id: z.uuid("Unknown store.") });
