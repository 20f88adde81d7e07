/*
** cmd_check.c - `pyprep check [DIR...]`: validate content, print TAP.
**
** Each DIR is a content root (lessons/ and/or exercises/); none means the
** built-in content. One TAP test per lesson, per exercise file and per
** exercise, each failure followed by "# file:line: message" lines, so
** `make test` can run it over the shipped content. Exit 0 all good, 1 any
** problem, 2 usage.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"
#include "content.h"
#include "exercises.h"
#include "util.h"

static int T, failed;

static void tap(int ok, const char *fmt, const char *arg)
{
    T++;
    printf("%sok %d - ", ok ? "" : "not ", T);
    printf(fmt, arg);
    printf("\n");
    failed += !ok;
}

static int mentions(const GradeList *errs, const char *file, const char *id)
{
    char key[512];
    snprintf(key, sizeof key, ": %s", id);
    for (int i = 0; i < errs->n; i++)
        if (strncmp(errs->v[i], file, strlen(file)) == 0 &&
            (strstr(errs->v[i], key) || strstr(errs->v[i], id)))
            return 1;
    return 0;
}

static void check_lessons(const Content *c)
{
    for (int i = 0; i < c->nchapters; i++)
        for (int k = 0; k < c->chapters[i].nlessons; k++) {
            const Lesson *l = &c->chapters[i].lessons[k];
            tap(!l->error, "lesson %s", l->id ? l->id : l->path);
            if (l->error)
                printf("#   %s\n", l->error);
        }
}

int cmd_check(int argc, char **argv)
{
    char **dirs;
    int ndirs = 0;
    Content *builtin = NULL, *topics;
    ExerciseSet *set;
    GradeList errs = {0};

    dirs = xcalloc((size_t)argc + 1, sizeof *dirs);
    for (int i = 1; i < argc; i++) {
        if (argv[i][0] == '-') {
            fprintf(stderr, "%s: check: unknown option '%s'\n"
                            "usage: %s check [DIR...]\n",
                    progname, argv[i], progname);
            free(dirs);
            return 2;
        }
        dirs[ndirs++] = argv[i];
    }
    if (!ndirs) {
        if (!(builtin = content_open())) {
            free(dirs);
            return 2;
        }
        dirs[ndirs++] = builtin->root;
    }
    T = failed = 0;
    /* lessons of every dir; topics come from the first dir that has
    ** lessons (a pack without lessons uses the built-in topics) */
    topics = NULL;
    for (int d = 0; d < ndirs; d++) {
        char *ld = xasprintf("%s/lessons", dirs[d]);
        struct stat st;
        int has = stat(ld, &st) == 0 && S_ISDIR(st.st_mode);
        Content *c;
        free(ld);
        if (!has) /* an exercise pack without lessons */
            continue;
        c = content_load(dirs[d]);
        check_lessons(c);
        for (int i = 0; i < c->nerrors; i++) {
            int known = 0;
            for (int a = 0; a < c->nchapters; a++)
                for (int b = 0; b < c->chapters[a].nlessons; b++) {
                    const char *e = c->chapters[a].lessons[b].error;
                    known |= e && strcmp(e, c->errors[i]) == 0;
                }
            if (!known && c->nchapters) {
                tap(0, "content %s", dirs[d]);
                printf("#   %s\n", c->errors[i]);
            }
        }
        if (!topics && c->nchapters)
            topics = c;
        else
            content_free(c);
    }
    if (!topics && !builtin)
        builtin = content_open();
    set = exercises_load(dirs, ndirs, topics ? topics : builtin);
    for (int f = 0; f < set->nfiles; f++) {
        tap(set->file_errors[f] == 0, "exercise file %s", set->files[f]);
        if (set->file_errors[f]) {
            for (int i = 0; i < set->errors.n; i++)
                if (strncmp(set->errors.v[i], set->files[f],
                            strlen(set->files[f])) == 0)
                    printf("#   %s\n", set->errors.v[i]);
        }
    }
    for (int i = 0; i < set->n; i++) {
        GradeExercise *ex = set->v[i];
        GradeList done = {0};
        int before = errs.n, probs;
        probs = grade_validate(ex, NULL, &done, &errs);
        if (probs == 0 && mentions(&set->errors, ex->file, ex->id))
            probs = 1;
        T++;
        printf("%sok %d - exercise %s (%s): %d checks\n", probs ? "not " : "",
               T, ex->id, grade_kind_name(ex->kind), done.n);
        failed += probs != 0;
        for (int k = before; k < errs.n; k++)
            printf("#   %s\n", errs.v[k]);
        grade_list_free(&done);
    }
    if (T == 0)
        tap(0, "content found in %s", dirs[0]);
    printf("1..%d\n", T);
    if (failed)
        fprintf(stderr, "%s: check: %d of %d checks failed\n", progname,
                failed, T);
    grade_list_free(&errs);
    exercises_free(set);
    if (topics)
        content_free(topics);
    if (builtin)
        content_free(builtin);
    free(dirs);
    return failed ? 1 : 0;
}
