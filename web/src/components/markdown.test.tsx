// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Markdown } from './markdown.js';

afterEach(cleanup);

describe('Markdown', () => {
  it('renders the card subset as elements and never as HTML', () => {
    const { container } = render(
      <Markdown
        text={
          '# Title\nFirst *line*\nsame paragraph with `code`\n\n- **Bold** item\n- [x](http://a.example/) <script>alert(1)</script>\n\n[js](javascript:alert(1)) and \\_escaped\\_'
        }
      />,
    );
    expect(container.querySelector('h4')?.textContent).toBe('Title');
    expect(container.querySelectorAll('p')[0]?.textContent).toBe('First line same paragraph with code');
    expect(container.querySelector('em')?.textContent).toBe('line');
    expect(container.querySelector('code')?.textContent).toBe('code');
    expect(container.querySelectorAll('li')).toHaveLength(2);
    expect(container.querySelector('li strong')?.textContent).toBe('Bold');
    expect(container.querySelector('script')).toBeNull();
    expect(container.textContent).toContain('<script>alert(1)</script>');
    const links = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['http://a.example/']);
    expect(container.textContent).toContain('js and _escaped_');
  });
});
