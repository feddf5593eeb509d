/* trad.c — a page in traditional characters read as simplified, and pinyin
 * glosses removed (trad.h). Both rewrite normalize's text into new arrays,
 * every output byte carrying the original offset of the character it stands
 * for, so that spans and lines still point at the original bytes. */
#include "trad.h"

#include <dlfcn.h>
#include <opencc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/trad_only.inc"        /* generated: BG_TRAD_ONLY_TABLE, BG_OPENCC_LIBRARY */

const unsigned char bg_trad_only[BG_TRAD_LAST - BG_TRAD_FIRST + 1] = { BG_TRAD_ONLY_TABLE };

/* Ideographs of U+3400..U+9FFF in s[0..n): in UTF-8, E3 90 80..E9 BF BF. */
static size_t count_han(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t han = 0;
    for (size_t i = 0; i + 1 < n; i++)
        han += (u[i] >= 0xE4 && u[i] <= 0xE9) || (u[i] == 0xE3 && u[i + 1] >= 0x90);
    return han;
}

/* A page is in traditional characters when at least one ideograph in
 * TRAD_SHARE is traditional-only (on a converted report about one in three
 * is; a simplified report that quotes a traditional name stays far below),
 * and TRAD_MIN of them at least, so that a line or two cannot decide. */
#define TRAD_SHARE 8
#define TRAD_MIN 4

/* OpenCC's configuration, found in its data directory (/usr/share/opencc).
 * t2s and not tw2s or hk2s: mirror sites produce their pages with s2t, whose
 * inverse this is; tw2s would also rewrite Taiwanese vocabulary. */
#define T2S_CONFIG "t2s.json"

/* OpenCC and its t2s converter, loaded on the first page in traditional
 * characters and kept for the rest of the process. Linked in, the library
 * would cost every run, simplified or not, the start of OpenCC and of the C++
 * runtime: about 3 million instructions, as much as reading a 3 000-character
 * report. Opening t2s costs some 14 million more, several times the
 * conversion of a report: it is done once, not once a page. OpenCC does not
 * say that a converter may serve two threads at once, so conversions take
 * turns (occ_lock). */
static struct {
    void *lib;
    opencc_t cc;
    char *(*convert)(opencc_t, const char *, size_t);
    void (*free)(char *);
    int (*close)(opencc_t);
} occ;
static pthread_once_t occ_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t occ_lock = PTHREAD_MUTEX_INITIALIZER;

