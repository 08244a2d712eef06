// Geometry shared by the server's layout and the browser's drawing. Kept apart
// from layout.ts so the layout engine itself is never bundled for the browser.
export const LAYOUT = { col: 240, row: 34, nodeW: 190, nodeH: 24, bandGap: 40, pad: 12 } as const;
