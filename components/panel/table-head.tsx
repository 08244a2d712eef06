export type Column = string | { label: string; align: "right" };

/** The header row every panel table shares. */
export function TableHead({ columns }: { columns: readonly Column[] }) {
  return (
    <thead className="text-xs text-slate-500">
      <tr>
        {columns.map((c) => {
          const label = typeof c === "string" ? c : c.label;
          const right = typeof c !== "string" && c.align === "right";
          return (
            <th key={label} scope="col" className={`py-1 font-medium ${right ? "text-right" : ""}`}>
              {label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
