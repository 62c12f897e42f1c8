import { z } from "zod";
import { urlShapeProblem } from "@/lib/net/public-address";
import { WEBHOOK_EVENTS } from "@/lib/integrations/schemas";

export const ZCreateWebhookEndpoint = z.object({
  url: z
    .string()
    .trim()
    .url("Enter the endpoint's full URL, e.g. https://shop.example.com/hooks/shipdesk.")
    .refine((value) => /^https?:\/\//i.test(value), "The URL must start with https:// (or http:// for a test receiver).")
    // Scheme and credentials here (also in the browser); private addresses are refused on the server, at save and at delivery.
    .superRefine((value, context) => {
      const problem = urlShapeProblem(value, { allowPrivateHosts: true, what: "The endpoint URL" });
      if (problem) context.addIssue({ code: "custom", message: problem });
    }),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, "Choose at least one event."),
});
export type TCreateWebhookEndpoint = z.infer<typeof ZCreateWebhookEndpoint>;

export const ZWebhookEndpointId = z.object({ id: z.uuid("Unknown endpoint.") });
export const ZWebhookDeliveryId = z.object({ id: z.uuid("Unknown delivery.") });
