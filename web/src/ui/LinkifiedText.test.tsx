import { render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { LinkifiedText, linkify } from './LinkifiedText';

function show(text: string) {
  return render(
    <MantineProvider>
      <LinkifiedText text={text} data-testid="text" />
    </MantineProvider>,
  );
}

describe('LinkifiedText', () => {
  it('links http and https addresses, opening a new tab without a handle on this one', () => {
    show('Deck at https://docs.example/q3 and the old one at http://old.example/deck?v=2#p3 too');
    const https = screen.getByRole('link', { name: 'https://docs.example/q3' });
    expect(https).toHaveAttribute('href', 'https://docs.example/q3');
    expect(https).toHaveAttribute('target', '_blank');
    expect(https).toHaveAttribute('rel', 'noopener noreferrer');
    const http = screen.getByRole('link', { name: 'http://old.example/deck?v=2#p3' });
    expect(http).toHaveAttribute('href', 'http://old.example/deck?v=2#p3');
    expect(http).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.getByTestId('text')).toHaveTextContent('Deck at https://docs.example/q3 and the old one at http://old.example/deck?v=2#p3 too');
  });

  it('links mailto addresses in the same tab', () => {
    show('Write to mailto:bd@pulsewise.example for the data room.');
    const mail = screen.getByRole('link', { name: 'mailto:bd@pulsewise.example' });
    expect(mail).toHaveAttribute('href', 'mailto:bd@pulsewise.example');
    expect(mail).toHaveAttribute('rel', 'noopener noreferrer');
    expect(mail).not.toHaveAttribute('target');
  });

  it('leaves javascript:, data: and other schemes as text', () => {
    show('javascript:alert(document.cookie) data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg== ftp://files.example/x <b>bold</b>');
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
    expect(screen.getByTestId('text')).toHaveTextContent(
      'javascript:alert(document.cookie) data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg== ftp://files.example/x <b>bold</b>',
    );
    expect(screen.getByTestId('text').querySelector('b')).toBeNull();
  });

  it('leaves the punctuation after an address out of the link, and keeps it as text', () => {
    show('See https://a.example/report. Also (https://b.example/x), “https://c.example/y”! And https://en.example/wiki/Foo_(bar).');
    expect(screen.getByRole('link', { name: 'https://a.example/report' })).toHaveAttribute('href', 'https://a.example/report');
    expect(screen.getByRole('link', { name: 'https://b.example/x' })).toHaveAttribute('href', 'https://b.example/x');
    expect(screen.getByRole('link', { name: 'https://c.example/y' })).toHaveAttribute('href', 'https://c.example/y');
    // A bracket the address opened is part of it.
    expect(screen.getByRole('link', { name: 'https://en.example/wiki/Foo_(bar)' })).toBeInTheDocument();
    expect(screen.getByTestId('text')).toHaveTextContent(
      'See https://a.example/report. Also (https://b.example/x), “https://c.example/y”! And https://en.example/wiki/Foo_(bar).',
    );
  });

  it('keeps line breaks and wraps long words inside the card', () => {
    show('First line\nhttps://very-long.example/' + 'a'.repeat(200));
    const text = screen.getByTestId('text');
    expect(text.style.whiteSpace).toBe('pre-wrap');
    expect(text.style.overflowWrap).toBe('anywhere');
  });

  it('gives back every character of the text, in order', () => {
    const text = 'x https://a.example/b, mailto:y@z.example; javascript:void(0) end';
    expect(linkify(text).map((p) => p.text).join('')).toBe(text);
    expect(linkify(text).filter((p) => p.kind === 'link').map((p) => p.text)).toEqual(['https://a.example/b', 'mailto:y@z.example']);
  });
});
