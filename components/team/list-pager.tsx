"use client";

import { type ComponentProps, type ReactNode, useState } from "react";
import { CsvButton } from "@/components/panel/csv-button";
import { PAGE_ROWS } from "@/lib/teams/first-screen";

/**
 * One page of a long list (lib/teams/first-screen.ts): the first page is what
 * the document carries, so the first paint draws it and nothing moves when the
 * whole list arrives; later pages open once it has (`complete`). The page goes
 * back to the first when `view` changes (another asset list).
 */
export function usePage<T>(
  rows: readonly T[],
  total: number,
  complete: boolean,
  view = "",
): { shown: readonly T[]; pager: ReactNode } {
  const [state, setState] = useState({ view, page: 0 });
  const pages = Math.max(1, Math.ceil(total / PAGE_ROWS));
  const page = state.view === view ? Math.min(state.page, pages - 1) : 0;
  const go = (p: number) => setState({ view, page: p });
  const from = page * PAGE_ROWS;
  const shown = rows.slice(from, from + PAGE_ROWS);
  if (pages === 1) return { shown, pager: null };
  const button =
    "rounded border border-slate-300 px-2 py-0.5 disabled:opacity-40 dark:border-slate-700";
  const pager = (
    <nav aria-label="Pages" className="mt-2 flex items-center gap-2 text-xs text-slate-500">
      <span data-testid="page-range">
        {from + 1}–{Math.min(from + PAGE_ROWS, total)} of {total}
      </span>
      <button type="button" className={button} disabled={page === 0} onClick={() => go(page - 1)}>
        Previous
      </button>
      <button
        type="button"
        className={button}
        disabled={!complete || page >= pages - 1}
        onClick={() => go(page + 1)}
      >
        Next
      </button>
      {complete ? null : <span role="status">loading the other rows…</span>}
    </nav>
  );
  return { shown, pager };
}

/** A list's CSV download, offered once the whole list is there (never a first page as the whole). */
export function ListCsvButton({
  complete,
  ...props
}: ComponentProps<typeof CsvButton> & { complete: boolean }) {
  if (complete) return <CsvButton {...props} />;
  return (
    <button
      type="button"
      disabled
      title="Loading every row first"
      className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-400 dark:border-slate-700"
    >
      Download CSV
    </button>
  );
}
