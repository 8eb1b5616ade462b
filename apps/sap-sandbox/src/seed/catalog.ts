import { Prng } from "./prng";

/**
 * The deterministic master data behind the sandbox: products (with price, stock per plant,
 * dimensions) and customers. A product is derived from (seed, index) alone, so product N
 * can be produced without producing the others — 100k products cost nothing until read.
 */

interface Category {
  group: string;
  nouns: readonly string[];
  priceRange: readonly [number, number];
  weightKg: readonly [number, number];
  dimsCm: readonly [number, number];
}

const CATEGORIES: readonly Category[] = [
  {
    group: "L001",
    nouns: ["Notebook", "Ultrabook", "Laptop"],
    priceRange: [599, 2499],
    weightKg: [1.1, 2.8],
    dimsCm: [30, 40],
  },
  {
    group: "L002",
    nouns: ["Monitor", "Display", "Curved Monitor"],
    priceRange: [149, 1199],
    weightKg: [3, 9],
    dimsCm: [50, 90],
  },
  {
    group: "L003",
    nouns: ["Keyboard", "Mech Keyboard"],
    priceRange: [29, 199],
    weightKg: [0.5, 1.4],
    dimsCm: [30, 46],
  },
  {
    group: "L004",
    nouns: ["Mouse", "Trackball", "Trackpad"],
    priceRange: [12, 129],
    weightKg: [0.08, 0.3],
    dimsCm: [8, 15],
  },
  {
    group: "L005",
    nouns: ["Headset", "Earbuds", "Headphones"],
    priceRange: [19, 399],
    weightKg: [0.05, 0.45],
    dimsCm: [8, 25],
  },
  {
    group: "L006",
    nouns: ["USB-C Cable", "HDMI Cable", "Docking Station"],
    priceRange: [7, 249],
    weightKg: [0.05, 0.9],
    dimsCm: [10, 30],
  },
  {
    group: "F001",
    nouns: ["Office Chair", "Stool", "Gaming Chair"],
    priceRange: [89, 899],
    weightKg: [8, 22],
    dimsCm: [55, 120],
  },
  {
    group: "F002",
    nouns: ["Standing Desk", "Desk", "Side Table"],
    priceRange: [119, 1299],
    weightKg: [12, 45],
    dimsCm: [60, 180],
  },
  {
    group: "F003",
    nouns: ["Desk Lamp", "Floor Lamp", "LED Strip"],
    priceRange: [15, 249],
    weightKg: [0.3, 4],
    dimsCm: [20, 160],
  },
  {
    group: "B001",
    nouns: ["Backpack", "Messenger Bag", "Sleeve"],
    priceRange: [19, 229],
    weightKg: [0.2, 1.5],
    dimsCm: [30, 50],
  },
  {
    group: "G001",
    nouns: ["Coffee Beans 1kg", "Espresso Beans", "Ground Coffee"],
    priceRange: [9, 39],
    weightKg: [0.25, 1],
    dimsCm: [10, 30],
  },
  {
    group: "G002",
    nouns: ["Green Tea", "Black Tea", "Herbal Tea"],
    priceRange: [4, 29],
    weightKg: [0.1, 0.5],
    dimsCm: [8, 20],
  },
  {
    group: "H001",
    nouns: ["Water Bottle", "Travel Mug", "Thermos"],
    priceRange: [9, 49],
    weightKg: [0.2, 0.8],
    dimsCm: [18, 32],
  },
  {
    group: "A001",
    nouns: ["T-Shirt", "Hoodie", "Cap"],
    priceRange: [12, 89],
    weightKg: [0.1, 0.7],
    dimsCm: [20, 40],
  },
  {
    group: "A002",
    nouns: ["Sneakers", "Running Shoes", "Boots"],
    priceRange: [49, 249],
    weightKg: [0.5, 1.6],
    dimsCm: [28, 36],
  },
];
const ADJECTIVES = [
  "Pro",
  "Eco",
  "Ultra",
  "Compact",
  "Classic",
  "Smart",
  "Lite",
  "Max",
  "Air",
  "Prime",
  "Nova",
  "Urban",
];
const BRANDS = [
  "Contoso",
  "Fabrikam",
  "Northwind",
  "Tailspin",
  "Adatum",
  "Litware",
  "Proseware",
  "Woodgrove",
];
const COLORS = ["Black", "White", "Silver", "Blue", "Red", "Green", "Graphite", "Sand"];
const GERMAN: Record<string, string> = {
  Black: "Schwarz",
  White: "Weiß",
  Silver: "Silber",
  Blue: "Blau",
  Red: "Rot",
  Green: "Grün",
  Graphite: "Graphit",
  Sand: "Sand",
};

