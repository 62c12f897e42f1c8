declare module "zipcodes" {
  interface ZipCodeInfo {
    zip: string;
    latitude: number;
    longitude: number;
    city: string;
    state: string;
    country: string;
  }
  const zipcodes: {
    codes: Record<string, ZipCodeInfo>;
    lookup(zip: string | number): ZipCodeInfo | undefined;
    lookupByName(city: string, state: string): ZipCodeInfo[];
    distance(a: string | number, b: string | number): number | null;
  };
  export default zipcodes;
}
