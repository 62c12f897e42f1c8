import type { Metadata } from "next";
import { ClearLogsButton } from "@/components/logs/clear-logs-button";
import { LogsFilterBar } from "@/components/logs/logs-filter-bar";
import { LogsTable } from "@/components/logs/logs-table";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { canChange } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { getLogSettings } from "@/lib/logs/get-log-settings";
import { listLogOperations } from "@/lib/logs/list-log-operations";
import { listTransactionLogs } from "@/lib/logs/list-transaction-logs";
import { parseLogFilters } from "@/lib/logs/parse-log-filters";

export const metadata: Metadata = { title: "Transaction logs" };

type TProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LogsPage({ searchParams }: TProps) {
  const user = await requirePageUser();
  const db = await getDb();
  const { filters, problems } = parseLogFilters(await searchParams);
  // The three reads are independent: on PostgreSQL they run side by side on the pool.
  const [listed, operations, settings] = await Promise.all([
    listTransactionLogs({ db, filters }).catch((error: unknown) => {
      if (!isAppError(error)) throw error;
      problems.push(error.userMessage);
      return { entries: [], nextCursor: null };
    }),
    listLogOperations({ db }),
    getLogSettings({ db }),
  ]);
  const result: Awaited<ReturnType<typeof listTransactionLogs>> = listed;
  return (
    <>
      <PageHeader
        title="Transaction logs"
        description={`Every exchange with SERA, newest first. Entries older than ${settings.logRetentionDays} days are cleared automatically.`}
        actions={canChange(user.role) ? <ClearLogsButton retentionDays={settings.logRetentionDays} /> : undefined}
      />
      {!settings.logTransactions && (
        <div className="mb-4">
          <Alert tone="warning">Logging is turned off in Settings: new exchanges with SERA are not recorded.</Alert>
        </div>
      )}
      <LogsFilterBar filters={filters} operations={operations} />
      {problems.length > 0 && (
        <div className="mb-4 space-y-2">
          {problems.map((problem) => (
            <Alert key={problem} tone="error">
              {problem}
            </Alert>
          ))}
        </div>
      )}
      <LogsTable entries={result.entries} nextCursor={result.nextCursor} filters={filters} />
    </>
  );
}