export const PLANTS = ["1010", "1020", "1030"] as const;
export const STORAGE_LOCATION = "101A";
export const SALES_ORG = "1010";
export const DISTRIBUTION_CHANNEL = "10";
export const DIVISION = "00";
export const CURRENCY = "EUR";
const DAY = 86_400_000;

export interface ProductSpec {
  index: number;
  id: string;
  name: string;
  germanName: string;
  group: string;
  brand: string;
  color: string;
  price: number;
  /** Quantity scale (from quantity → price), when the product has one. */
  scales: { from: number; price: number }[];
  /** A second, future-dated price (validity start > epoch), for some products. */
  futurePrice?: { price: number; validFrom: number };
  grossWeightKg: number;
  netWeightKg: number;
  dimsCm: [number, number, number];
  stock: number[];
  createdAt: number;
  lastChangedAt: number;
  ean: string;
}

export interface CustomerSpec {
  index: number;
  id: string;
  name: string;
  isPerson: boolean;
  firstName: string;
  lastName: string;
  city: string;
  postalCode: string;
  street: string;
  houseNumber: string;
  country: string;
  region: string;
  paymentTerms: string;
  blocked: boolean;
  createdAt: number;
  lastChangedAt: number;
}

const CITIES = [
  { city: "Walldorf", postal: "69190", country: "DE", region: "BW" },
  { city: "Berlin", postal: "10115", country: "DE", region: "BE" },
  { city: "Hamburg", postal: "20095", country: "DE", region: "HH" },
  { city: "München", postal: "80331", country: "DE", region: "BY" },
  { city: "Wien", postal: "1010", country: "AT", region: "9" },
  { city: "Zürich", postal: "8001", country: "CH", region: "ZH" },
  { city: "Amsterdam", postal: "1012", country: "NL", region: "NH" },
  { city: "Lyon", postal: "69001", country: "FR", region: "69" },
];
const COMPANY_WORDS = [
  "Alpine",
  "Baltic",
  "Cedar",
  "Delta",
  "Harbor",
  "Juniper",
  "Lumen",
  "Meridian",
  "Orbit",
  "Quartz",
  "Summit",
  "Vertex",
];
const COMPANY_KINDS = [
  "Retail GmbH",
  "Handels AG",
  "Trading BV",
  "Office Supplies GmbH",
  "Store KG",
  "Distribution SE",
];
const FIRST = [
  "Anna",
  "Ben",
  "Clara",
  "David",
  "Elif",
  "Felix",
  "Greta",
  "Hannes",
  "Ida",
  "Jonas",
  "Lea",
  "Mats",
];
const LAST = [
  "Müller",
  "Schmidt",
  "Fischer",
  "Weber",
  "Becker",
  "Hoffmann",
  "Koch",
  "Richter",
  "Wolf",
  "Braun",
];
const STREETS = [
  "Dietmar-Hopp-Allee",
  "Hauptstraße",
  "Bahnhofstraße",
  "Marktplatz",
  "Industriestraße",
  "Lindenweg",
];
export const PAYMENT_TERMS = ["0001", "0002", "0004", "NT30", "NT60"] as const;

const PRODUCT_STREAM = 1;
const CUSTOMER_STREAM = 2;
const round2 = (n: number) => Math.round(n * 100) / 100;

export class Catalog {
  private readonly cache = new Map<number, ProductSpec>();

  constructor(
    readonly seed: number,
    readonly productCount: number,
    readonly customerCount: number,
    /** The moment the seeded history ends; all seeded change times lie before it. */
    readonly epoch: number,
  ) {}

  productId(index: number): string {
    return `TG${index + 10}`;
  }

  productIndex(id: unknown): number | undefined {
    const m = /^TG(\d+)$/.exec(String(id ?? ""));
    if (!m) return undefined;
    const i = Number(m[1]) - 10;
    return i >= 0 && i < this.productCount && this.productId(i) === id ? i : undefined;
  }

