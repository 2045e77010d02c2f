// Small Markdown documents for the authoring tests: each section is long enough to be its own lesson.

const SENTENCES = [
  'The heart pumps blood through the arteries to every organ of the body.',
  'Oxygen binds to haemoglobin in red blood cells while they pass through the lungs.',
  'Veins carry blood back to the heart at a lower pressure than arteries do.',
  'Capillaries are the smallest vessels, where gases and nutrients are exchanged with tissues.',
  'The left ventricle has the thickest wall because it pumps blood into the whole body.',
  'Blood pressure is measured as systolic pressure over diastolic pressure in millimetres of mercury.',
  'The sinoatrial node is the natural pacemaker that starts each heartbeat.',
  'Platelets help blood to clot when a vessel is damaged.',
];

/** About `words` words of plain prose about `topic`. */
export function prose(topic: string, words = 190): string {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < words; i++) {
    const s = `${SENTENCES[i % SENTENCES.length]} This matters for ${topic}.`;
    out.push(s);
    n += s.split(/\s+/).length;
  }
  return out.join(' ');
}

/** A Markdown document with a title and one `##` section per heading. */
export function markdownDoc(title: string, headings: readonly string[], body: (heading: string) => string = (h) => prose(h)): string {
  return [`# ${title}`, '', ...headings.flatMap((h) => [`## ${h}`, '', body(h), ''])].join('\n');
}
