export type TAddressView = {
  name: string;
  company?: string | null;
  line1: string;
  line2?: string | null;
  city: string;
  state?: string | null;
  postalCode: string;
  country: string;
  phone?: string | null;
};

export function AddressBlock({ address }: { address: TAddressView }) {
  return (
    <address className="text-sm not-italic leading-6">
      <span className="font-medium">{address.name}</span>
      {address.company && <br />}
      {address.company}
      <br />
      {address.line1}
      {address.line2 && (
        <>
          <br />
          {address.line2}
        </>
      )}
      <br />
      {address.city}
      {address.state ? `, ${address.state}` : ""} {address.postalCode}
      <br />
      {address.country}
      {address.phone && (
        <>
          <br />
          <span className="text-slate-600">{address.phone}</span>
        </>
      )}
    </address>
  );
}
