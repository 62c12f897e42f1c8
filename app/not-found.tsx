import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold">Not found</h1>
      <p className="mt-2 text-slate-600">There is nothing at this address. It may have a typo, or the order may not exist.</p>
      <Link href="/orders" className={`${buttonClass("secondary")} mt-6`}>
        Back to orders
      </Link>
    </main>
  );
}
