/**
 * The hostile-page catalogue shared by the Chromium (`tests/browser/hostile-pages.test.ts`) and
 * Firefox (`tests/firefox/hostile-pages.test.ts`) suites: plan pages that rewrite themselves,
 * remove nodes they did not make, override built-ins, forbid everything by CSP, carry mojibake,
 * astral and right-to-left text, hold their plan in an iframe, an open shadow root or a frameset,
 * replace themselves with `document.write`, or carry 10,000 targets. Each page says which
 * quantities must be highlighted (wherever they are: top document, frames, shadow roots) and how
 * to check, in the page's own world, that its own behaviour survived PlanLens.
 *
 * Sentences are real plan sentences (seed 003, 内蒙古 2026 plan). Pages are served under
 * `www.nmg.gov.cn` (a plan host name both browsers resolve to loopback).
 *
 * @module
 */

/** The host every hostile page is served under. */
export const HOSTILE_HOST = 'www.nmg.gov.cn';

/** The plan's opening: enough for the gate to take the page for a plan. */
const PLAN_HEAD = `<h1>关于2025年国民经济和社会发展计划执行情况与2026年计划草案的报告</h1>
<h2>二、2026年经济社会发展的主要目标</h2>
<p>地区生产总值增长5%左右，城镇调查失业率5.7%左右，城镇新增就业18万人以上。</p>
<p>居民消费价格涨幅2%左右，粮食产量超过840亿斤。</p>`;

/** Quantities of {@link PLAN_HEAD} as highlighted. */
const HEAD_TARGETS = ['5%左右', '5.7%左右', '18万人以上', '2%左右', '840亿斤'];

const TITLE = '关于内蒙古自治区2025年国民经济和社会发展计划执行情况与2026年计划草案的报告';

function page(body: string, head = ''): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${TITLE}</title>${head}</head>
<body>${body}</body></html>`;
}

/** One hostile page. */
export interface HostilePage {
  /** Short name, used in test titles and as the file name (`/hostile/<name>.html`). */
  name: string;
  /** Served routes: path → body (the page itself and any frames it loads). */
  routes: Record<string, string>;
  /** Each must be the start of some highlighted range (top document, frames, shadow roots). */
  highlighted: string[];
  /**
   * Source of a function run in the page's world after PlanLens has highlighted; it returns
   * `true` when the page's own behaviour is intact (its timers, observers and overrides still do
   * what they did), or a string saying what broke. Plain ES5-ish source: it runs in both browsers.
   */
  pageCheck?: string;
  /** Targets at least (from the reader's counts) when the page has too many to list. */
  minTargets?: number;
}

/** `/hostile/<name>.html` */
export function hostilePath(name: string): string {
  return `/hostile/${name}.html`;
}

const single = (name: string, html: string, rest: Omit<HostilePage, 'name' | 'routes'>): HostilePage => ({
  name,
  routes: { [hostilePath(name)]: html },
  ...rest,
});

/** A page that rewrites its own article all the time: a clock every 50 ms, a figure every 300 ms. */
const SELF_REWRITING = single(
  'self-rewriting',
  page(`<article>${PLAN_HEAD}
<p>更新时间：<span id="clock">0</span></p>
<p id="live">奶产量稳定在750万吨左右。</p>
</article>
<script>
  window.__ticks = 0;
  setInterval(() => { document.getElementById('clock').textContent = String(++window.__ticks); }, 50);
  let flip = false;
  setInterval(() => {
    flip = !flip;
    document.getElementById('live').textContent = flip ? '奶产量稳定在760万吨左右。' : '奶产量稳定在750万吨左右。';
  }, 300);
</script>`),
  {
    highlighted: [...HEAD_TARGETS],
    pageCheck: `() => {
      const t = window.__ticks;
      return new Promise((r) => setTimeout(() => r(window.__ticks > t || 'clock stopped'), 300));
    }`,
  },
);

/** A page that removes every node it did not make itself (our UI hosts included). */
const NODE_REMOVING = single(
  'node-removing',
  page(`<article>${PLAN_HEAD}<p id="late"></p></article>
<script>
  window.__removed = 0;
  const mine = new WeakSet();
  for (const el of document.querySelectorAll('*')) mine.add(el);
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) {
      if (n.nodeType === 1 && !mine.has(n)) { n.remove(); window.__removed++; }
    }
  }).observe(document.documentElement, { childList: true, subtree: true });
  window.addEventListener('load', () => {
    const p = document.createElement('p');
    mine.add(p);
    p.id = 'own';
    p.textContent = '奶产量稳定在750万吨左右。';
    document.getElementById('late').append(p);
  });
