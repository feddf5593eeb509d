/* jsoncheck.c — subset matching and a small JSON Schema validator. */
#include "jsoncheck.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fail(jc_report report, void *ctx, const char *path, const char *fmt, const char *a, const char *b)
{
    char msg[1024];
    snprintf(msg, sizeof msg, fmt, a ? a : "", b ? b : "");
    report(ctx, path, msg);
}

static char *show(const cJSON *v)
{
    if (!v)
        return strdup("(missing)");
    char *s = cJSON_PrintUnformatted(v);
    if (s && strlen(s) > 300)
        strcpy(s + 290, "...");
    return s ? s : strdup("?");
}

static int same_scalar(const cJSON *e, const cJSON *a)
{
    if (cJSON_IsNumber(e))
        return cJSON_IsNumber(a) && e->valuedouble == a->valuedouble;
    if (cJSON_IsString(e))
        return cJSON_IsString(a) && strcmp(e->valuestring, a->valuestring) == 0;
    if (cJSON_IsNull(e))
        return cJSON_IsNull(a);
    if (cJSON_IsBool(e))
        return cJSON_IsBool(a) && cJSON_IsTrue(e) == cJSON_IsTrue(a);
    return 0;
}

int jc_subset(const cJSON *expected, const cJSON *actual, const char *path, jc_report report, void *ctx)
{
    char sub[1024];
    int bad = 0;
    if (cJSON_IsObject(expected)) {
        if (!cJSON_IsObject(actual)) {
            fail(report, ctx, path, "expected an object%s%s", NULL, NULL);
            return 1;
        }
        for (const cJSON *e = expected->child; e; e = e->next) {
            snprintf(sub, sizeof sub, "%s.%s", path, e->string);
            const cJSON *a = cJSON_GetObjectItemCaseSensitive(actual, e->string);
            if (!a) {
                fail(report, ctx, sub, "missing%s%s", NULL, NULL);
                bad++;
            } else
                bad += jc_subset(e, a, sub, report, ctx);
        }
        return bad;
    }
    if (cJSON_IsArray(expected)) {
        int ne = cJSON_GetArraySize(expected), na = cJSON_IsArray(actual) ? cJSON_GetArraySize(actual) : -1;
        if (ne != na) {
            char *got = show(actual);
            char want[32];
            snprintf(want, sizeof want, "%d", ne);
            fail(report, ctx, path, "expected an array of %s items, got %s", want, got);
            free(got);
            return 1;
        }
        int i = 0;
        for (const cJSON *e = expected->child, *a = actual->child; e && a; e = e->next, a = a->next, i++) {
            snprintf(sub, sizeof sub, "%s[%d]", path, i);
            bad += jc_subset(e, a, sub, report, ctx);
        }
        return bad;
    }
    if (!same_scalar(expected, actual)) {
        char *want = show(expected), *got = show(actual);
        fail(report, ctx, path, "want %s, got %s", want, got);
        free(want);
        free(got);
        return 1;
    }
    return 0;
}

/* ---- schema --------------------------------------------------------------- */

static int type_ok(const char *type, const cJSON *v)
{
    if (strcmp(type, "object") == 0) return cJSON_IsObject(v);
    if (strcmp(type, "array") == 0) return cJSON_IsArray(v);
    if (strcmp(type, "string") == 0) return cJSON_IsString(v);
    if (strcmp(type, "number") == 0) return cJSON_IsNumber(v);
    if (strcmp(type, "integer") == 0) return cJSON_IsNumber(v) && v->valuedouble == (double)(long long)v->valuedouble;
    if (strcmp(type, "boolean") == 0) return cJSON_IsBool(v);
    if (strcmp(type, "null") == 0) return cJSON_IsNull(v);
    return 0;
}

static const cJSON *resolve(const cJSON *root, const cJSON *schema)
{
    const cJSON *ref = cJSON_GetObjectItemCaseSensitive(schema, "$ref");
    if (!cJSON_IsString(ref) || strncmp(ref->valuestring, "#/$defs/", 8) != 0)
        return schema;
    const cJSON *defs = cJSON_GetObjectItemCaseSensitive(root, "$defs");
    const cJSON *target = cJSON_GetObjectItemCaseSensitive(defs, ref->valuestring + 8);
    return target ? target : schema;
}

