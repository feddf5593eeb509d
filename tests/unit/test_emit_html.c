/* test_emit_html.c — the review page (baogao_result_html): escaping, marks
 * that nest when spans overlap and never cut a character, near-empty
 * documents, and for every corpus document one mark per item of the JSON.
 *
 * Two invariants are checked on every page made here:
 *   - well formed: tags nest, attribute values hold no '<', every run of text
 *     between tags is whole UTF-8;
 *   - faithful: each line element, tags stripped and entities read back, is
 *     exactly that line of the normalized text. */
#include "check.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdlib.h>

#include "emit_html.h"
#include "sha256.h"

static baogao_patterns *P;

static baogao_result *convert(const char *in, size_t n)
{
    baogao_error err;
    baogao_options opt = { "test.txt", NULL, 0 };
    baogao_result *r = baogao_convert(P, (const unsigned char *)in, n, &opt, &err);
    if (!r)
        fprintf(stderr, "convert: %s\n", err.message);
    return r;
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0, k = strlen(needle);
    for (const char *p = strstr(hay, needle); p; p = strstr(p + k, needle))
        n++;
    return n;
}

/* ---- well formed ----------------------------------------------------------- */

static int utf8_ok(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        unsigned char c = s[i];
        size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (!len || i + len > n || (len == 2 && c < 0xC2))
            return 0;
        for (size_t k = 1; k < len; k++)
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
        i += len;
    }
    return 1;
}

static int is_void(const char *name, size_t n)
{
    static const char *const v[] = { "meta", "link", "input", "br", "img", "hr" };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        if (strlen(v[i]) == n && memcmp(v[i], name, n) == 0)
            return 1;
    return 0;
}

/* 1 if tags nest, quoted attribute values have no '<' or raw '"', and text is whole UTF-8. */
static int well_formed(const char *html, char *why, size_t whylen)
{
    char stack[256][16];
    size_t depth = 0;
    const char *p = html;
    while (*p) {
        const char *lt = strchr(p, '<');
        size_t run = lt ? (size_t)(lt - p) : strlen(p);
        if (!utf8_ok((const unsigned char *)p, run)) {
            snprintf(why, whylen, "broken UTF-8 in text at byte %zu", (size_t)(p - html));
            return 0;
        }
        if (!lt)
            break;
        if (strncmp(lt, "<!", 2) == 0) {
            p = strchr(lt, '>');
            if (!p)
                return 0;
            p++;
            continue;
        }
        int closing = lt[1] == '/';
        const char *name = lt + 1 + closing;
        size_t nl = strspn(name, "abcdefghijklmnopqrstuvwxyz0123456789");
        const char *q = name + nl;
        while (*q && *q != '>') {
            if (*q == '<') {
                snprintf(why, whylen, "'<' inside a tag at byte %zu", (size_t)(q - html));
                return 0;
            }
            if (*q == '"') {
                const char *end = strchr(q + 1, '"');
                if (!end)
                    return 0;
                for (const char *c = q + 1; c < end; c++)
                    if (*c == '<' || *c == '>') {
                        snprintf(why, whylen, "'%c' in an attribute value at byte %zu", *c, (size_t)(c - html));
                        return 0;
                    }
                if (!utf8_ok((const unsigned char *)q + 1, (size_t)(end - q - 1))) {
                    snprintf(why, whylen, "broken UTF-8 in an attribute at byte %zu", (size_t)(q - html));
                    return 0;
                }
                q = end;
            }
            q++;
        }
        if (!*q)
            return 0;
        if (closing) {
            if (depth == 0 || strlen(stack[depth - 1]) != nl || memcmp(stack[depth - 1], name, nl) != 0) {
                snprintf(why, whylen, "</%.*s> closes <%s> at byte %zu", (int)nl, name, depth ? stack[depth - 1] : "",
                         (size_t)(lt - html));
                return 0;
            }
            depth--;
        } else if (!is_void(name, nl)) {
            if (depth == 256 || nl >= 16)
                return 0;
            memcpy(stack[depth], name, nl);
            stack[depth++][nl] = '\0';
            if ((nl == 6 && memcmp(name, "script", 6) == 0) || (nl == 5 && memcmp(name, "style", 5) == 0)) {
                char end[16];
                snprintf(end, sizeof end, "</%.*s>", (int)nl, name);
                const char *e = strstr(q, end);
                if (!e)
                    return 0;
                q = e - 1;
            }
        }
        p = q + 1;
    }
    if (depth) {
        snprintf(why, whylen, "<%s> never closed", stack[depth - 1]);
        return 0;
    }
    return 1;
}

