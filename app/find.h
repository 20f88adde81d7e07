/*
** find.h - searching text with a PCRE2 pattern typed by the learner.
**
** UTF mode; smart case (a pattern with no upper-case letter matches any
** case); match and depth limits so a catastrophic pattern fails fast
** instead of freezing the screen.
*/
#ifndef PYPREP_FIND_H
#define PYPREP_FIND_H

#include <stddef.h>

typedef struct Finder Finder;

/* Compile pattern. NULL on error with a readable message in err. */
Finder *find_new(const char *pattern, char *err, size_t errlen);
void find_free(Finder *f);

/*
** Find the non-overlapping matches in text (len bytes): up to max
** [start, end) byte ranges go to starts/ends. Returns how many were found,
** or -1 when a limit stopped the match (the hits so far are kept).
*/
int find_all(Finder *f, const char *text, int len, int *starts, int *ends,
             int max);

#endif
