/**
 * Hostile text for e2e/xss.spec.ts. Every payload that could run sets `window.__xss` or calls
 * alert(), so a test sees it if any did. Markup payloads go in text fields, URL payloads in the
 * URL columns (written straight to the database: the forms refuse them).
 */

export type Payload = { name: string; text: string };

const p = (name: string, text: string): Payload => ({ name, text });

export const MARKUP_PAYLOADS: Payload[] = [
  p('script tag', '<script>window.__xss = "script"</script>'),
  p('script tag, mixed case', '<ScRiPt>alert("mixed")</sCrIpT>'),
  p('img onerror', '<img src=x onerror="window.__xss = \'img\'">'),
  p('img onerror, unquoted and unclosed', '<img src=x onerror=window.__xss=1 '),
  p('svg onload', '<svg onload="window.__xss = \'svg\'"></svg>'),
  p('svg script', '<svg><script>window.__xss = "svgscript"</script></svg>'),
  p('attribute breakout', '"><img src=x onerror=window.__xss=2>'),
  p('single-quote breakout', "'><script>alert('sq')</script>"),
  p('body onload', '<body onload="window.__xss = \'body\'">'),
  p('details ontoggle', '<details open ontoggle="window.__xss = \'details\'">x</details>'),
  p('input autofocus onfocus', '<input autofocus onfocus="window.__xss = \'focus\'">'),
  p('iframe javascript src', '<iframe src="javascript:window.__xss=\'iframe\'"></iframe>'),
  p('iframe srcdoc', '<iframe srcdoc="<script>parent.__xss=\'srcdoc\'</script>"></iframe>'),
  p('object data', '<object data="javascript:window.__xss=\'object\'"></object>'),
  p('embed data URL', '<embed src="data:text/html,<script>alert(\'embed\')</script>">'),
  p('anchor javascript href', '<a href="javascript:window.__xss=\'anchor\'">click me</a>'),
  p('form action', '<form action="javascript:window.__xss=\'form\'"><button>go</button></form>'),
  p('meta refresh', '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=\'meta\'">'),
  p('base href', '<base href="javascript:window.__xss=\'base\'//">'),
  p('style url', '<div style="background:url(javascript:window.__xss=\'style\')">styled</div>'),
  p('close the JSON-LD script', '</script><script>window.__xss = "jsonld"</script>'),
  p('close the JSON-LD script, upper case', '</SCRIPT ><img src=x onerror=window.__xss=3>'),
  p('comment breakout', '<!--<script>window.__xss = "comment"//-->'),
  p('nested tag filter bypass', '<scr<script>ipt>window.__xss = "nested"</scr</script>ipt>'),
  p('mutation XSS', '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=4>'),
  p('noscript breakout', '<noscript><p title="</noscript><img src=x onerror=window.__xss=5>">'),
  p('template contents', '<template><script>window.__xss = "template"</script></template>'),
  p('entity-encoded script', '&lt;script&gt;window.__xss = "entity"&lt;/script&gt;'),
  p('Angular-style template', '{{constructor.constructor(\'window.__xss = "ng"\')()}}'),
  p('template literal', '${window.__xss = "tpl"}'),
  p('server template tags', '<%= window.__xss = "erb" %> #{window.__xss = "ruby"}'),
  p('markdown javascript link', "[read more](javascript:window.__xss='md')"),
  p('SQL drop table', '\'; DROP TABLE "Claim"; --'),
  p('SQL tautology', '" OR 1=1 -- '),
  p('RTL override', 'invoice\u202Egpj.exe and \u202Bembedded\u202C text'),
  p('zero-width characters', 'zero\u200Bwidth\u200Cjoin\u200Dand\uFEFFbom'),
  p('line and paragraph separators', 'line\u2028separator\u2029</script>alert("sep")'),
  p('unpaired surrogate-like and emoji', 'emoji 🧪 and combining e\u0301 and <b>bold</b>'),
];

export const URL_PAYLOADS: Payload[] = [
  p('javascript URL', "javascript:window.__xss='url'"),
  p('javascript URL, mixed case and spaces', " JaVaScRiPt:alert('url2')"),
  p('javascript URL, escaped', "java\tscript:window.__xss='tab'"),
  p('data URL', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgnZGF0YScpPC9zY3JpcHQ+'),
  p('vbscript URL', 'vbscript:msgbox("vb")'),
];

/** Over 10,000 characters, with a payload at the very end (past any preview cut). */
export const LONG_PAYLOAD: Payload = p('very long', `${'Lorem ipsum dolor sit amet. '.repeat(400)}<img src=x onerror=window.__xss='long'>`);

/** PostgreSQL text cannot hold U+0000: input carrying it must be refused or stripped, never a crash. */
export const NUL_PAYLOAD: Payload = p('null byte', 'before\u0000<script>window.__xss="nul"</script>after');

export const ALL_TEXT_PAYLOADS = [...MARKUP_PAYLOADS, LONG_PAYLOAD];

/** The payloads one after another, as one field's text. */
export const joined = (payloads: Payload[] = MARKUP_PAYLOADS, separator = '\n') => payloads.map((x) => x.text).join(separator);

/** The nth payload, cycling, for fields that take one. */
export const nth = (n: number) => MARKUP_PAYLOADS[n % MARKUP_PAYLOADS.length].text;
