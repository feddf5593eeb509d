/* emit.h — pieces the JSON emitters share. */
#ifndef BAOGAO_EMIT_H
#define BAOGAO_EMIT_H

#include <cjson/cJSON.h>

#include "result.h"

cJSON *bg_json_str(const char *s);                       /* string or null */
cJSON *bg_json_dec(const bg_dec *d, int present);        /* exact number or null */
cJSON *bg_json_span(const baogao_result *r, size_t a, size_t b);   /* original [start, end) */

cJSON *bg_json_indicators(const baogao_result *r);
cJSON *bg_json_projects(const baogao_result *r);
cJSON *bg_json_scores(const baogao_result *r);
cJSON *bg_json_checks(const baogao_result *r);

#endif
