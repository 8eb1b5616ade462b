"use client";
/**
 * A row's action menu on Radix Dropdown Menu: a labelled button ("Actions for <name>") opening a
 * menu reachable by keyboard (arrows, type-ahead, Escape returns focus to the button). Items
 * that need a confirmation open it themselves (onSelect); disabled items stay listed and say why.
 */
import * as Menu from "@radix-ui/react-dropdown-menu";

export interface MenuAction {
  label: string;
  onSelect: () => void;
  disabled?: boolean;
  /** Why it is disabled (e.g. `needs("webhooks.manage")`). */
  hint?: string | undefined;
  danger?: boolean;
}

export function ActionMenu({ label, actions }: { label: string; actions: MenuAction[] }) {
  return (
    <Menu.Root modal={false}>
      <Menu.Trigger asChild>
        <button type="button" className="ghost small" aria-label={label}>
          Actions ▾
        </button>
      </Menu.Trigger>
      <Menu.Portal>
        <Menu.Content className="menu" align="end" sideOffset={4}>
          {actions.map((a) => (
            <Menu.Item
              key={a.label}
              className={a.danger ? "menu-item danger" : "menu-item"}
              disabled={a.disabled ?? false}
              title={a.disabled ? a.hint : undefined}
              onSelect={a.onSelect}
            >
              {a.label}
            </Menu.Item>
          ))}
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
