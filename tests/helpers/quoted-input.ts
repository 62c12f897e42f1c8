import type { TAppSession } from "./app-session";
import type { TBuyLabelInput } from "@/lib/shipments/schemas";

type TQuote = { quoteId: string; serviceType: string; packagingType: string; totalCents: number };

/**
 * What the wizard does before Buy: Calculate (calculateRatesAction) and name the quote of the
 * chosen service. Returns the buy input with its quoteId, or throws with the app's answer.
 */
export async function withQuote(session: TAppSession, input: TBuyLabelInput, { attempts = 5, beforeEach }: { attempts?: number; beforeEach?: () => Promise<void> } = {}) {
  let lastError = "no attempt";
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    await beforeEach?.();
    try {
      const answer = await session.callAction<TQuote[]>("calculateRatesAction", input, { timeoutMs: 60_000 });
      if (!answer.ok) {
        lastError = answer.error;
        continue;
      }
      const quote = answer.data.find((rate) => rate.serviceType === input.mailClass && rate.packagingType === input.packagingType) ?? answer.data.find((rate) => rate.serviceType === input.mailClass);
      if (!quote) throw new Error(`SERA quoted no ${input.mailClass} rate for this package`);
      return { ...input, quoteId: quote.quoteId };
    } catch (error) {
      if (error instanceof Error && error.message.startsWith("SERA quoted")) throw error;
      lastError = String(error);
    }
  }
  throw new Error(`could not calculate the postage price: ${lastError}`);
}
