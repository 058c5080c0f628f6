// An ECharts chart, loaded on demand. The chart is an image for screen readers; callers give
// it a label and show the same numbers as text nearby.
import { Box, Text } from '@mantine/core';
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
  const [drawable] = useState(canDraw);

  // One chart instance for the life of the component.
  useEffect(() => {
    if (!drawable) return;
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
  }, [drawable]);

  useEffect(() => {
    chart?.setOption(option, { notMerge: true });
  }, [chart, option]);

  return (
    <Box ref={element} h={height} role="img" aria-label={label} w="100%">
      {!drawable && (
        <Text size="sm" c="dimmed" p="md">
          This browser does not draw charts. The same figures are shown as text on this page.
        </Text>
      )}
    </Box>
  );
}

/**
 * Whether the browser gives a 2D canvas to draw on: a browser that blocks canvases, or has run out
 * of them, answers null, and ECharts would then throw on its first drawing and take the page down.
 */
function canDraw(): boolean {
  try {
    return document.createElement('canvas').getContext('2d') !== null;
  } catch {
    return false;
  }
}
