/*
** content.h - finding and loading lessons (chapters, front matter).
**
** Content lives in a root directory holding lessons/ (and exercises/).
** The root is --content DIR, else $PYPREP_CONTENT, else the directory of
** the running binary (or its parent, for build trees), else the installed
** share directory. Loading never stops at a bad file: each problem becomes
** a "file:line: message" error, and a broken lesson stays in the list,
** marked unavailable, so the rest of the content is still usable.
*/
#ifndef PYPREP_CONTENT_H
#define PYPREP_CONTENT_H

#include <stddef.h>

typedef enum { LEVEL_BEGINNER, LEVEL_INTERMEDIATE, LEVEL_ADVANCED } Level;

typedef struct Chapter Chapter;

typedef struct {
    char *id;
    char *title;
    Level level;
    char **topics;
    int ntopics;
    char *path;    /* full path of the .md file */
    char *body;    /* Markdown after the front matter (NULL if broken) */
    int body_line; /* 1-based line of the body's first line in the file */
    char *error;   /* "file:line: message" when unavailable, else NULL */
    Chapter *chapter;
} Lesson;

struct Chapter {
    char *id;
    char *title;
    char *intro; /* Markdown, may be empty */
    int order;
    char *dir;
    Lesson *lessons;
    int nlessons;
};

typedef struct {
    char *root;
    Chapter *chapters;
    int nchapters;
    char **errors; /* every problem found, "file:line: message" */
    int nerrors;
} Content;

/* Remember argv[0] and an explicit --content directory (borrowed). */
void content_set_argv0(const char *argv0);
void content_set_dir(const char *dir);

/*
** Resolve the content root. Returns a new string, or NULL with a message
** naming the places searched in err.
*/
char *content_find_root(char *err, size_t errlen);

/* Load everything under root. Never NULL; errors are inside. */
Content *content_load(const char *root);
void content_free(Content *c);

/* Find a lesson by id; NULL if none. */
Lesson *content_lesson(const Content *c, const char *id);

/*
** Up to max ids close to id (edit distance or substring), best first.
** Returns how many were written to out (borrowed pointers).
*/
int content_suggest(const Content *c, const char *id, const char **out,
                    int max);

const char *level_name(Level l);

/*
** Convenience for commands: find the root and load, or print the error
** and return NULL.
*/
Content *content_open(void);

#endif
