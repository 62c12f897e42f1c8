import { z } from "zod";
import { urlShapeProblem } from "@/lib/net/public-address";

export const ZConnectStore = z.object({
  name: z.string().trim().min(1, "Name the store.").max(80),
  baseUrl: z
    .string()
    .trim()
    .url("Enter the store's address, e.g. https://shop.example.com.")
    .refine((value) => /^https?:\/\//i.test(value), "The address must start with https:// (or http:// for a store that accepts OAuth 1.0a signatures).")
    // Scheme and credentials here (also in the browser); private addresses are refused on the server, at save and at every request.
    .superRefine((value, context) => {
      const problem = urlShapeProblem(value, { allowPrivateHosts: true, what: "The store URL" });
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
  consumerKey: z.string().trim().regex(/^ck_\w+$/, "A WooCommerce consumer key starts with ck_."),
  consumerSecret: z.string().trim().regex(/^cs_\w+$/, "A WooCommerce consumer secret starts with cs_."),
});
export type TConnectStore = z.infer<typeof ZConnectStore>;

export const ZStoreConnectionId = z.object({ id: z.uuid("Unknown store.") });