/* ---- faithful --------------------------------------------------------------- */

/* The text of line `line` as the page shows it: tags stripped, entities read. Caller frees. */
static char *line_text(const char *html, long line)
{
    char key[48];
    snprintf(key, sizeof key, "id=\"L%ld\">", line);
    const char *p = strstr(html, key);
    if (!p || !(p = strstr(p, "<span class=\"x\">")))
        return NULL;
    p += strlen("<span class=\"x\">");
    const char *end = strstr(p, "</span></div>");
    if (!end)
        return NULL;
    char *out = malloc((size_t)(end - p) + 1), *o = out;
    static const struct { const char *ent, c; } ents[] = { { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' },
                                                           { "&quot;", '"' }, { "&#39;", '\'' } };
    while (p < end) {
        if (*p == '<') {
            p = strchr(p, '>') + 1;
            continue;
        }
        size_t k = 0;
        if (*p == '&')
            while (k < 5 && strncmp(p, ents[k].ent, strlen(ents[k].ent)) != 0)
                k++;
        if (*p == '&' && k < 5) {
            *o++ = ents[k].c;
            p += strlen(ents[k].ent);
        } else {
            *o++ = *p++;
        }
    }
    *o = '\0';
    return out;
}

static int faithful(const baogao_result *r, const char *html, long *bad_line)
{
    const bg_text *t = &r->text;
    for (size_t k = 0; k < bg_text_line_count(t); k++) {
        size_t a = t->lines[k], b = k + 1 < t->nlines ? t->lines[k + 1] - 1 : t->len;
        char *shown = line_text(html, (long)k + 1);
        int same = shown && strlen(shown) == b - a && memcmp(shown, t->s + a, b - a) == 0;
        free(shown);
        if (!same) {
            *bad_line = (long)k + 1;
            return 0;
        }
    }
    return 1;
}

/* Both invariants, reported against the caller's line. */
#define CHECK_PAGE(r, html) do { \
    char why_[160] = ""; long bad_ = 0; \
    int wf_ = well_formed(html, why_, sizeof why_); \
    if (!wf_) fprintf(stderr, "%s:%d: not well formed: %s\n", __FILE__, __LINE__, why_); \
    CHECK(wf_); \
    int ff_ = faithful(r, html, &bad_); \
    if (!ff_) fprintf(stderr, "%s:%d: line %ld is not shown as it is\n", __FILE__, __LINE__, bad_); \
    CHECK(ff_); \
} while (0)

/* The content of the first element whose start tag contains `attr`, tags stripped. */
static char *element_text(const char *html, const char *attr)
{
    const char *p = strstr(html, attr);
    if (!p || !(p = strchr(p, '>')))
        return NULL;
    p++;
    const char *end = strstr(p, "</mark>");
    char *out = calloc((size_t)(end - p) + 1, 1), *o = out;
    for (; p < end; p++) {
        if (*p == '<') {
            p = strchr(p, '>');
            continue;
        }
        *o++ = *p;
    }
    return out;
}

/* ---- the tests ------------------------------------------------------------- */

