/*
** find.c - PCRE2 search for the reader (and later the search screen).
*/
#define PCRE2_CODE_UNIT_WIDTH 8
#include "find.h"

#include <ctype.h>
#include <pcre2.h>
#include <stdio.h>
#include <stdlib.h>

#include "util.h"

struct Finder {
    pcre2_code *code;
    pcre2_match_data *md;
    pcre2_match_context *mc;
};

static int has_upper(const char *s)
{
    for (; *s; s++) {
        if (*s == '\\' && s[1]) { /* \S, \W, \D are not letters */
            s++;
            continue;
        }
        if (isupper((unsigned char)*s))
            return 1;
    }
    return 0;
}

Finder *find_new(const char *pattern, char *err, size_t errlen)
{
    int code;
    PCRE2_SIZE off;
    uint32_t opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF;
    Finder *f;
    pcre2_code *re;

    if (!*pattern) {
        snprintf(err, errlen, "empty pattern");
        return NULL;
    }
    if (!has_upper(pattern))
        opts |= PCRE2_CASELESS;
    re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts,
                       &code, &off, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        snprintf(err, errlen, "invalid pattern at offset %zu: %s",
                 (size_t)off, (char *)msg);
        return NULL;
    }
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* a speed-up if present */
    f = xcalloc(1, sizeof *f);
    f->code = re;
    f->md = pcre2_match_data_create_from_pattern(re, NULL);
    f->mc = pcre2_match_context_create(NULL);
    pcre2_set_match_limit(f->mc, 100000);
    pcre2_set_depth_limit(f->mc, 1000);
    if (!f->md || !f->mc) {
        find_free(f);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    return f;
}

void find_free(Finder *f)
{
    if (!f)
        return;
    pcre2_match_data_free(f->md);
    pcre2_match_context_free(f->mc);
    pcre2_code_free(f->code);
    free(f);
}

int find_all(Finder *f, const char *text, int len, int *starts, int *ends,
             int max)
{
    PCRE2_SIZE at = 0;
    int n = 0;

    while (n < max && at <= (PCRE2_SIZE)len) {
        int rc = pcre2_match(f->code, (PCRE2_SPTR)text, (PCRE2_SIZE)len, at,
                             0, f->md, f->mc);
        PCRE2_SIZE *ov;
        if (rc == PCRE2_ERROR_NOMATCH)
            break;
        if (rc < 0)
            return -1;
        ov = pcre2_get_ovector_pointer(f->md);
        if (ov[1] == ov[0]) {
            /* an empty match highlights nothing; step past it */
            at = ov[1] + 1;
            continue;
        }
        starts[n] = (int)ov[0];
        ends[n] = (int)ov[1];
        n++;
        at = ov[1];
    }
    return n;
}
