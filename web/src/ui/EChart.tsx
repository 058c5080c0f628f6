// An ECharts chart, loaded on demand. The chart is an image for screen readers; callers give
// it a label and show the same numbers as text nearby.
import { Box } from '@mantine/core';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

export function EChart({
  option,
  height = 220,
  label,
  onItemClick,
  onRendered,
}: {
  option: EChartsCoreOption;
  height?: number;
  label: string;
  onItemClick?: (name: string) => void;
  /** After each drawing has finished (a new option, a resize). */
  onRendered?: () => void;
}) {
  const element = useRef<HTMLDivElement>(null);
  const clickHandler = useRef(onItemClick);
  clickHandler.current = onItemClick;
  const renderedHandler = useRef(onRendered);
  renderedHandler.current = onRendered;
  const [chart, setChart] = useState<EChartsType | null>(null);

  // One chart instance for the life of the component.
  useEffect(() => {
    let disposed = false;
    let instance: EChartsType | null = null;
    let observer: ResizeObserver | null = null;
    void import('./echarts').then(({ echarts }) => {
      if (disposed || !element.current) return;
      instance = echarts.init(element.current, undefined, { renderer: 'canvas' });
      instance.on('click', (params) => {
        if (typeof params.name === 'string') clickHandler.current?.(params.name);
      });
      instance.on('finished', () => renderedHandler.current?.());
      if (typeof ResizeObserver !== 'undefined') {
        observer = new ResizeObserver(() => instance?.resize());
        observer.observe(element.current);
      }
      setChart(instance);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);

  return <Box ref={element} h={height} role="img" aria-label={label} w="100%" />;
}
