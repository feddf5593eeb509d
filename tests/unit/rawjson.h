/* rawjson.h — the tests' reader of JSON values as raw text: money and scores
 * are printed as exact decimals, which cJSON would turn into doubles, so the
 * tests find a value's bytes with these instead. Shared by test_amounts and
 * test_peer_money. */
#ifndef BAOGAO_RAWJSON_H
#define BAOGAO_RAWJSON_H

static const char *skip_ws(const char *p)
{
    while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
        p++;
    return p;
}

static const char *skip_string(const char *p)
{
    for (p++; *p && *p != '"'; p++)
        if (*p == '\\' && p[1])
            p++;
    return *p ? p + 1 : p;
}

static const char *skip_value(const char *p)
{
    p = skip_ws(p);
    if (*p == '"')
        return skip_string(p);
    if (*p == '{' || *p == '[') {
        int depth = 0;
        for (; *p; p++) {
            if (*p == '"') {
                p = skip_string(p) - 1;
                continue;
            }
            if (*p == '{' || *p == '[')
                depth++;
            else if ((*p == '}' || *p == ']') && --depth == 0)
                return p + 1;
        }
        return p;
    }
    while (*p && *p != ',' && *p != '}' && *p != ']')
        p++;
    return p;
}

/* Called with each key and raw value of the index-th object of "amounts". */
typedef void (*rj_amount_field)(void *ctx, int index, const char *key, size_t klen, const char *v, size_t vlen);

static int rj_key_is(const char *k, size_t klen, const char *name)
{
    return strlen(name) == klen && strncmp(k, name, klen) == 0;
}

/* Walk the top-level "amounts" array of json (at most max objects). */
static void rj_each_amount_field(const char *json, int max, rj_amount_field fn, void *ctx)
{
    const char *p = skip_ws(json);
    if (*p++ != '{')
        return;
    while (*(p = skip_ws(p)) == '"') {
        const char *k = p + 1, *ke = skip_string(p) - 1;
        p = skip_ws(ke + 1);
        if (*p == ':')
            p = skip_ws(p + 1);
        if (!rj_key_is(k, (size_t)(ke - k), "amounts")) {
            p = skip_ws(skip_value(p));
            if (*p == ',')
                p++;
            continue;
        }
        if (*p != '[')
            return;
        p = skip_ws(p + 1);
        for (int i = 0; *p == '{' && i < max; i++) {
            p = skip_ws(p + 1);
            while (*p == '"') {
                const char *ak = p + 1, *ake = skip_string(p) - 1;
                p = skip_ws(ake + 1);
                if (*p == ':')
                    p = skip_ws(p + 1);
                const char *v = p, *ve = skip_value(p);
                fn(ctx, i, ak, (size_t)(ake - ak), v, (size_t)(ve - v));
                p = skip_ws(ve);
                if (*p == ',')
                    p = skip_ws(p + 1);
            }
            if (*p == '}')
                p = skip_ws(p + 1);
            if (*p == ',')
                p = skip_ws(p + 1);
        }
        return;
    }
}

#endif
