/** A parsed XML element: name, attributes (entities decoded) and child elements (text is ignored). */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e] ?? '');
}

/**
 * A strict little XML reader for tests: one prolog, elements with double-quoted attributes,
 * self-closing tags; throws on a stray '<' or '&', a mismatched or unclosed tag, or trailing text.
 */
export function parseXml(text: string): XmlElement {
  const body = text.replace(/^<\?xml[^?]*\?>\s*/, '');
  const tag = /<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y;
  const attr = /([\w:.-]+)="([^"]*)"/g;
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let i = 0;
  while (i < body.length) {
    const lt = body.indexOf('<', i);
    const between = body.slice(i, lt < 0 ? body.length : lt);
    if (/&(?!(amp|lt|gt|quot|apos);)/.test(between)) throw new Error(`bad entity near ${i}`);
    if (lt < 0) {
      if (between.trim() !== '') throw new Error('text after the root element');
      break;
    }
    tag.lastIndex = lt;
    const m = tag.exec(body);
    if (!m) throw new Error(`malformed tag at ${lt}: ${body.slice(lt, lt + 60)}`);
    const [whole, closing, name = '', attrText = '', selfClosing] = m;
    i = lt + whole.length;
    if (closing) {
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`</${name}> closes <${open?.name ?? 'nothing'}>`);
      if (stack.length === 0) root = open;
      continue;
    }
    const el: XmlElement = { name, attrs: {}, children: [] };
    for (const a of attrText.matchAll(attr)) el.attrs[a[1] ?? ''] = decode(a[2] ?? '');
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(el);
    else if (root || stack.length > 0) throw new Error('more than one root element');
    if (selfClosing) {
      if (!parent) root = el;
    } else stack.push(el);
  }
  if (stack.length > 0 || !root) throw new Error(`unclosed <${stack[stack.length - 1]?.name ?? 'root'}>`);
  return root;
}