static int check_type(const cJSON *schema, const cJSON *doc, const char *path, jc_report report, void *ctx)
{
    const cJSON *type = cJSON_GetObjectItemCaseSensitive(schema, "type");
    if (!type)
        return 0;
    int ok = 0;
    if (cJSON_IsString(type))
        ok = type_ok(type->valuestring, doc);
    else
        for (const cJSON *t = type->child; t && !ok; t = t->next)
            ok = type_ok(t->valuestring, doc);
    if (!ok) {
        char *want = show(type), *got = show(doc);
        fail(report, ctx, path, "type must be %s, value is %s", want, got);
        free(want);
        free(got);
        return 1;
    }
    return 0;
}

static int check_enum(const cJSON *schema, const cJSON *doc, const char *path, jc_report report, void *ctx)
{
    const cJSON *en = cJSON_GetObjectItemCaseSensitive(schema, "enum"), *cn = cJSON_GetObjectItemCaseSensitive(schema, "const");
    int bad = 0;
    if (en) {
        int found = 0;
        for (const cJSON *e = en->child; e && !found; e = e->next)
            found = same_scalar(e, doc);
        if (!found) {
            char *got = show(doc);
            fail(report, ctx, path, "value %s is not in the enum%s", got, NULL);
            free(got);
            bad++;
        }
    }
    if (cn && !same_scalar(cn, doc)) {
        char *got = show(doc);
        fail(report, ctx, path, "value %s is not the const%s", got, NULL);
        free(got);
        bad++;
    }
    const cJSON *mn = cJSON_GetObjectItemCaseSensitive(schema, "minimum");
    if (mn && cJSON_IsNumber(doc) && doc->valuedouble < mn->valuedouble) {
        fail(report, ctx, path, "below the minimum%s%s", NULL, NULL);
        bad++;
    }
    return bad;
}

static int check_object(const cJSON *root, const cJSON *schema, const cJSON *doc, const char *path,
                        jc_report report, void *ctx)
{
    char sub[1024];
    int bad = 0;
    const cJSON *props = cJSON_GetObjectItemCaseSensitive(schema, "properties");
    const cJSON *req = cJSON_GetObjectItemCaseSensitive(schema, "required");
    const cJSON *addl = cJSON_GetObjectItemCaseSensitive(schema, "additionalProperties");
    for (const cJSON *r = req ? req->child : NULL; r; r = r->next)
        if (!cJSON_GetObjectItemCaseSensitive(doc, r->valuestring)) {
            snprintf(sub, sizeof sub, "%s.%s", path, r->valuestring);
            fail(report, ctx, sub, "required key missing%s%s", NULL, NULL);
            bad++;
        }
    for (const cJSON *v = doc->child; v; v = v->next) {
        snprintf(sub, sizeof sub, "%s.%s", path, v->string);
        const cJSON *ps = props ? cJSON_GetObjectItemCaseSensitive(props, v->string) : NULL;
        if (ps)
            bad += jc_validate(root, ps, v, sub, report, ctx);
        else if (cJSON_IsFalse(addl)) {
            fail(report, ctx, sub, "key not allowed by the schema%s%s", NULL, NULL);
            bad++;
        }
    }
    return bad;
}

int jc_validate(const cJSON *root, const cJSON *schema, const cJSON *doc, const char *path,
                jc_report report, void *ctx)
{
    schema = resolve(root, schema);
    int bad = check_type(schema, doc, path, report, ctx);
    if (bad)
        return bad;
    bad += check_enum(schema, doc, path, report, ctx);
    if (cJSON_IsObject(doc))
        bad += check_object(root, schema, doc, path, report, ctx);
    if (cJSON_IsArray(doc)) {
        const cJSON *items = cJSON_GetObjectItemCaseSensitive(schema, "items");
        const cJSON *mni = cJSON_GetObjectItemCaseSensitive(schema, "minItems");
        const cJSON *mxi = cJSON_GetObjectItemCaseSensitive(schema, "maxItems");
        int n = cJSON_GetArraySize(doc), i = 0;
        if ((mni && n < mni->valueint) || (mxi && n > mxi->valueint)) {
            fail(report, ctx, path, "array length out of bounds%s%s", NULL, NULL);
            bad++;
        }
        char sub[1024];
        for (const cJSON *v = doc->child; items && v; v = v->next, i++) {
            snprintf(sub, sizeof sub, "%s[%d]", path, i);
            bad += jc_validate(root, items, v, sub, report, ctx);
        }
    }
    return bad;
}
