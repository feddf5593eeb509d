/* jsoncheck.h — two comparisons the golden runner needs, on cJSON trees:
 * the expected-file subset match (corpus/README.md) and a validator for the
 * part of JSON Schema that schema/baogao.schema.json uses. Each failure is
 * reported with its JSON path through `report`. */
#ifndef BAOGAO_JSONCHECK_H
#define BAOGAO_JSONCHECK_H

#include <cjson/cJSON.h>

typedef void (*jc_report)(void *ctx, const char *path, const char *message);

/* Does `actual` contain `expected` (objects: listed keys; arrays: same length,
 * elementwise)? Returns the number of mismatches. */
int jc_subset(const cJSON *expected, const cJSON *actual, const char *path, jc_report report, void *ctx);

/* Validate `doc` against `schema` (root holds "$defs"). Keywords: type
 * (string or array), properties, required, additionalProperties (boolean),
 * items, enum, const, minimum, minItems, maxItems, $ref "#/$defs/NAME".
 * Returns the number of violations. */
int jc_validate(const cJSON *schema_root, const cJSON *schema, const cJSON *doc, const char *path,
                jc_report report, void *ctx);

#endif