static void test_escape(void)
{
    bg_buf b = { 0 };
    const char in[] = "<script>&\"'\x01\x7f\xff\xC0\xBC\xE4\xB8中\t\n";
    bg_html_esc(&b, in, sizeof in - 1);
    CHECK_STR(b.s, "&lt;script&gt;&amp;&quot;&#39;\xE2\x90\x81\xE2\x90\xA1\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"
                   "\xEF\xBF\xBD\xEF\xBF\xBD中\t\n");
    bg_buf_free(&b);

    const char doc[] = "<script>alert(1)</script>\"测试\"单位2021年度部门整体支出绩效自评报告\n"
                       "一、<b>基本情况</b> & 说明\n"
                       "本年预算资金100万元,其中基本支出60万元。\n"
                       "填报人: 张'三\"<i>\n";
    baogao_result *r = convert(doc, sizeof doc - 1);
    CHECK(r != NULL);
    if (!r)
        return;
    char *html = baogao_result_html(r);
    CHECK(html != NULL);
    CHECK_INT(count(html, "<script"), 1);                 /* only the page's own */
    CHECK(strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt;") != NULL);
    CHECK(strstr(html, "<b>") == NULL && strstr(html, "<i>") == NULL);
    CHECK(strstr(html, "&lt;b&gt;基本情况&lt;/b&gt; &amp; 说明") != NULL);
    CHECK(strstr(html, "&lt;title") == NULL);
    CHECK_PAGE(r, html);
    baogao_free(html);
    baogao_result_free(r);
}

/* The page's own style and script are the ones its Content-Security-Policy allows. */
static void test_policy(void)
{
    const char doc[] = "部门整体支出绩效自评报告\n本年预算资金100万元。\n";
    baogao_result *r = convert(doc, sizeof doc - 1);
    char *html = baogao_result_html(r);
    static const char *const tags[][2] = { { "<style>", "</style>" }, { "<script>", "</script>" } };
    for (int i = 0; i < 2; i++) {
        const char *a = strstr(html, tags[i][0]), *z = a ? strstr(a, tags[i][1]) : NULL;
        CHECK(a && z);
        if (!a || !z)
            continue;
        a += strlen(tags[i][0]);
        char hex[65], b64[45];
        unsigned char d[32];
        bg_sha256_hex((const unsigned char *)a, (size_t)(z - a), hex);
        for (int k = 0; k < 32; k++) {
            unsigned v;
            sscanf(hex + 2 * k, "%2x", &v);
            d[k] = (unsigned char)v;
        }
        static const char al[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        size_t o = 0;
        for (int k = 0; k < 32; k += 3) {
            unsigned v = (unsigned)d[k] << 16 | (k + 1 < 32 ? (unsigned)d[k + 1] << 8 : 0) | (k + 2 < 32 ? d[k + 2] : 0);
            b64[o++] = al[v >> 18 & 63];
            b64[o++] = al[v >> 12 & 63];
            b64[o++] = k + 1 < 32 ? al[v >> 6 & 63] : '=';
            b64[o++] = k + 2 < 32 ? al[v & 63] : '=';
        }
        b64[o] = '\0';
        char want[80];
        snprintf(want, sizeof want, "%s 'sha256-%s'", i ? "script-src" : "style-src", b64);
        CHECK(strstr(html, want) != NULL);
    }
    CHECK(strstr(html, "default-src 'none'") != NULL);
    CHECK(strstr(html, "http:") == NULL && strstr(html, "https:") == NULL && strstr(html, "src=\"") == NULL);
    baogao_free(html);
    baogao_result_free(r);
}

/* Spans that start or end inside a character are widened to whole characters. */
static void test_multibyte(void)
{
    const char doc[] = "部门整体支出绩效自评报告\n本年预算资金一百万元整,另有经费100万元。\n";
    baogao_result *r = convert(doc, sizeof doc - 1);
    CHECK(r && r->amounts.n >= 1);
    if (!r || r->amounts.n < 1)
        return;
    bg_amount *a = &r->amounts.items[0];
    const char *line2 = strchr(r->text.s, '\n') + 1;
    const char *yu = strstr(line2, "预算");
    a->start = (size_t)(yu - r->text.s) + 1;            /* inside 预 */
    a->end = (size_t)(yu - r->text.s) + 3 + 2;          /* inside 算 */
    char *html = baogao_result_html(r);
    char *t = element_text(html, "id=\"a0\"");
    CHECK_STR(t, "预算");
    free(t);
    CHECK_PAGE(r, html);
    baogao_free(html);

    a->start = a->end = (size_t)(yu - r->text.s) + 4;    /* empty, inside 算 */
    html = baogao_result_html(r);
    CHECK_INT(count(html, "data-kind=\"amount\""), r->amounts.n);
    CHECK_PAGE(r, html);
    baogao_free(html);

    a->start = r->text.len + 10;                          /* past the end */
    a->end = r->text.len + 20;
    html = baogao_result_html(r);
    CHECK_INT(count(html, "data-kind=\"amount\""), r->amounts.n);
    CHECK_PAGE(r, html);
    baogao_free(html);
    baogao_result_free(r);
}

/* Crossing spans are split; a span over a line break goes on in the next line. */
static void test_overlap(void)
{
    const char doc[] = "部门整体支出绩效自评报告\n"
                       "本年预算资金100万元,其中基本支出60万元,项目支出40万元。\n"
                       "第三行文字\n";
    baogao_result *r = convert(doc, sizeof doc - 1);
    CHECK(r && r->amounts.n >= 3);
    if (!r || r->amounts.n < 3)
        return;
    const char *line2 = strchr(r->text.s, '\n') + 1, *line3 = strchr(line2, '\n') + 1;
    size_t base = (size_t)(line2 - r->text.s);
    r->amounts.items[0].start = base;                    /* 本年预算资金 */
    r->amounts.items[0].end = base + 18;
    r->amounts.items[1].start = base + 12;               /* 资金100万元, crossing the first */
    r->amounts.items[1].end = base + 24;
    r->amounts.items[2].start = base + 30;               /* from 基本 over the line break */
    r->amounts.items[2].end = (size_t)(line3 - r->text.s) + 6;
    char *html = baogao_result_html(r);
    CHECK_PAGE(r, html);
    CHECK_INT(count(html, "data-kind=\"amount\""), r->amounts.n);
    CHECK(count(html, "data-ref=\"a1\"") == 1);          /* the first closes inside the second */
    CHECK(count(html, "data-ref=\"a2\"") == 1);          /* on line 3 */
    char *t = element_text(html, "id=\"a0\"");
    CHECK(t && strncmp(t, "本年预算资金", strlen("本年预算资金")) == 0);
    free(t);
    const char *l3 = strstr(html, "id=\"L3\"");
    CHECK(l3 && strstr(l3, "data-ref=\"a2\">第三") != NULL);

    /* equal spans nest, outer by kind then by index */
    r->amounts.items[1].start = r->amounts.items[0].start;
    r->amounts.items[1].end = r->amounts.items[0].end;
    baogao_free(html);
    html = baogao_result_html(r);
    CHECK_PAGE(r, html);
    const char *a0 = strstr(html, "id=\"a0\""), *a1 = strstr(html, "id=\"a1\"");
    CHECK(a0 && a1 && a0 < a1 && a1 < strstr(a0, "</mark>"));
    baogao_free(html);
    baogao_result_free(r);
}

static void test_nearly_empty(void)
{
    const char *docs[] = { "x", "x\n", "\n\n一\n", "报告\r\n\r\n" };
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        baogao_result *r = convert(docs[i], strlen(docs[i]));
        CHECK(r != NULL);
        if (!r)
            continue;
        char *html = baogao_result_html(r);
        CHECK(html != NULL);
        CHECK_INT(count(html, "<div class=\"l"), bg_text_line_count(&r->text));
        CHECK_INT(count(html, "data-kind="), 0);
        CHECK(strstr(html, "No amounts found.") != NULL);
        CHECK(strstr(html, "</html>\n") != NULL);
        CHECK_PAGE(r, html);
        char *again = baogao_result_html(r);
        CHECK(again && strcmp(html, again) == 0);         /* deterministic */
        baogao_free(again);
        baogao_free(html);
        baogao_result_free(r);
    }
    CHECK(baogao_result_html(NULL) == NULL);
}

/* ---- every corpus document: one mark per item of the JSON ------------------------ */

static size_t sections_in(const cJSON *list)
{
    size_t n = 0;
    const cJSON *s;
    cJSON_ArrayForEach(s, list)
        n += 1 + sections_in(cJSON_GetObjectItem(s, "sections"));
    return n;
}

static void check_kind(const char *path, const char *html, const char *kind, size_t want)
{
    char attr[48];
    snprintf(attr, sizeof attr, "data-kind=\"%s\"", kind);
    size_t got = count(html, attr);
    if (got != want)
        fprintf(stderr, "%s: %zu marks of kind %s, the JSON has %zu\n", path, got, kind, want);
    CHECK_INT(got, want);
    for (size_t i = 0; i < want && strcmp(kind, "field") != 0; i++) {   /* each index once */
        char one[80];
        snprintf(one, sizeof one, "data-kind=\"%s\" data-index=\"%zu\"", kind, i);
        CHECK_INT(count(html, one), 1);
    }
}

static void test_document(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return;
    static char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    baogao_result *r = convert(buf, n);
    CHECK(r != NULL);
    if (!r)
        return;
    char *html = baogao_result_html(r), *json = baogao_result_json(r, 0);
    cJSON *root = cJSON_Parse(json);
    const cJSON *scores = cJSON_GetObjectItem(root, "scores");
    check_kind(path, html, "amount", (size_t)cJSON_GetArraySize(cJSON_GetObjectItem(root, "amounts")));
    check_kind(path, html, "indicator", (size_t)cJSON_GetArraySize(cJSON_GetObjectItem(root, "indicators")));
    check_kind(path, html, "project", (size_t)cJSON_GetArraySize(cJSON_GetObjectItem(root, "projects")));
    check_kind(path, html, "stated", (size_t)cJSON_GetArraySize(cJSON_GetObjectItem(scores, "stated")));
    check_kind(path, html, "score", (size_t)cJSON_GetArraySize(cJSON_GetObjectItem(scores, "items")));
    check_kind(path, html, "section", sections_in(cJSON_GetObjectItem(root, "sections")));
    check_kind(path, html, "grade", cJSON_IsNull(cJSON_GetObjectItem(scores, "grade")) ? 0 : 1);
    size_t fields = 0;
    const cJSON *p;
    cJSON_ArrayForEach(p, cJSON_GetObjectItem(cJSON_GetObjectItem(root, "document"), "provenance"))
        if (cJSON_GetObjectItem(p, "span")) {
            char one[80];
            snprintf(one, sizeof one, "data-kind=\"field\" data-index=\"%s\"", p->string);
            CHECK_INT(count(html, one), 1);
            fields++;
        }
    check_kind(path, html, "field", fields);
    CHECK_INT(count(html, "<div class=\"l"), bg_text_line_count(&r->text));
    CHECK_PAGE(r, html);
    cJSON_Delete(root);
    baogao_free(json);
    baogao_free(html);
    baogao_result_free(r);
}

static int corpus_walk(const char *dir)
{
    struct dirent **names;
    int n = scandir(dir, &names, NULL, alphasort), docs = 0;
    for (int i = 0; i < n; i++) {
        const char *name = names[i]->d_name;
        size_t len = strlen(name);
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", dir, name);
        if (name[0] != '.' && names[i]->d_type == DT_DIR)
            docs += corpus_walk(path);
        else if (len > 4 && strcmp(name + len - 4, ".txt") == 0 && !strstr(name, ".expect.")
                 && strcmp(name, "README.txt") != 0) {
            test_document(path);
            docs++;
        }
        free(names[i]);
    }
    free(n >= 0 ? names : NULL);
    return docs;
}

int main(void)
{
    baogao_error err;
    P = baogao_patterns_load(NULL, &err);
    if (!P) {
        fprintf(stderr, "patterns: %s\n", err.message);
        return 1;
    }
    test_escape();
    test_policy();
    test_multibyte();
    test_overlap();
    test_nearly_empty();
    CHECK(corpus_walk("corpus") >= 5);      /* run from the top of the repository */
    baogao_patterns_free(P);
    return CHECK_DONE("test_emit_html");
}