  product(index: number): ProductSpec {
    const hit = this.cache.get(index);
    if (hit) return hit;
    const spec = this.makeProduct(index);
    if (this.cache.size > 5_000) this.cache.clear();
    this.cache.set(index, spec);
    return spec;
  }

  private makeProduct(index: number): ProductSpec {
    const r = Prng.forIndex(this.seed, PRODUCT_STREAM, index);
    const cat = r.pick(CATEGORIES);
    const noun = r.pick(cat.nouns);
    const brand = r.pick(BRANDS);
    const adjective = r.pick(ADJECTIVES);
    const color = r.pick(COLORS);
    const model = r.int(100, 999);
    const name = `${brand} ${noun} ${adjective} ${model} ${color}`.slice(0, 40);
    const germanName = `${brand} ${noun} ${adjective} ${model} ${GERMAN[color] ?? color}`.slice(0, 40);
    const price = round2(cat.priceRange[0] + r.next() * (cat.priceRange[1] - cat.priceRange[0]));
    const gross = round2(cat.weightKg[0] + r.next() * (cat.weightKg[1] - cat.weightKg[0]));
    const dim = () => round2(cat.dimsCm[0] + r.next() * (cat.dimsCm[1] - cat.dimsCm[0]));
    const scales = r.chance(0.1)
      ? [
          { from: 1, price },
          { from: 10, price: round2(price * 0.95) },
          { from: 50, price: round2(price * 0.9) },
        ]
      : [];
    const createdAt = this.epoch - r.int(60, 1500) * DAY;
    const lastChangedAt = Math.min(this.epoch - r.int(0, 59) * DAY - r.int(0, DAY / 1000) * 1000, this.epoch);
    const futurePrice = r.chance(0.05)
      ? { price: round2(price * 1.05), validFrom: this.epoch + r.int(10, 90) * DAY }
      : undefined;
    const stock = PLANTS.map(() => (r.chance(0.08) ? 0 : r.int(1, 600)));
    const ean = `40${String(r.int(0, 99_999_999_999)).padStart(11, "0")}`;
    const spec: ProductSpec = {
      index,
      id: this.productId(index),
      name,
      germanName,
      group: cat.group,
      brand,
      color,
      price: round2(price),
      scales,
      grossWeightKg: gross,
      netWeightKg: round2(gross * 0.9),
      dimsCm: [dim(), dim(), dim()],
      stock,
      createdAt,
      lastChangedAt: Math.max(lastChangedAt, createdAt),
      ean: ean + eanCheckDigit(ean),
    };
    if (futurePrice) spec.futurePrice = futurePrice;
    return spec;
  }

  customerId(index: number): string {
    return String(17_100_001 + index);
  }

  customerIndex(id: unknown): number | undefined {
    const i = Number(id) - 17_100_001;
    return Number.isInteger(i) && i >= 0 && i < this.customerCount ? i : undefined;
  }

  customer(index: number): CustomerSpec {
    const r = Prng.forIndex(this.seed, CUSTOMER_STREAM, index);
    const isPerson = r.chance(0.3);
    const firstName = r.pick(FIRST);
    const lastName = r.pick(LAST);
    const name = isPerson ? `${firstName} ${lastName}` : `${r.pick(COMPANY_WORDS)} ${r.pick(COMPANY_KINDS)}`;
    const place = r.pick(CITIES);
    const createdAt = this.epoch - r.int(100, 2000) * DAY;
    return {
      index,
      id: this.customerId(index),
      name,
      isPerson,
      firstName: isPerson ? firstName : "",
      lastName: isPerson ? lastName : "",
      city: place.city,
      postalCode: place.postal,
      country: place.country,
      region: place.region,
      street: r.pick(STREETS),
      houseNumber: String(r.int(1, 180)),
      paymentTerms: r.pick(PAYMENT_TERMS),
      // every 40th customer is blocked for orders, deterministically, so tests can find one
      blocked: index % 40 === 39,
      createdAt,
      lastChangedAt: createdAt + r.int(0, 90) * DAY,
    };
  }
}

function eanCheckDigit(digits12: string): string {
  let sum = 0;
  for (let i = 0; i < digits12.length; i++) sum += Number(digits12[i]) * (i % 2 === 0 ? 1 : 3);
  return String((10 - (sum % 10)) % 10);
}
