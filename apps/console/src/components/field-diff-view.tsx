"use client";
import { fieldDiff, showValue } from "./field-diff";

/** Before/after as a table of the fields that changed (path, before, after), not two JSON blobs. */
export function FieldDiffTable({
  before,
  after,
  testId = "field-diff",
}: {
  before: unknown;
  after: unknown;
  testId?: string;
}) {
  const changes = fieldDiff(before, after);
  if (changes.length === 0) return <p className="muted">No field changed.</p>;
  return (
    <table data-testid={testId} aria-label="Changed fields">
      <thead>
        <tr>
          <th>Field</th>
          <th>Before</th>
          <th>After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.path} data-path={c.path} data-kind={c.kind}>
            <td>
              <code>{c.path}</code> <span className="muted">{c.kind}</span>
            </td>
            <td style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
              {c.kind === "added" ? "—" : showValue(c.before)}
            </td>
            <td style={{ whiteSpace: "pre-wrap", wordBreak: "break-word" }}>
              {c.kind === "removed" ? "—" : showValue(c.after)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
