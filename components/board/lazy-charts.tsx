"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type { RankingChart as RankingChartType } from "@/components/board/ranking-chart";
import type { TrendChart as TrendChartType } from "@/components/board/trend-chart";
import type { KeyTaskChart as KeyTaskChartType } from "@/components/leader/key-task-chart";
import { WhenVisible } from "@/components/ui/when-visible";

/*
 * The board's charts, loaded (code and drawing) only when scrolled near: recharts drawing ~130 bars
 * and lines at hydration was most of /board's 1.8 s of blocking time on a throttled phone. The
 * ranking tables beside them hold the same figures in words from the first paint.
 */
const RankingChart = dynamic(() => import("@/components/board/ranking-chart").then((m) => m.RankingChart), { ssr: false });
const TrendChart = dynamic(() => import("@/components/board/trend-chart").then((m) => m.TrendChart), { ssr: false });
const KeyTaskChart = dynamic(() => import("@/components/leader/key-task-chart").then((m) => m.KeyTaskChart), { ssr: false });

export function LazyRankingChart(props: ComponentProps<typeof RankingChartType>) {
  return (
    <WhenVisible minHeight={props.rows.length * 26 + 40}>
      <RankingChart {...props} />
    </WhenVisible>
  );
}

export function LazyTrendChart(props: ComponentProps<typeof TrendChartType>) {
  return (
    <WhenVisible minHeight={360}>
      <TrendChart {...props} />
    </WhenVisible>
  );
}

export function LazyKeyTaskChart(props: ComponentProps<typeof KeyTaskChartType>) {
  return (
    <WhenVisible minHeight={320}>
      <KeyTaskChart {...props} />
    </WhenVisible>
  );
}
