import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/db";
import { formatDateTime } from "@/lib/format";
import { getStoreSettingsOrThrow } from "@/lib/settings/get-store-settings";

export const metadata: Metadata = { title: "Postage" };

export default async function PostagePage() {
  const settings = await getStoreSettingsOrThrow({ db: await getDb() });
  return (
    <>
      <PageHeader title="Postage" description="Your Stamps.com / Endicia (SERA) account and postage balance." />
      <Card title="SERA account">
        <p className="text-sm">
          {settings.seraConnectedAt
            ? `Connected to SERA ${settings.seraEnvironment} since ${formatDateTime(settings.seraConnectedAt)}.`
            : "Not connected to a SERA account yet."}
        </p>
      </Card>
    </>
  );
}
