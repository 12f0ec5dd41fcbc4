// What the pseudo-locale test looks for in a page: text that was not translated (ASCII letters
// left once the known data — names, addresses, message text, times — is taken out), text clipped
// by its box (wider or taller than it, unless it ellipsizes with a title to read it all), and
// sibling labels whose boxes overlap. Runs inside the page, so it is one self-contained function.

export interface LayoutProblem {
  readonly kind: 'untranslated' | 'clipped' | 'overlap';
  readonly where: string;
  readonly text: string;
}

export function findLayoutProblems(data: readonly string[]): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const describe = (el: Element): string => {
    const parts: string[] = [];
    for (let at: Element | null = el; at !== null && at !== document.body && parts.length < 4; at = at.parentElement) {
      parts.unshift(`${at.tagName.toLowerCase()}${at.id === '' ? '' : `#${at.id}`}${typeof at.className === 'string' && at.className !== '' ? `.${at.className.trim().split(/\s+/).join('.')}` : ''}`);
    }
    return parts.join(' > ');
  };
  const visible = (el: Element): boolean => {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    const style = getComputedStyle(el);
    return style.visibility !== 'hidden' && style.display !== 'none' && !el.closest('.visually-hidden, [aria-hidden="true"]');
  };
  // Longest first, so "Ben Osei" goes before "Ben".
  const known = [...data].filter((d) => d.trim() !== '').sort((a, b) => b.length - a.length);
  const leftover = (text: string): string => {
    let rest = text;
    for (const d of known) rest = rest.split(d).join(' ');
    // Times and dates are data too (formatted by the locale, digits and AM/PM).
    return rest.replace(/\b\d{1,2}:\d{2}\s?(AM|PM)?/g, ' ').replace(/https?:\/\/\S+/g, ' ').replace(/[\w.+-]+@[\w.-]+/g, ' ');
  };
  const untranslated = (el: Element, text: string): void => {
    if (/[A-Za-z]/.test(leftover(text))) problems.push({ kind: 'untranslated', where: describe(el), text: text.trim() });
  };

  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const textParents = new Set<Element>();
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const parent = node.parentElement;
    const text = node.textContent ?? '';
    if (parent === null || text.trim() === '' || !visible(parent) || parent.closest('script, style, option, .avatar-initials')) continue;
    untranslated(parent, text);
    textParents.add(parent);
  }
  for (const el of document.querySelectorAll('[placeholder], [title], [aria-label], select')) {
    if (el instanceof HTMLSelectElement) {
      if (visible(el)) untranslated(el, el.selectedOptions[0]?.textContent ?? '');
      continue;
    }
    for (const name of ['placeholder', 'title', 'aria-label']) {
      const value = el.getAttribute(name);
      if (value !== null && !el.closest('.visually-hidden') && (visible(el) || el.closest('[role="listbox"], [role="log"]') !== null)) untranslated(el, value);
    }
  }

  // Clipping: the nearest box that is not inline (an inline element's text flows in its block).
  const boxes = new Set<Element>();
  for (const el of textParents) {
    let box: Element | null = el;
    while (box !== null && getComputedStyle(box).display === 'inline') box = box.parentElement;
    if (box !== null) boxes.add(box);
  }
  for (const el of document.querySelectorAll('button, select, input, label, legend')) if (visible(el)) boxes.add(el);
  for (const box of boxes) {
    if (!(box instanceof HTMLElement) || box.clientWidth === 0) continue;
    const style = getComputedStyle(box);
    const ellipsized = style.textOverflow === 'ellipsis';
    const readable = ellipsized && box.closest('[title]') !== null;
    const tooWide = box.scrollWidth > box.clientWidth + 1;
    const tooTall = (style.overflowY === 'hidden' || style.overflowY === 'clip') && box.scrollHeight > box.clientHeight + 1;
    if ((tooWide && !readable) || tooTall) problems.push({ kind: 'clipped', where: describe(box), text: (box.textContent ?? '').trim().slice(0, 80) });
  }

  // Overlap: sibling elements that both show text must not cover each other.
  const withText = (el: Element): boolean => visible(el) && (el.textContent ?? '').trim() !== '' && getComputedStyle(el).position !== 'absolute';
  for (const parent of new Set([...textParents].map((el) => el.parentElement).filter((p): p is HTMLElement => p !== null))) {
    const kids = [...parent.children].filter(withText);
    for (let i = 0; i < kids.length; i++) {
      for (let j = i + 1; j < kids.length; j++) {
        const a = (kids[i] as Element).getBoundingClientRect();
        const b = (kids[j] as Element).getBoundingClientRect();
        const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (x > 1 && y > 1) problems.push({ kind: 'overlap', where: `${describe(kids[i] as Element)} / ${describe(kids[j] as Element)}`, text: `${(kids[i] as Element).textContent ?? ''} / ${(kids[j] as Element).textContent ?? ''}`.slice(0, 120) });
      }
    }
  }
  return problems;
}
