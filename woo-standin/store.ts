/**
 * The WooCommerce stand-in's data: orders, products and the product settings, in memory, in the
 * shapes of WooCommerce's REST API v3 (woocommerce.github.io/woocommerce-rest-api-docs).
 */
export type TWooAddress = { first_name: string; last_name: string; company: string; address_1: string; address_2: string; city: string; state: string; postcode: string; country: string; email?: string; phone: string };
export type TWooLineItem = { id: number; name: string; product_id: number; variation_id: number; quantity: number; tax_class: string; subtotal: string; subtotal_tax: string; total: string; total_tax: string; sku: string; price: number };
export type TWooShippingLine = { id: number; method_title: string; method_id: string; instance_id: string; total: string; total_tax: string };
export type TWooOrder = {
  id: number;
  parent_id: number;
  number: string;
  order_key: string;
  status: string;
  currency: string;
  date_created: string;
  date_created_gmt: string;
  date_modified: string;
  date_modified_gmt: string;
  discount_total: string;
  shipping_total: string;
  total: string;
  total_tax: string;
  customer_id: number;
  customer_note: string;
  billing: TWooAddress;
  shipping: TWooAddress;
  payment_method: string;
  payment_method_title: string;
  line_items: TWooLineItem[];
  shipping_lines: TWooShippingLine[];
};
export type TWooNote = { id: number; author: string; date_created: string; date_created_gmt: string; note: string; customer_note: boolean };
export type TWooProduct = { id: number; name: string; sku: string; price: string; regular_price: string; weight: string; dimensions: { length: string; width: string; height: string } };

export const PRODUCTS: TWooProduct[] = [
  { id: 11, name: "Ceramic mug", sku: "WOO-MUG", price: "14.00", regular_price: "14.00", weight: "0.4", dimensions: { length: "12", width: "9", height: "10" } },
  { id: 12, name: "Linen tea towel", sku: "WOO-TOWEL", price: "9.50", regular_price: "9.50", weight: "0.1", dimensions: { length: "20", width: "15", height: "2" } },
  { id: 13, name: "Cast iron pan", sku: "WOO-PAN", price: "45.00", regular_price: "45.00", weight: "2.3", dimensions: { length: "40", width: "27", height: "6" } },
];

/** WooCommerce → Settings → Products: this store weighs in kg and measures in cm. */
export const PRODUCT_SETTINGS = [
  { id: "woocommerce_weight_unit", label: "Weight unit", description: "This controls what unit you will define weights in.", type: "select", default: "kg", options: { kg: "kg", g: "g", lbs: "lbs", oz: "oz" }, tip: "", value: "kg", group_id: "products" },
  { id: "woocommerce_dimension_unit", label: "Dimensions unit", description: "This controls what unit you will define lengths in.", type: "select", default: "cm", options: { m: "m", cm: "cm", mm: "mm", in: "in", yd: "yd" }, tip: "", value: "cm", group_id: "products" },
];

const FIRST = ["Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Margaret", "Linus"];
const LAST = ["Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson", "Hamilton", "Torvalds"];
const CITIES = [
  ["Austin", "TX", "73301"],
  ["Portland", "OR", "97201"],
  ["Madison", "WI", "53703"],
  ["Raleigh", "NC", "27601"],
] as const;
const SHIPPING = [
  { method_title: "USPS Priority Mail", method_id: "flat_rate", total: "8.95" },
  { method_title: "USPS Ground Advantage", method_id: "flat_rate", total: "5.99" },
  { method_title: "Free shipping", method_id: "free_shipping", total: "0.00" },
];

export class WooStore {
  orders = new Map<number, TWooOrder>();
  /** This store's own copies: the control API may change a product's size or the store's units. */
  products: TWooProduct[] = structuredClone(PRODUCTS);
  productSettings = structuredClone(PRODUCT_SETTINGS);
  notes = new Map<number, TWooNote[]>();
  private nextOrderId = 5001;
  private nextLineId = 1;
  private nextNoteId = 1;
  /** Every change moves date_modified forward by at least a second, as a real store's clock would. */
  private clock = Date.parse("2026-11-01T00:00:00Z");

  private tick(): string {
    this.clock = Math.max(this.clock + 1000, Math.floor(Date.now() / 1000) * 1000);
    return new Date(this.clock).toISOString().slice(0, 19);
  }

  createOrder(seed: number, overrides: Partial<TWooOrder> = {}): TWooOrder {
    const id = this.nextOrderId++;
    const at = this.tick();
    const first = FIRST[seed % FIRST.length]!;
    const last = LAST[Math.floor(seed / FIRST.length) % LAST.length]!;
    const [city, state, postcode] = CITIES[seed % CITIES.length]!;
    const address = { first_name: first, last_name: last, company: "", address_1: `${100 + (seed % 900)} Oak St`, address_2: "", city, state, postcode, country: "US", phone: "555-0100" };
    const catalog = this.products;
    const products = [catalog[seed % catalog.length]!, ...(seed % 3 === 0 ? [catalog[(seed + 1) % catalog.length]!] : [])];
    const line_items = products.map((product, index) => {
      const quantity = 1 + ((seed + index) % 2);
      const total = (Number(product.price) * quantity).toFixed(2);
      return { id: this.nextLineId++, name: product.name, product_id: product.id, variation_id: 0, quantity, tax_class: "", subtotal: total, subtotal_tax: "0.00", total, total_tax: "0.00", sku: product.sku, price: Number(product.price) };
    });
    const shipping = SHIPPING[seed % SHIPPING.length]!;
    const itemsTotal = line_items.reduce((sum, item) => sum + Number(item.total), 0);
    const order: TWooOrder = {
      id,
      parent_id: 0,
      number: String(id),
      order_key: `wc_order_${id}`,
      status: "processing",
      currency: "USD",
      date_created: at,
      date_created_gmt: at,
      date_modified: at,
      date_modified_gmt: at,
      discount_total: "0.00",
      shipping_total: shipping.total,
      total: (itemsTotal + Number(shipping.total)).toFixed(2),
      total_tax: "0.00",
      customer_id: 0,
      customer_note: "",
      billing: { ...address, email: `${first}.${last}.${seed}@example.com`.toLowerCase() },
      shipping: address,
      payment_method: "bacs",
      payment_method_title: "Direct bank transfer",
      line_items,
      shipping_lines: [{ id: this.nextLineId++, ...shipping, instance_id: "1", total_tax: "0.00" }],
      ...overrides,
    };
    this.orders.set(id, order);
    return order;
  }

  updateOrder(id: number, changes: Partial<TWooOrder>): TWooOrder | null {
    const order = this.orders.get(id);
    if (!order) return null;
    const at = this.tick();
    Object.assign(order, changes, { date_modified: at, date_modified_gmt: at });
    return order;
  }

  addNote(orderId: number, note: string, customerNote: boolean): TWooNote {
    const at = this.tick();
    const created = { id: this.nextNoteId++, author: "ShipDesk", date_created: at, date_created_gmt: at, note, customer_note: customerNote };
    this.notes.set(orderId, [created, ...(this.notes.get(orderId) ?? [])]);
    return created;
  }
}
