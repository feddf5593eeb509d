/* emit_html.c — the review page: one self-contained HTML file (style and
 * script inline, nothing fetched: a Content-Security-Policy with the hashes
 * of the page's own style and script forbids everything else) showing the
 * report's text with every extracted item marked (html_text.c) beside the
 * side panels (html_panels.c).
 *
 * Everything a tooltip says is written by C into data-tip attributes; the
 * script only copies the attribute of the marks under the pointer or focus
 * into one shared tooltip, and turns panel links into scroll-and-focus, with
 * listeners on the two containers rather than on every mark, so a report of
 * thousands of lines opens at once. No data is ever written into the script. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit_html.h"
#include "sha256.h"

/* ---- escaping ------------------------------------------------------------- */

void bg_html_esc(bg_buf *b, const char *s, size_t n)
{
    size_t from = 0, i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        char pic[4];
        size_t len = 1;
        if (c < 0x80) {
            switch (c) {
            case '&': rep = "&amp;"; break;
            case '<': rep = "&lt;"; break;
            case '>': rep = "&gt;"; break;
            case '"': rep = "&quot;"; break;
            case '\'': rep = "&#39;"; break;
            default:
                if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
                    int k = bg_utf8_put(c == 0x7F ? 0x2421 : 0x2400 + c, pic);
                    pic[k] = '\0';
                    rep = pic;
                }
            }
        } else {
            size_t l = bg_utf8_valid_len(s + i, n - i);
            int c1 = c == 0xC2 && l == 2 && (unsigned char)s[i + 1] < 0xA0;     /* U+0080..U+009F */
            if (l && !c1)
                len = l;
            else
                rep = "\xEF\xBF\xBD";
        }
        if (rep) {
            bg_buf_add(b, s + from, i - from);
            bg_buf_adds(b, rep);
            from = i + len;
        }
        i += len;
    }
    bg_buf_add(b, s + from, n - from);
}

void bg_html_escs(bg_buf *b, const char *s)
{
    if (s)
        bg_html_esc(b, s, strlen(s));
}

void bg_html_printf(bg_buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        bg_buf_add(b, small, (size_t)n);
        return;
    }
    char *big = bg_xmalloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    bg_buf_add(b, big, (size_t)n);
    free(big);
}

void bg_html_dec(bg_buf *b, const bg_dec *d, int as_written)
{
    char small[160];
    size_t n = as_written ? bg_dec_format_as_written(d, small, sizeof small) : bg_dec_format(d, small, sizeof small);
    if (n < sizeof small) {
        bg_buf_add(b, small, n);
        return;
    }
    char *big = bg_xmalloc(n + 1);      /* a tiny or huge exponent: never cut digits */
    if (as_written)
        bg_dec_format_as_written(d, big, n + 1);
    else
        bg_dec_format(d, big, n + 1);
    bg_buf_add(b, big, n);
    free(big);
}

/* ---- the page's style and script ------------------------------------------- */

