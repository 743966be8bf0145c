import type { Metadata } from 'next';
import { HowSettingsWork } from '@/components/settings/how-settings-work';
import { SettingsPanel } from '@/components/settings/settings-panel';

export const metadata: Metadata = {
  title: 'Settings · MCP Dojo',
  description: 'Which Todoist backend the Dojo can reach, where its API token comes from, and a place to save one.',
};

export default function SettingsPage() {
  return (
    // Wider than a reading column: the table's file paths need the room.
    <div className="mx-auto max-w-6xl space-y-10 px-6 py-10">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Settings</h1>
        <p className="mt-2 max-w-3xl text-lg leading-relaxed text-muted">
          Where the Dojo finds the Todoist API token and base URL for the real backend, and a place to save them.
        </p>
      </div>
      <SettingsPanel />
      <HowSettingsWork />
    </div>
  );
}
