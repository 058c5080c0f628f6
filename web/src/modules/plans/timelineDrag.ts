// Dragging a forecast on the timeline, without ECharts: where each movable forecast sits on the
// chart (recorded while the chart draws), which one is under the pointer, and which day a pixel
// stands for. The chart draws nothing while dragging; the timeline shows a marker at the pointer
// and, on drop, asks for the reason before anything is saved.

const DAY_MS = 24 * 3600 * 1000;

/** Pixels the pointer must travel before a press becomes a drag (less is a click). */
export const DRAG_THRESHOLD = 4;

/** How close to a forecast (in pixels) a press picks it up. */
const PICK_RADIUS = 10;

export interface TimelineGeometry {
  /** Pixel x of the time axis' first and last instant, and those instants (ms since epoch). */
  x0: number;
  x1: number;
  start: number;
  end: number;
  /** Pixel position of each movable forecast, by milestone id. */
  points: Map<string, { x: number; y: number }>;
}

export function newGeometry(): TimelineGeometry {
  return { x0: 0, x1: 0, start: 0, end: 0, points: new Map() };
}

/**
 * The calendar day (`YYYY-MM-DD`) under pixel `x`, rounded to the nearest day and kept within the
 * axis. Null before the chart has drawn.
 */
export function dayAtPixel(x: number, geometry: Pick<TimelineGeometry, 'x0' | 'x1' | 'start' | 'end'>): string | null {
  const { x0, x1, start, end } = geometry;
  if (!(x1 > x0) || !(end > start)) return null;
  const clamped = Math.min(Math.max(x, x0), x1);
  const time = start + ((clamped - x0) / (x1 - x0)) * (end - start);
  return new Date(Math.round(time / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** The pixel x of a calendar day on the axis, kept within it; null before the chart has drawn. */
export function pixelOfDay(day: string, geometry: Pick<TimelineGeometry, 'x0' | 'x1' | 'start' | 'end'>): number | null {
  const { x0, x1, start, end } = geometry;
  const time = Date.parse(`${day}T00:00:00Z`);
  if (!(x1 > x0) || !(end > start) || Number.isNaN(time)) return null;
  const clamped = Math.min(Math.max(time, start), end);
  return x0 + ((clamped - start) / (end - start)) * (x1 - x0);
}

/** How far one key press moves a forecast: a day, a week with Shift. */
export function keyStep(key: string, shift: boolean): number {
  const step = shift ? 7 : 1;
  if (key === 'ArrowRight') return step;
  if (key === 'ArrowLeft') return -step;
  return 0;
}

/** The id of the movable forecast nearest to (x, y) within reach of the pointer, if any. */
export function forecastAt(geometry: Pick<TimelineGeometry, 'points'>, x: number, y: number): string | null {
  let best: string | null = null;
  let bestDistance = PICK_RADIUS;
  for (const [id, point] of geometry.points) {
    const distance = Math.hypot(point.x - x, point.y - y);
    if (distance <= bestDistance) {
      best = id;
      bestDistance = distance;
    }
  }
  return best;
}

/** Whether the pointer moved far enough from where it was pressed to be dragging. */
export function isDrag(from: { x: number; y: number }, to: { x: number; y: number }): boolean {
  return Math.hypot(to.x - from.x, to.y - from.y) >= DRAG_THRESHOLD;
}