static const char style_text[] =
    ":root{--fg:#1f2328;--mute:#6b7280;--rule:#e5e7eb;--focus:#1a56db}\n"
    "*{box-sizing:border-box}\n"
    "html,body{height:100%}\n"
    "body{margin:0;display:flex;flex-direction:column;color:var(--fg);background:#fff;"
    "font:14px/1.6 \"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\",\"Microsoft YaHei\","
    "\"WenQuanYi Micro Hei\",system-ui,sans-serif}\n"
    ".skip{position:absolute;left:-9999px}\n"
    ".skip:focus{left:8px;top:8px;z-index:30;background:#fff;padding:4px 8px;border:2px solid var(--focus)}\n"
    "header{flex:none;padding:8px 16px 6px;border-bottom:1px solid var(--rule);background:#f8fafc}\n"
    "header h1{font-size:17px;margin:0;line-height:1.4}\n"
    "header .sub{color:var(--mute);font-size:13px;margin:2px 0 6px}\n"
    ".legend{display:flex;flex-wrap:wrap;gap:2px 14px;margin:0;padding:0;list-style:none;font-size:13px}\n"
    ".legend label{cursor:pointer}\n"
    ".legend .hint{color:var(--mute)}\n"
    ".sw{padding:0 4px;border-radius:2px}\n"
    ".gut{display:inline-block;width:4px;height:1em;vertical-align:-2px;margin-right:4px}\n"
    ".gut.warn{background:#f59e0b}.gut.bad{background:#dc2626}\n"
    ".wrap{flex:1;min-height:0;display:grid;grid-template-columns:minmax(0,1fr) minmax(360px,42%)}\n"
    "#text{overflow:auto;padding:8px 0 40vh;font-size:15px}\n"
    "#panels{overflow:auto;border-left:1px solid var(--rule);padding:0 12px 40px;background:#fcfcfd;font-size:13px}\n"
    "#text:focus-visible,#panels:focus-visible{outline:2px solid var(--focus);outline-offset:-2px}\n"
    ".l{display:flex;padding-right:12px}\n"
    ".l:focus{outline:2px solid var(--focus);outline-offset:-2px;background:#eef4ff}\n"
    ".n{flex:none;width:6ch;padding-right:1ch;margin-right:1ch;text-align:right;color:#9ca3af;user-select:none;"
    "border-right:3px solid transparent;font-variant-numeric:tabular-nums}\n"
    ".x{flex:1;min-width:0;white-space:pre-wrap;overflow-wrap:anywhere;tab-size:3}\n"
    ".tb{box-shadow:inset 1px 0 #cbd5e1}\n"
    ".l.warn .n{border-right-color:#f59e0b;color:#b45309}\n"
    ".l.bad{background:#fef2f2}\n"
    ".l.bad .n{border-right-color:#dc2626;color:#b91c1c;font-weight:700}\n"
    ".hl{color:inherit;background:none;border-radius:2px}\n"
    "mark.hl[tabindex]{cursor:help}\n"
    ".hl:focus{outline:2px solid var(--focus);outline-offset:1px}\n"
    ".k-section{background:#dcfce7;font-weight:700}\n"
    ".k-field{background:#ffedd5;box-shadow:inset 0 -2px #ea580c}\n"
    ".k-indicator{background:#e0ecff}\n"
    ".k-project{background:#d5f5ef}\n"
    ".k-stated{background:#fce7f3;box-shadow:inset 0 -2px #db2777}\n"
    ".k-score{background:#ede9fe;box-shadow:inset 0 -2px #7c3aed}\n"
    ".k-grade{background:#fee2e2;box-shadow:inset 0 -2px #dc2626}\n"
    ".k-amount{background:#fef08a;box-shadow:inset 0 -2px #ca8a04}\n"
    "#tip{position:fixed;z-index:20;left:0;top:0;max-width:min(480px,92vw);padding:6px 10px;background:#111827;"
    "color:#f9fafb;border-radius:6px;font-size:12.5px;line-height:1.55;white-space:pre-line;"
    "box-shadow:0 4px 14px rgba(0,0,0,.25);pointer-events:none}\n"
    "#tip[hidden]{display:none}\n"
    ".jump{position:sticky;top:0;z-index:2;display:flex;flex-wrap:wrap;gap:0 12px;padding:6px 0;"
    "background:#fcfcfd;border-bottom:1px solid var(--rule)}\n"
    ".panel{margin:10px 0 14px}\n"
    ".panel>summary{cursor:pointer}\n"
    ".panel h2{display:inline;font-size:15px;margin:0}\n"
    ".count{color:var(--mute);font-weight:400;font-size:13px}\n"
    "h3{font-size:13px;margin:10px 0 4px}\n"
    "table{border-collapse:collapse;width:100%;margin:4px 0}\n"
    "th,td{border-bottom:1px solid var(--rule);padding:2px 6px;text-align:left;vertical-align:top}\n"
    "thead th{background:#f1f5f9;font-weight:600;white-space:nowrap}\n"
    "caption{text-align:left;font-weight:600;padding:4px 0}\n"
    ".kv th{width:9.5em;font-weight:500;color:#374151}\n"
    ".num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    ".nw{white-space:nowrap}\n"
    ".null,.same{color:#9ca3af}\n"
    ".yes{color:#15803d}\n"
    ".no{color:#b91c1c;font-weight:600}\n"
    "tr.bad td{background:#fef2f2}\n"
    "tr.bad td:first-child{color:#b91c1c;font-weight:700;white-space:nowrap}\n"
    "tr.ok td:first-child{color:#15803d;white-space:nowrap}\n"
    ".outline,.outline ol{margin:0;padding-left:1.3em}\n"
    ".plain{list-style:none;padding:0;margin:0}\n"
    ".plain li{padding:1px 0}\n"
    ".lnum{color:var(--mute);font-size:12px}\n"
    "a{color:#1d4ed8;text-decoration:none}\n"
    "a:hover{text-decoration:underline}\n"
    "a:focus-visible,summary:focus-visible,input:focus-visible{outline:2px solid var(--focus);outline-offset:2px}\n"
    "code{font-size:11px;word-break:break-all}\n"
    ".src td{word-break:break-all}\n"
    ".scroll{overflow-x:auto}\n"
    "@media (max-width:900px){.wrap{display:block;overflow:auto}#text,#panels{overflow:visible}}\n"
    "@media print{html,body{height:auto;display:block;font-size:10pt}"
    ".skip,#tip,.legend input,.legend .hint,.jump{display:none}"
    ".wrap{display:block}"
    "#text,#panels{overflow:visible;padding:0;border:0;background:none}"
    "#panels{break-before:page}"
    "header,.hl,.sw,.gut,.l.bad,.l .n,tr.bad td,thead th{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
    ".l{break-inside:avoid}"
    "a{color:inherit}.scroll{overflow:visible}}\n";

