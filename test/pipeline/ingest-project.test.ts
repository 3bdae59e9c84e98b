// Multi-file LaTeX projects: a folder, several files, or an archive (.zip, .tar, .tar.gz, one
// gzipped file) read as one paper from its main file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, zipSync } from 'fflate';
import { createTar } from 'nanotar';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/pipeline';
import { selectSections } from '../../src/pipeline/selection';
import { readTree } from '../support/tree';

const DIR = join(__dirname, '../data/latex-project');

const projectFiles = (prefix = '') => readTree(DIR, prefix);

function expectWholeProject(p: Awaited<ReturnType<typeof ingest>>) {
  expect(p.title).toBe('GlacierFlow: Tracking Glacier Retreat from Satellite Radar');
  expect(p.abstract).toContain('within 0.1 km of manual tracings');
  expect(p.sections.map((s) => [s.title, s.kind])).toEqual([
    ['Abstract', 'abstract'],
    ['Introduction', 'body'],
    ['Method', 'body'],
    ['Results', 'body'],
    ['Conclusion', 'body'],
    ['Training details', 'appendix'],
    ['References', 'references'],
  ]);
  const intro = p.sections[1].text;
  // Citation numbers come from first use; references resolve across files.
  expect(intro).toContain('as the climate warms [1]');
  expect(intro).toContain('Section 2 describes our method and Appendix A how it was trained.');
  expect(p.sections[2].text).toContain('ice or water [2]');
  expect(p.sections[2].text).not.toMatch(/documentclass|subfiles/);
  expect(p.sections.map((s) => s.text).join(' ')).not.toMatch(/old-results/);
  expect(p.warnings).toEqual([]);
  expect(selectSections(p)).toEqual([0, 1, 2, 3, 4]);
}

describe('multi-file LaTeX projects', () => {
  it('a dropped folder: finds main.tex, resolves \\input, \\include, \\subfile, \\import and reads the .bbl', async () => {
    expectWholeProject(await ingest({ name: 'glacier', files: projectFiles('glacier/') }));
  });

  it('finds the main file by \\documentclass + \\begin{document}, whatever its name', async () => {
    const files = projectFiles().map((f) => (f.path === 'main.tex' ? { ...f, path: 'glacier-2024.tex' } : f));
    const p = await ingest({ name: 'several files', files });
    expect(p.title).toBe('GlacierFlow: Tracking Glacier Retreat from Satellite Radar');
    expect(p.sections.some((s) => s.title === 'Method')).toBe(true);
  });

  it('several files picked without their folders still resolve \\include{sections/intro}', async () => {
    const files = projectFiles().map((f) => ({ ...f, path: f.path.replace(/^.*\//, '') }));
    expectWholeProject(await ingest({ name: '7 files', files }));
  });

  it('a .tar.gz as arXiv distributes sources', async () => {
    const tar = createTar(projectFiles().map((f) => ({ name: f.path, data: f.bytes })));
    expectWholeProject(await ingest({ name: '2401.00001.tar.gz', bytes: gzipSync(tar) }));
  });

  it('a .tar and a .zip', async () => {
    const files = projectFiles('paper/');
    expectWholeProject(await ingest({ name: 'src.tar', bytes: createTar(files.map((f) => ({ name: f.path, data: f.bytes }))) }));
    expectWholeProject(await ingest({ name: 'src.zip', bytes: zipSync(Object.fromEntries(files.map((f) => [f.path, f.bytes]))) }));
  });

  it('a single gzipped source without extension (arXiv one-file submissions)', async () => {
    const src = String.raw`\documentclass{article}\title{One File}\begin{document}\section{Intro} Text of a one-file paper.\end{document}`;
    const p = await ingest({ name: '2401.00002.gz', bytes: gzipSync(new TextEncoder().encode(src)) });
    expect(p.title).toBe('One File');
  });

  it('warns about included files the project lacks, and about a main file read alone', async () => {
    const files = projectFiles().filter((f) => !f.path.endsWith('results.tex'));
    const p = await ingest({ name: 'partial', files });
    expect(p.warnings.join(' ')).toMatch(/results/);
    const alone = await ingest({ name: 'main.tex', bytes: new Uint8Array(readFileSync(join(DIR, 'main.tex'))) });
    expect(alone.warnings.join(' ')).toMatch(/folder or its \.zip\/\.tar\.gz/);
  });

  it('refuses a damaged archive and one without a paper clearly', async () => {
    const tgz = gzipSync(createTar([{ name: 'a.tex', data: 'x' }]));
    await expect(ingest({ name: 'cut.tar.gz', bytes: tgz.subarray(0, 20) })).rejects.toMatchObject({ code: 'damaged-archive' });
    await expect(ingest({ name: 'cut.zip', bytes: zipSync({ 'a.tex': new Uint8Array([97]) }).subarray(0, 30) })).rejects.toMatchObject({ code: 'damaged-archive' });
    const zip = zipSync({ 'data.csv': new TextEncoder().encode('a,b') , 'fig.png': new Uint8Array([1, 2]) });
    await expect(ingest({ name: 'x.zip', bytes: zip })).rejects.toMatchObject({ code: 'unsupported-type' });
    await expect(ingest({ name: 'x', files: [{ path: 'a.csv', bytes: new Uint8Array([97]) }] })).rejects.toMatchObject({ code: 'no-paper-in-files' });
  });
});

describe('archives of any bytes (property)', () => {
  it('either read or refused with an IngestError, never another exception', async () => {
    const fc = (await import('fast-check')).default;
    const { IngestError } = await import('../../src/pipeline');
    const good = gzipSync(createTar(projectFiles().map((f) => ({ name: f.path, data: f.bytes }))));
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: good.length - 1 }), fc.integer({ min: 0, max: 255 }), fc.boolean(), async (at, byte, cut) => {
        const bytes = cut ? good.subarray(0, at) : Uint8Array.from(good, (b, i) => (i === at ? byte : b));
        const out = await ingest({ name: 'x.tar.gz', bytes }).then(
          () => null,
          (e: unknown) => e,
        );
        if (out !== null) expect(out).toBeInstanceOf(IngestError);
      }),
      { numRuns: 150, seed: 13 },
    );
  });
});
