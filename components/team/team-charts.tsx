"use client";

import { type ComponentType, createContext, useContext } from "react";
import type { RunsBarDatum } from "./chart-bar-runs";
import { SvgBarRuns, SvgLineDurations } from "./svg-charts";

/**
 * Which chart components the team panels draw with. The team page provides the
 * interactive recharts ones; embeds keep the static SVG default, so a panel
 * never imports recharts itself and an embed does not load it.
 */
export interface TeamCharts {
  RunsChart: ComponentType<{ data: RunsBarDatum[] }>;
  DurationsChart: ComponentType<{
    data: Record<string, number | string | null>[];
    locations: string[];
  }>;
}

export const TeamChartsContext = createContext<TeamCharts>({
  RunsChart: SvgBarRuns,
  DurationsChart: SvgLineDurations,
});

export const useTeamCharts = () => useContext(TeamChartsContext);
