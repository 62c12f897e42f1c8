import { z } from "zod";
import { ZShipAddress } from "@/lib/shipments/schemas";

export const ZValidateAddress = z.object({ address: ZShipAddress });
export const ZParseAddress = z.object({
  text: z.string().trim().min(5, "Paste a whole address, e.g. “Jo Li, 12 Main St, Springfield IL 62701”.").max(500, "Paste at most 500 characters."),
});
