import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// Every page's brand and main navigation, written once: `<!-- site-nav:KEY -->` in a page
// becomes this markup with KEY's link marked as the current page.
const NAV: [key: string, href: string, label: string][] = [
  ['generate', '/', 'Generate'],
  ['galleries', '/galleries.html', 'My galleries'],
  ['public', '/public.html', 'Public gallery'],
  ['admin', '/admin', 'Admin'],
];

export function siteNav(current: string): string {
  const links = NAV.map(([key, href, label]) => {
    const here = key === current ? ' aria-current="page"' : '';
    return `        <a href="${href}"${here}>${label}</a>`;
  }).join('\n');
  return (
    '<a class="brand" href="/">Overpaint</a>\n' +
    '      <nav class="site-nav" aria-label="Main">\n' +
    `${links}\n      </nav>`
  );
}

const siteNavPlugin: Plugin = {
  name: 'overpaint-site-nav',
  transformIndexHtml: (html) => html.replace(/<!-- site-nav:([a-z]+) -->/g, (_, key) => siteNav(key)),
};

export default defineConfig({
  plugins: [siteNavPlugin],
  base: '/',
  build: {
    outDir: '../target/classes/META-INF/resources',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: resolve(__dirname, 'index.html'),
        gallery: resolve(__dirname, 'gallery.html'),
        galleries: resolve(__dirname, 'galleries.html'),
        item: resolve(__dirname, 'item.html'),
        public: resolve(__dirname, 'public.html'),
        admin: resolve(__dirname, 'admin.html'),
        'admin-login': resolve(__dirname, 'admin-login.html'),
      },
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/ws': { target: 'ws://localhost:8080', ws: true },
    },
  },
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
  },
});
