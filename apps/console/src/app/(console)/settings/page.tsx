import { SettingsView } from "~/components/settings-view";

export default function SettingsPage() {
  return (
    <>
      <h1 className="page">Settings</h1>
      <SettingsView />
    </>
  );
}
