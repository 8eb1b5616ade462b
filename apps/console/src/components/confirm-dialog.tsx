"use client";
/**
 * Confirmation for destructive or expensive actions on Radix Dialog (focus trapped and restored,
 * Escape and Cancel close it, labelled by its title, the page behind inert): says what will
 * happen and, unless `needReason` is false, requires a reason that goes into the audit log — the
 * server requires it too. Cancel, Escape or a click outside change nothing.
 */
import * as Dialog from "@radix-ui/react-dialog";
import { type ReactNode, useEffect, useId, useState } from "react";
import { ErrorText } from "./ui";

/** The shortest reason accepted (the API's `reason` schema says the same). */
export const MIN_REASON = 3;

export function reasonOk(reason: string): boolean {
  return reason.trim().length >= MIN_REASON;
}

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  needReason = true,
  busy,
  error,
  tone = "danger",
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  needReason?: boolean;
  busy?: boolean;
  error?: { message: string } | null;
  /** The confirm button's look: red for destructive, plain for the rest. */
  tone?: "danger" | "primary";
  onConfirm: (reason: string) => void;
  onClose: () => void;
}) {
  const [reason, setReason] = useState("");
  const id = useId();
  useEffect(() => {
    if (open) setReason("");
  }, [open]);
  const ok = !needReason || reasonOk(reason);
  return (
    <Dialog.Root open={open} onOpenChange={(next) => !next && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog" aria-describedby={undefined} data-testid="confirm-dialog">
          <form
            onSubmit={(e) => {
              e.preventDefault();
              if (ok && !busy) onConfirm(reason.trim());
            }}
          >
            <Dialog.Title>{title}</Dialog.Title>
            {children}
            {needReason && (
              <>
                <label htmlFor={`${id}-r`}>Reason (required, recorded in the audit log)</label>
                <textarea
                  id={`${id}-r`}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  rows={3}
                  required
                  minLength={MIN_REASON}
                  maxLength={500}
                  aria-describedby={`${id}-h`}
                />
                <p id={`${id}-h`} className="muted" style={{ margin: "2px 0 0", fontSize: 12 }}>
                  At least {MIN_REASON} characters.
                </p>
              </>
            )}
            <ErrorText error={error} />
            <div className="row end">
              <Dialog.Close asChild>
                <button type="button" className="ghost">
                  Cancel
                </button>
              </Dialog.Close>
              <button
                type="submit"
                className={tone === "danger" ? "danger" : undefined}
                disabled={!ok || busy}
              >
                {busy ? "Working…" : confirmLabel}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