static const char script_text[] =
    "(function () {\n"
    "'use strict';\n"
    "var tip = document.getElementById('tip'), text = document.getElementById('text'), shown = null;\n"
    "function markOf(e) {\n"
    "  for (; e && e !== text; e = e.parentElement)\n"
    "    if (e.classList.contains('hl')) return e;\n"
    "  return null;\n"
    "}\n"
    "function first(m) {\n"
    "  var ref = m.getAttribute('data-ref');\n"
    "  return ref ? document.getElementById(ref) : m;\n"
    "}\n"
    "function describe(m) {\n"
    "  var seen = [], parts = [];\n"
    "  for (var e = m; e && !e.classList.contains('l'); e = e.parentElement) {\n"
    "    if (!e.classList.contains('hl')) continue;\n"
    "    var p = first(e);\n"
    "    if (p && seen.indexOf(p) < 0) { seen.push(p); parts.push(p.getAttribute('data-tip')); }\n"
    "  }\n"
    "  return parts.join('\\n\\n');\n"
    "}\n"
    "function hide() {\n"
    "  if (shown) shown.removeAttribute('aria-describedby');\n"
    "  shown = null;\n"
    "  tip.hidden = true;\n"
    "}\n"
    "function place() {\n"
    "  var r = shown.getClientRects()[0] || shown.getBoundingClientRect(), pane = text.getBoundingClientRect();\n"
    "  if (r.bottom < pane.top || r.top > pane.bottom) { hide(); return; }\n"
    "  var w = tip.offsetWidth, h = tip.offsetHeight;\n"
    "  var x = Math.max(4, Math.min(r.left, window.innerWidth - w - 4)), y = r.bottom + 6;\n"
    "  if (y + h > window.innerHeight - 4) y = Math.max(4, r.top - h - 6);\n"
    "  tip.style.left = x + 'px';\n"
    "  tip.style.top = y + 'px';\n"
    "}\n"
    "function show(m) {\n"
    "  if (shown === m) return;\n"
    "  hide();\n"
    "  shown = m;\n"
    "  tip.textContent = describe(m);\n"
    "  tip.hidden = false;\n"
    "  if (m.hasAttribute('tabindex')) m.setAttribute('aria-describedby', 'tip');\n"
    "  place();\n"
    "}\n"
    "text.addEventListener('mouseover', function (ev) { var m = markOf(ev.target); if (m) show(m); else hide(); });\n"
    "text.addEventListener('mouseleave', hide);\n"
    "text.addEventListener('focusin', function (ev) { var m = markOf(ev.target); if (m) show(m); else hide(); });\n"
    "text.addEventListener('focusout', hide);\n"
    "text.addEventListener('scroll', function () { if (shown) place(); }, { passive: true });\n"
    "document.addEventListener('keydown', function (ev) { if (ev.key === 'Escape') hide(); });\n"
    "function go(id) {\n"
    "  var t = document.getElementById(id);\n"
    "  if (!t || !text.contains(t)) return false;\n"
    "  if (!t.hasAttribute('tabindex')) t.setAttribute('tabindex', '-1');\n"
    "  t.scrollIntoView({ block: 'center' });\n"
    "  t.focus({ preventScroll: true });\n"
    "  return true;\n"
    "}\n"
    "document.addEventListener('click', function (ev) {\n"
    "  var a = ev.target.closest ? ev.target.closest('a.go') : null;\n"
    "  if (!a) return;\n"
    "  var id = decodeURIComponent(a.getAttribute('href').slice(1));\n"
    "  if (go(id)) { ev.preventDefault(); history.replaceState(null, '', '#' + id); }\n"
    "});\n"
    "Array.prototype.forEach.call(document.querySelectorAll('input[data-toggle]'), function (c) {\n"
    "  c.addEventListener('change', function () {\n"
    "    document.body.classList.toggle('hide-' + c.getAttribute('data-toggle'), !c.checked);\n"
    "  });\n"
    "});\n"
    "window.addEventListener('beforeprint', function () {\n"
    "  hide();\n"
    "  Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });\n"
    "});\n"
    "if (location.hash) go(decodeURIComponent(location.hash.slice(1)));\n"
    "})();\n";

