/* emit.h — pieces the JSON emitters share. */
#ifndef BAOGAO_EMIT_H
#define BAOGAO_EMIT_H

#include "json_writer.h"
#include "result.h"

/* Member `key`: the original [start, end) of normalized [a, b). */
void bg_emit_span(jw *w, const baogao_result *r, const char *key, size_t a, size_t b);

void bg_emit_indicators(jw *w, const baogao_result *r);
void bg_emit_projects(jw *w, const baogao_result *r);
void bg_emit_scores(jw *w, const baogao_result *r);
void bg_emit_checks(jw *w, const baogao_result *r);

#endif
