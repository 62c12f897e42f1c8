import { Badge } from "@/components/ui/badge";

/** OK or Error with the HTTP status; "no answer" when SERA never replied (timeout, refused). */
export function LogStatusBadge({ ok, httpStatus }: { ok: boolean; httpStatus: number | null }) {
  return (
    <Badge tone={ok ? "green" : "red"}>
      {ok ? "OK" : "Error"} · {httpStatus ?? "no answer"}
    </Badge>
  );
}
