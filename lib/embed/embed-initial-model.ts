import type { TeamPageModel } from "@/lib/teams/build-team-page";
import type { TeamPanelId } from "./embed-params";

// An embed page hands its panel the team model as the first data, and that
// model is serialized into every embed document (the RSC payload, then again
// as an inline script in the HTML). Most of it is the asset rows and the
// dependency and freshness tables, which one panel at most draws: at 25,000
// assets the KPI embed carried a 0.9 MB model to show five figures, and the
// arrival burst of wiki pages is mostly such documents. So each embed sends
// only the parts its panel draws. Its polls then bring the whole model from
// /api/v1/teams (one shared, pre-encoded body), which the panel reads the same way.

/** The model's per-panel parts, and the embeddable panels that draw each. */
const PART_PANELS = {
  assets: ["assets"],
  dependencies: ["dependencies"],
  freshness: ["freshness"],
  failures: ["failures"],
  deploys: ["deploys"],
  executionTimes: ["execution-times"],
  performance: ["compute", "latency", "storage"],
} as const satisfies Partial<Record<keyof TeamPageModel, readonly TeamPanelId[]>>;

type PanelPart = keyof typeof PART_PANELS;

/** The first data of one embedded panel: the team model without the parts other panels draw. */
export type EmbedInitialModel = Omit<TeamPageModel, PanelPart> &
  Partial<Pick<TeamPageModel, PanelPart>>;

export function embedInitialModel(panel: TeamPanelId, model: TeamPageModel): EmbedInitialModel {
  const initial: EmbedInitialModel = { ...model };
  for (const [part, panels] of Object.entries(PART_PANELS) as [PanelPart, readonly TeamPanelId[]][])
    if (!panels.includes(panel)) delete initial[part];
  return initial;
}
