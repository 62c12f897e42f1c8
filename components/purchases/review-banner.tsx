import Link from "next/link";
import { Alert } from "@/components/ui/alert";

/** Shown on Orders and Postage while purchases wait for an admin to check SERA's records. */
export function ReviewBanner({ count }: { count: number }) {
  if (count === 0) return null;
  return (
    <Alert tone="warning">
      {count === 1 ? "1 purchase needs" : `${count} purchases need`} review: SERA did not confirm {count === 1 ? "it" : "them"} in time.{" "}
      <Link className="font-medium underline" href="/postage/review">
        Review {count === 1 ? "it" : "them"}
      </Link>
    </Alert>
  );
}
