/** The three ways to configure the Dojo, which one wins, where this page keeps what you save, and who the token is for. */

const CODE = 'font-mono text-[0.95em]';

export function HowSettingsWork() {
  return (
    <section aria-labelledby="how-settings-work" className="max-w-3xl space-y-4 text-base leading-relaxed">
      <h2 id="how-settings-work" className="text-2xl font-semibold">
        Three ways to provide the token
      </h2>
      <ol className="list-decimal space-y-2 pl-6">
        <li>
          <strong>Environment variables</strong>: <code className={CODE}>TODOIST_API_TOKEN</code> (or{' '}
          <code className={CODE}>TODOIST_API_KEY</code>, the official Todoist MCP server&apos;s name) and{' '}
          <code className={CODE}>TODOIST_API_BASE_URL</code>. Read when the server starts, so change them and restart.
        </li>
        <li>
          <strong>A config file</strong>: <code className={CODE}>{'{ "todoistApiToken": "…" }'}</code> in{' '}
          <code className={CODE}>./dojo.config.json</code> or <code className={CODE}>~/.config/mcp-dojo/config.json</code>, or
          at the path in <code className={CODE}>DOJO_CONFIG</code>.
        </li>
        <li>
          <strong>This page</strong>: saved on the server, used from the next request on, no restart needed.
        </li>
      </ol>
      <p>
        <strong>Precedence: environment, then config file, then this page.</strong> For each key the first source that sets it
        wins; the others are listed as <em>shadowed</em> in the table above. So if a value you saved here seems ignored, look
        for a variable or a file that sets the same key.
      </p>
      <h2 className="pt-2 text-2xl font-semibold">Where a saved value lives</h2>
      <p>
        In a JSON file on the server: <code className={CODE}>.dojo/settings.json</code> in the app&apos;s folder, or the path in{' '}
        <code className={CODE}>DOJO_SETTINGS_PATH</code>. The file is readable by the server&apos;s user only (mode{' '}
        <code className={CODE}>0600</code>), and <code className={CODE}>.dojo/</code> is git-ignored, so the token is not
        committed. The browser never gets the token back: every answer carries the masked value only.
      </p>
      <p>
        Saving is accepted only from this page: the server refuses requests from another site or without a JSON content
        type, so a web page you visit cannot plant its own token here.
      </p>
      <h2 className="pt-2 text-2xl font-semibold">Who the token is for</h2>
      <p>
        A token set in any of the three ways is <strong>server-wide</strong>: it answers for every caller who has not signed in.
        That suits one person running the Dojo on their own machine. On a deployment several people use, set{' '}
        <code className={CODE}>DOJO_SERVER_WIDE_TOKEN=off</code>: the server then uses no shared token, this page saves none, and
        each person signs in with their own Todoist account (OAuth, through their MCP client or lesson 7). A signed-in caller
        always uses their own token, in either mode.
      </p>
    </section>
  );
}