</script>`),
  {
    highlighted: [...HEAD_TARGETS, '750万吨左右'],
    pageCheck: `() => {
      const probe = document.createElement('div');
      document.body.append(probe);
      return new Promise((r) => setTimeout(() => r(!probe.isConnected && !!document.getElementById('own') || 'observer gone'), 50));
    }`,
  },
);

/**
 * Built-ins the page replaces before any content script runs. Every replacement records calls
 * whose stack names an extension script (ours would), and passes the call on, so the page itself
 * keeps working; `__selfTest()` checks the page's own use of them.
 */
const OVERRIDDEN = [
  'Range.prototype.setStart',
  'Range.prototype.setEnd',
  'Range.prototype.getBoundingClientRect',
  'Range.prototype.toString',
  'Document.prototype.createRange',
  'Document.prototype.createTreeWalker',
  'Array.prototype.push',
  'Array.prototype.map',
  'Array.prototype.filter',
  'Array.prototype.sort',
  'Array.prototype.join',
  'Array.prototype.includes',
  'JSON.parse',
  'JSON.stringify',
  'CustomElementRegistry.prototype.define',
  'HTMLElement.prototype.attachInternals',
  'Element.prototype.attachShadow',
  'HighlightRegistry.prototype.set',
  'HighlightRegistry.prototype.get',
  'HighlightRegistry.prototype.delete',
  'HighlightRegistry.prototype.has',
  'Node.prototype.appendChild',
  'EventTarget.prototype.addEventListener',
  'String.prototype.replace',
  'Promise.prototype.then',
];

const BUILTINS_SCRIPT = `<script>
(() => {
  window.__extensionCalls = [];
  const record = (name) => {
    const stack = String(new Error().stack);
    if (stack.indexOf('chrome-extension:') >= 0 || stack.indexOf('moz-extension:') >= 0) window.__extensionCalls.push(name);
  };
  for (const name of ${JSON.stringify(OVERRIDDEN)}) {
    const parts = name.split('.');
    let owner = window;
    for (const part of parts.slice(0, -1)) owner = owner && owner[part];
    const key = parts[parts.length - 1];
    const original = owner && owner[key];
    if (typeof original !== 'function') continue;
    owner[key] = function () { record(name); return original.apply(this, arguments); };
  }
  const OriginalObserver = window.MutationObserver;
  window.MutationObserver = function (callback) { record('MutationObserver'); return new OriginalObserver(callback); };
  window.MutationObserver.prototype = OriginalObserver.prototype;
  const OriginalHighlight = window.Highlight;
  if (OriginalHighlight) window.Highlight = function () { record('Highlight'); return new OriginalHighlight(...arguments); };
  window.__selfTest = () => {
    const list = [3, 1, 2].map((x) => x * 2).filter((x) => x > 0).sort();
    list.push(8);
    const json = JSON.parse(JSON.stringify({ list }));
    const range = document.createRange();
    range.selectNodeContents(document.querySelector('h1'));
    const seen = [];
    new MutationObserver(() => seen.push(1)).observe(document.body, { childList: true });
    return json.list.join(',') === '2,4,6,8' && range.toString().indexOf('报告') > 0 && 'abc'.replace('b', 'x') === 'axc';
  };
})();
</script>`;

const BUILTINS = single('builtins', page(`<article>${PLAN_HEAD}</article>`, BUILTINS_SCRIPT), {
  highlighted: [...HEAD_TARGETS],
  pageCheck: `() => {
    const calls = window.__extensionCalls.slice();
    if (calls.length > 0) return 'extension called page overrides: ' + calls.join(', ');
    return window.__selfTest() || 'page self-test failed';
  }`,
});

/** Nothing but the page's own nonce'd script; every violation is recorded. */
const STRICT_CSP = single(
  'strict-csp',
  page(
    `<article>${PLAN_HEAD}</article>`,
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-planlens-test'; style-src 'none'; img-src 'none'; connect-src 'none'; require-trusted-types-for 'script'; trusted-types 'none'">
<script nonce="planlens-test">
  window.__violations = [];
  document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
</script>`,
  ),
  {
    highlighted: [...HEAD_TARGETS],
    // Firefox asks for /favicon.ico under the page's policy: the browser's request, not ours.
    pageCheck: `() => {
      const ours = window.__violations.filter((v) => !/favicon\\.ico$/.test(v));
      return ours.length === 0 || 'violations: ' + ours.join('; ');
    }`,
  },
);

