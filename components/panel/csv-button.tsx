"use client";

import { toCsv } from "@/lib/csv";

/** Downloads the rows behind a panel as CSV, generated in the browser. */
export function CsvButton({
  filename,
  header,
  rows,
}: {
  filename: string;
  header: readonly string[];
  rows: () => readonly (readonly unknown[])[];
}) {
  const download = () => {
    const blob = new Blob([toCsv(header, rows())], { type: "text/csv;charset=utf-8" });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = filename;
    a.click();
    URL.revokeObjectURL(url);
  };
  return (
    <button
      type="button"
      onClick={download}
      className="rounded border border-slate-300 px-2 py-1 text-xs text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      Download CSV
    </button>
  );
}