/* 'sha256-BASE64' of s, for the Content-Security-Policy. */
static void csp_hash(bg_buf *b, const char *s, size_t n)
{
    static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    char hex[65];
    unsigned char d[33] = { 0 };
    bg_sha256_hex((const unsigned char *)s, n, hex);
    for (int i = 0; i < 32; i++) {
        unsigned hi = (unsigned)(hex[2 * i] <= '9' ? hex[2 * i] - '0' : hex[2 * i] - 'a' + 10);
        unsigned lo = (unsigned)(hex[2 * i + 1] <= '9' ? hex[2 * i + 1] - '0' : hex[2 * i + 1] - 'a' + 10);
        d[i] = (unsigned char)(hi << 4 | lo);
    }
    bg_buf_adds(b, "'sha256-");
    for (int i = 0; i < 33; i += 3) {      /* 32 bytes: 10 full groups and one of 2 bytes */
        unsigned v = (unsigned)d[i] << 16 | (unsigned)d[i + 1] << 8 | (i + 2 < 32 ? d[i + 2] : 0);
        bg_buf_addc(b, b64[v >> 18 & 63]);
        bg_buf_addc(b, b64[v >> 12 & 63]);
        bg_buf_addc(b, b64[v >> 6 & 63]);
        bg_buf_addc(b, i + 2 < 32 ? b64[v & 63] : '=');
    }
    bg_buf_addc(b, '\'');
}

/* The style sheet: the fixed part and, per kind, the rule its legend switch turns on. */
static void style_sheet(bg_buf *css)
{
    bg_buf_adds(css, style_text);
    for (int k = 0; k < BG_HK_COUNT; k++)
        bg_html_printf(css, ".hide-%s .k-%s{background:none;box-shadow:none;font-weight:inherit}\n",
                       bg_hkinds[k].name, bg_hkinds[k].name);
}

