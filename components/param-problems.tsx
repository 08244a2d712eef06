/** Why some query parameters were ignored: fixed sentences, never the raw input. */
export function ParamProblems({
  problems,
  compact = false,
}: {
  problems: string[];
  compact?: boolean;
}) {
  if (problems.length === 0) return null;
  return (
    <p
      role="alert"
      data-testid="param-problems"
      className={
        compact
          ? "mb-2 text-xs text-slate-500"
          : "mb-4 rounded border border-warning/40 bg-warning/10 px-3 py-2 text-sm"
      }
    >
      {problems.join(" ")}
    </p>
  );
}
