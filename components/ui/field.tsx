import { Children, cloneElement, isValidElement, useId, type ReactElement, type ReactNode } from "react";

const CONTROL_CLASS =
  "block w-full rounded-md border px-3 py-2 text-sm shadow-sm focus:outline-none focus:ring-2 focus:ring-brand-500";

type TControlProps = { id?: string; className?: string; "aria-invalid"?: boolean; "aria-describedby"?: string };

/** A labelled form control with its error message underneath, wired for screen readers. */
export function Field({ label, error, hint, children }: { label: ReactNode; error?: string; hint?: ReactNode; children: ReactNode }) {
  const id = useId();
  const child = Children.only(children);
  const control = isValidElement<TControlProps>(child)
    ? cloneElement(child as ReactElement<TControlProps>, {
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": error ? `${id}-error` : undefined,
        className: `${CONTROL_CLASS} ${error ? "border-red-400" : "border-slate-300"} ${child.props.className ?? ""}`,
      })
    : child;
  return (
    <div>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700">
        {label}
      </label>
      {control}
      {hint && !error && <p className="mt-1 text-xs text-slate-500">{hint}</p>}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-xs text-red-600">
          {error}
        </p>
      )}
    </div>
  );
}