static void header(bg_buf *b, const baogao_result *r, const bg_hitems *items)
{
    const bg_meta *m = &r->meta;
    bg_buf_adds(b, "<header>\n<a class=\"skip\" href=\"#text\">Skip to the report text</a>"
                   "<a class=\"skip\" href=\"#panels\">Skip to what baogao extracted</a>\n<h1>");
    bg_html_escs(b, m->title.value ? m->title.value : r->path);
    bg_buf_adds(b, "</h1>\n<p class=\"sub\">");
    if (m->kind.value) {
        bg_html_escs(b, m->kind.value);
        bg_buf_adds(b, " · ");
    }
    if (m->organization.value) {
        bg_html_escs(b, m->organization.value);
        bg_buf_adds(b, " · ");
    }
    if (m->year)
        bg_html_printf(b, "%d · ", m->year);
    bg_html_escs(b, r->path);
    bg_html_printf(b, " · %zu lines · %zu checks, %zu mismatched · baogao %s</p>\n", bg_text_line_count(&r->text), r->checks.n,
                   bg_checks_mismatches(&r->checks), BAOGAO_VERSION);
    bg_buf_adds(b, "<ul class=\"legend\" aria-label=\"Legend: kinds of marked item; uncheck to hide\">\n");
    static const bg_hkind order[] = { BG_HK_AMOUNT, BG_HK_INDICATOR, BG_HK_PROJECT, BG_HK_STATED, BG_HK_SCORE,
                                      BG_HK_GRADE, BG_HK_SECTION, BG_HK_FIELD };
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        const bg_hkind_info *k = &bg_hkinds[order[i]];
        bg_html_printf(b, "<li><label><input type=\"checkbox\" checked data-toggle=\"%s\"> <span class=\"sw k-%s\">"
                          "%s</span> <span class=\"count\">%zu</span></label></li>\n",
                       k->name, k->name, k->legend, items->count[order[i]]);
    }
    bg_buf_adds(b, "<li><span class=\"gut warn\"></span>line with a warning</li>\n"
                   "<li><span class=\"gut bad\"></span>line of a failed check</li>\n"
                   "<li class=\"hint\">Hover or focus (Tab) a mark to see what baogao read.</li>\n</ul>\n</header>\n");
}

char *baogao_result_html(const baogao_result *r)
{
    if (!r)
        return NULL;
    bg_hitems items;
    bg_html_collect(r, &items);
    bg_buf css = { 0 }, b = { 0 };
    style_sheet(&css);

    bg_buf_adds(&b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; "
                    "base-uri 'none'; form-action 'none'; style-src ");
    csp_hash(&b, css.s, css.len);
    bg_buf_adds(&b, "; script-src ");
    csp_hash(&b, script_text, sizeof script_text - 1);
    bg_buf_adds(&b, "\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<meta name=\"generator\" content=\"baogao " BAOGAO_VERSION "\">\n"
                    "<meta name=\"baogao-source-sha256\" content=\"");
    bg_buf_adds(&b, r->sha256);     /* so a batch --resume knows what the page was made from */
    bg_buf_adds(&b, "\">\n<link rel=\"icon\" href=\"data:,\">\n<title>");
    bg_html_escs(&b, r->meta.title.value ? r->meta.title.value : r->path);
    bg_buf_adds(&b, " — baogao review</title>\n<style>");
    bg_buf_add(&b, css.s, css.len);
    bg_buf_adds(&b, "</style>\n</head>\n<body>\n");
    header(&b, r, &items);
    bg_buf_adds(&b, "<div class=\"wrap\">\n<main id=\"text\" tabindex=\"0\" aria-label=\"The report's text, line by "
                    "line, extracted items marked\">\n");
    bg_html_text(&b, r, &items);
    bg_buf_adds(&b, "</main>\n<aside id=\"panels\" tabindex=\"0\" aria-label=\"What baogao extracted\">\n");
    bg_html_panels(&b, r);
    bg_buf_adds(&b, "</aside>\n</div>\n<div id=\"tip\" role=\"tooltip\" hidden></div>\n<script>");
    bg_buf_add(&b, script_text, sizeof script_text - 1);
    bg_buf_adds(&b, "</script>\n</body>\n</html>\n");
    bg_buf_free(&css);
    free(items.items);
    return b.s;
}
