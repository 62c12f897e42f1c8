/** The demo store's catalog: a tea shop with believable weights (ounces, packed) and prices (cents). */
export type TProduct = {
  name: string;
  sku: string;
  priceCents: number;
  weightOz: number;
  hsCode: string;
  countryOfOrigin: string;
};

export const CATALOG: TProduct[] = [
  { name: "Earl Grey Loose Leaf, 4 oz tin", sku: "TEA-EG-04", priceCents: 1450, weightOz: 6, hsCode: "090240", countryOfOrigin: "IN" },
  { name: "Sencha Green Tea, 3 oz pouch", sku: "TEA-SN-03", priceCents: 1600, weightOz: 4, hsCode: "090210", countryOfOrigin: "JP" },
  { name: "Ceremonial Matcha, 30 g", sku: "TEA-MC-30", priceCents: 2800, weightOz: 3, hsCode: "090210", countryOfOrigin: "JP" },
  { name: "Rooibos Vanilla, 4 oz tin", sku: "TEA-RV-04", priceCents: 1350, weightOz: 6, hsCode: "121190", countryOfOrigin: "ZA" },
  { name: "Tea Sampler Box (12 teas)", sku: "BOX-SMP-12", priceCents: 3600, weightOz: 20, hsCode: "090240", countryOfOrigin: "US" },
  { name: "Stoneware Mug, 12 oz", sku: "MUG-STN-12", priceCents: 1800, weightOz: 16, hsCode: "691200", countryOfOrigin: "US" },
  { name: "Cast Iron Teapot, 24 oz", sku: "POT-CI-24", priceCents: 4500, weightOz: 52, hsCode: "732393", countryOfOrigin: "CN" },
  { name: "Glass Infuser Bottle", sku: "BTL-GLS-16", priceCents: 2900, weightOz: 18, hsCode: "701337", countryOfOrigin: "CN" },
  { name: "Bamboo Matcha Whisk Set", sku: "SET-WSK-01", priceCents: 2400, weightOz: 9, hsCode: "460219", countryOfOrigin: "CN" },
  { name: "Electric Gooseneck Kettle", sku: "KTL-GN-10", priceCents: 7900, weightOz: 68, hsCode: "851671", countryOfOrigin: "CN" },
  { name: "Linen Tea Towels (2-pack)", sku: "TWL-LIN-02", priceCents: 1600, weightOz: 7, hsCode: "630259", countryOfOrigin: "PT" },
  { name: "Wildflower Honey Sticks (50)", sku: "HNY-STK-50", priceCents: 1200, weightOz: 11, hsCode: "040900", countryOfOrigin: "US" },
  { name: "Bamboo Tea Tray", sku: "TRY-BMB-01", priceCents: 3900, weightOz: 38, hsCode: "442190", countryOfOrigin: "CN" },
  { name: "Paper Tea Filters (100)", sku: "FLT-PPR-100", priceCents: 650, weightOz: 3, hsCode: "482369", countryOfOrigin: "DE" },
];

/** Checkout choices a customer could make, with the SERA service each maps to. */
export const DOMESTIC_CHECKOUT = [
  { label: "USPS Ground Advantage", mailClass: "usps_ground_advantage", shippingCents: 595 },
  { label: "USPS Priority Mail", mailClass: "usps_priority_mail", shippingCents: 995 },
  { label: "USPS Priority Mail Express", mailClass: "usps_priority_mail_express", shippingCents: 3150 },
  { label: "Free shipping", mailClass: null, shippingCents: 0 },
] as const;

export const INTERNATIONAL_CHECKOUT = [
  { label: "USPS First-Class Mail International", mailClass: "usps_first_class_mail_international", shippingCents: 1895 },
  { label: "USPS Priority Mail International", mailClass: "usps_priority_mail_international", shippingCents: 4495 },
] as const;
