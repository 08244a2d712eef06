"use client";

import { useId, useMemo, useState } from "react";
import { formatKey } from "@/lib/format";
import type { DecodedGraph, LineageView, ViewChange } from "@/lib/lineage/graph-view";
import { searchKeys } from "@/lib/lineage/graph-view";

// What each filter means, shown on hover (docs/health-model.md has the rules).
const HEALTH_OPTIONS = [
  ["H", "Healthy", "Materialized (or observed), and nothing warning or failing"],
  ["W", "Warning", "A WARN check failed or freshness is past its warn window; nothing failing"],
  [
    "D",
    "Degraded",
    "The latest run failed it, an ERROR check failed, or it is past its freshness fail window",
  ],
  [
    "U",
    "Unknown",
    "Never materialized nor observed, or not evaluated yet: nothing known to be wrong or right",
  ],
  [
    "S",
    "Undefined",
    "A key other assets depend on that no code location defines: no owner, no health",
  ],
] as const;

export function GraphToolbar({
  graph,
  view,
  onChange,
}: {
  graph: DecodedGraph;
  view: LineageView;
  /** A change, or a function of the latest requested view for list toggles. */
  onChange: (next: ViewChange) => void;
}) {
  const listId = useId();
  const [query, setQuery] = useState("");
  const matches = useMemo(() => searchKeys(graph, query), [graph, query]);
  const p = graph.payload;
  const locations = useMemo(() => [...new Set(p.locations.map(([, name]) => name))].sort(), [p]);
  const select =
    "rounded border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-900";
  const submit = () => {
    const first = matches[0];
    const exact = graph.ids.findIndex((_, i) => formatKey(p.keys[i] as string[]) === query.trim());
    const pick = exact >= 0 ? exact : first;
    if (pick !== undefined)
      onChange({ focus: graph.ids[pick] ?? null, selected: graph.ids[pick] ?? null });
  };
  return (
    <search className="flex flex-wrap items-end gap-3">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
        className="flex max-w-full flex-wrap items-end gap-2"
      >
        <label className="text-xs text-slate-500">
          Find an asset
          <input
            list={listId}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="e.g. churn_model"
            data-testid="asset-search"
            className={`${select} block w-56 max-w-full sm:w-64`}
          />
        </label>
        <datalist id={listId}>
          {matches.map((i) => (
            <option key={i} value={formatKey(p.keys[i] as string[])} />
          ))}
        </datalist>
        <button type="submit" className={select}>
          Focus
        </button>
      </form>
      <label className="text-xs text-slate-500">
        Depth
        <select
          data-testid="filter-depth"
          className={`${select} block`}
          value={view.depth}
          onChange={(e) => onChange({ depth: Number(e.target.value) })}
          disabled={!view.focus}
        >
          {[1, 2, 3, 4, 5, 10].map((d) => (
            <option key={d} value={d}>
              {d} level{d === 1 ? "" : "s"}
            </option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-500">
        Team
        <select
          className={`${select} block`}
          data-testid="filter-team"
          value={view.team ?? ""}
          onChange={(e) => onChange({ team: e.target.value || null })}
        >
          <option value="">all teams</option>
          {p.teams.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-500">
        Location
        <select
          className={`${select} block`}
          data-testid="filter-location"
          value={view.location ?? ""}
          onChange={(e) => onChange({ location: e.target.value || null })}
        >
          <option value="">all locations</option>
          {locations.map((l) => (
            <option key={l}>{l}</option>
          ))}
        </select>
      </label>
      <label className="text-xs text-slate-500">
        Kind
        <select
          className={`${select} block`}
          data-testid="filter-kind"
          value={view.kind ?? ""}
          onChange={(e) => onChange({ kind: e.target.value || null })}
        >
          <option value="">all kinds</option>
          {[...p.kinds].sort().map((k) => (
            <option key={k}>{k}</option>
          ))}
        </select>
      </label>
      <fieldset className="text-xs text-slate-500">
        <legend>Health</legend>
        <div className="flex flex-wrap gap-x-2 gap-y-1">
          {HEALTH_OPTIONS.map(([code, label, meaning]) => (
            <label
              key={code}
              title={meaning}
              className="flex items-center gap-1 text-sm text-slate-700 dark:text-slate-300"
            >
              <input
                type="checkbox"
                checked={view.health.includes(code)}
                onChange={(e) => {
                  const on = e.target.checked;
                  onChange((latest) => ({
                    health: on
                      ? [...latest.health.filter((h) => h !== code), code]
                      : latest.health.filter((h) => h !== code),
                  }));
                }}
              />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      {view.focus ? (
        <button type="button" className={select} onClick={() => onChange({ focus: null })}>
          Show everything
        </button>
      ) : null}
    </search>
  );
}
