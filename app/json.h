/*
** json.h - a small streaming JSON encoder for the CLI's --json output.
**
** Callers describe structure (arrays, objects, keys, values); the encoder
** places commas and escapes strings (control characters, quotes, invalid
** UTF-8 replaced by U+FFFD), so no output is assembled by hand.
*/
#ifndef PYPREP_JSON_H
#define PYPREP_JSON_H

#include "util.h"

typedef struct {
    Buf out;
    int depth;
    int need_comma[32];
} Json;

void json_begin_array(Json *j);
void json_end_array(Json *j);
void json_begin_object(Json *j);
void json_end_object(Json *j);
void json_key(Json *j, const char *key);
void json_string(Json *j, const char *s);
void json_int(Json *j, long long v);
void json_number(Json *j, double v);
void json_bool(Json *j, int v);
void json_null(Json *j);

#endif
