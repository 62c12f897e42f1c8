import type { Metadata } from "next";
import { CreateUserForm } from "@/components/users/create-user-form";
import { UsersTable } from "@/components/users/users-table";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { canChange } from "@/lib/auth/policy";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { getStoreTimeZone } from "@/lib/settings/get-store-time-zone";
import { formatInZone } from "@/lib/shipping/time-zones";
import { listUsers } from "@/lib/users/change-user";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await requirePageUser();
  const db = await getDb();
  const [users, timeZone] = await Promise.all([listUsers({ db }), getStoreTimeZone({ db })]);
  const admin = canChange(user.role);
  const views = users.map((row) => ({
    ...row,
    createdAt: row.createdAt.toISOString(),
    lastSignInAt: row.lastSignInAt?.toISOString() ?? null,
    deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
  }));
  const formatWhen = Object.fromEntries(users.flatMap((row) => (row.lastSignInAt ? [[row.lastSignInAt.toISOString(), formatInZone(row.lastSignInAt, timeZone)]] : [])));
  return (
    <>
      <PageHeader
        title="Users"
        description="Admins buy labels and change settings; viewers read everything and change nothing. Every change here is written to the audit log."
      />
      <div className="space-y-6">
        {admin && (
          <Card title="Add a user">
            <CreateUserForm />
          </Card>
        )}
        <UsersTable users={views} canChange={admin} currentUserId={user.id} formatWhen={formatWhen} />
      </div>
    </>
  );
}
