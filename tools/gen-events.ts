import fs from 'node:fs/promises';
import { EVENTS_DOC_FILE, renderEventsDoc } from './events-doc.ts';

// npm run gen:events: rewrites docs/events.md from the event catalog.
const text = renderEventsDoc();
const before = await fs.readFile(EVENTS_DOC_FILE, 'utf8').catch(() => null);
if (before === text) {
  console.log(`${EVENTS_DOC_FILE} is up to date`);
} else {
  await fs.writeFile(EVENTS_DOC_FILE, text);
  console.log(`wrote ${EVENTS_DOC_FILE} (${text.length} characters)`);
}
