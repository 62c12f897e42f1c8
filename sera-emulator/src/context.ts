import { Clock } from "./clock";
import type { EmulatorConfig, OAuthClient } from "./config";
import { FaultBook } from "./faults";
import { VariantBook } from "./variants/variant-book";
import type { Store } from "./store/store";

/** What every route module needs: configuration, state, the emulator clock and the public base URL. */
export class EmulatorContext {
  readonly clock: Clock;
  readonly faults = new FaultBook();
  readonly variants: VariantBook;
  baseUrl = "http://127.0.0.1:0";

  constructor(
    readonly config: EmulatorConfig,
    readonly store: Store,
  ) {
    this.clock = new Clock(store);
    this.variants = new VariantBook(config.variants);
  }

  get state() {
    return this.store.state;
  }

  clients(): OAuthClient[] {
    return this.config.clients.map((client) => ({
      ...client,
      redirect_uris: [...client.redirect_uris, ...(this.store.state.extraRedirectUris[client.client_id] ?? [])],
    }));
  }

  findClient(clientId: string | undefined): OAuthClient | undefined {
    return this.clients().find((c) => c.client_id === clientId);
  }
}