/** GBK bytes read as UTF-8, Latin-1 double encoding, replacement characters, between real lines. */
const MOJIBAKE = single(
  'mojibake',
  page(`<article>${PLAN_HEAD}
<p>鍦板尯鐢熶骇鎬诲€煎闀?%宸﹀彸锛屽煄闀囨柊澧炲氨涓?8涓囦汉浠ヤ笂銆�</p>
<p>Ã¥Å“°Ã¥Å'ºÃ§â€ÂŸÃ¤ÂºÂ§Ã¦â‚¬Â»Ã¥â‚¬Â¼ 5%Ã¥Â·Â¦Ã¥ÂÂ³ ����</p>
<p>奶产量稳定在750万吨左右。</p></article>`),
  { highlighted: [...HEAD_TARGETS, '750万吨左右'] },
);

/** Astral characters (emoji, CJK Extension B, mathematical digits) right before quantities. */
const ASTRAL = single(
  'astral',
  page(`<article>${PLAN_HEAD}
<p>🚀𠀀地区生产总值增长6.5%左右，𝟓𝟓𠮷新建改造农村公路5000公里。</p></article>`),
  { highlighted: [...HEAD_TARGETS, '6.5%左右', '5000公里'] },
);

/** Arabic and Hebrew around the clauses, an RTL paragraph and bidi overrides. */
const RIGHT_TO_LEFT = single(
  'right-to-left',
  page(`<article>${PLAN_HEAD}
<p dir="rtl">مرحبا \u202e城镇新增就业22万人以上\u202c שלום</p>
<p><bdo dir="rtl">完成造林种草1500万亩以上。</bdo> العربية</p></article>`),
  { highlighted: [...HEAD_TARGETS, '22万人以上', '1500万亩以上'] },
);

/** Plan text in a same-origin iframe (and the frame's own script must keep running). */
const IFRAME: HostilePage = {
  name: 'iframe',
  routes: {
    [hostilePath('iframe')]: page(
      `<article>${PLAN_HEAD}<iframe id="part" src="/hostile/iframe-part.html" style="width:90%;height:240px"></iframe></article>`,
    ),
    '/hostile/iframe-part.html': page(
      `<article><p>奶产量稳定在750万吨左右。</p><p>新建改造农村公路5000公里。</p></article>
<script>window.__frameTicks = 0; setInterval(() => window.__frameTicks++, 50);</script>`,
    ),
  },
  highlighted: [...HEAD_TARGETS, '750万吨左右', '5000公里'],
  pageCheck: `() => {
    const w = document.getElementById('part').contentWindow;
    const t = w.__frameTicks;
    return new Promise((r) => setTimeout(() => r(w.__frameTicks > t || 'frame script stopped'), 200));
  }`,
};

/** Plan text inside an open shadow root (with a slot for light-DOM text). */
const SHADOW: HostilePage = single(
  'shadow',
  page(`<article>${PLAN_HEAD}<plan-extra><span>单位地区生产总值能耗降低2.5%左右。</span></plan-extra></article>
<script>
  customElements.define('plan-extra', class extends HTMLElement {
    constructor() {
      super();
      const root = this.attachShadow({ mode: 'open' });
      const p = document.createElement('p');
      p.textContent = '完成造林种草1500万亩以上。';
      root.append(p, document.createElement('slot'));
    }
  });
</script>`),
  {
    highlighted: [...HEAD_TARGETS, '1500万亩以上', '2.5%左右'],
    pageCheck: `() => document.querySelector('plan-extra').shadowRoot.querySelector('p').textContent === '完成造林种草1500万亩以上。' || 'shadow content changed'`,
  },
);

/** A frameset page: the plan is in its frames, the top document has no body text at all. */
const FRAMESET: HostilePage = {
  name: 'frameset',
  routes: {
    [hostilePath('frameset')]:
      `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${TITLE}</title></head>
<frameset rows="20%,80%"><frame src="/hostile/frameset-head.html" name="head"><frame src="/hostile/frameset-body.html" name="body"></frameset></html>`,
    '/hostile/frameset-head.html': page(
      `<h1>关于2025年国民经济和社会发展计划执行情况与2026年计划草案的报告</h1>`,
    ),
    '/hostile/frameset-body.html': page(`<article>${PLAN_HEAD.replace(/<h1>.*?<\/h1>/, '')}
<p>奶产量稳定在750万吨左右。</p></article>`),
  },
  highlighted: [...HEAD_TARGETS, '750万吨左右'],
};

