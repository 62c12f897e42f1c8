import type { Metadata } from "next";
import Link from "next/link";
import { ApiKeysTable } from "@/components/api-keys/api-keys-table";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/api-keys/create-api-key";
import { canChange } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const user = await requirePageUser();
  const keys = await listApiKeys({ db: await getDb() });
  const admin = canChange(user.role);
  return (
    <>
      <PageHeader
        title="API keys"
        description={
          <>
            Keys for the REST API at <code>/api/v1</code>. See the <Link className="text-brand-700 underline" href="/api-docs">API reference</Link>.
          </>
        }
      />
      <div className="space-y-6">
        {admin && (
          <Card title="Create a key">
            <CreateApiKeyForm />
          </Card>
        )}
        <Card title="Keys">
          <ApiKeysTable keys={keys} canRevoke={admin} />
        </Card>
      </div>
    </>
  );
}
