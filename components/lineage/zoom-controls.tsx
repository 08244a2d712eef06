// Zoom and fit buttons over the lineage canvas; the same actions have keyboard
// shortcuts on the graph (+, -, 0, arrow keys), named in each button's title.

const BUTTON =
  "flex h-8 w-8 items-center justify-center rounded border border-slate-300 bg-white text-base leading-none text-slate-700 shadow-sm hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800";

export function ZoomControls({
  onZoomIn,
  onZoomOut,
  onFit,
}: {
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFit: () => void;
}) {
  const buttons = [
    ["Zoom in", "Zoom in (+)", "+", onZoomIn],
    ["Zoom out", "Zoom out (-)", "−", onZoomOut],
    ["Fit the graph", "Fit (0)", "⤢", onFit],
  ] as const;
  return (
    <div className="absolute top-2 right-2 flex flex-col gap-1" data-testid="zoom-controls">
      {buttons.map(([label, title, glyph, onClick]) => (
        <button
          key={label}
          type="button"
          className={BUTTON}
          aria-label={label}
          title={title}
          onClick={onClick}
        >
          {glyph}
        </button>
      ))}
    </div>
  );
}
