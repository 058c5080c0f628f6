import { screen, waitFor, within } from '@testing-library/react';
import userEventLib from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeAgreement, makeDocument } from '../../test/agreements';
import { fakeApi, makeAlliance, problem, renderPage } from '../../test/utils';
import { DocumentsCard } from './DocumentsCard';

const user = userEventLib.setup({ delay: null });

afterEach(() => vi.unstubAllGlobals());

const alliance = makeAlliance();
const agreement = makeAgreement({ id: '01a1ffd0-0000-7000-9000-0000000a0009' });
const path = `/api/v1/alliances/${alliance.id}/agreements/${agreement.id}/documents`;
const v2 = makeDocument({ name: 'CLA signed.pdf', version: 2, latest: true, uploaded_by_name: 'Dana Whitfield' });
const v1 = makeDocument({ name: 'CLA signed.pdf', version: 1, latest: false, sha256: 'aaaabbbbccccddddeeee' });

function pdf(name = 'Side letter.pdf') {
  return new File(['%PDF-1.7 side letter'], name, { type: 'application/pdf' });
}

describe('agreement documents', () => {
  it('lists every version with its size, fingerprint, uploader and a download link', async () => {
    fakeApi({ [`GET ${path}`]: { status: 200, body: { items: [v2, v1] } } });
    renderPage(<DocumentsCard alliance={alliance} agreement={agreement} />);
    const table = await screen.findByRole('table', { name: 'Documents' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-version'))).toEqual(['2', '1']);
    expect(rows[0]).toHaveTextContent('v2');
    expect(within(rows[0]!).getByText('Latest')).toBeInTheDocument();
    expect(rows[0]).toHaveTextContent('PDF');
    expect(rows[0]).toHaveTextContent('240 KB');
    expect(rows[0]).toHaveTextContent('9f86d081884c');
    expect(rows[0]).toHaveTextContent('Dana Whitfield');
    expect(within(rows[1]!).queryByText('Latest')).not.toBeInTheDocument();
    expect(within(rows[0]!).getByRole('link', { name: 'Download CLA signed.pdf version 2' })).toHaveAttribute('href', `${path}/${v2.id}/content`);
  });

  it('uploads the raw file under its name with the CSRF header, then lists it', { timeout: 40000 }, async () => {
    let listed = [v1];
    const seen = fakeApi({
      [`GET ${path}`]: () => ({ status: 200, body: { items: listed } }),
      [`POST ${path}`]: () => {
        const stored = makeDocument({ name: 'Side letter.pdf', version: 1 });
        listed = [stored, v1];
        return { status: 201, body: stored };
      },
    });
    renderPage(<DocumentsCard alliance={alliance} agreement={agreement} />);
    await screen.findByRole('table', { name: 'Documents' });
    await user.upload(screen.getByLabelText('Document file'), pdf());
    await waitFor(() => expect(seen.some((r) => r.method === 'POST')).toBe(true));
    const post = seen.find((r) => r.method === 'POST');
    expect(post?.search.get('name')).toBe('Side letter.pdf');
    expect(post?.headers.get('X-CSRF-Token')).toBe('csrf-test-token');
    expect(post?.headers.get('Content-Type')).toBe('application/pdf');
    expect(post?.body).toBe('%PDF-1.7 side letter');
    expect(await screen.findByRole('row', { name: /Side letter\.pdf/ })).toBeInTheDocument();
  });

  it('shows the server’s reason when a file is too large', async () => {
    fakeApi({
      [`GET ${path}`]: { status: 200, body: { items: [] } },
      [`POST ${path}`]: problem(413, 'The file is larger than the upload limit of 10 MiB.'),
    });
    renderPage(<DocumentsCard alliance={alliance} agreement={agreement} />);
    expect(await screen.findByText('No documents yet.')).toBeInTheDocument();
    await user.upload(screen.getByLabelText('Document file'), pdf('Huge scan.pdf'));
    const alert = await screen.findByRole('alert', { name: '“Huge scan.pdf” was not uploaded' });
    expect(alert).toHaveTextContent('The file is larger than the upload limit of 10 MiB.');
  });

  it('shows the server’s reason when a file is not accepted', async () => {
    fakeApi({
      [`GET ${path}`]: { status: 200, body: { items: [] } },
      [`POST ${path}`]: problem(422, 'executable files are not accepted'),
    });
    renderPage(<DocumentsCard alliance={alliance} agreement={agreement} />);
    await screen.findByText('No documents yet.');
    await user.upload(screen.getByLabelText('Document file'), new File(['MZ'], 'tool.pdf', { type: 'application/pdf' }));
    expect(await screen.findByRole('alert', { name: '“tool.pdf” was not uploaded' })).toHaveTextContent('Executable files are not accepted.');
  });

  it('offers no upload to a viewer', async () => {
    fakeApi({ [`GET ${path}`]: { status: 200, body: { items: [v1] } } });
    renderPage(<DocumentsCard alliance={makeAlliance({ my_role: 'viewer' })} agreement={agreement} />);
    await screen.findByRole('table', { name: 'Documents' });
    expect(screen.queryByRole('button', { name: 'Upload' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Document file')).not.toBeInTheDocument();
  });
});