static void occ_load(void)
{
    opencc_t (*open_fn)(const char *);
    /* Never evaluated: the compiler checks the pointers against opencc.h. */
    (void)sizeof(1 ? open_fn : opencc_open);
    (void)sizeof(1 ? occ.convert : opencc_convert_utf8);
    (void)sizeof(1 ? occ.free : opencc_convert_utf8_free);
    (void)sizeof(1 ? occ.close : opencc_close);
    void *lib = dlopen(BG_OPENCC_LIBRARY, RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        return;
    void *f[4] = { dlsym(lib, "opencc_open"), dlsym(lib, "opencc_convert_utf8"),
                   dlsym(lib, "opencc_convert_utf8_free"), dlsym(lib, "opencc_close") };
    if (!f[0] || !f[1] || !f[2] || !f[3]) {
        dlclose(lib);
        return;
    }
    /* memcpy: ISO C has no conversion from void * to a function pointer. */
    memcpy(&open_fn, &f[0], sizeof f[0]);
    opencc_t cc = open_fn(T2S_CONFIG);
    if (cc == (opencc_t)-1) {
        dlclose(lib);
        return;
    }
    occ.lib = lib;
    occ.cc = cc;
    memcpy(&occ.convert, &f[1], sizeof f[1]);
    memcpy(&occ.free, &f[2], sizeof f[2]);
    memcpy(&occ.close, &f[3], sizeof f[3]);
}

/* The converter's dictionaries (some 400 KB) go back when the process ends
 * or a program that loaded libbaogao unloads it, so that a leak checker sees
 * only what the program itself kept. */
__attribute__((destructor)) static void occ_unload(void)
{
    if (!occ.lib)
        return;
    occ.close(occ.cc);
    dlclose(occ.lib);
    memset(&occ, 0, sizeof occ);
}

/* n bytes of the source text, each with its own offset. */
static void put_source(bg_mapped *m, const bg_mapped *src, size_t at, size_t n)
{
    bg_mapped_room(m, n);
    memcpy(m->s + m->len, src->s + at, n);
    memcpy(m->orig + m->len, src->orig + at, n * sizeof *m->orig);
    m->len += n;
}

static void mapped_free(bg_mapped *m)
{
    free(m->s);
    free(m->orig);
}

/* ---- pinyin glosses ------------------------------------------------------ */

static const struct {
    uint16_t cp;
    char base;      /* 'v' stands for ü */
} toned_vowels[] = {
    { 0x0101, 'a' }, { 0x00E1, 'a' }, { 0x01CE, 'a' }, { 0x00E0, 'a' },
    { 0x0113, 'e' }, { 0x00E9, 'e' }, { 0x011B, 'e' }, { 0x00E8, 'e' },
    { 0x012B, 'i' }, { 0x00ED, 'i' }, { 0x01D0, 'i' }, { 0x00EC, 'i' },
    { 0x014D, 'o' }, { 0x00F3, 'o' }, { 0x01D2, 'o' }, { 0x00F2, 'o' },
    { 0x016B, 'u' }, { 0x00FA, 'u' }, { 0x01D4, 'u' }, { 0x00F9, 'u' },
    { 0x01D6, 'v' }, { 0x01D8, 'v' }, { 0x01DA, 'v' }, { 0x01DC, 'v' },
};

/* The four tone marks as combining characters (a decomposed ā is a + U+0304). */
static int combining_tone(uint32_t cp)
{
    return cp == 0x0300 || cp == 0x0301 || cp == 0x0304 || cp == 0x030C;
}

static char toned_base(uint32_t cp)
{
    for (size_t i = 0; i < sizeof toned_vowels / sizeof *toned_vowels; i++)
        if (toned_vowels[i].cp == cp)
            return toned_vowels[i].base;
    return 0;
}

int bg_pinyin_toned(uint32_t cp)
{
    return toned_base(cp) != 0 || combining_tone(cp);
}

/* 1 if s (toneless, ü as v) is one pinyin syllable: an initial, or none,
 * and a final. */
static int syllable(const char *s)
{
    static const char *const finals[] = {
        "a", "o", "e", "i", "u", "v", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er",
        "ia", "ie", "iao", "iu", "ian", "in", "iang", "ing", "iong",
        "ua", "uo", "uai", "ui", "uan", "un", "uang", "ue", "ve",
    };
    if ((s[0] == 'z' || s[0] == 'c' || s[0] == 's') && s[1] == 'h')
        s += 2;
    else if (s[0] && strchr("bpmfdtnlgkhjqxrzcsyw", s[0]))
        s++;
    for (size_t i = 0; i < sizeof finals / sizeof *finals; i++)
        if (strcmp(s, finals[i]) == 0)
            return 1;
    return 0;
}

/* Length of a pinyin gloss at s: "(" one syllable of lowercase letters
 * carrying exactly one tone mark ")", or 0. After a Han character that is
 * how a mirror site prints the character's reading, and nothing a report
 * writes has that shape (a unit such as (m) or (kg) has no tone mark and is
 * no syllable). A gloss without a tone mark (a neutral tone) is left alone:
 * it cannot be told from such a unit with certainty. */
static size_t gloss_len(const char *s, size_t n)
{
    char base[8];
    size_t nb = 0, i = 1;
    int tones = 0;
    while (i < n && s[i] != ')') {
        uint32_t cp;
        int k = bg_utf8_next(s + i, n - i, &cp);
        char toned = toned_base(cp), b = toned ? toned : cp >= 'a' && cp <= 'z' ? (char)cp : cp == 0xFC ? 'v' : 0;
        i += (size_t)k;
        if (combining_tone(cp) && nb && strchr("aeiouv", base[nb - 1])) {
            tones++;
            continue;
        }
        if (cp == 0x0308 && nb && base[nb - 1] == 'u') {   /* a decomposed ü */
            base[nb - 1] = 'v';
            continue;
        }
        if (!b || nb == 6)      /* the longest syllables (zhuang) have six letters */
            return 0;
        tones += toned != 0;
        base[nb++] = b;
    }
    if (i >= n || nb == 0 || tones != 1)
        return 0;
    base[nb] = '\0';
    return syllable(base) ? i + 1 : 0;
}

static int is_han(uint32_t cp)
{
    return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x3FFFF);
}

/* Copies src to dst without the glosses that follow a Han character.
 * Returns how many were removed; the first is described in *first. */
