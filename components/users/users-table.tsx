"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useActionRunner } from "@/components/shipments/use-action-mutation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { StatusBadge } from "@/components/ui/status-badge";
import { Button } from "@/components/ui/button";
import { resetUserPasswordAction, setUserActiveAction, setUserRoleAction } from "@/lib/users/actions";
import { OneTimePassword } from "./create-user-form";

export type TUserView = { id: string; name: string; email: string; role: "admin" | "viewer"; createdAt: string; lastSignInAt: string | null; deactivatedAt: string | null };

/** The store's users; admins change roles, reset passwords and deactivate accounts from here. */
export function UsersTable({ users, canChange, currentUserId, formatWhen }: { users: TUserView[]; canChange: boolean; currentUserId: string; formatWhen: Record<string, string> }) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-500">
          <tr>
            <th className="px-4 py-3">Name</th>
            <th className="px-4 py-3">E-mail</th>
            <th className="px-4 py-3">Role</th>
            <th className="px-4 py-3">Last sign-in</th>
            {canChange && <th className="px-4 py-3">Actions</th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {users.map((user) => (
            <tr key={user.id} data-testid="user-row" className={user.deactivatedAt ? "text-slate-400" : undefined}>
              <td className="px-4 py-3 font-medium">
                {user.name}
                {user.id === currentUserId && <span className="ml-1 text-xs text-slate-500">(you)</span>}
              </td>
              <td className="px-4 py-3">{user.email}</td>
              <td className="px-4 py-3">
                <span className="flex flex-wrap gap-1">
                  <StatusBadge kind="role" value={user.role} />
                  {user.deactivatedAt && <Badge>Deactivated</Badge>}
                </span>
              </td>
              <td className="whitespace-nowrap px-4 py-3">{user.lastSignInAt ? formatWhen[user.lastSignInAt] : "Never"}</td>
              {canChange && (
                <td className="px-4 py-3">
                  <UserActions user={user} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function UserActions({ user }: { user: TUserView }) {
  const router = useRouter();
  const role = useActionRunner(setUserRoleAction);
  const active = useActionRunner(setUserActiveAction);
  const reset = useActionRunner(resetUserPasswordAction);
  const [confirmReset, setConfirmReset] = useState(false);
  const pending = role.pending || active.pending || reset.pending;
  const error = role.error ?? active.error ?? reset.error;
  const refresh = () => router.refresh();
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" className="px-2 py-1" disabled={pending} onClick={() => role.run({ userId: user.id, role: user.role === "admin" ? "viewer" : "admin" }, refresh)}>
          {user.role === "admin" ? "Make viewer" : "Make admin"}
        </Button>
        <Button variant="secondary" className="px-2 py-1" disabled={pending} onClick={() => active.run({ userId: user.id, active: Boolean(user.deactivatedAt) }, refresh)}>
          {user.deactivatedAt ? "Reactivate" : "Deactivate"}
        </Button>
        {confirmReset ? (
          <span role="group" aria-label={`Confirm password reset for ${user.email}`} className="flex gap-1">
            <Button variant="danger" className="px-2 py-1" disabled={pending} onClick={() => reset.run({ userId: user.id }, () => setConfirmReset(false))}>
              Yes, reset
            </Button>
            <Button variant="ghost" className="px-2 py-1" onClick={() => setConfirmReset(false)}>
              Keep
            </Button>
          </span>
        ) : (
          <Button variant="ghost" className="px-2 py-1" disabled={pending || Boolean(user.deactivatedAt)} onClick={() => setConfirmReset(true)}>
            Reset password
          </Button>
        )}
      </div>
      {error && <Alert tone="error">{error}</Alert>}
      {reset.data && <OneTimePassword email={reset.data.email} password={reset.data.password} what="Password reset" />}
    </div>
  );
}
