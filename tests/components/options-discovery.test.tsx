import { render, screen } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { OptionsPage } from '@/components/options/OptionsPage';
import { readPrefill } from '@/components/options/prefill';
import { input, stubFetch } from './options-helpers';

const PREFILL = { consoleUrl: 'http://127.0.0.1:8084/', managementUrl: 'http://127.0.0.1:8083/management', organization: 'UIO' };

function renderPage() {
  render(<OptionsPage fetchImpl={stubFetch({}).fetchImpl} />);
}

beforeEach(() => {
  fakeBrowser.reset();
  window.location.hash = '';
});

describe('readPrefill', () => {
  it('reads a console found by the content script', () => {
    expect(readPrefill(`#connect=${encodeURIComponent(JSON.stringify({ ...PREFILL, version: '4.13.0' }))}`)).toEqual(PREFILL);
  });

  it('ignores anything else', () => {
    expect(readPrefill('')).toBeNull();
    expect(readPrefill('#connect=%7Bnot json')).toBeNull();
    expect(readPrefill(`#connect=${encodeURIComponent(JSON.stringify({ consoleUrl: 'x' }))}`)).toBeNull();
  });
});

describe('OptionsPage with a found console', () => {
  it('opens a new connection with the found values', async () => {
    window.location.hash = `#connect=${encodeURIComponent(JSON.stringify(PREFILL))}`;
    renderPage();
    await screen.findByRole('heading', { name: 'New connection' });
    expect(input('Console URL').value).toBe(PREFILL.consoleUrl);
    expect(input('Management API URL').value).toBe(PREFILL.managementUrl);
    expect(input('Organization').value).toBe('UIO');
  });
});

describe('OptionsPage session warning', () => {
  it('asks for a token when console and API are on different sites', async () => {
    window.location.hash = `#connect=${encodeURIComponent(JSON.stringify({ ...PREFILL, consoleUrl: 'http://localhost:8084/' }))}`;
    renderPage();
    expect(await screen.findByText(/different sites, so the browser never shares the console session/)).toBeTruthy();
  });

  it('says nothing on the same site', async () => {
    window.location.hash = `#connect=${encodeURIComponent(JSON.stringify(PREFILL))}`;
    renderPage();
    await screen.findByRole('heading', { name: 'New connection' });
    expect(screen.queryByText(/different sites, so the browser never shares/)).toBeNull();
  });
});

describe('canonicalManagementUrl', () => {
  it('spells one server one way', async () => {
    const { canonicalManagementUrl } = await import('@/components/options/validate-connection');
    expect(canonicalManagementUrl('HTTP://API.Example.org/./management/')).toBe('http://api.example.org/management');
    expect(canonicalManagementUrl(' https://api.example.org/x/../management ')).toBe('https://api.example.org/management');
  });

  it('rejects queries, fragments and credentials', async () => {
    const { canonicalManagementUrl } = await import('@/components/options/validate-connection');
    expect(canonicalManagementUrl('https://api.example.org/management?')).toBeNull();
    expect(canonicalManagementUrl('https://api.example.org/management#top')).toBeNull();
    expect(canonicalManagementUrl('https://user:secret@api.example.org/management')).toBeNull();
    expect(canonicalManagementUrl('ftp://api.example.org/management')).toBeNull();
  });
});
