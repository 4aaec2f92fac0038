import { BarChart, BoxplotChart, FunnelChart, GraphChart, LineChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the chart types and components the analytics pages draw, so the bundle stays lean.
echarts.use([
  BarChart,
  BoxplotChart,
  FunnelChart,
  GraphChart,
  LineChart,
  GridComponent,
  TooltipComponent,
  LegendComponent,
  MarkLineComponent,
  VisualMapComponent,
  DataZoomComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;
/** The parts of an ECharts click event the pages use. */
export interface ChartClick {
  dataIndex: number;
  seriesIndex?: number;
  name?: string;
  dataType?: string;
}

/**
 * One ECharts chart: created on mount, updated when the option changes, resized with its container,
 * disposed on unmount. The chart itself is hidden from screen readers; `label` summarises it and
 * every page also shows the numbers as a table.
 */
export function EChart({
  option,
  label,
  height = 320,
  onClick,
  testId,
}: {
  option: ChartOption;
  label: string;
  height?: number;
  onClick?: (e: ChartClick) => void;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (e) => clickRef.current?.(e as unknown as ChartClick));
    const observer = new ResizeObserver(() => c.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={ref} className="echart" role="img" aria-label={label} data-testid={testId} style={{ height }} />;
}
