import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Kpi } from './types';
import { makeKpi } from '../../test/plan';
import { fakeApi, renderPage } from '../../test/utils';
import { KpiCard } from './KpiCard';

afterEach(() => vi.unstubAllGlobals());

function value(measured_on: string, v: number): Kpi['values'][number] {
  return { id: `v-${measured_on}`, measured_on, value: v, note: null, entered_by: 'u', entered_by_name: 'Alice Moreau', created_at: `${measured_on}T10:00:00.000Z` };
}

function renderCard(kpi: Kpi, canAddValue = true) {
  fakeApi({});
  const noop = vi.fn();
  renderPage(<KpiCard kpi={kpi} canAddValue={canAddValue} canChange onAddValue={noop} onEdit={noop} onDelete={noop} onValues={noop} />);
  return screen.getByRole('article', { name: kpi.name });
}

describe('KpiCard', () => {
  it('shows the RAG status, the latest value with its unit and the target', () => {
    const card = renderCard(
      makeKpi({
        status: 'amber',
        latest: { measured_on: '2026-10-31', value: 34 },
        values: [value('2026-08-31', 22), value('2026-09-30', 28), value('2026-10-31', 34)],
      }),
    );
    expect(within(card).getByText('Amber').closest('[data-rag]')).toHaveAttribute('data-rag', 'amber');
    expect(within(card).getByTestId('kpi-latest')).toHaveTextContent('34 patients');
    expect(within(card).getByText('40 patients')).toBeInTheDocument();
    expect(within(card).getByText('Leading')).toBeInTheDocument();
    expect(within(card).getByRole('img', { name: /Trend of Patients enrolled per month, oldest first: 22 patients, 28 patients, 34 patients/ })).toBeInTheDocument();
  });

  it('says where the values come from when the KPI names a data source', () => {
    expect(renderCard(makeKpi({ data_source: 'Site monitoring report' }))).toHaveTextContent('source: Site monitoring report');
    expect(renderCard(makeKpi({ name: 'Unsourced', data_source: '' }))).not.toHaveTextContent('source:');
  });

  it('says “No data” and “No value yet” before the first measurement', () => {
    const card = renderCard(makeKpi({ status: 'no_data', latest: null, values: [], indicator: 'lagging' }));
    expect(within(card).getByText('No data')).toBeInTheDocument();
    expect(within(card).getByText('No value yet')).toBeInTheDocument();
    expect(within(card).getByText('Lagging')).toBeInTheDocument();
    expect(within(card).queryByRole('img')).not.toBeInTheDocument();
  });

  it('shows red and green in words', () => {
    renderCard(makeKpi({ name: 'Screen failures', status: 'red', latest: { measured_on: '2026-10-31', value: 12 } }));
    expect(screen.getByText('Red')).toBeInTheDocument();
  });

  it('offers “Add a value” only to people who may write', () => {
    const card = renderCard(makeKpi({ status: 'green' }), false);
    expect(within(card).getByText('Green')).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: /Add a value/ })).not.toBeInTheDocument();
  });
});
