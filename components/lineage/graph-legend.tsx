import { DOWN_STYLE, EDGE_STYLE, HEALTH_STYLE, RING_STYLE, SELECTED_COLOR } from "./graph-palette";

// The key to the lineage canvas, drawn from the same palette the canvas uses.
// Light-mode colours: the swatches sit on the page's own background.

const Swatch = ({ children }: { children: React.ReactNode }) => (
  <svg width="28" height="14" viewBox="0 0 28 14" aria-hidden="true" className="shrink-0">
    {children}
  </svg>
);

const Item = ({ swatch, label }: { swatch: React.ReactNode; label: string }) => (
  <li className="flex items-center gap-1.5">
    <Swatch>{swatch}</Swatch>
    {label}
  </li>
);

/** A ring around a node, as the canvas draws it, inset into the 28×14 swatch. */
const Frame = ({
  inset,
  color,
  dash = [],
}: {
  inset: number;
  color: string;
  dash?: readonly number[];
}) => (
  <rect
    x={inset}
    y={inset}
    width={28 - 2 * inset}
    height={14 - 2 * inset}
    fill="none"
    stroke={color}
    strokeWidth="2"
    strokeDasharray={dash.join(" ")}
  />
);

export function GraphLegend() {
  return (
    <section
      aria-label="Legend"
      data-testid="graph-legend"
      className="flex flex-wrap gap-x-6 gap-y-2 text-xs text-slate-600 dark:text-slate-400"
    >
      <ul className="flex flex-wrap gap-x-3 gap-y-1" aria-label="Health">
        {Object.entries(HEALTH_STYLE).map(([code, s]) => (
          <li key={code} className="flex items-center gap-1" data-health-code={code}>
            <span
              aria-hidden="true"
              className="inline-flex h-4 w-4 items-center justify-center rounded-sm text-[10px] font-bold text-white"
              style={{ background: s.color }}
            >
              {s.glyph}
            </span>
            {s.label}
          </li>
        ))}
      </ul>
      <ul className="flex flex-wrap gap-x-3 gap-y-1" aria-label="Edges">
        {EDGE_STYLE.map((s) => (
          <Item
            key={s.label}
            label={`${s.label} edge`}
            swatch={
              <line
                x1="1"
                y1="7"
                x2="27"
                y2="7"
                stroke={s.light}
                strokeWidth={s.width + 0.4}
                strokeDasharray={s.dash.join(" ")}
                strokeLinecap={s.dash.length && s.dash[0] < 2 ? "round" : "butt"}
              />
            }
          />
        ))}
      </ul>
      <ul className="flex flex-wrap gap-x-3 gap-y-1" aria-label="Rings and markers">
        <Item
          label={RING_STYLE.blast.label}
          swatch={<Frame inset={3} color={RING_STYLE.blast.light} dash={RING_STYLE.blast.dash} />}
        />
        <Item
          label={RING_STYLE.root.label}
          swatch={
            <>
              <Frame inset={4} color={RING_STYLE.root.light} />
              <Frame inset={1} color={RING_STYLE.root.light} />
            </>
          }
        />
        <Item label="Selected" swatch={<Frame inset={2} color={SELECTED_COLOR} />} />
        <Item
          label={`${DOWN_STYLE.label} ${DOWN_STYLE.marker}`}
          swatch={
            <>
              <defs>
                <pattern id="hb-legend-hatch" width="4" height="4" patternUnits="userSpaceOnUse">
                  <path d="M0 4 L4 0" stroke={DOWN_STYLE.hatch} strokeWidth="1" />
                </pattern>
              </defs>
              <rect
                x="1"
                y="2"
                width="26"
                height="10"
                fill="url(#hb-legend-hatch)"
                stroke={DOWN_STYLE.hatch}
              />
            </>
          }
        />
      </ul>
    </section>
  );
}
