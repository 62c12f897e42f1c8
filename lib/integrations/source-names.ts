/** An order from a connected WooCommerce store has source "woocommerce:<connection id>". */
const WOO_PREFIX = "woocommerce:";

export function sourceOfConnection(connectionId: string): string {
  return `${WOO_PREFIX}${connectionId}`;
}

export function connectionIdOfSource(source: string): string | null {
  return source.startsWith(WOO_PREFIX) ? source.slice(WOO_PREFIX.length) : null;
}