static size_t strip_glosses(const bg_mapped *src, bg_mapped *dst, long *first_line, char *first, size_t first_size)
{
    size_t n = 0;
    long line = 1;
    uint32_t prev = 0;
    for (size_t i = 0; i < src->len;) {
        uint32_t cp;
        int k = bg_utf8_next(src->s + i, src->len - i, &cp);
        size_t g = cp == '(' && is_han(prev) ? gloss_len(src->s + i, src->len - i) : 0;
        if (g) {
            if (n++ == 0) {
                *first_line = line;
                snprintf(first, first_size, "%.*s", (int)g, src->s + i);
            }
            i += g;
            continue;           /* prev stays the character the gloss spelt */
        }
        line += cp == '\n';
        put_source(dst, src, i, (size_t)k);
        prev = cp;
        i += (size_t)k;
    }
    return n;
}

/* ---- traditional to simplified ------------------------------------------- */

/* One run of non-ASCII text (OpenCC's phrases never hold ASCII, so runs
 * convert on their own). t2s maps a character to one character: none of the
 * 277 phrases and 4113 characters of its tables in Debian's libopencc 1.1
 * changes length. So the k-th character of the result takes the offset of
 * the k-th of the run; if a later table changes a run's length anyway, that
 * run is converted a character at a time, still exactly mapped. */
static void convert_run(const bg_mapped *src, size_t a, size_t b, bg_mapped *dst)
{
    char *r = occ.convert(occ.cc, src->s + a, b - a);
    size_t rn = r ? strlen(r) : 0;
    if (r && bg_utf8_count(r, rn) == bg_utf8_count(src->s + a, b - a)) {
        uint32_t cp;
        for (size_t p = 0, i = a; p < rn && i < b;) {
            int kr = bg_utf8_next(r + p, rn - p, &cp);
            bg_mapped_put(dst, r + p, (size_t)kr, src->orig[i]);
            p += (size_t)kr;
            i += (size_t)bg_utf8_next(src->s + i, b - i, &cp);
        }
        occ.free(r);
        return;
    }
    if (r)
        occ.free(r);
    for (size_t i = a; i < b;) {
        uint32_t cp;
        size_t k = (size_t)bg_utf8_next(src->s + i, b - i, &cp);
        char *c = occ.convert(occ.cc, src->s + i, k);
        if (c) {
            bg_mapped_put(dst, c, strlen(c), src->orig[i]);
            occ.free(c);
        } else {
            put_source(dst, src, i, k);
        }
        i += k;
    }
}

/* Copies src to dst in simplified characters; -1 if OpenCC cannot be loaded. */
static int convert(const bg_mapped *src, bg_mapped *dst)
{
    pthread_once(&occ_once, occ_load);
    if (!occ.convert)
        return -1;
    pthread_mutex_lock(&occ_lock);
    for (size_t i = 0; i < src->len;) {
        size_t j = i + 1;
        int ascii = (unsigned char)src->s[i] < 0x80;
        while (j < src->len && ((unsigned char)src->s[j] < 0x80) == ascii)
            j++;
        if (ascii)
            put_source(dst, src, i, j - i);
        else
            convert_run(src, i, j, dst);
        i = j;
    }
    pthread_mutex_unlock(&occ_lock);
    return 0;
}

int bg_trad_rewrite(bg_mapped *text, const bg_script_count *c, bg_warnings *w)
{
    /* The ideographs are counted only here, on the rare page that has some
     * traditional-only characters, rather than on normalize's hot path. */
    size_t han = c->trad >= TRAD_MIN ? count_han(text->s, text->len) : 0;
    int traditional = c->trad >= TRAD_MIN && c->trad * TRAD_SHARE >= han;
    if (!c->tones && !traditional)
        return 0;
    bg_mapped cur = *text, next = { 0 };
    int changed = 0;
    if (c->tones) {
        char first[32];
        long line = 0;
        size_t n = strip_glosses(&cur, &next, &line, first, sizeof first);
        if (n) {
            bg_warn(w, line, "%zu pinyin gloss%s printed after characters removed, such as \"%s\"", n,
                    n > 1 ? "es" : "", first);
            mapped_free(&cur);
            cur = next;
            changed = 1;
        } else {
            mapped_free(&next);
        }
        next = (bg_mapped){ 0 };
    }
    if (traditional) {
        if (convert(&cur, &next) == 0) {
            bg_warn(w, 0, "text in traditional characters (%zu of its %zu ideographs): read as simplified "
                    "(OpenCC t2s), and names and labels are given in simplified characters", c->trad, han);
            mapped_free(&cur);
            cur = next;
            changed = 1;
        } else {
            bg_warn(w, 0, "text in traditional characters (%zu of its %zu ideographs) read as it is: "
                    "OpenCC's %s could not be loaded", c->trad, han, T2S_CONFIG);
            mapped_free(&next);
        }
    }
    if (!changed)
        return 0;
    bg_mapped_room(&cur, 0);
    *text = cur;
    return 1;
}
