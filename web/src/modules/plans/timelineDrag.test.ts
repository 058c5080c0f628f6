import { describe, expect, it } from 'vitest';
import { dayToTime } from './format';
import { dayAtPixel, forecastAt, isDrag, keyStep, pixelOfDay } from './timelineDrag';

// An axis from 1 Jan to 31 Jan 2027 (30 days) drawn from x = 100 to x = 400: 10 px a day.
const axis = { x0: 100, x1: 400, start: dayToTime('2027-01-01'), end: dayToTime('2027-01-31') };

describe('dragging a forecast on the timeline', () => {
  it('maps a pixel to the nearest calendar day of the axis', () => {
    expect(dayAtPixel(100, axis)).toBe('2027-01-01');
    expect(dayAtPixel(250, axis)).toBe('2027-01-16');
    expect(dayAtPixel(254, axis)).toBe('2027-01-16');
    expect(dayAtPixel(256, axis)).toBe('2027-01-17');
    expect(dayAtPixel(400, axis)).toBe('2027-01-31');
  });

  it('keeps the day on the axis when the pointer leaves the chart, and knows nothing before it is drawn', () => {
    expect(dayAtPixel(20, axis)).toBe('2027-01-01');
    expect(dayAtPixel(900, axis)).toBe('2027-01-31');
    expect(dayAtPixel(250, { ...axis, x1: axis.x0 })).toBeNull();
  });

  it('picks up the forecast under the pointer, the nearest when two are close, and none far away', () => {
    const points = new Map([
      ['ind', { x: 200, y: 60 }],
      ['fpi', { x: 206, y: 60 }],
      ['hta', { x: 300, y: 120 }],
    ]);
    expect(forecastAt({ points }, 201, 61)).toBe('ind');
    expect(forecastAt({ points }, 205, 58)).toBe('fpi');
    expect(forecastAt({ points }, 300, 128)).toBe('hta');
    expect(forecastAt({ points }, 250, 90)).toBeNull();
  });

  it('tells a click from a drag', () => {
    expect(isDrag({ x: 10, y: 10 }, { x: 12, y: 11 })).toBe(false);
    expect(isDrag({ x: 10, y: 10 }, { x: 16, y: 10 })).toBe(true);
  });

  it('places a day on the axis, the inverse of reading one', () => {
    expect(pixelOfDay('2027-01-01', axis)).toBe(100);
    expect(pixelOfDay('2027-01-16', axis)).toBe(250);
    for (const day of ['2027-01-03', '2027-01-17', '2027-01-30']) expect(dayAtPixel(pixelOfDay(day, axis) ?? -1, axis)).toBe(day);
    expect(pixelOfDay('2026-12-01', axis)).toBe(100);
    expect(pixelOfDay('2027-03-01', axis)).toBe(400);
    expect(pixelOfDay('2027-01-16', { ...axis, x1: axis.x0 })).toBeNull();
  });

  it('moves by a day per arrow key, a week with Shift, and not for other keys', () => {
    expect(keyStep('ArrowRight', false)).toBe(1);
    expect(keyStep('ArrowLeft', false)).toBe(-1);
    expect(keyStep('ArrowRight', true)).toBe(7);
    expect(keyStep('ArrowLeft', true)).toBe(-7);
    expect(keyStep('ArrowUp', false)).toBe(0);
    expect(keyStep('a', true)).toBe(0);
  });
});
