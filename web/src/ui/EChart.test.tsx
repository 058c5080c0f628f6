import { render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { EChart } from './EChart';

describe('a chart', () => {
  it('says so, instead of failing the page, where the browser gives no canvas to draw on', () => {
    // jsdom, like a browser that blocks canvases, answers null for a 2D context.
    expect(document.createElement('canvas').getContext('2d')).toBeNull();
    render(
      <MantineProvider>
        <EChart option={{ series: [] }} label="Milestones by month" />
      </MantineProvider>,
    );
    const chart = screen.getByRole('img', { name: 'Milestones by month' });
    expect(chart).toHaveTextContent('This browser does not draw charts. The same figures are shown as text on this page.');
  });
});
