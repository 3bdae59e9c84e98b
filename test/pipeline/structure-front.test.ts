// Front matter and wrapped headings in plain text (what the PDF reader produces).
import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/pipeline';
import { structureText } from '../../src/pipeline/structure';
import { makePdf, wrap, type PlacedText } from './support/pdf';

const ABSTRACT =
  'Glacier fronts retreat as the climate warms, and tracking them by hand does not scale to the thousands of glaciers that satellites now image every few days. ' +
  'We train a small convolutional network that labels radar pixels as ice or water and take the front as the boundary between the two, then compare it with manual tracings.';

const FRONT = `Tracking Glacier Fronts in Radar Images

Ingrid Holm1, Tomas Berg2

1 Department of Geosciences, University of Oslo, Oslo, Norway
2 Norwegian Polar Institute, Tromsø, Norway
* Correspondence: ingrid.holm@geo.uio.no

Keywords: glaciers, radar, deep learning
Received: 3 March 2024; Accepted: 1 June 2024
`;

describe('front matter', () => {
  it('keeps affiliations, e-mails, correspondence and keywords out of sections and body text', () => {
    const p = structureText(`${FRONT}\n1 Introduction\n\nGlaciers lose mass as the climate warms.\n`, { source: 'x' });
    expect(p.sections.map((s) => s.title)).toEqual(['Introduction']);
    expect(p.sections.map((s) => s.text).join(' ')).not.toMatch(/Oslo|Polar Institute|Correspondence|Keywords|Received/);
  });

  it('takes the unlabelled abstract after the front matter, not the affiliation block', () => {
    const p = structureText(`${FRONT}\n${ABSTRACT}\n\n1 Introduction\n\nGlaciers lose mass as the climate warms.\n`, { source: 'x' });
    expect(p.abstract).toBe(ABSTRACT);
  });

  it('leaves prose that mentions a university alone', () => {
    const p = structureText('Title Here\n\n1 Introduction\n\nWe thank the University of Oslo, Norway, for data. It was useful.\n', { source: 'x' });
    expect(p.sections[0].text).toContain('University of Oslo');
  });
});

describe('wrapped headings', () => {
  it('joins the second line of a heading the typesetter wrapped', () => {
    const p = structureText(
      'A Paper\n\n1 Introduction\n\nText one.\n\n2 Tracking Glacier Fronts with a Convolutional Network Trained\non Synthetic Aperture Radar Scenes\n\nThe network labels pixels.\n',
      { source: 'x' },
    );
    expect(p.sections.map((s) => s.title)).toEqual(['Introduction', 'Tracking Glacier Fronts with a Convolutional Network Trained on Synthetic Aperture Radar Scenes']);
    expect(p.sections[1].text).toBe('The network labels pixels.');
  });

  it('does not swallow the first line of the paragraph under a heading', () => {
    const p = structureText('A Paper\n\n2 Tracking Glacier Fronts with a Convolutional Network\nThe network labels each pixel as ice or water\nand the front is the boundary.\n', { source: 'x' });
    expect(p.sections[0].title).toBe('Tracking Glacier Fronts with a Convolutional Network');
    expect(p.sections[0].text).toBe('The network labels each pixel as ice or water and the front is the boundary.');
  });

  it('reads a wrapped heading from a PDF', async () => {
    const body = wrap(ABSTRACT, 90);
    const page: PlacedText[] = [
      { text: 'Tracking Glacier Fronts', x: 200, y: 740, size: 20 },
      { text: '1 Introduction', x: 72, y: 690, size: 12, bold: true },
      ...body.map((text, i) => ({ text, x: 72, y: 670 - i * 13, size: 10 })),
      { text: '2 Tracking Glacier Fronts with a Convolutional Network Trained', x: 72, y: 600, size: 12, bold: true },
      { text: 'on Synthetic Aperture Radar Scenes', x: 72, y: 585, size: 12, bold: true },
      ...body.map((text, i) => ({ text, x: 72, y: 565 - i * 13, size: 10 })),
    ];
    const p = await ingest({ name: 'wrapped.pdf', bytes: await makePdf([page]) });
    expect(p.sections.map((s) => s.title)).toContain('Tracking Glacier Fronts with a Convolutional Network Trained on Synthetic Aperture Radar Scenes');
  });
});
