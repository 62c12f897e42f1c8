import type { Metadata } from "next";
import { CsvImport } from "@/components/csv-import/csv-import";
import { CsvColumnsTable } from "@/components/csv-import/csv-columns-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/session";
import { canChange } from "@/lib/auth/policy";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Import orders from CSV" };

export default async function ImportOrdersPage() {
  const user = await requirePageUser();
  return (
    <>
      <PageHeader
        title="Import orders from CSV"
        description={
          <>
            One row per line item; rows with the same order_id make one order. Importing a file again updates changed orders and leaves the rest alone.{" "}
            <a className="text-brand-700 underline" href="/api/orders/import/template" download>
              Download the template
            </a>
            .
          </>
        }
      />
      <div className="space-y-6">
        {canChange(user.role) ? <CsvImport /> : <Alert tone="info">Only admins can import orders.</Alert>}
        <Card title="Columns">
          <CsvColumnsTable />
        </Card>
      </div>
    </>
  );
}