/** 10,000 targets: 5,000 paragraphs with two each. */
function tenThousandTargets(): string {
  const paragraphs: string[] = [];
  for (let k = 0; k < 5000; k++) {
    paragraphs.push(
      `<p>第${k + 1}项：城镇新增就业${(k % 90) + 10}万人以上，地区生产总值增长${(k % 9) + 1}.5%左右。</p>`,
    );
  }
  return page(`<article>${PLAN_HEAD}\n${paragraphs.join('\n')}</article>`);
}

const TEN_THOUSAND = single('ten-thousand', tenThousandTargets(), {
  highlighted: [...HEAD_TARGETS],
  minTargets: 10_000,
});

/** The pages every browser runs through the same checks. */
export const HOSTILE_PAGES: HostilePage[] = [
  SELF_REWRITING,
  NODE_REMOVING,
  BUILTINS,
  STRICT_CSP,
  MOJIBAKE,
  ASTRAL,
  RIGHT_TO_LEFT,
  IFRAME,
  SHADOW,
  FRAMESET,
  TEN_THOUSAND,
];

/**
 * A page that replaces itself with `document.open()`/`document.write()` when the test calls
 * `__rewrite()`: the new plan has other quantities, and `__addLate()` adds one more to it.
 */
const REWRITTEN = page(`<article><h1>关于2026年国民经济和社会发展计划草案的报告</h1>
<h2>二、2026年经济社会发展的主要目标</h2>
<p>奶产量稳定在750万吨左右，完成造林种草1500万亩以上。</p><div id="late"></div></article>`);

export const DOCUMENT_WRITE_PAGE = page(
  `<article>${PLAN_HEAD}</article>
<script>
  window.__rewrite = () => {
    document.open();
    document.write(${JSON.stringify(REWRITTEN)});
    document.close();
  };
  window.__addLate = () => {
    const p = document.createElement('p');
    p.textContent = '新建改造农村公路5000公里。';
    document.getElementById('late').append(p);
  };
</script>`,
);

/** What the rewritten document must show, what it must no longer show, and what `__addLate` adds. */
export const DOCUMENT_WRITE = {
  path: '/hostile/document-write.html',
  after: ['750万吨左右', '1500万亩以上'],
  gone: '5.7%左右',
  late: '5000公里',
};

/** Plan text of about `megabytes` MB of HTML: seed paragraphs repeated. */
export function bigPlanPage(seed: string, megabytes: number): string {
  const paragraphs = seed
    .split(/\n+/)
    .filter((line) => line.trim())
    .map((line) => `<p>${line.replace(/[<&]/g, ' ')}</p>`)
    .join('\n');
  const copies = Math.max(1, Math.round((megabytes * 1024 * 1024) / Buffer.byteLength(paragraphs)));
  return page(
    `<article>${PLAN_HEAD}\n${Array.from({ length: copies }, () => paragraphs).join('\n')}</article>`,
  );
}

/**
 * A plan page of real text (`seed`'s paragraphs, twice over) whose article carries a view counter
 * (`#views`) a test updates, as news sites do every second: each update is a page change the
 * reader follows with a new pass (the memory tests, Chromium and Firefox).
 */
export function counterPlanPage(seed: string): string {
  const paragraphs = seed
    .split(/\n+/)
    .filter((line) => line.trim())
    .map((line) => `<p>${line.replace(/[<&]/g, ' ')}</p>`)
    .join('\n');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<title>2026年国民经济和社会发展计划</title></head>
<body><article><h1>关于2025年国民经济和社会发展计划执行情况与2026年计划草案的报告</h1>
<p>阅读次数：<span id="views">1</span></p>
${paragraphs}\n${paragraphs}
</article></body></html>`;
}

/** Every route of the catalogue, for one fixture server. */
export function hostileRoutes(extra: Record<string, string> = {}): Record<string, string> {
  return Object.assign(
    {},
    ...HOSTILE_PAGES.map((p) => p.routes),
    { [DOCUMENT_WRITE.path]: DOCUMENT_WRITE_PAGE },
    extra,
  ) as Record<string, string>;
}
