"use client";
/**
 * Notices after an action, on Sonner: one polite live region ("Notifications", alt+T focuses it),
 * stacked, dismissible, kept long enough to read. Use notify() instead of ad-hoc
 * status paragraphs.
 */
import { Toaster, toast } from "sonner";

export function ConsoleToaster() {
  return <Toaster position="bottom-right" closeButton richColors duration={8_000} />;
}

export function notify(text: string, detail?: string) {
  toast.success(text, detail ? { description: detail } : {});
}
